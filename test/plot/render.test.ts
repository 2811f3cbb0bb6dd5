/**
 * Each plot kind rendered to PNG and read back: the image's size, that it is not blank, and
 * that known shapes land on the pixels matplotlib's geometry puts them on. The default figure
 * is 640×480 px with the axes box from (80, 57.6) to (576, 427.2) (subplot left .125, right .9,
 * top .88, bottom .11).
 */
import {expect} from 'chai';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {np} from '../../src';
import {Figure, ListedColormap, colorConverter, figureSvg, rasterize} from '../../src/plot';
import {layoutFigure} from '../../src/plot/layout';
import {near, nearAround, nonWhite, pixel, readPng, type Png} from './png';

const X0 = 80;
const X1 = 576;
const YTOP = 57.6;
const YBOTTOM = 427.2;
/** Data in [0, 1]² → pixel in the default axes box. */
const px = (x: number) => X0 + x * (X1 - X0);
const py = (y: number) => YBOTTOM - y * (YBOTTOM - YTOP);

function render(fig: Figure): Png {
  return readPng(rasterize(figureSvg(fig)));
}

function unitAxes(fig = new Figure(1)) {
  const ax = fig.add_subplot(111);
  ax.set_xlim(0, 1);
  ax.set_ylim(0, 1);
  return {fig, ax};
}

const WHITE = [255, 255, 255];

describe('plot: rendering to PNG', function () {
  this.timeout(30000);

  it('a default figure is 640×480, figsize and savefig dpi scale it, and an empty axes is not blank', () => {
    const {fig} = unitAxes();
    const png = render(fig);
    expect([png.width, png.height]).to.deep.equal([640, 480]);
    expect(nonWhite(png)).to.be.greaterThan(1000); // spines, ticks, labels
    expect(near(pixel(png, 300, 200), WHITE)).to.equal(true);
    // The left spine: 0.8 pt (1.1 px) of black centered on x = 80.
    expect(pixel(png, X0 - 0.5, 250)[0]).to.be.lessThan(160);
    expect(pixel(png, X0 + 0.5, 250)[0]).to.be.lessThan(160);
    const tall = new Figure(2, {figsize: [5, 10]});
    tall.add_subplot(111);
    expect([render(tall).width, render(tall).height]).to.deep.equal([500, 1000]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf1ts-plot-'));
    const file = fig.savefig(path.join(dir, 'big.png'), {dpi: 200});
    const big = readPng(fs.readFileSync(file));
    expect([big.width, big.height]).to.deep.equal([1280, 960]);
    const svg = fig.savefig(path.join(dir, 'fig.svg'));
    expect(fs.readFileSync(svg, 'utf8')).to.match(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="640" height="480"/);
    fs.rmSync(dir, {recursive: true});
  });

  it("plot: a horizontal 'r-' line at y = 0.5 fills pixel row 242, and only that band", () => {
    const {fig, ax} = unitAxes();
    ax.plot([0, 1], [0.5, 0.5], 'r-');
    const png = render(fig);
    for (const x of [100, 328, 550]) {
      expect(near(pixel(png, x, py(0.5)), [255, 0, 0]), `red at (${x}, 242)`).to.equal(true);
      expect(near(pixel(png, x, py(0.5) - 6), WHITE), `white above at x=${x}`).to.equal(true);
      expect(near(pixel(png, x, py(0.5) + 6), WHITE), `white below at x=${x}`).to.equal(true);
    }
  });

  it('plot: a diagonal in the default color C0 (#1f77b4), dashes leave gaps', () => {
    const {fig, ax} = unitAxes();
    ax.plot([0, 1], [0, 1]);
    ax.plot([0, 1], [0.2, 0.2], 'k--');
    const png = render(fig);
    for (const t of [0.25, 0.5, 0.75]) expect(nearAround(png, px(t), py(t), [31, 119, 180], 1, 6), `C0 at ${t}`).to.equal(true);
    expect(near(pixel(png, px(0.5), py(0.5) - 8), WHITE)).to.equal(true);
    const row = Array.from({length: 400}, (_, i) => pixel(png, X0 + 40 + i, py(0.2)));
    const dark = row.filter((c) => c[0] < 60).length;
    expect(dark).to.be.greaterThan(150);
    expect(dark).to.be.lessThan(380); // a dashed line: some pixels of the row stay light
  });

  it("plot: 'ro' draws red dots and no line", () => {
    const {fig, ax} = unitAxes();
    ax.plot([0.2, 0.8], [0.2, 0.8], 'ro');
    const png = render(fig);
    expect(near(pixel(png, px(0.2), py(0.2)), [255, 0, 0])).to.equal(true);
    expect(near(pixel(png, px(0.8), py(0.8)), [255, 0, 0])).to.equal(true);
    expect(near(pixel(png, px(0.5), py(0.5)), WHITE)).to.equal(true);
  });

  it("scatter: a point of area s at its pixel; '+' markers are strokes", () => {
    const {fig, ax} = unitAxes();
    ax.scatter([0.25], [0.75], {c: 'b', s: 400});
    ax.scatter([0.75], [0.25], {c: 'r', marker: '+', s: 400});
    const png = render(fig);
    // s = 400 pt²: a 20 pt (27.8 px) disc, plus its 1.5 pt edge.
    expect(near(pixel(png, px(0.25), py(0.75)), [0, 0, 255])).to.equal(true);
    expect(near(pixel(png, px(0.25) + 12, py(0.75)), [0, 0, 255])).to.equal(true);
    expect(near(pixel(png, px(0.25) + 19, py(0.75)), WHITE)).to.equal(true);
    expect(near(pixel(png, px(0.75), py(0.25)), [255, 0, 0])).to.equal(true);
    expect(near(pixel(png, px(0.75) + 10, py(0.25)), [255, 0, 0], 40)).to.equal(true);
    expect(near(pixel(png, px(0.75) + 8, py(0.25) - 8), WHITE)).to.equal(true); // between the arms
  });

  it('scatter: a list of colors, one per point', () => {
    const {fig, ax} = unitAxes();
    ax.scatter([0.2, 0.5, 0.8], [0.5, 0.5, 0.5], {c: ['r', 'b', 'y']});
    const png = render(fig);
    expect(near(pixel(png, px(0.2), py(0.5)), [255, 0, 0])).to.equal(true);
    expect(near(pixel(png, px(0.5), py(0.5)), [0, 0, 255])).to.equal(true);
    expect(near(pixel(png, px(0.8), py(0.5)), [191, 191, 0])).to.equal(true); // matplotlib's 'y' is (0.75, 0.75, 0)
  });

  it('contourf: bands colored from a ListedColormap at alpha 0.30, limits at the grid edge', () => {
    const fig = new Figure(1);
    const ax = fig.add_subplot(111);
    const [xx, yy] = np.meshgrid(np.linspace(0, 1, 11), np.linspace(0, 1, 11));
    const cmap = new ListedColormap([colorConverter.to_rgba('r', 0.3), colorConverter.to_rgba('b', 0.3)]);
    ax.contourf(xx, yy, yy, {cmap}); // z = y: red below 0.5, blue above
    expect(ax.get_xlim()).to.deep.equal([0, 1]);
    expect(ax.get_ylim()).to.deep.equal([0, 1]);
    const png = render(fig);
    const pink = [255, 179, 179];
    const lilac = [179, 179, 255];
    expect(near(pixel(png, px(0.5), py(0.2)), pink, 4)).to.equal(true);
    expect(near(pixel(png, px(0.1), py(0.05)), pink, 4)).to.equal(true);
    expect(near(pixel(png, px(0.5), py(0.8)), lilac, 4)).to.equal(true);
    expect(near(pixel(png, px(0.95), py(0.97)), lilac, 4)).to.equal(true);
  });

  it('imshow: a 2×2 checkerboard in gray, square pixels, row 0 at the top', () => {
    const {fig} = {fig: new Figure(1)};
    const ax = fig.add_subplot(111);
    ax.imshow([[0, 1], [1, 0]], {cmap: 'gray'});
    expect(ax.get_ylim()).to.deep.equal([1.5, -0.5]);
    const png = render(fig);
    // aspect 'equal': a 369.6 px square centered in the 496 px wide box.
    const left = X0 + (496 - 369.6) / 2;
    const c0 = left + 369.6 / 4;
    const c1 = left + (3 * 369.6) / 4;
    const r0 = YTOP + 369.6 / 4;
    const r1 = YTOP + (3 * 369.6) / 4;
    expect(near(pixel(png, c0, r0), [0, 0, 0])).to.equal(true);
    expect(near(pixel(png, c1, r0), WHITE)).to.equal(true);
    expect(near(pixel(png, c0, r1), WHITE)).to.equal(true);
    expect(near(pixel(png, c1, r1), [0, 0, 0])).to.equal(true);
    // Sharp block edges: just inside each side of the middle column boundary.
    const mid = left + 369.6 / 2;
    expect(near(pixel(png, mid - 3, r0), [0, 0, 0])).to.equal(true);
    expect(near(pixel(png, mid + 3, r0), WHITE)).to.equal(true);
    // Left of the image (inside the axes' cell, outside the shrunk box): figure background.
    expect(near(pixel(png, X0 + 20, r0), WHITE)).to.equal(true);
  });

  it('imshow: RGB data, as uint8 0…255 and as floats 0…1; default viridis for 2-D', () => {
    for (const [data, dtype] of [[[[[255, 0, 0], [0, 255, 0]], [[0, 0, 255], [255, 255, 255]]], 'uint8'], [[[[1, 0, 0], [0, 1, 0]], [[0, 0, 1], [1, 1, 1]]], 'float32']] as const) {
      const fig = new Figure(1);
      fig.add_subplot(111).imshow(np.array(data as unknown as number[][][], {dtype}));
      const png = render(fig);
      const left = X0 + (496 - 369.6) / 2;
      const [c0, c1, r0, r1] = [left + 92.4, left + 277.2, YTOP + 92.4, YTOP + 277.2];
      expect(near(pixel(png, c0, r0), [255, 0, 0]), dtype).to.equal(true);
      expect(near(pixel(png, c1, r0), [0, 255, 0]), dtype).to.equal(true);
      expect(near(pixel(png, c0, r1), [0, 0, 255]), dtype).to.equal(true);
      expect(near(pixel(png, c1, r1), WHITE), dtype).to.equal(true);
    }
    const fig = new Figure(1);
    fig.add_subplot(111).imshow([[0, 1]]);
    const png = render(fig);
    const l = layoutFigure(fig)[0].box;
    expect(near(pixel(png, l.x + l.w / 4, l.y + l.h / 2), [68, 1, 84], 3)).to.equal(true); // viridis(0) #440154
    expect(near(pixel(png, l.x + (3 * l.w) / 4, l.y + l.h / 2), [253, 231, 37], 3)).to.equal(true); // viridis(1) #fde725
  });

  it('colorbar: the colormap from vmin (bottom) to vmax (top) beside the image', () => {
    const fig = new Figure(1);
    const ax = fig.add_subplot(111);
    ax.imshow([[0, 1], [2, 3]]);
    ax.colorbar = ax.currentMappable();
    const [l] = layoutFigure(fig);
    expect(l.colorbar).to.not.equal(null);
    const cb = l.colorbar!.box;
    expect(cb.x).to.be.greaterThan(l.box.x + l.box.w);
    expect(l.colorbar!.ticks.labels).to.include('3.0');
    const png = render(fig);
    expect(near(pixel(png, cb.x + cb.w / 2, cb.y + 3), [253, 231, 37], 6)).to.equal(true);
    expect(near(pixel(png, cb.x + cb.w / 2, cb.y + cb.h - 3), [68, 1, 84], 6)).to.equal(true);
  });

  it('grid lines are #b0b0b0 at the ticks, under the lines; axis("off") hides spines and ticks', () => {
    const {fig, ax} = unitAxes();
    ax.grid();
    const png = render(fig);
    expect(near(pixel(png, px(0.4), py(0.3)), [176, 176, 176], 30)).to.equal(true); // x tick 0.4, vertical grid line
    expect(near(pixel(png, px(0.3), py(0.6)), [176, 176, 176], 30)).to.equal(true); // y tick 0.6
    const off = unitAxes();
    off.ax.axis('off');
    off.ax.plot([0, 1], [0.5, 0.5], 'g-');
    const p2 = render(off.fig);
    expect(near(pixel(p2, X0, 200), WHITE)).to.equal(true);
    expect(near(pixel(p2, px(0.5), py(0.5)), [0, 128, 0], 20)).to.equal(true);
  });

  it('text is drawn with the bundled DejaVu Sans (no system fonts are loaded): title and tick labels', () => {
    const {fig, ax} = unitAxes();
    ax.set_title('Minibatch run vs. Training loss');
    const png = render(fig);
    let dark = 0;
    for (let y = YTOP - 20; y < YTOP - 6; y++) for (let x = 200; x < 460; x++) if (pixel(png, x, y)[0] < 128) dark++;
    expect(dark).to.be.greaterThan(150);
    // The x tick label '0.0' under x = 80.
    let label = 0;
    for (let y = YBOTTOM + 8; y < YBOTTOM + 20; y++) for (let x = X0 - 10; x < X0 + 10; x++) if (pixel(png, x, y)[0] < 128) label++;
    expect(label).to.be.greaterThan(15);
  });

  it("legend: 'best' avoids the data (a rising diagonal puts it upper left), with the labels' colors in its handles", () => {
    const {fig, ax} = unitAxes();
    ax.plot([0, 1], [0, 1], 'r-', {label: 'rising'});
    ax.legend();
    const svg = figureSvg(fig);
    const m = /<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" rx=/.exec(svg);
    expect(m).to.not.equal(null);
    const [x, y] = [Number(m![1]), Number(m![2])];
    expect(x).to.be.closeTo(X0 + 6.94, 0.1); // borderaxespad 0.5 em = 5 pt
    expect(y).to.be.closeTo(YTOP + 6.94, 0.1);
    const png = render(fig);
    // The handle: a red segment starting 0.4 em into the box.
    expect(near(pixel(png, x + 0.4 * 13.89 + 10, y + 0.4 * 13.89 + 8.1), [255, 0, 0], 30)).to.equal(true);
    expect(svg).to.include('>rising</text>');
  });
});
