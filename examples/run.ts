/**
 * `npm run example -- <name> [options]`: runs examples/<name>.ts. A unique prefix is enough
 * (`npm run example -- 06-01`); with no name, lists the examples.
 */
import * as fs from 'fs';
import * as path from 'path';

const [name, ...rest] = process.argv.slice(2);
const files = fs.readdirSync(__dirname).filter((f) => /^\d\d-\d\d.*\.ts$/.test(f)).sort();

if (!name) {
  console.log('usage: npm run example -- <name> [options]\n');
  for (const f of files) console.log(`  ${f.replace(/\.ts$/, '')}`);
  process.exit(0);
}
const matches = files.filter((f) => f === `${name}.ts` || f.startsWith(name));
if (matches.length !== 1) {
  console.error(matches.length ? `"${name}" is ambiguous: ${matches.join(', ')}` : `no example "${name}"; run without a name to list them`);
  process.exit(2);
}
// The example sees its own options as if it had been run directly.
process.argv = [process.argv[0], path.join(__dirname, matches[0]), ...rest];
require(path.join(__dirname, matches[0]));
