/**
 * The graph/ folder: for every example, the GraphDef of the graph it builds (its default graph
 * when it exits), as the library's exporter writes it (TF1TS_GRAPH_OUT). A run of an example can
 * check its file here; with TF1TS_REGENERATE_GRAPHS=1 the file is rewritten instead.
 * test/examples.test.ts does, for every example.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.join(__dirname, '..', '..');
export const GRAPH_DIR = path.join(ROOT, 'graph');
export const REGENERATE = process.env.TF1TS_REGENERATE_GRAPHS === '1';

/** The committed file of an example's graph. */
export function graphFile(name: string): string {
  return path.join(GRAPH_DIR, `${name}.pbtxt`);
}

/** A fresh temporary file for a run to write its graph to. */
export function graphOutFile(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf1ts-graph-'));
  return path.join(dir, `${name}.pbtxt`);
}

/** The environment that makes the library write the default graph to `file` at exit. */
export function graphOutEnv(file: string): Record<string, string> {
  return {TF1TS_GRAPH_OUT: file};
}

/**
 * Compares the graph a run wrote with the committed file (or, when regenerating, writes it).
 * Returns the problems: empty when they are the same. Removes the written file.
 */
export function checkGraphFile(name: string, written: string): string[] {
  if (!fs.existsSync(written)) return [`${name}: the run wrote no graph to ${written}`];
  const actual = fs.readFileSync(written, 'utf8');
  fs.rmSync(path.dirname(written), {recursive: true, force: true});
  const target = graphFile(name);
  if (REGENERATE) {
    fs.mkdirSync(GRAPH_DIR, {recursive: true});
    if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== actual) fs.writeFileSync(target, actual);
    return [];
  }
  if (!fs.existsSync(target)) return [`graph/${name}.pbtxt is missing: run the graph test with TF1TS_REGENERATE_GRAPHS=1`];
  const expected = fs.readFileSync(target, 'utf8');
  if (actual === expected) return [];
  return [`graph/${name}.pbtxt differs from the graph the example builds (TF1TS_REGENERATE_GRAPHS=1 rewrites it):\n${firstDifference(expected, actual)}`];
}

/** The first differing line of two texts, with a little context. */
export function firstDifference(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 3);
  const show = (lines: string[]) => lines.slice(from, i + 2).map((l, k) => `${String(from + k + 1).padStart(6)}  ${l}`).join('\n');
  return `line ${i + 1}:\n--- committed\n${show(a)}\n+++ built now\n${show(b)}`;
}

/** The examples (examples/NN-MM-name.ts), sorted. */
export function exampleNames(): string[] {
  return fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => /^\d\d-\d\d.*\.ts$/.test(f)).map((f) => f.replace(/\.ts$/, '')).sort();
}

/** The options the Python form's fixture was made with (`# fixture-args: --short --seed 1`). */
export function fixtureArgs(name: string): string[] {
  const file = path.join(ROOT, 'examples', 'python', `${name}.py`);
  if (!fs.existsSync(file)) return [];
  const m = /^# fixture-args:(.*)$/m.exec(fs.readFileSync(file, 'utf8'));
  return m ? m[1].trim().split(/\s+/) : [];
}
