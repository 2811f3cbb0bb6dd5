/**
 * Section 4.2 (examples/04-00-activation-functions.ts): the activations computed by tf.nn ops
 * equal real TF's at the printed points (test/fixtures/examples/04-00-activation-functions.txt,
 * written by test/fixtures/gen/examples.py from the Python form), and the two figures come out:
 * the 4×2 grid at figsize 5×10 and the combined plot at 5×5, one `Figure saved:` line each.
 */
import {spawnSync} from 'child_process';
import {expect} from 'chai';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {compareOutputs} from '../helpers/compare_output';
import {nonWhite, readPng} from './png';

const ROOT = path.join(__dirname, '..', '..');
const NAME = '04-00-activation-functions';
/** The line `plt.show()` prints per figure (not in TF's output: matplotlib's Agg show() prints nothing). */
const FIGURE_LINE = /^Figure saved: .*\.png$/;

describe('plot: section 4.2, activation functions', function () {
  this.timeout(120000);

  it('prints the values real TF computes, and writes the 4×2 grid and the combined plot', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf1ts-act-'));
    try {
      const r = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(ROOT, 'examples', 'run.ts'), NAME, '--seed', '1'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: {...process.env, TS_NODE_TRANSPILE_ONLY: '1', TF1TS_PLOT_DIR: dir},
      });
      expect(r.status, r.stderr).to.equal(0);
      const lines = r.stdout.split('\n');
      const figures = lines.filter((l) => FIGURE_LINE.test(l));
      expect(figures).to.deep.equal([1, 2].map((n) => `Figure saved: ${path.join(dir, `${NAME}-${n}.png`)}`));
      const printed = lines.filter((l) => !FIGURE_LINE.test(l)).join('\n');
      const expected = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'examples', `${NAME}.txt`), 'utf8');
      expect(compareOutputs(printed, expected), printed).to.deep.equal([]);
      const grid = readPng(fs.readFileSync(path.join(dir, `${NAME}-1.png`)));
      const combined = readPng(fs.readFileSync(path.join(dir, `${NAME}-2.png`)));
      expect([grid.width, grid.height]).to.deep.equal([500, 1000]);
      expect([combined.width, combined.height]).to.deep.equal([500, 500]);
      expect(nonWhite(grid)).to.be.greaterThan(20000);
      expect(nonWhite(combined)).to.be.greaterThan(10000);
      expect(fs.existsSync(path.join(dir, `${NAME}-1.svg`))).to.equal(true);
    } finally {
      fs.rmSync(dir, {recursive: true, force: true});
    }
  });
});
