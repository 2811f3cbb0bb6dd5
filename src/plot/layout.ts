/**
 * Where each axes sits in the figure, in pixels: matplotlib's subplot parameters and GridSpec
 * arithmetic (left .125, right .9, bottom .11, top .88, wspace = hspace = .2), the margins
 * `tight_layout()` fits to the labels (pad 1.08 × font size), a colorbar's slot (fraction .15,
 * pad .05, aspect 20) and the box an equal-aspect axes (imshow) shrinks to.
 */
import {type Axes, type Limits} from './axes';
import {RC} from './artists';
import {type Figure} from './figure';
import {autoTicks, formatTicks, textWidth} from './ticks';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Ticks {
  locs: number[];
  labels: string[];
  offsetText: string;
}

export interface AxesLayout {
  ax: Axes;
  box: Box;
  xlim: Limits;
  ylim: Limits;
  xticks: Ticks;
  yticks: Ticks;
  colorbar: {box: Box; ticks: Ticks; lim: Limits} | null;
}

/** Points to pixels at a dpi. */
export const pt = (points: number, dpi: number): number => (points * dpi) / 72;

interface Params {
  left: number;
  right: number;
  bottom: number;
  top: number;
  wspace: number;
  hspace: number;
}

/** GridSpec: cell (row, col) of an nrows × ncols grid within the subplot parameters, spans from the spec's index. */
function cellBox(ax: Axes, W: number, H: number, p: Params): Box {
  const {nrows, ncols, index} = ax.spec;
  const totW = (p.right - p.left) * W;
  const totH = (p.top - p.bottom) * H;
  const cellW = totW / (ncols + p.wspace * (ncols - 1));
  const cellH = totH / (nrows + p.hspace * (nrows - 1));
  const row = Math.floor((index - 1) / ncols);
  const col = (index - 1) % ncols;
  return {
    x: p.left * W + col * cellW * (1 + p.wspace),
    y: (1 - p.top) * H + row * cellH * (1 + p.hspace),
    w: cellW,
    h: cellH,
  };
}

function ticksFor(lim: Limits, lengthPx: number, dpi: number, which: 'x' | 'y'): Ticks {
  const locs = autoTicks(lim[0], lim[1], (lengthPx * 72) / dpi, RC.fontSize, which);
  return {locs, ...formatTicks(locs)};
}

/** The colorbar's slot beside its parent, and what is left to the parent (`colorbar.make_axes`). */
function splitColorbar(box: Box): {parent: Box; cb: Box} {
  const fraction = 0.15;
  const pad = 0.05;
  const parent = {...box, w: box.w * (1 - fraction - pad)};
  const cbW = Math.min(box.h / 20, box.w * fraction);
  return {parent, cb: {x: box.x + box.w * (1 - fraction), y: box.y, w: cbW, h: box.h}};
}

/** Shrink a box to the data's aspect (one unit as long on x as on y), centered: `apply_aspect` with anchor 'C'. */
function applyAspect(box: Box, xlim: Limits, ylim: Limits, aspect: 'equal' | number): Box {
  const a = aspect === 'equal' ? 1 : aspect;
  const want = (a * Math.abs(ylim[1] - ylim[0])) / Math.abs(xlim[1] - xlim[0]);
  if (!Number.isFinite(want) || want <= 0) return box;
  if (box.h / box.w > want) {
    const h = box.w * want;
    return {...box, y: box.y + (box.h - h) / 2, h};
  }
  const w = box.h / want;
  return {...box, x: box.x + (box.w - w) / 2, w};
}

function place(ax: Axes, cell: Box, dpi: number): AxesLayout {
  const xlim = ax.get_xlim();
  const ylim = ax.get_ylim();
  let box = cell;
  let cb: Box | null = null;
  if (ax.colorbar) ({parent: box, cb} = splitColorbar(cell));
  if (ax.aspect !== 'auto') box = applyAspect(box, xlim, ylim, ax.aspect);
  if (cb) cb = {...cb, x: Math.min(cb.x, box.x + box.w + 0.05 * cell.w), y: box.y, h: box.h};
  let colorbar: AxesLayout['colorbar'] = null;
  if (cb && ax.colorbar) {
    const lim: Limits = ax.colorbar.kind === 'contourf' ? [ax.colorbar.levels[0], ax.colorbar.levels[ax.colorbar.levels.length - 1]] : [ax.colorbar.vmin, ax.colorbar.vmax];
    const ticks = ax.colorbar.kind === 'contourf'
      ? {locs: ax.colorbar.levels, ...formatTicks(ax.colorbar.levels)}
      : ticksFor(lim, cb.h, dpi, 'y');
    colorbar = {box: cb, ticks, lim};
  }
  return {ax, box, xlim, ylim, xticks: ticksFor(xlim, box.w, dpi, 'x'), yticks: ticksFor(ylim, box.h, dpi, 'y'), colorbar};
}

/** How far an axes' ticks, labels and title reach beyond its box on each side, in pixels. */
export function decorations(l: AxesLayout, dpi: number): {left: number; right: number; top: number; bottom: number} {
  const font = pt(RC.fontSize, dpi);
  const lineH = font * 1.17;
  if (!l.ax.axisOn) return {left: 0, right: 0, top: l.ax.title ? pt(RC.titlePad, dpi) + pt(RC.titleSize, dpi) * 1.17 : 0, bottom: 0};
  const tick = pt(RC.tickSize + RC.tickPad, dpi);
  const yLabelW = Math.max(0, ...l.yticks.labels.map((s) => textWidth(s, font)));
  const left = tick + yLabelW + (l.ax.ylabel ? pt(RC.labelPad, dpi) + lineH : 0);
  const bottom = tick + lineH + (l.ax.xlabel ? pt(RC.labelPad, dpi) + lineH : 0);
  const title = l.ax.title ? pt(RC.titlePad, dpi) + pt(RC.titleSize, dpi) * 1.17 : 0;
  const offset = l.yticks.offsetText ? lineH : 0;
  const top = Math.max(title, offset, lineH / 2);
  const lastX = l.xticks.labels[l.xticks.labels.length - 1] ?? '';
  let right = textWidth(lastX, font) / 2;
  if (l.colorbar) {
    const cbLabels = Math.max(0, ...l.colorbar.ticks.labels.map((s) => textWidth(s, font)));
    right = Math.max(right, l.colorbar.box.x + l.colorbar.box.w - (l.box.x + l.box.w) + tick + cbLabels);
  }
  return {left, right, top, bottom};
}

/** Every axes' place and ticks: default subplot parameters, or margins fitted as `tight_layout()` does. */
export function layoutFigure(fig: Figure): AxesLayout[] {
  const [W, H] = fig.pixels;
  const params: Params = {...RC.subplot};
  if (fig.suptitleText) params.top = Math.min(params.top, 1 - (pt(RC.titleSize * 1.2, fig.dpi) * 2) / H);
  let layouts = fig.axes.map((ax) => place(ax, cellBox(ax, W, H, params), fig.dpi));
  if (!fig.tight || fig.axes.length === 0) return layouts;
  // Two passes: tick labels depend on the axes' size, which depends on the margins.
  for (let pass = 0; pass < 2; pass++) {
    const pad = pt(1.08 * RC.fontSize, fig.dpi);
    const dec = layouts.map((l) => decorations(l, fig.dpi));
    const {nrows, ncols} = fig.axes[0].spec;
    const colOf = (l: AxesLayout) => (l.ax.spec.index - 1) % l.ax.spec.ncols;
    const rowOf = (l: AxesLayout) => Math.floor((l.ax.spec.index - 1) / l.ax.spec.ncols);
    const maxOf = (pick: (i: number) => number, keep: (l: AxesLayout) => boolean) =>
      Math.max(0, ...layouts.map((l, i) => (keep(l) ? pick(i) : 0)));
    const left = pad + maxOf((i) => dec[i].left, (l) => colOf(l) === 0);
    const right = pad + maxOf((i) => dec[i].right, (l) => colOf(l) === l.ax.spec.ncols - 1);
    const top = pad + maxOf((i) => dec[i].top, (l) => rowOf(l) === 0) + (fig.suptitleText ? pt(RC.titleSize * 1.2, fig.dpi) * 1.5 : 0);
    const bottom = pad + maxOf((i) => dec[i].bottom, (l) => rowOf(l) === l.ax.spec.nrows - 1);
    const hgap = pad + maxOf((i) => dec[i].right, () => true) + maxOf((i) => dec[i].left, () => true);
    const vgap = pad + maxOf((i) => dec[i].bottom, () => true) + maxOf((i) => dec[i].top, () => true);
    const cellW = (W - left - right - (ncols - 1) * hgap) / ncols;
    const cellH = (H - top - bottom - (nrows - 1) * vgap) / nrows;
    if (cellW <= 0 || cellH <= 0) return layouts;
    Object.assign(params, {
      left: left / W, right: 1 - right / W, top: 1 - top / H, bottom: bottom / H,
      wspace: ncols > 1 ? hgap / cellW : 0, hspace: nrows > 1 ? vgap / cellH : 0,
    });
    layouts = fig.axes.map((ax) => place(ax, cellBox(ax, W, H, params), fig.dpi));
  }
  return layouts;
}
