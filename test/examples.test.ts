/**
 * Every example is also a test: it runs (with its short settings) as a user runs it, and what it
 * prints is compared with what real TensorFlow printed for the listing's Python form
 * (examples/python/<name>.py → test/fixtures/examples/<name>.txt, by test/fixtures/gen/examples.py).
 */
import {spawnSync} from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import {expect} from 'chai';
import {compareOutputs, type CompareOptions} from './helpers/compare_output';

const ROOT = path.join(__dirname, '..');
const EXAMPLES = path.join(ROOT, 'examples');

/** Per-example settings: short-run arguments and comparison options. */
const SETTINGS: Record<string, {args?: string[]; compare?: CompareOptions}> = {};

function runExample(name: string, args: string[]): {stdout: string; stderr: string; status: number | null} {
  const r = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(EXAMPLES, 'run.ts'), name, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 10 * 60 * 1000,
    env: {...process.env, TS_NODE_TRANSPILE_ONLY: '1'},
  });
  return {stdout: r.stdout, stderr: r.stderr, status: r.status};
}

const names = fs.readdirSync(EXAMPLES).filter((f) => /^\d\d-\d\d.*\.ts$/.test(f)).map((f) => f.replace(/\.ts$/, '')).sort();

describe('examples print what TensorFlow prints', function () {
  this.timeout(10 * 60 * 1000);

  it('every example has its Python form and TF output committed', () => {
    for (const name of names) {
      expect(fs.existsSync(path.join(EXAMPLES, 'python', `${name}.py`)), `examples/python/${name}.py`).to.equal(true);
      expect(fs.existsSync(path.join(__dirname, 'fixtures', 'examples', `${name}.txt`)), `fixture for ${name}`).to.equal(true);
    }
  });

  for (const name of names) {
    it(name, () => {
      const settings = SETTINGS[name] ?? {};
      const r = runExample(name, settings.args ?? []);
      expect(r.status, `${name} exited with ${r.status}:\n${r.stderr}`).to.equal(0);
      const expected = fs.readFileSync(path.join(__dirname, 'fixtures', 'examples', `${name}.txt`), 'utf8');
      const problems = compareOutputs(r.stdout, expected, settings.compare);
      expect(problems, `${name} output:\n${r.stdout}`).to.deep.equal([]);
    });
  }
});
