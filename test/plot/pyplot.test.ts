/**
 * pyplot's state machine: current figure and axes, subplot numbering, subplots' axes arrays,
 * format strings, and show(): one PNG and one SVG per open figure in the output directory,
 * one `Figure saved: <path>` line each, then no figure open.
 */
import {expect} from 'chai';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {np} from '../../src';
import {AxesArray, AxesGrid, pylab, plt} from '../../src/plot';
import {parseFormat} from '../../src/plot/artists';
import {nonWhite, readPng} from './png';

function captureLog<T>(f: () => T): {result: T; lines: string[]} {
  const lines: string[] = [];
  const orig = console.log;
  console.log = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
  try {
    return {result: f(), lines};
  } finally {
    console.log = orig;
  }
}

describe('plot: pyplot', function () {
  this.timeout(30000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf1ts-pyplot-'));
    plt.set_output_dir(dir);
    plt.close('all');
  });
  afterEach(() => {
    plt.set_output_dir(null);
    plt.set_output_formats(null);
    plt.close('all');
    fs.rmSync(dir, {recursive: true, force: true});
  });

  it('format strings as matplotlib reads them', () => {
    const table: [string, ReturnType<typeof parseFormat>][] = [
      ['ro', {color: 'r', marker: 'o', linestyle: ''}],
      ['b--', {color: 'b', marker: '', linestyle: '--'}],
      ['g-', {color: 'g', marker: '', linestyle: '-'}],
      ['k.', {color: 'k', marker: '.', linestyle: ''}],
      ['+', {marker: '+', linestyle: ''}],
      ['r', {color: 'r', marker: '', linestyle: '-'}],
      ['g^-', {color: 'g', marker: '^', linestyle: '-'}],
      ['C1:', {color: 'C1', marker: '', linestyle: ':'}],
      ['-.', {marker: '', linestyle: '-.'}],
    ];
    for (const [fmt, want] of table) expect(parseFormat(fmt), fmt).to.deep.equal(want);
    expect(() => parseFormat('rb')).to.throw(/two color symbols/);
    expect(() => parseFormat('q')).to.throw(/Unrecognized character q/);
  });

  it('plot/title/xlabel act on the current axes; subplot(211) and subplot(2, 1, 2) are places in the current figure', () => {
    const fig = plt.figure(1);
    const top = plt.subplot(211);
    plt.plot([1, 2, 3], 'b--');
    plt.title('t');
    plt.xlabel('x');
    plt.ylabel('y');
    expect(top.spec).to.deep.equal({nrows: 2, ncols: 1, index: 1});
    expect([top.title, top.xlabel, top.ylabel]).to.deep.equal(['t', 'x', 'y']);
    expect(top.artists[0]).to.include({kind: 'line', linestyle: '--'});
    const bottom = plt.subplot(2, 1, 2);
    expect(plt.gca()).to.equal(bottom);
    expect(plt.subplot(211)).to.equal(top); // the same place gives the same axes back
    expect(fig.axes.length).to.equal(2);
    expect(plt.figure(1)).to.equal(fig);
    expect(plt.figure().number).to.equal(2);
    expect(() => plt.subplot(2, 1, 3)).to.throw(/1 <= num <= 2/);
  });

  it('subplots: one Axes, a list, or rows of lists, each with ravel()', () => {
    const [fig1, ax] = plt.subplots();
    expect(fig1.axes).to.deep.equal([ax]);
    const [, row] = plt.subplots(1, 3);
    expect(row).to.be.instanceOf(AxesArray);
    expect(row.length).to.equal(3);
    const [fig, axes] = plt.subplots(4, 2, {figsize: [5, 10]});
    expect(axes).to.be.instanceOf(AxesGrid);
    expect(axes.length).to.equal(4);
    expect(axes[3].length).to.equal(2);
    expect(axes.ravel().map((a) => a.spec.index)).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(axes[1][0]).to.equal(axes.ravel()[2]);
    expect(fig.pixels).to.deep.equal([500, 1000]);
    const [, sq] = plt.subplots(1, 1, {squeeze: false});
    expect((sq as unknown as AxesGrid)[0][0].spec.index).to.equal(1);
  });

  it('show() writes every open figure as PNG and SVG, prints one line each, and closes them', () => {
    plt.plot(np.linspace(0, 1, 5), np.linspace(0, 1, 5), 'ro', {label: 'data'});
    plt.legend();
    plt.figure();
    plt.imshow([[0, 1], [1, 0]]);
    plt.colorbar();
    const {result, lines} = captureLog(() => plt.show());
    expect(lines.length).to.equal(2);
    for (const line of lines) expect(line).to.match(/^Figure saved: .*\/mocha-\d+\.png$|^Figure saved: .*\/figure-\d+\.png$/);
    expect(result.length).to.equal(2);
    const files = fs.readdirSync(dir).sort();
    expect(files.filter((f) => f.endsWith('.png')).length).to.equal(2);
    expect(files.filter((f) => f.endsWith('.svg')).length).to.equal(2);
    const n1 = Number(/-(\d+)\.png$/.exec(result[0])![1]);
    expect(result[1]).to.match(new RegExp(`-${n1 + 1}\\.png$`)); // numbered on, per process
    for (const f of files.filter((f) => f.endsWith('.png'))) {
      const png = readPng(fs.readFileSync(path.join(dir, f)));
      expect([png.width, png.height]).to.deep.equal([640, 480]);
      expect(nonWhite(png)).to.be.greaterThan(2000);
    }
    expect(plt.get_fignums()).to.deep.equal([]);
    // Nothing open: nothing written.
    expect(captureLog(() => plt.show()).lines).to.deep.equal([]);
  });

  it('the output directory: set_output_dir, else $TF1TS_PLOT_DIR, else ./plots; formats can be narrowed', () => {
    plt.set_output_dir(null);
    const saved = process.env.TF1TS_PLOT_DIR;
    try {
      process.env.TF1TS_PLOT_DIR = path.join(dir, 'env');
      expect(plt.get_output_dir()).to.equal(path.join(dir, 'env'));
      delete process.env.TF1TS_PLOT_DIR;
      expect(plt.get_output_dir()).to.equal('plots');
    } finally {
      if (saved === undefined) delete process.env.TF1TS_PLOT_DIR;
      else process.env.TF1TS_PLOT_DIR = saved;
    }
    plt.set_output_dir(path.join(dir, 'only-png'));
    plt.set_output_formats(['png']);
    plt.plot([1, 2]);
    captureLog(() => plt.show());
    expect(fs.readdirSync(path.join(dir, 'only-png')).every((f) => f.endsWith('.png'))).to.equal(true);
  });

  it('pylab is the same module; the colors helpers come with plt', () => {
    expect(pylab.imshow).to.equal(plt.imshow);
    const cmap = new plt.ListedColormap([plt.colorConverter.to_rgba('r', 0.3), plt.colorConverter.to_rgba('b', 0.3)]);
    expect(cmap.N).to.equal(2);
    expect(cmap.call(0.7)).to.deep.equal([0, 0, 1, 0.3]);
    expect(plt.cm.Greys.name).to.equal('Greys');
    expect(plt.cm.gray_r.call(0)).to.deep.equal([1, 1, 1, 1]);
  });

  it('xlim/ylim/axis set and read the limits; grid() toggles; close(fig) closes one', () => {
    plt.plot([0, 10], [0, 5]);
    expect(plt.xlim()).to.deep.equal([-0.5, 10.5]);
    plt.xlim(0, 10);
    plt.ylim([1, 2]);
    expect(plt.axis()).to.deep.equal([0, 10, 1, 2]);
    plt.axis([-1, 1, -2, 2]);
    expect(plt.gca().get_ylim()).to.deep.equal([-2, 2]);
    plt.grid();
    expect(plt.gca().gridOn).to.equal(true);
    plt.grid();
    expect(plt.gca().gridOn).to.equal(false);
    const f1 = plt.gcf();
    const f2 = plt.figure();
    plt.close(f1);
    expect(plt.get_fignums()).to.deep.equal([f2.number]);
  });
});
