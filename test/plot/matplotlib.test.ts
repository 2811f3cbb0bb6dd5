/**
 * The decisions matplotlib makes, compared with matplotlib's own (test/fixtures/plot.json, from
 * test/fixtures/gen/plot.py): tick locations and labels, autoscaled limits, contourf's levels
 * and band colors, color specs, colormaps and subplot positions.
 */
import {expect} from 'chai';
import * as fs from 'fs';
import * as path from 'path';
import {np} from '../../src';
import {Figure, ListedColormap, colorConverter, get_cmap, to_rgba} from '../../src/plot';
import {layoutFigure} from '../../src/plot/layout';
import {autoTicks, formatTicks} from '../../src/plot/ticks';

interface Fixture {
  ticks: {lo: number; hi: number; which: 'x' | 'y'; length_pt: number; locs: number[]; labels: string[]; offset: string}[];
  autoscale: {name: string; xlim: number[]; ylim: number[]}[];
  contourf: {name: string; levels: number[]; colors: number[][]}[];
  colors: {spec: string; alpha?: number; rgba: number[]}[];
  cmaps: Record<string, number[][]>;
  positions: {spec: number[]; bounds: number[]}[];
}

const fx = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'plot.json'), 'utf8')) as Fixture;

function closeAll(a: readonly number[], b: readonly number[], tol = 1e-9): void {
  expect(a.length, `${a} vs ${b}`).to.equal(b.length);
  a.forEach((v, i) => expect(v, `${a} vs ${b}`).to.be.closeTo(b[i], tol * Math.max(1, Math.abs(b[i]))));
}

describe('plot: matplotlib decisions', () => {
  it(`tick locations and labels (AutoLocator, ScalarFormatter): ${fx.ticks.length} cases`, () => {
    for (const t of fx.ticks) {
      const locs = autoTicks(t.lo, t.hi, t.length_pt, 10, t.which);
      const where = `${t.which} [${t.lo}, ${t.hi}] over ${t.length_pt.toFixed(1)} pt`;
      closeAll(locs, t.locs);
      const {labels, offsetText} = formatTicks(locs);
      expect(labels, where).to.deep.equal(t.labels);
      expect(offsetText, where).to.equal(t.offset);
    }
  });

  it('autoscaled view limits: 5% margins, none past a contour grid or an image, flat data widened', () => {
    const xs = np.linspace(-1, 8, 30);
    const [xx, yy] = np.meshgrid(xs, xs);
    const z3 = np.where(np.greater(np.add(xx, yy), 7), 1, np.where(np.greater(xx, 3), 2, 0));
    const pts = [[0.5, 2.0, 6.0], [1.0, 3.5, -0.5]];
    const draw: Record<string, (ax: ReturnType<Figure['add_subplot']>) => void> = {
      'line': (ax) => ax.plot(np.linspace(-1, 1, 100), np.add(np.multiply(2, np.linspace(-1, 1, 100)), 0.1)),
      'scatter': (ax) => ax.scatter(pts[0], pts[1]),
      'contourf+scatter': (ax) => {
        ax.scatter(pts[0], pts[1]);
        ax.contourf(xx, yy, z3);
      },
      'imshow': (ax) => ax.imshow(np.zeros([28, 28])),
      'flat': (ax) => ax.plot([0, 1, 2], [3, 3, 3]),
    };
    for (const c of fx.autoscale) {
      const ax = new Figure(1).add_subplot(111);
      draw[c.name](ax);
      closeAll(ax.get_xlim(), c.xlim, 1e-12);
      closeAll(ax.get_ylim(), c.ylim, 1e-12);
    }
  });

  it("contourf: default levels (MaxNLocator(7 + 1)) and each band's color, also from a ListedColormap", () => {
    const xs = np.linspace(-1, 8, 30);
    const [xx, yy] = np.meshgrid(xs, xs);
    const z3 = np.where(np.greater(np.add(xx, yy), 7), 1, np.where(np.greater(xx, 3), 2, 0));
    const zsin = np.multiply(np.multiply(np.sin(xx), np.cos(np.divide(yy, 2))), 3.3);
    const cmap = new ListedColormap(['r', 'b', 'y'].map((c) => colorConverter.to_rgba(c, 0.3)));
    const runs: Record<string, () => ReturnType<Figure['add_subplot']>['artists'][number]> = {
      'classes': () => new Figure(1).add_subplot(111).contourf(xx, yy, z3, {cmap}),
      'sin': () => new Figure(1).add_subplot(111).contourf(xx, yy, zsin),
      'sin-levels5': () => new Figure(1).add_subplot(111).contourf(xx, yy, zsin, {levels: 5}),
    };
    for (const c of fx.contourf) {
      const cs = runs[c.name]();
      if (cs.kind !== 'contourf') throw new Error('not a contour set');
      closeAll(cs.levels, c.levels, 1e-12);
      expect(cs.colors.length).to.equal(c.colors.length);
      // viridis: d3's table is matplotlib's 256 colors, rounded to bytes.
      cs.colors.forEach((rgba, i) => closeAll(rgba, c.colors[i], 3 / 255));
    }
  });

  it('color specs: to_rgba and colorConverter.to_rgba(c, alpha)', () => {
    for (const c of fx.colors) {
      const got = c.alpha !== undefined ? colorConverter.to_rgba(c.spec, c.alpha) : to_rgba(c.spec);
      closeAll(got, c.rgba, 1e-6);
    }
    expect(() => to_rgba('notacolor')).to.throw(/not a valid color/);
  });

  it('colormaps: viridis, gray, Greys, binary at 0, ¼, ½, ¾, 1', () => {
    for (const [name, want] of Object.entries(fx.cmaps)) {
      const cm = get_cmap(name);
      [0, 0.25, 0.5, 0.75, 1].forEach((x, i) => closeAll(cm.call(x), want[i], name === 'Greys' ? 0.03 : 3 / 255));
    }
  });

  it('subplot positions (GridSpec with the default subplot parameters)', () => {
    for (const p of fx.positions) {
      const fig = new Figure(1);
      fig.add_subplot(...p.spec);
      const {box} = layoutFigure(fig)[0];
      const [W, H] = fig.pixels;
      closeAll([box.x / W, 1 - (box.y + box.h) / H, box.w / W, box.h / H], p.bounds, 1e-9);
    }
  });
});
