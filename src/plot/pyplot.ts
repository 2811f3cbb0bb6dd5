/**
 * `matplotlib.pyplot`'s state machine: a current figure and a current axes that `plot`,
 * `scatter`, `title` … act on. There is no display: `show()` writes every open figure to
 * <dir>/<script>-<n>.png (and .svg), prints one line `Figure saved: <path>` per figure, and
 * closes them, so the next call starts a new figure — as after closing matplotlib's windows.
 * The directory is `set_output_dir(dir)`, else $TF1TS_PLOT_DIR, else ./plots; <script> is the
 * running script's name ('figure' when there is none) and n counts the figures of the process.
 */
import * as path from 'path';
import {type ArrayInput} from '../ndarray/numpy_core';
import {type PlotOptions} from './artists';
import {Axes, type ContourfOptions, type ImshowOptions, type LegendLoc, type Limits, type ScatterOptions} from './axes';
import {Figure, type FigureOptions} from './figure';
import {writeFigure} from './output';
import {type Mappable} from './artists';

const figures = new Map<number, Figure>();
let current: Figure | null = null;
let outputDir: string | null = null;
let outputFormats: ('png' | 'svg')[] | null = null;
let shown = 0;

/** `plt.subplots`'s axes when one of nrows/ncols is 1: a list with `ravel()`. */
export class AxesArray extends Array<Axes> {
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }
  ravel(): Axes[] {
    return [...this];
  }
  flatten(): Axes[] {
    return [...this];
  }
}

/** `plt.subplots`'s axes for nrows, ncols > 1: rows of axes (`axes[i][j]`), `ravel()` in row order. */
export class AxesGrid extends Array<AxesArray> {
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }
  ravel(): Axes[] {
    return this.flatMap((row) => [...row]);
  }
  flatten(): Axes[] {
    return this.ravel();
  }
}

export interface SubplotsOptions extends FigureOptions {
  /** squeeze=False: always a 2-D grid. */
  squeeze?: boolean;
}

/** `figure(num=None, figsize=None, dpi=None)`: an existing number makes that figure current. */
export function figure(num?: number | null | FigureOptions, o: FigureOptions = {}): Figure {
  if (typeof num === 'object' && num !== null) return figure(null, num);
  if (typeof num === 'number' && figures.has(num)) {
    current = figures.get(num)!;
    return current;
  }
  const n = typeof num === 'number' ? num : Math.max(0, ...figures.keys()) + 1;
  current = new Figure(n, o);
  figures.set(n, current);
  return current;
}

export function gcf(): Figure {
  return current ?? figure();
}

export function gca(): Axes {
  return gcf().gca();
}

/** `sca(ax)`: makes ax (and its figure) current. */
export function sca(ax: Axes): Axes {
  for (const fig of figures.values()) {
    if (fig.axes.includes(ax)) {
      current = fig;
      return fig.sca(ax);
    }
  }
  throw new Error('Axes is not in an open figure');
}

/** `subplot(nrows, ncols, index)` or `subplot(211)` in the current figure. */
export function subplot(...args: number[]): Axes {
  return gcf().add_subplot(...args);
}

export function subplots(o?: SubplotsOptions): [Figure, Axes];
export function subplots(nrows: 1, ncols?: 1, o?: SubplotsOptions): [Figure, Axes];
export function subplots(nrows: 1, ncols: number, o?: SubplotsOptions): [Figure, AxesArray];
export function subplots(nrows: number, ncols?: 1, o?: SubplotsOptions): [Figure, AxesArray];
export function subplots(nrows: number, ncols: number, o?: SubplotsOptions): [Figure, AxesGrid];
/** `subplots(nrows=1, ncols=1, figsize=…)`: a new figure and its axes (one Axes, a list, or rows of lists, as squeeze gives). */
export function subplots(a?: number | SubplotsOptions, b?: number | SubplotsOptions, c?: SubplotsOptions): [Figure, Axes | AxesArray | AxesGrid] {
  const nrows = typeof a === 'number' ? a : 1;
  const ncols = typeof b === 'number' ? b : 1;
  const o = [a, b, c].find((v): v is SubplotsOptions => typeof v === 'object' && v !== null) ?? {};
  const fig = figure(null, o);
  const axes = Array.from({length: nrows * ncols}, (_, k) => fig.add_subplot(nrows, ncols, k + 1));
  fig.sca(axes[0]);
  if (o.squeeze !== false && nrows === 1 && ncols === 1) return [fig, axes[0]];
  if (o.squeeze !== false && (nrows === 1 || ncols === 1)) return [fig, AxesArray.from(axes) as AxesArray];
  const grid = new AxesGrid();
  for (let r = 0; r < nrows; r++) grid.push(AxesArray.from(axes.slice(r * ncols, (r + 1) * ncols)) as AxesArray);
  return [fig, grid];
}

export function plot(...args: (ArrayInput | string | PlotOptions)[]): ReturnType<Axes['plot']> {
  return gca().plot(...args);
}
export function scatter(x: ArrayInput, y: ArrayInput, ...rest: (number | ArrayInput | ScatterOptions | null)[]): ReturnType<Axes['scatter']> {
  return gca().scatter(x, y, ...rest);
}
export function contourf(...args: (ArrayInput | ContourfOptions)[]): ReturnType<Axes['contourf']> {
  return gca().contourf(...args);
}
export function imshow(X: ArrayInput, o?: ImshowOptions): ReturnType<Axes['imshow']> {
  return gca().imshow(X, o);
}

/** `colorbar(mappable=None, ax=None)`: beside the axes of the last image or contour set (`gci()`). */
export function colorbar(mappable?: Mappable | null, o: {ax?: Axes} = {}): {ax: Axes; mappable: Mappable} {
  const fig = gcf();
  const owner = o.ax ?? (mappable ? fig.axes.find((a) => a.artists.includes(mappable)) : [gca(), ...fig.axes].find((a) => a.currentMappable()));
  const m = mappable ?? owner?.currentMappable() ?? null;
  if (!owner || !m) throw new Error('No mappable was found to use for colorbar creation. First define a mappable such as an image (with imshow) or a contour set (with contourf).');
  owner.colorbar = m;
  return {ax: owner, mappable: m};
}

export function title(label: string): void {
  gca().set_title(label);
}
export function xlabel(label: string): void {
  gca().set_xlabel(label);
}
export function ylabel(label: string): void {
  gca().set_ylabel(label);
}
export function grid(visible?: boolean | null | {visible?: boolean}): void {
  gca().grid(visible);
}
export function legend(loc?: LegendLoc | {loc?: LegendLoc}): void {
  gca().legend(loc);
}
export function axis(arg?: Parameters<Axes['axis']>[0]): [number, number, number, number] {
  return gca().axis(arg);
}
/** `xlim()` returns the limits; `xlim(left, right)` or `xlim([left, right])` sets them. */
export function xlim(left?: number | readonly number[], right?: number): Limits {
  return left === undefined ? gca().get_xlim() : gca().set_xlim(left, right);
}
export function ylim(bottom?: number | readonly number[], top?: number): Limits {
  return bottom === undefined ? gca().get_ylim() : gca().set_ylim(bottom, top);
}
export function tight_layout(): void {
  gcf().tight_layout();
}
export function suptitle(t: string): void {
  gcf().suptitle(t);
}
export function clf(): void {
  gcf().clf();
}
export function cla(): void {
  gca().cla();
}
export function savefig(fname: string, o?: {dpi?: number; format?: 'png' | 'svg'}): string {
  return gcf().savefig(fname, o);
}

/** `close()`, `close(fig)`, `close(num)` or `close('all')`. */
export function close(fig?: Figure | number | 'all'): void {
  if (fig === 'all') figures.clear();
  else {
    const target = fig === undefined ? current : typeof fig === 'number' ? (figures.get(fig) ?? null) : fig;
    if (target) figures.delete(target.number);
  }
  if (current && !figures.has(current.number)) current = [...figures.values()].pop() ?? null;
}

/** Where `show()` writes: set_output_dir, else $TF1TS_PLOT_DIR, else ./plots. */
export function set_output_dir(dir: string | null): void {
  outputDir = dir;
}
export function get_output_dir(): string {
  return outputDir ?? process.env.TF1TS_PLOT_DIR ?? 'plots';
}
/** What `show()` writes: both by default; $TF1TS_PLOT_FORMATS ('png', 'svg' or 'png,svg') when not set here. */
export function set_output_formats(formats: readonly ('png' | 'svg')[] | null): void {
  outputFormats = formats ? [...formats] : null;
}
function formats(): ('png' | 'svg')[] {
  if (outputFormats) return outputFormats;
  const env = (process.env.TF1TS_PLOT_FORMATS ?? 'png,svg').split(',').map((s) => s.trim()).filter((s) => s === 'png' || s === 'svg');
  return env.length ? (env as ('png' | 'svg')[]) : ['png', 'svg'];
}

/** The running script's name: examples/03-01-linear-regression.ts → '03-01-linear-regression'. */
function scriptName(): string {
  const main = process.argv[1] ?? '';
  if (!/\.[cm]?[jt]s$/.test(main) || main.includes(`${path.sep}node_modules${path.sep}`)) return 'figure';
  return path.basename(main).replace(/\.[cm]?[jt]s$/, '');
}

/** `show()`: writes every open figure (in number order), prints where, and closes them; returns the paths printed. */
export function show(): string[] {
  const printed: string[] = [];
  const open = [...figures.values()].sort((a, b) => a.number - b.number);
  for (const fig of open) {
    shown += 1;
    const base = path.join(get_output_dir(), `${scriptName()}-${shown}`);
    const files = formats().map((fmt) => writeFigure(fig, `${base}.${fmt}`, {format: fmt}));
    const rel = path.relative(process.cwd(), path.resolve(files[0]));
    const shownPath = (rel.startsWith('..') || path.isAbsolute(rel) ? path.resolve(files[0]) : rel).split(path.sep).join('/');
    console.log(`Figure saved: ${shownPath}`);
    printed.push(shownPath);
  }
  figures.clear();
  current = null;
  return printed;
}

/** Figures still open (for tests and tools). */
export function get_fignums(): number[] {
  return [...figures.keys()].sort((a, b) => a - b);
}
