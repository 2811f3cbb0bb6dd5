/**
 * TensorFlow → tf1ts: reads the GraphDefs real TensorFlow wrote into a directory (by
 * scripts/interop/graphdef.py: <name>.pb, <name>.pbtxt and values.json with TF's runs), imports
 * each into tf1ts, and reports whether tf1ts reads both files as TF wrote them, writes them back
 * the same, and computes TF's values.
 *
 *     node -r ts-node/register/transpile-only scripts/interop/read_samples.ts /tmp/tf1ts-interop/from_tf
 */
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '../../src';
import {GraphDef, parseGraphDefText} from '../../src/framework/graph_def';
import {import_graph_def} from '../../src/framework/import_graph_def';
import {compareRuns, decode, encode, type Run} from './samples';

function check(dir: string, name: string, runs: readonly Run[]): string[] {
  const text = fs.readFileSync(path.join(dir, `${name}.pbtxt`), 'utf8');
  const bytes = new Uint8Array(fs.readFileSync(path.join(dir, `${name}.pb`)));
  const problems: string[] = [];
  const fromBinary = GraphDef.FromString(bytes);
  if (fromBinary.toString() !== text) problems.push('the .pb does not decode to the text TF wrote');
  const fromText = parseGraphDefText(text);
  if (fromText.toString() !== text) problems.push('the .pbtxt does not print back as TF wrote it');
  if (!Buffer.from(fromText.SerializeToString()).equals(Buffer.from(bytes))) problems.push('the .pbtxt does not encode to the bytes of TF\'s .pb');
  const g = new tf.Graph();
  g.as_default(() => import_graph_def(fromBinary, {name: ''}));
  if (g.as_graph_def().toString() !== text) problems.push('imported and written back, the GraphDef differs from TF\'s');
  using sess = new tf.Session({graph: g});
  runs.forEach((run, k) => {
    const feed = Object.fromEntries(Object.entries(run.feeds).map(([n, v]) => [n, decode(v)]));
    const values = (sess.run(run.fetches, feed) as unknown[]).map(encode);
    problems.push(...compareRuns(values, run.results, `run ${k} ${run.fetches.join(',')}`));
  });
  return problems;
}

function main(): void {
  const dir = process.argv[2];
  const values = JSON.parse(fs.readFileSync(path.join(dir, 'values.json'), 'utf8')) as Record<string, {runs: Run[]}>;
  let failed = 0;
  for (const [name, {runs}] of Object.entries(values)) {
    let problems: string[];
    try {
      problems = check(dir, name, runs);
    } catch (e) {
      problems = [`${(e as Error).name}: ${(e as Error).message.split('\n')[0]}`];
    }
    if (problems.length) failed++;
    const nodes = GraphDef.FromString(new Uint8Array(fs.readFileSync(path.join(dir, `${name}.pb`)))).node.length;
    console.log(`  ${problems.length ? 'FAIL' : 'ok  '} ${name} (${nodes} nodes, ${runs.length} runs)${problems.map((p) => `\n         ${p}`).join('')}`);
  }
  process.exitCode = failed ? 1 : 0;
}

main();
