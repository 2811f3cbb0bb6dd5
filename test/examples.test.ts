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

/**
 * Per-example comparison options. Seeded runs start from TF's exact values (numpy's and TF's
 * generators are reproduced bit for bit) and differ only by float32 rounding, which thousands of
 * training steps amplify: these tolerances say how much, listing by listing.
 */
const COMPARE: Record<string, CompareOptions> = {
  // 10 000 Adam steps on XOR: last-bit differences grow to ~5e-4 in the small outputs.
  '07-04-xor-one-hot': {rtol: 2e-3},
  // 2000 Adam steps, then a loss on a new test set.
  '07-06-overfitting': {rtol: 1e-3},
  '07-07-l2-regularization': {rtol: 1e-3},
  // The same dropout masks, but 2000 steps through ReLU kinks with a decaying rate: ~4%.
  '07-08-dropout-decay': {rtol: 0.06},
};

/** The options the Python form was run with for its fixture (`# fixture-args: --short --seed 1`). */
function fixtureArgs(name: string): string[] {
  const py = fs.readFileSync(path.join(EXAMPLES, 'python', `${name}.py`), 'utf8');
  const m = /^# fixture-args:(.*)$/m.exec(py);
  return m ? m[1].trim().split(/\s+/) : [];
}

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
      const r = runExample(name, fixtureArgs(name));
      expect(r.status, `${name} exited with ${r.status}:\n${r.stderr}`).to.equal(0);
      const expected = fs.readFileSync(path.join(__dirname, 'fixtures', 'examples', `${name}.txt`), 'utf8');
      const problems = compareOutputs(r.stdout, expected, COMPARE[name]);
      expect(problems, `${name} output:\n${r.stdout}`).to.deep.equal([]);
    });
  }
});
