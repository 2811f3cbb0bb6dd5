/**
 * `matplotlib.colors` as the book uses it: color specs ('r', 'C0', '#1f77b4', '0.8', RGBA
 * tuples), `colorConverter.to_rgba(c, alpha)`, `ListedColormap([...])`, and the named colormaps
 * (viridis, Greys, gray, …) with matplotlib's lookup rule: `cmap(x)` takes entry
 * `floor(x * N)` of an N-entry table, x = 1 maps to the last entry.
 */
import {d3chromatic, d3color as d3colorModule} from './deps';

const d3color = (s: string) => d3colorModule().color(s);

/** An RGBA color with components in [0, 1], as matplotlib's `to_rgba` returns. */
export type RGBA = [number, number, number, number];
/** What matplotlib accepts as one color. */
export type ColorSpec = string | readonly number[];

/** matplotlib 2's base colors ('g' is (0, 0.5, 0), 'c' (0, 0.75, 0.75) …: BASE_COLORS). */
const BASE: Record<string, RGBA> = {
  b: [0, 0, 1, 1], g: [0, 0.5, 0, 1], r: [1, 0, 0, 1], c: [0, 0.75, 0.75, 1],
  m: [0.75, 0, 0.75, 1], y: [0.75, 0.75, 0, 1], k: [0, 0, 0, 1], w: [1, 1, 1, 1],
};

/** The default property cycle, 'tab10' (rcParams['axes.prop_cycle']): C0 … C9. */
export const TAB10 = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
const TAB_NAMES = ['blue', 'orange', 'green', 'red', 'purple', 'brown', 'pink', 'gray', 'olive', 'cyan'];

function hexToRgba(hex: string): RGBA | null {
  const h = hex.slice(1);
  const full = h.length === 3 || h.length === 4 ? [...h].map((ch) => ch + ch).join('') : h;
  if (!/^[0-9a-f]{6}([0-9a-f]{2})?$/i.test(full)) return null;
  const v = (i: number) => parseInt(full.slice(i, i + 2), 16) / 255;
  return [v(0), v(2), v(4), full.length === 8 ? v(6) : 1];
}

function parse(c: ColorSpec): RGBA {
  if (typeof c !== 'string') {
    if ((c.length !== 3 && c.length !== 4) || c.some((v) => !(v >= 0 && v <= 1))) {
      throw new Error(`Invalid RGBA argument: (${c.join(', ')})`);
    }
    return [c[0], c[1], c[2], c.length === 4 ? c[3] : 1];
  }
  const s = c.trim();
  const lower = s.toLowerCase();
  if (lower === 'none') return [0, 0, 0, 0];
  if (BASE[s]) return [...BASE[s]];
  const cycle = /^C(\d)$/.exec(s);
  if (cycle) return hexToRgba(TAB10[Number(cycle[1])]) as RGBA;
  if (lower.startsWith('tab:')) {
    const i = TAB_NAMES.indexOf(lower.slice(4).replace('grey', 'gray'));
    if (i >= 0) return hexToRgba(TAB10[i]) as RGBA;
  }
  if (s.startsWith('#')) {
    const rgba = hexToRgba(s);
    if (rgba) return rgba;
  }
  // A gray level as a string of a number in [0, 1] ('0.8').
  if (/^\d*\.?\d+$/.test(s) && Number(s) <= 1) return [Number(s), Number(s), Number(s), 1];
  // The CSS4 names (matplotlib's CSS4_COLORS are the same table).
  const css = d3color(lower);
  if (css && !/^#|^rgb|^hsl/.test(lower)) {
    const rgb = css.rgb();
    return [rgb.r / 255, rgb.g / 255, rgb.b / 255, rgb.opacity];
  }
  throw new Error(`'${c}' is not a valid color value.`);
}

/** `matplotlib.colors.to_rgba(c, alpha=None)`: alpha, when given, replaces the color's own. */
export function to_rgba(c: ColorSpec, alpha?: number | null): RGBA {
  const rgba = parse(c);
  if (alpha !== undefined && alpha !== null) rgba[3] = alpha;
  return rgba;
}

/** `matplotlib.colors.to_rgb(c)`. */
export function to_rgb(c: ColorSpec): [number, number, number] {
  const [r, g, b] = parse(c);
  return [r, g, b];
}

/** `matplotlib.colors.to_hex(c, keep_alpha=False)`. */
export function to_hex(c: ColorSpec, keep_alpha = false): string {
  const rgba = to_rgba(c);
  const hex = (v: number) => Math.round(v * 255).toString(16).padStart(2, '0');
  return '#' + rgba.slice(0, keep_alpha ? 4 : 3).map(hex).join('');
}

/** True when `c` is a single color (not, say, a list of colors or of numbers). */
export function is_color_like(c: unknown): boolean {
  try {
    if (typeof c !== 'string' && !(Array.isArray(c) && c.every((v) => typeof v === 'number'))) return false;
    parse(c as ColorSpec);
    return true;
  } catch {
    return false;
  }
}

/** `matplotlib.colors.colorConverter` (the legacy ColorConverter instance the book imports). */
export const colorConverter = {
  to_rgba(c: ColorSpec, alpha?: number | null | {alpha?: number | null}): RGBA {
    return to_rgba(c, typeof alpha === 'object' && alpha !== null ? alpha.alpha : alpha);
  },
  to_rgb,
  to_rgba_array(cs: readonly ColorSpec[], alpha?: number): RGBA[] {
    return cs.map((c) => to_rgba(c, alpha));
  },
};

/** A colormap: a table of N colors, looked up as matplotlib's `Colormap.__call__` does. */
export class Colormap {
  readonly lut: RGBA[];
  constructor(readonly name: string, colors: readonly RGBA[]) {
    if (colors.length === 0) throw new Error('a colormap needs at least one color');
    this.lut = colors.map((c) => [...c] as RGBA);
  }

  get N(): number {
    return this.lut.length;
  }

  /** The color for x in [0, 1] (values outside clip to the ends: the default under/over colors); NaN is transparent. */
  call(x: number, alpha?: number): RGBA {
    if (Number.isNaN(x)) return [0, 0, 0, 0];
    const i = Math.min(Math.max(Math.floor(x * this.N), 0), this.N - 1);
    const c = [...this.lut[i]] as RGBA;
    if (alpha !== undefined) c[3] = alpha;
    return c;
  }

  /** `cmap.reversed()`: named `<name>_r`, as matplotlib names it. */
  reversed(): Colormap {
    const name = this.name.endsWith('_r') ? this.name.slice(0, -2) : `${this.name}_r`;
    return new Colormap(name, [...this.lut].reverse());
  }
}

/** `ListedColormap(colors, name='from_list', N=None)`: N repeats (or cuts) the list, as matplotlib. */
export class ListedColormap extends Colormap {
  constructor(colors: readonly ColorSpec[], name: string | {name?: string; N?: number} = 'from_list', N?: number) {
    const o = typeof name === 'object' ? name : {name, N};
    const rgba = colors.map((c) => to_rgba(c));
    const n = o.N ?? rgba.length;
    super(o.name ?? 'from_list', Array.from({length: n}, (_, i) => rgba[i % rgba.length]));
  }
}

/** A 256-entry table sampled from a continuous interpolator (d3's are built from matplotlib's own data for viridis & co). */
function sampled(name: string, f: (t: number) => string): Colormap {
  return new Colormap(name, Array.from({length: 256}, (_, i) => to_rgba(rgbString(f(i / 255)))));
}

/** d3 interpolators return 'rgb(r, g, b)' or '#rrggbb'. */
function rgbString(s: string): string {
  const c = d3color(s);
  if (!c) throw new Error(`not a color: ${s}`);
  return c.formatHex();
}

function linear(name: string, from: RGBA, to: RGBA): Colormap {
  return new Colormap(name, Array.from({length: 256}, (_, i) => from.map((v, k) => v + ((to[k] - v) * i) / 255) as RGBA));
}

/** matplotlib's 'jet' segment data (_jet_data): piecewise linear per channel. */
function jet(t: number): string {
  const seg = (pts: number[][]) => {
    for (let i = 1; i < pts.length; i++) {
      if (t <= pts[i][0]) return pts[i - 1][1] + ((pts[i][1] - pts[i - 1][1]) * (t - pts[i - 1][0])) / (pts[i][0] - pts[i - 1][0]);
    }
    return pts[pts.length - 1][1];
  };
  const r = seg([[0, 0], [0.35, 0], [0.66, 1], [0.89, 1], [1, 0.5]]);
  const g = seg([[0, 0], [0.125, 0], [0.375, 1], [0.64, 1], [0.91, 0], [1, 0]]);
  const b = seg([[0, 0.5], [0.11, 1], [0.34, 1], [0.65, 0], [1, 0]]);
  return `rgb(${r * 255}, ${g * 255}, ${b * 255})`;
}

const MAKERS: Record<string, () => Colormap> = {
  viridis: () => sampled('viridis', (t: number) => d3chromatic().interpolateViridis(t)),
  plasma: () => sampled('plasma', (t: number) => d3chromatic().interpolatePlasma(t)),
  inferno: () => sampled('inferno', (t: number) => d3chromatic().interpolateInferno(t)),
  magma: () => sampled('magma', (t: number) => d3chromatic().interpolateMagma(t)),
  cividis: () => sampled('cividis', (t: number) => d3chromatic().interpolateCividis(t)),
  Greys: () => sampled('Greys', (t: number) => d3chromatic().interpolateGreys(t)),
  Blues: () => sampled('Blues', (t: number) => d3chromatic().interpolateBlues(t)),
  Greens: () => sampled('Greens', (t: number) => d3chromatic().interpolateGreens(t)),
  Reds: () => sampled('Reds', (t: number) => d3chromatic().interpolateReds(t)),
  Oranges: () => sampled('Oranges', (t: number) => d3chromatic().interpolateOranges(t)),
  Purples: () => sampled('Purples', (t: number) => d3chromatic().interpolatePurples(t)),
  RdBu: () => sampled('RdBu', (t: number) => d3chromatic().interpolateRdBu(t)),
  RdYlBu: () => sampled('RdYlBu', (t: number) => d3chromatic().interpolateRdYlBu(t)),
  RdYlGn: () => sampled('RdYlGn', (t: number) => d3chromatic().interpolateRdYlGn(t)),
  Spectral: () => sampled('Spectral', (t: number) => d3chromatic().interpolateSpectral(t)),
  coolwarm: () => sampled('coolwarm', (t: number) => d3chromatic().interpolateRdBu(t)).reversed(),
  gray: () => linear('gray', [0, 0, 0, 1], [1, 1, 1, 1]),
  binary: () => linear('binary', [1, 1, 1, 1], [0, 0, 0, 1]),
  jet: () => sampled('jet', jet),
};
const cache = new Map<string, Colormap>();

/** `matplotlib.cm.get_cmap(name)` / `plt.get_cmap`: a registered name, '<name>_r' reversed, or a Colormap itself. */
export function get_cmap(name?: string | Colormap | null): Colormap {
  if (name instanceof Colormap) return name;
  const key = name ?? 'viridis';
  const hit = cache.get(key);
  if (hit) return hit;
  const base = key.endsWith('_r') ? key.slice(0, -2) : key;
  const alias = base === 'grey' ? 'gray' : base === 'Grays' ? 'Greys' : base;
  const make = MAKERS[alias];
  if (!make) throw new Error(`'${key}' is not a valid value for cmap; supported values are ${Object.keys(MAKERS).join(', ')}`);
  const cmap = key.endsWith('_r') ? make().reversed() : make();
  cache.set(key, cmap);
  return cmap;
}

export type CmapName = keyof typeof MAKERS;
/** `matplotlib.cm`: the colormaps as attributes (`plt.cm.Greys`, `cm.gray_r`, …), made on first use. */
export type CmModule = {readonly [K in CmapName | `${CmapName}_r`]: Colormap} & {get_cmap: typeof get_cmap};

function makeCm(): CmModule {
  const cmod = {get_cmap};
  for (const name of Object.keys(MAKERS)) {
    for (const key of [name, `${name}_r`]) Object.defineProperty(cmod, key, {get: () => get_cmap(key), enumerable: true});
  }
  return cmod as CmModule;
}
export const cm = makeCm();

/** `Normalize(vmin, vmax)`: linear to [0, 1]; equal bounds map everything to 0, as matplotlib. */
export class Normalize {
  constructor(public vmin: number, public vmax: number) {}
  call(v: number): number {
    return this.vmax === this.vmin ? 0 : (v - this.vmin) / (this.vmax - this.vmin);
  }
}

/** `rgba(…)` for SVG: the color and its opacity separately (resvg honours fill-opacity/stroke-opacity). */
export function svgColor(c: RGBA): {color: string; opacity: number} {
  const hex = (v: number) => Math.round(Math.min(Math.max(v, 0), 1) * 255).toString(16).padStart(2, '0');
  return {color: `#${hex(c[0])}${hex(c[1])}${hex(c[2])}`, opacity: c[3]};
}
