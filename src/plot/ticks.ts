/**
 * Where ticks go and how they read, as matplotlib decides: a port of `ticker.MaxNLocator`
 * (AutoLocator is MaxNLocator(nbins='auto', steps=[1, 2, 2.5, 5, 10])), ScalarFormatter's choice
 * of one '%1.Nf' format for all labels, and contourf's default levels (`_autolev`).
 */

/** matplotlib's `scale_range`: the power of ten of the step, and an offset for far-from-zero ranges. */
function scaleRange(vmin: number, vmax: number, n: number): [number, number] {
  const dv = Math.abs(vmax - vmin);
  const meanv = (vmax + vmin) / 2;
  const offset = Math.abs(meanv) / dv < 100 ? 0 : Math.sign(meanv) * 10 ** Math.floor(Math.log10(Math.abs(meanv)));
  return [10 ** Math.floor(Math.log10(dv / n)), offset];
}

/** `_Edge_integer`: floor/ceil of x/step that forgive float noise near an edge. */
function edgeInteger(step: number, offset: number) {
  const tol = offset > 0 ? Math.min(0.4999, Math.max(1e-10, 10 ** (Math.log10(offset / step) - 12))) : 1e-10;
  const closeto = (ms: number, edge: number) => Math.abs(ms - edge) < tol;
  const divmod = (x: number): [number, number] => {
    const d = Math.floor(x / step);
    return [d, x - d * step];
  };
  return {
    le(x: number): number {
      const [d, m] = divmod(x);
      return closeto(m / step, 1) ? d + 1 : d;
    },
    ge(x: number): number {
      const [d, m] = divmod(x);
      return closeto(m / step, 0) ? d : d + 1;
    },
  };
}

/** `transforms.nonsingular`: widen an empty or degenerate interval. */
export function nonsingular(vmin: number, vmax: number, expander = 0.001, tiny = 1e-15): [number, number] {
  if (!Number.isFinite(vmin) || !Number.isFinite(vmax)) return [-expander, expander];
  let [lo, hi] = vmin <= vmax ? [vmin, vmax] : [vmax, vmin];
  const maxabs = Math.max(Math.abs(lo), Math.abs(hi));
  if (maxabs < (1e6 / tiny) * Number.MIN_VALUE) return [-expander, expander];
  if (hi - lo <= maxabs * tiny) {
    if (hi === 0 && lo === 0) return [-expander, expander];
    lo -= expander * Math.abs(lo);
    hi += expander * Math.abs(hi);
  }
  return [lo, hi];
}

export const AUTO_STEPS = [1, 2, 2.5, 5, 10];
const DEFAULT_STEPS = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/** `MaxNLocator(nbins, steps, min_n_ticks).tick_values(vmin, vmax)` (no pruning, not integer-only). */
export function maxNLocator(vmin: number, vmax: number, nbins: number, steps = DEFAULT_STEPS, minNTicks = 2): number[] {
  [vmin, vmax] = nonsingular(vmin, vmax, 1e-13, 1e-14);
  const [scale, offset] = scaleRange(vmin, vmax, nbins);
  const lo = vmin - offset;
  const hi = vmax - offset;
  // _staircase: one decade below and the next step above, so a step always fits.
  const extended = [...steps.slice(0, -1).map((s) => 0.1 * s), ...steps, 10 * steps[1]].map((s) => s * scale);
  const rawStep = (hi - lo) / nbins;
  let istep = extended.findIndex((s) => s >= rawStep);
  if (istep < 0) istep = extended.length - 1;
  let ticks: number[] = [];
  for (let k = istep; k >= 0; k--) {
    const step = extended[k];
    const bestVmin = Math.floor(lo / step) * step;
    const edge = edgeInteger(step, offset);
    const low = edge.le(lo - bestVmin);
    const high = edge.ge(hi - bestVmin);
    ticks = [];
    for (let i = low; i <= high; i++) ticks.push(i * step + bestVmin);
    const shown = ticks.filter((t) => t <= hi && t >= lo).length;
    if (shown >= minNTicks) break;
  }
  return ticks.map((t) => t + offset);
}

/**
 * AutoLocator on an axis `lengthPt` points long: nbins = tick space (length / (3 × font size) on
 * x, / (2 × font size) on y: `Axis.get_tick_space`), clipped to [1, 9]. Only ticks inside the
 * view limits are kept, as the axis draws.
 */
export function autoTicks(vmin: number, vmax: number, lengthPt: number, fontPt: number, which: 'x' | 'y'): number[] {
  const space = Math.floor(lengthPt / (fontPt * (which === 'x' ? 3 : 2)));
  const nbins = Math.min(Math.max(space, 1), 9);
  const [a, b] = vmin <= vmax ? [vmin, vmax] : [vmax, vmin];
  const eps = (b - a) * 1e-10;
  return maxNLocator(a, b, nbins, AUTO_STEPS).filter((t) => t >= a - eps && t <= b + eps);
}

/** contourf's default levels: `_autolev(7)` = MaxNLocator(7 + 1, min_n_ticks=1), trimmed to the data. */
export function contourLevels(zmin: number, zmax: number, n = 7): number[] {
  const lev = maxNLocator(zmin, zmax, n + 1, DEFAULT_STEPS, 1);
  let i0 = 0;
  lev.forEach((l, i) => {
    if (l < zmin) i0 = i;
  });
  const over = lev.findIndex((l) => l > zmax);
  const i1 = over >= 0 ? over + 1 : lev.length;
  return i1 - i0 < 3 ? lev : lev.slice(i0, i1);
}

/** ScalarFormatter: the power of ten factored out as offset text ('1e−5') beyond 1e-5 … 1e6 (axes.formatter.limits). */
export function orderOfMagnitude(locs: readonly number[]): number {
  const m = Math.max(0, ...locs.map(Math.abs));
  if (m === 0) return 0;
  const oom = Math.floor(Math.log10(m));
  return oom <= -5 || oom >= 6 ? oom : 0;
}

/** ScalarFormatter._set_format: the fewest decimals (from 3 significant figures of the range down) that still tell the ticks apart. */
export function tickDecimals(locs: readonly number[]): number {
  let range = locs.length ? Math.max(...locs) - Math.min(...locs) : 0;
  if (range === 0) range = Math.max(0, ...locs.map(Math.abs));
  if (range === 0) range = 1;
  const rangeOom = Math.floor(Math.log10(range));
  let sigfigs = Math.max(0, 3 - rangeOom);
  const thresh = 1e-3 * 10 ** rangeOom;
  while (sigfigs >= 0) {
    const p = 10 ** sigfigs;
    const err = Math.max(0, ...locs.map((l) => Math.abs(l - Math.round(l * p) / p)));
    if (err < thresh) sigfigs -= 1;
    else break;
  }
  return sigfigs + 1;
}

/** Tick labels as matplotlib prints them: one format, Unicode minus (axes.unicode_minus), '-0' as '0'. */
export function formatTicks(locs: readonly number[]): {labels: string[]; offsetText: string} {
  const oom = orderOfMagnitude(locs);
  const scaled = locs.map((l) => l / 10 ** oom);
  const decimals = tickDecimals(scaled);
  const labels = scaled.map((v) => {
    const x = Math.abs(v) < 1e-8 ? 0 : v;
    return x.toFixed(decimals).replace('-', '\u2212');
  });
  return {labels, offsetText: oom === 0 ? '' : `1e${oom}`.replace('-', '\u2212')};
}

/**
 * Advance widths of DejaVu Sans (units of the em, from the font's hmtx table) for laying out
 * text before it is rasterized: label widths decide margins and the legend box.
 */
const WIDTHS: Record<string, number> = {
  ' ': 0.318, '.': 0.318, ',': 0.318, ':': 0.337, '-': 0.361, '\u2212': 0.838, '+': 0.838, '=': 0.838,
  '(': 0.39, ')': 0.39, '[': 0.39, ']': 0.39, '_': 0.5, '/': 0.337, "'": 0.275, '"': 0.401, '%': 0.95,
  a: 0.613, b: 0.635, c: 0.55, d: 0.635, e: 0.615, f: 0.352, g: 0.635, h: 0.634, i: 0.278, j: 0.278,
  k: 0.579, l: 0.278, m: 0.974, n: 0.634, o: 0.612, p: 0.635, q: 0.635, r: 0.411, s: 0.521, t: 0.392,
  u: 0.634, v: 0.592, w: 0.818, x: 0.592, y: 0.592, z: 0.525,
  A: 0.684, B: 0.686, C: 0.698, D: 0.77, E: 0.632, F: 0.575, G: 0.775, H: 0.752, I: 0.295, J: 0.295,
  K: 0.656, L: 0.557, M: 0.863, N: 0.748, O: 0.787, P: 0.603, Q: 0.787, R: 0.695, S: 0.635, T: 0.611,
  U: 0.732, V: 0.684, W: 0.989, X: 0.685, Y: 0.611, Z: 0.685,
};

/** The width of `text` in the units of `size` (DejaVu Sans; digits 0.636 em, wide glyphs 1 em). */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) {
    if (/\d/.test(ch)) w += 0.636;
    else if (WIDTHS[ch] !== undefined) w += WIDTHS[ch];
    else w += ch.codePointAt(0)! > 0x2e80 ? 1 : 0.6;
  }
  return w * size;
}
