/**
 * What an Axes holds, as data: lines (`plot`), marker collections (`scatter`), filled contours
 * (`contourf`) and images (`imshow`), with matplotlib's defaults (rcParams of the default style)
 * and its format strings ('ro', 'b--', 'k.', 'g^-' …). Drawing them is render_*.ts's business.
 */
import {NDArray} from '../ndarray/ndarray';
import {type ArrayInput} from '../ndarray/numpy_core';
import {is_color_like, type ColorSpec, type Colormap, type RGBA, to_rgba} from './colors';

/** rcParams of matplotlib's default style that the drawing uses (sizes in points). */
export const RC = {
  dpi: 100,
  figsize: [6.4, 4.8] as [number, number],
  fontSize: 10,
  titleSize: 12,
  titlePad: 6,
  labelPad: 4,
  lineWidth: 1.5,
  markerSize: 6,
  axesLineWidth: 0.8,
  tickSize: 3.5,
  tickWidth: 0.8,
  tickPad: 3.5,
  gridColor: '#b0b0b0',
  gridWidth: 0.8,
  margin: 0.05,
  subplot: {left: 0.125, right: 0.9, bottom: 0.11, top: 0.88, wspace: 0.2, hspace: 0.2},
  // lines.dashed_pattern, dashdot_pattern, dotted_pattern: scaled by the line width.
  dashes: {'-': null, '--': [3.7, 1.6], '-.': [6.4, 1.6, 1, 1.6], ':': [1, 1.65], '': null} as Record<string, number[] | null>,
};

export type LineStyle = '-' | '--' | '-.' | ':' | '';
export type Marker = '' | '.' | ',' | 'o' | 'v' | '^' | '<' | '>' | 's' | 'D' | 'd' | 'p' | '*' | 'h' | 'H' | '+' | 'x' | '|' | '_';
const MARKERS = new Set<string>(['.', ',', 'o', 'v', '^', '<', '>', 's', 'D', 'd', 'p', '*', 'h', 'H', '+', 'x', '|', '_']);
/** Markers drawn as strokes only (matplotlib's unfilled markers). */
export const UNFILLED = new Set<string>(['+', 'x', '|', '_', ',']);

/** A parsed format string: `_process_plot_format`. */
export interface PlotFormat {
  color?: string;
  marker?: Marker;
  linestyle?: LineStyle;
}

/** `'ro'` → red circles and no line; `'b--'` → blue dashes; a color alone → a solid line. */
export function parseFormat(fmt: string): PlotFormat {
  const out: PlotFormat = {};
  let i = 0;
  while (i < fmt.length) {
    const two = fmt.slice(i, i + 2);
    if (two === '--' || two === '-.') {
      out.linestyle = two;
      i += 2;
    } else if (fmt[i] === '-' || fmt[i] === ':') {
      out.linestyle = fmt[i] as LineStyle;
      i += 1;
    } else if (/^C\d/.test(two)) {
      out.color = two;
      i += 2;
    } else if ('bgrcmykw'.includes(fmt[i])) {
      if (out.color !== undefined) throw new Error(`Illegal format string "${fmt}"; two color symbols`);
      out.color = fmt[i];
      i += 1;
    } else if (MARKERS.has(fmt[i])) {
      if (out.marker !== undefined) throw new Error(`Illegal format string "${fmt}"; two marker symbols`);
      out.marker = fmt[i] as Marker;
      i += 1;
    } else {
      throw new Error(`Unrecognized character ${fmt[i]} in format string '${fmt}'`);
    }
  }
  if (out.linestyle === undefined && out.marker === undefined) out.linestyle = '-';
  if (out.linestyle === undefined) out.linestyle = '';
  if (out.marker === undefined) out.marker = '';
  return out;
}

/** A numeric input (NDArray, nested array, typed array) as a flat list of doubles. */
export function values(x: ArrayInput): number[] {
  const a = NDArray.from(x);
  return Array.from(a.data as ArrayLike<number | string>, Number);
}

/** A numeric input and its shape. */
export function grid(x: ArrayInput): {data: number[]; shape: readonly number[]} {
  const a = NDArray.from(x);
  return {data: Array.from(a.data as ArrayLike<number | string>, Number), shape: a.shape};
}

export interface Line2D {
  kind: 'line';
  x: number[];
  y: number[];
  color: RGBA;
  linewidth: number;
  linestyle: LineStyle;
  marker: Marker;
  markersize: number;
  label: string | null;
  zorder: number;
}

export interface PathCollection {
  kind: 'scatter';
  x: number[];
  y: number[];
  /** One color per point (or one for all). */
  colors: RGBA[];
  /** Marker area in points², per point or one for all. */
  sizes: number[];
  marker: Marker;
  linewidth: number;
  label: string | null;
  zorder: number;
}

export interface ContourSet {
  kind: 'contourf';
  /** Grid coordinates along x (columns) and y (rows). */
  xs: number[];
  ys: number[];
  z: number[];
  nx: number;
  ny: number;
  levels: number[];
  /** The color of each band [levels[i], levels[i + 1]]. */
  colors: RGBA[];
  cmap: Colormap;
  vmin: number;
  vmax: number;
  alpha: number | null;
  zorder: number;
}

export interface AxesImage {
  kind: 'image';
  /** Row-major RGBA bytes, `rows × cols`. */
  rgba: Uint8ClampedArray;
  rows: number;
  cols: number;
  /** [left, right, bottom, top] in data coordinates. */
  extent: [number, number, number, number];
  cmap: Colormap | null;
  vmin: number;
  vmax: number;
  zorder: number;
}

export type Artist = Line2D | PathCollection | ContourSet | AxesImage;
/** What `colorbar()` can describe: an image or a filled contour set. */
export type Mappable = ContourSet | AxesImage;

/** The options `plot` takes (matplotlib's Line2D keywords, with their short aliases). */
export interface PlotOptions {
  label?: string;
  color?: ColorSpec;
  c?: ColorSpec;
  linewidth?: number;
  lw?: number;
  linestyle?: LineStyle | 'solid' | 'dashed' | 'dashdot' | 'dotted' | 'None' | 'none';
  ls?: LineStyle | 'solid' | 'dashed' | 'dashdot' | 'dotted' | 'None' | 'none';
  marker?: Marker | 'None' | 'none';
  markersize?: number;
  ms?: number;
  alpha?: number;
  zorder?: number;
}

const NAMED_STYLES: Record<string, LineStyle> = {solid: '-', dashed: '--', dashdot: '-.', dotted: ':', None: '', none: '', ' ': ''};

/** Builds a Line2D from data, a format and options; `nextColor` is the axes' color cycle. */
export function makeLine(x: number[], y: number[], fmt: PlotFormat, o: PlotOptions, nextColor: () => string): Line2D {
  const style = o.linestyle ?? o.ls;
  const linestyle = style !== undefined ? (NAMED_STYLES[style] ?? (style as LineStyle)) : (fmt.linestyle ?? '-');
  const marker = o.marker !== undefined ? (o.marker === 'None' || o.marker === 'none' ? '' : o.marker) : (fmt.marker ?? '');
  const colorSpec = o.color ?? o.c ?? fmt.color ?? nextColor();
  return {
    kind: 'line', x, y,
    color: to_rgba(colorSpec, o.alpha),
    linewidth: o.linewidth ?? o.lw ?? RC.lineWidth,
    linestyle,
    marker,
    markersize: o.markersize ?? o.ms ?? RC.markerSize,
    label: o.label ?? null,
    zorder: o.zorder ?? 2,
  };
}

/** scatter's `c`: one color, a list of colors, or numbers to color-map. */
export function scatterColors(c: unknown, n: number, cmap: Colormap, vmin?: number, vmax?: number, alpha?: number): RGBA[] {
  if (typeof c === 'string' || (Array.isArray(c) && c.length !== n && is_color_like(c))) return [to_rgba(c as ColorSpec, alpha)];
  if (Array.isArray(c) && c.every((v) => typeof v === 'string' || Array.isArray(v))) {
    if (c.length !== n) throw new Error(`'c' argument has ${c.length} elements, which is inconsistent with 'x' and 'y' with size ${n}.`);
    return (c as ColorSpec[]).map((v) => to_rgba(v, alpha));
  }
  const nums = values(c as ArrayInput);
  if (nums.length !== n) throw new Error(`'c' argument has ${nums.length} elements, which is inconsistent with 'x' and 'y' with size ${n}.`);
  const lo = vmin ?? Math.min(...nums);
  const hi = vmax ?? Math.max(...nums);
  return nums.map((v) => cmap.call(hi === lo ? 0 : (v - lo) / (hi - lo), alpha));
}
