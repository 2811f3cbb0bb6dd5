/**
 * Every example is also a test: it runs (with its short settings) as a user runs it, and what it
 * prints is compared with what real TensorFlow printed for the listing's Python form
 * (examples/python/<name>.py → test/fixtures/examples/<name>.txt, by test/fixtures/gen/examples.py),
 * and the graph it built, written at exit (TF1TS_GRAPH_OUT), must be the committed graph/<name>.pbtxt.
 */
import {spawnSync} from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {expect} from 'chai';
import {compareOutputs, type CompareOptions} from './helpers/compare_output';
import {checkGraphFile, exampleNames, fixtureArgs, graphOutEnv, graphOutFile} from './helpers/graph_files';

const ROOT = path.join(__dirname, '..');
const EXAMPLES = path.join(ROOT, 'examples');
/** Where the examples' plt.show() writes its figures during the test (not ./plots). */
const PLOT_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'tf1ts-plots-'));

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
  // 2000 Adam steps through ReLU kinks, then a loss on a new test set. TF's own result moves by
  // 4e-4 when only its matmul kernels change (TF_ENABLE_ONEDNN_OPTS=0 gives 0.1234973 for
  // 0.12345113): 2e-3 is that sensitivity, with headroom.
  '07-07-l2-regularization': {rtol: 2e-3},
  // The same dropout masks, but 2000 steps through ReLU kinks with a decaying rate: ~4%.
  '07-08-dropout-decay': {rtol: 0.06},
};

function runExample(name: string, args: string[], graphOut: string): {stdout: string; stderr: string; status: number | null} {
  const r = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(EXAMPLES, 'run.ts'), name, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 10 * 60 * 1000,
    env: {...process.env, TS_NODE_TRANSPILE_ONLY: '1', TF1TS_PLOT_DIR: PLOT_DIR, TF1TS_PLOT_FORMATS: 'png', ...graphOutEnv(graphOut)},
  });
  return {stdout: r.stdout, stderr: r.stderr, status: r.status};
}

const names = exampleNames();

describe('examples print what TensorFlow prints', function () {
  this.timeout(10 * 60 * 1000);
  after(() => fs.rmSync(PLOT_DIR, {recursive: true, force: true}));

  it('every example has its Python form and TF output committed', () => {
    for (const name of names) {
      expect(fs.existsSync(path.join(EXAMPLES, 'python', `${name}.py`)), `examples/python/${name}.py`).to.equal(true);
      expect(fs.existsSync(path.join(__dirname, 'fixtures', 'examples', `${name}.txt`)), `fixture for ${name}`).to.equal(true);
    }
  });

  for (const name of names) {
    it(name, () => {
      const graphOut = graphOutFile(name);
      const r = runExample(name, fixtureArgs(name), graphOut);
      expect(r.status, `${name} exited with ${r.status}:\n${r.stderr}`).to.equal(0);
      const expected = fs.readFileSync(path.join(__dirname, 'fixtures', 'examples', `${name}.txt`), 'utf8');
      const problems = compareOutputs(r.stdout, expected, COMPARE[name]);
      expect(problems, `${name} output:\n${r.stdout}`).to.deep.equal([]);
      // Every figure it says it saved is a PNG.
      for (const [, file] of r.stdout.matchAll(/^Figure saved: (.*)$/gm)) {
        expect(fs.readFileSync(path.resolve(ROOT, file)).subarray(1, 4).toString(), file).to.equal('PNG');
      }
      // The graph it built is graph/<name>.pbtxt (TF1TS_REGENERATE_GRAPHS=1 rewrites the file).
      expect(checkGraphFile(name, graphOut)).to.deep.equal([]);
    });
  }
});
