/**
 * `matplotlib.axes.Axes`: the plotting methods the book calls on an axes (`ax.plot`,
 * `ax.scatter`, `ax.contourf`, `ax.imshow`, `ax.set_title`, `ax.grid`, `ax.legend` …). It keeps
 * what was asked for; the view limits are worked out as matplotlib autoscales (data limits plus
 * 5% margins, none past a contour grid's or an image's edge).
 */
import {NDArray} from '../ndarray/ndarray';
import {type ArrayInput} from '../ndarray/numpy_core';
import {
  type Artist, type AxesImage, type ContourSet, type Line2D, type Mappable, type Marker, type PathCollection,
  type PlotOptions, RC, grid, makeLine, parseFormat, scatterColors, values,
} from './artists';
import {TAB10, type ColorSpec, type Colormap, get_cmap, to_rgba} from './colors';
import {flipRows, imageRgba} from './image';
import {contourLevels, nonsingular} from './ticks';

export type Limits = [number, number];
export type LegendLoc =
  | 'best' | 'upper right' | 'upper left' | 'lower left' | 'lower right' | 'right' | 'center left'
  | 'center right' | 'lower center' | 'upper center' | 'center';

export interface ScatterOptions {
  s?: number | ArrayInput;
  c?: ColorSpec | readonly ColorSpec[] | ArrayInput;
  color?: ColorSpec;
  marker?: Marker;
  cmap?: string | Colormap;
  vmin?: number;
  vmax?: number;
  alpha?: number;
  linewidths?: number;
  label?: string;
  zorder?: number;
}

export interface ContourfOptions {
  levels?: number | readonly number[];
  cmap?: string | Colormap;
  colors?: readonly ColorSpec[];
  alpha?: number;
  vmin?: number;
  vmax?: number;
  zorder?: number;
}

export interface ImshowOptions {
  cmap?: string | Colormap;
  vmin?: number;
  vmax?: number;
  /** Accepted for compatibility: pixels are always drawn as blocks (what 'nearest' gives). */
  interpolation?: string;
  origin?: 'upper' | 'lower';
  extent?: readonly [number, number, number, number];
  aspect?: 'equal' | 'auto' | number;
  alpha?: number;
}

/** A subplot's place in its figure's grid: rows, columns and the 1-based index, as `subplot(nrows, ncols, index)`. */
export interface SubplotSpec {
  nrows: number;
  ncols: number;
  index: number;
}

type PlotArg = ArrayInput | string | PlotOptions;

function isOptions(a: unknown): a is Record<string, unknown> {
  return typeof a === 'object' && a !== null && !Array.isArray(a) && !ArrayBuffer.isView(a) && a.constructor === Object;
}

export class Axes {
  readonly artists: Artist[] = [];
  title = '';
  xlabel = '';
  ylabel = '';
  gridOn = false;
  axisOn = true;
  legendLoc: LegendLoc | null = null;
  xlimSet: Limits | null = null;
  ylimSet: Limits | null = null;
  /** 'equal' keeps one data unit the same length on both axes (imshow's default). */
  aspect: 'auto' | 'equal' | number = 'auto';
  /** The mappable of a `colorbar()` drawn beside this axes. */
  colorbar: Mappable | null = null;
  private lineCycle = 0;
  private patchCycle = 0;

  constructor(readonly spec: SubplotSpec) {}

  private nextLineColor = (): string => TAB10[this.lineCycle++ % TAB10.length];
  private nextPatchColor = (): string => TAB10[this.patchCycle++ % TAB10.length];

  /**
   * `plot([x], y, [fmt], [x2], y2, [fmt2], …, {label, lw, color, …})`: one line per group;
   * x defaults to 0 … n-1. The options apply to every line, as matplotlib's kwargs do.
   */
  plot(...args: PlotArg[]): Line2D[] {
    const opts = (args.length && isOptions(args[args.length - 1]) ? args.pop() : {}) as PlotOptions;
    const lines: Line2D[] = [];
    let i = 0;
    while (i < args.length) {
      const a = args[i] as ArrayInput;
      const b = args[i + 1];
      let x: number[];
      let y: number[];
      if (b !== undefined && typeof b !== 'string') {
        [x, y] = [values(a), values(b as ArrayInput)];
        i += 2;
      } else {
        y = values(a);
        x = y.map((_, k) => k);
        i += 1;
      }
      const fmt = typeof args[i] === 'string' ? parseFormat(args[i++] as string) : {};
      if (x.length !== y.length) throw new Error(`x and y must have same first dimension, but have shapes (${x.length},) and (${y.length},)`);
      const line = makeLine(x, y, fmt, opts, this.nextLineColor);
      this.artists.push(line);
      lines.push(line);
    }
    return lines;
  }

  /** `scatter(x, y, s=None, c=None, marker='o', …)`: marker area s in points² (default 36). */
  scatter(x: ArrayInput, y: ArrayInput, ...rest: (number | ArrayInput | ScatterOptions | null)[]): PathCollection {
    const o = (rest.length && isOptions(rest[rest.length - 1]) ? rest.pop() : {}) as ScatterOptions;
    const [sPos, cPos] = rest as (ArrayInput | null | undefined)[];
    const xs = values(x);
    const ys = values(y);
    if (xs.length !== ys.length) throw new Error('x and y must be the same size');
    const s = o.s ?? sPos ?? RC.markerSize ** 2;
    const c = o.c ?? cPos ?? o.color ?? this.nextPatchColor();
    const coll: PathCollection = {
      kind: 'scatter', x: xs, y: ys,
      colors: scatterColors(c, xs.length, get_cmap(o.cmap), o.vmin, o.vmax, o.alpha),
      sizes: typeof s === 'number' ? [s] : values(s),
      marker: o.marker ?? 'o',
      linewidth: o.linewidths ?? RC.lineWidth,
      label: o.label ?? null,
      zorder: o.zorder ?? 1,
    };
    this.artists.push(coll);
    return coll;
  }

  /**
   * `contourf([X, Y,] Z, [levels], cmap=…)`: filled bands between levels (by default
   * MaxNLocator's 7+1 levels over Z's range); band i is colored cmap(norm(midpoint)), with
   * norm spanning the levels, as matplotlib's ContourSet.
   */
  contourf(...args: (ArrayInput | ContourfOptions)[]): ContourSet {
    const o = (args.length && isOptions(args[args.length - 1]) ? args.pop() : {}) as ContourfOptions;
    const arrays = args as ArrayInput[];
    let levelsArg: number | readonly number[] | undefined = o.levels;
    if (arrays.length === 2 || arrays.length === 4) levelsArg = arrays.pop() as number | number[];
    const zg = grid(arrays.length === 3 ? arrays[2] : arrays[0]);
    if (zg.shape.length !== 2) throw new TypeError(`Input z must be 2D, not ${zg.shape.length}D`);
    const [ny, nx] = zg.shape;
    let xs = Array.from({length: nx}, (_, j) => j);
    let ys = Array.from({length: ny}, (_, i) => i);
    if (arrays.length === 3) {
      const X = grid(arrays[0]);
      const Y = grid(arrays[1]);
      // 1-D x and y, or 2-D meshgrid arrays: the first row of X and the first column of Y.
      xs = X.shape.length === 1 ? X.data : X.data.slice(0, nx);
      ys = Y.shape.length === 1 ? Y.data : Array.from({length: ny}, (_, i) => Y.data[i * nx]);
      if (xs.length !== nx || ys.length !== ny) throw new TypeError('Shapes of x and y do not match that of z');
    }
    const finite = zg.data.filter(Number.isFinite);
    const zmin = Math.min(...finite);
    const zmax = Math.max(...finite);
    const levels = typeof levelsArg === 'object' ? [...levelsArg] : contourLevels(zmin, zmax, levelsArg ?? 7);
    if (levels.length < 2) throw new Error('Filled contours require at least 2 levels.');
    const cmap = o.colors ? get_cmap(null) : get_cmap(o.cmap);
    const vmin = o.vmin ?? levels[0];
    const vmax = o.vmax ?? levels[levels.length - 1];
    const colors = levels.slice(0, -1).map((l, i) => {
      if (o.colors) return to_rgba(o.colors[i % o.colors.length], o.alpha);
      const mid = (l + levels[i + 1]) / 2;
      return cmap.call(vmax === vmin ? 0 : (mid - vmin) / (vmax - vmin), o.alpha);
    });
    const cs: ContourSet = {
      kind: 'contourf', xs, ys, z: zg.data, nx, ny, levels, colors, cmap, vmin, vmax, alpha: o.alpha ?? null, zorder: o.zorder ?? 1,
    };
    this.artists.push(cs);
    return cs;
  }

  /** `imshow(X, cmap=…)`: 2-D data color-mapped (viridis by default), or RGB(A) rows × cols × 3|4. */
  imshow(X: ArrayInput, o: ImshowOptions = {}): AxesImage {
    const arr = NDArray.from(X);
    const shape = arr.shape;
    const img = imageRgba(Array.from(arr.data as ArrayLike<number>, Number), shape, /^u?int/.test(arr.dtype), o);
    const [rows, cols] = shape;
    const origin = o.origin ?? 'upper';
    // Pixel centers at integer coordinates. Row 0 is drawn at the extent's top: 'upper' puts it at
    // the top of the axes (the y axis runs down); 'lower' flips the rows so that row 0 is at the bottom.
    const extent: [number, number, number, number] = o.extent
      ? [...o.extent]
      : origin === 'upper' ? [-0.5, cols - 0.5, rows - 0.5, -0.5] : [-0.5, cols - 0.5, -0.5, rows - 0.5];
    if (origin === 'lower') img.rgba = flipRows(img.rgba, rows, cols);
    const image: AxesImage = {kind: 'image', ...img, rows, cols, extent, zorder: 0};
    this.artists.push(image);
    this.aspect = o.aspect ?? 'equal';
    return image;
  }

  set_title(label: string): void {
    this.title = label;
  }
  set_xlabel(label: string): void {
    this.xlabel = label;
  }
  set_ylabel(label: string): void {
    this.ylabel = label;
  }

  /** `grid(visible=None)`: with no argument, toggles, as matplotlib does. */
  grid(visible?: boolean | null | {visible?: boolean}): void {
    const v = isOptions(visible) ? (visible as {visible?: boolean}).visible : (visible as boolean | null | undefined);
    this.gridOn = v === undefined || v === null ? !this.gridOn : v;
  }

  /** `legend(loc='best')`: the labelled lines and collections, in the order they were added. */
  legend(loc: LegendLoc | {loc?: LegendLoc} = 'best'): void {
    this.legendLoc = typeof loc === 'string' ? loc : (loc.loc ?? 'best');
  }

  set_xlim(left: number | readonly number[], right?: number): Limits {
    this.xlimSet = typeof left === 'number' ? [left, right ?? this.get_xlim()[1]] : [left[0], left[1]];
    return this.xlimSet;
  }
  set_ylim(bottom: number | readonly number[], top?: number): Limits {
    this.ylimSet = typeof bottom === 'number' ? [bottom, top ?? this.get_ylim()[1]] : [bottom[0], bottom[1]];
    return this.ylimSet;
  }
  get_xlim(): Limits {
    return this.xlimSet ?? this.autoscale('x');
  }
  get_ylim(): Limits {
    return this.ylimSet ?? this.autoscale('y');
  }

  /** `axis('off' | 'on' | 'equal' | 'tight' | [xmin, xmax, ymin, ymax])`: returns the limits. */
  axis(arg?: 'off' | 'on' | 'equal' | 'tight' | 'auto' | boolean | readonly number[]): [number, number, number, number] {
    if (arg === 'off' || arg === false) this.axisOn = false;
    else if (arg === 'on' || arg === true) this.axisOn = true;
    else if (arg === 'equal') this.aspect = 'equal';
    else if (arg === 'auto') this.aspect = 'auto';
    else if (arg === 'tight') {
      this.xlimSet = this.autoscale('x', 0);
      this.ylimSet = this.autoscale('y', 0);
    } else if (Array.isArray(arg)) {
      if (arg.length !== 4) throw new TypeError('The first argument to axis() must be an iterable of the form [xmin, xmax, ymin, ymax]');
      this.set_xlim(arg[0], arg[1]);
      this.set_ylim(arg[2], arg[3]);
    }
    return [...this.get_xlim(), ...this.get_ylim()];
  }

  /** `cla()`: empties the axes. */
  cla(): void {
    this.artists.length = 0;
    Object.assign(this, {title: '', xlabel: '', ylabel: '', gridOn: false, axisOn: true, legendLoc: null, xlimSet: null, ylimSet: null,
      aspect: 'auto', colorbar: null, lineCycle: 0, patchCycle: 0});
  }

  /** The artists with a label, for the legend (labels starting with '_' are hidden, as in matplotlib). */
  labelled(): (Line2D | PathCollection)[] {
    return this.artists.filter((a): a is Line2D | PathCollection =>
      (a.kind === 'line' || a.kind === 'scatter') && a.label !== null && !a.label.startsWith('_'));
  }

  /**
   * The autoscaled view interval of one axis: data limits widened by the margin, but not past
   * a "sticky edge" (the border of a contour grid or image) that the data limits touch.
   */
  autoscale(which: 'x' | 'y', margin = RC.margin): Limits {
    let lo = Infinity;
    let hi = -Infinity;
    const sticky: number[] = [];
    let inverted = false;
    for (const a of this.artists) {
      let pts: number[];
      if (a.kind === 'line' || a.kind === 'scatter') pts = which === 'x' ? a.x : a.y;
      else if (a.kind === 'contourf') pts = which === 'x' ? [a.xs[0], a.xs[a.nx - 1]] : [a.ys[0], a.ys[a.ny - 1]];
      else {
        pts = which === 'x' ? [a.extent[0], a.extent[1]] : [a.extent[2], a.extent[3]];
        if (which === 'y' && a.extent[3] < a.extent[2]) inverted = true;
      }
      if (a.kind === 'contourf' || a.kind === 'image') sticky.push(...pts);
      for (const p of pts) {
        if (Number.isFinite(p)) {
          lo = Math.min(lo, p);
          hi = Math.max(hi, p);
        }
      }
    }
    if (lo > hi) return [0, 1];
    [lo, hi] = nonsingular(lo, hi, 0.05);
    const d = (hi - lo) * margin;
    const stickLo = sticky.filter((s) => s <= lo).reduce((m, s) => Math.max(m, s), -Infinity);
    const stickHi = sticky.filter((s) => s >= hi).reduce((m, s) => Math.min(m, s), Infinity);
    const lim: Limits = [Math.max(lo - d, stickLo), Math.min(hi + d, stickHi)];
    return inverted ? [lim[1], lim[0]] : lim;
  }

  /** The last image or contour set: what `colorbar()` describes (`gci()`). */
  currentMappable(): Mappable | null {
    for (let i = this.artists.length - 1; i >= 0; i--) {
      const a = this.artists[i];
      if (a.kind === 'image' || a.kind === 'contourf') return a;
    }
    return null;
  }
}
