/**
 * numpy's reductions: sum/mean/var/std/max/min/argmax/argmin over all elements (a JS number, as
 * numpy's scalar) or over axes (an NDArray), with keepdims. Float sums add in numpy's order:
 * pairwise summation along the innermost contiguous reduced run, sequential across runs.
 */
import {NDArray, type DtypeName} from './ndarray';
import {
  asarray, f16round, fromFn, isFloat, isOptions, kindOf, normAxes, normAxis, nums, sizeOf, storer,
  type ArrayInput, type Axis,
} from './numpy_core';

export interface ReduceOptions {
  axis?: Axis | null;
  keepdims?: boolean;
  dtype?: DtypeName;
  /** var/std only: the divisor is N - ddof. */
  ddof?: number;
}
/** Options that reduce everything to one JS number. */
export interface FullReduceOptions extends ReduceOptions {
  axis?: null;
  keepdims?: false;
}

export type Reduction = {
  (a: ArrayInput, axis?: null | FullReduceOptions): number;
  (a: ArrayInput, axis: Axis | ReduceOptions | null, opts?: ReduceOptions): NDArray;
};
export type ArgReduction = {
  (a: ArrayInput, axis?: null | {axis?: null; keepdims?: false}): number;
  (a: ArrayInput, axis: number | {axis?: number | null; keepdims?: boolean} | null, opts?: {keepdims?: boolean}): NDArray;
};

function parseArgs(axisOrOpts: Axis | ReduceOptions | null | undefined, opts: ReduceOptions = {}): ReduceOptions {
  if (isOptions(axisOrOpts)) return {...(axisOrOpts as ReduceOptions), ...opts};
  return {...opts, axis: axisOrOpts as Axis | null | undefined};
}

/** The reduction layout: data transposed so each output element's inputs form one contiguous block. */
interface Plan {
  data: ArrayLike<number>;
  groups: number;
  block: number;
  /** Length of the innermost contiguous reduced run numpy's inner loop sees (1 if the last axis is kept). */
  run: number;
  outShape: number[];
  full: boolean;
}

function plan(a: NDArray, axis: Axis | null | undefined, keepdims: boolean): Plan {
  const axes = axis === undefined || axis === null ? a.shape.map((_, i) => i) : normAxes(axis, a.ndim);
  const kept = a.shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const sorted = [...axes].sort((x, y) => x - y);
  const perm = [...kept, ...sorted];
  const moved = perm.every((p, i) => p === i) ? a : a.transpose(perm);
  // numpy's iterator drops length-1 axes and coalesces the rest: the inner loop is the trailing
  // group of reduced axes (if the last remaining axis is reduced).
  let run = 1;
  for (let i = a.ndim - 1; i >= 0; i--) {
    if (a.shape[i] === 1) continue;
    if (!axes.includes(i)) break;
    run *= a.shape[i];
  }
  const outShape = keepdims ? a.shape.map((d, i) => (axes.includes(i) ? 1 : d)) : kept.map((i) => a.shape[i]);
  const block = sizeOf(sorted.map((i) => a.shape[i]));
  const full = (axis === undefined || axis === null) && !keepdims;
  return {data: nums(moved), groups: sizeOf(kept.map((i) => a.shape[i])), block, run, outShape, full};
}

type Round = (x: number) => number;
const exact: Round = (x) => x;

/** numpy's pairwise_sum: blocks of 8 partial sums up to 128 elements, halves (multiples of 8) beyond. */
function pairwise(d: ArrayLike<number>, start: number, n: number, r: Round): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res = r(res + d[start + i]);
    return res;
  }
  if (n <= 128) {
    const p = [0, 1, 2, 3, 4, 5, 6, 7].map((j) => d[start + j]);
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) p[j] = r(p[j] + d[start + i + j]);
    let res = r(r(r(p[0] + p[1]) + r(p[2] + p[3])) + r(r(p[4] + p[5]) + r(p[6] + p[7])));
    for (; i < n; i++) res = r(res + d[start + i]);
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return r(pairwise(d, start, n2, r) + pairwise(d, start + n2, n - n2, r));
}

/** The accumulator dtype of `np.sum`: small ints to int64, unsigned to uint64, floats kept. */
function sumDtype(d: DtypeName): DtypeName {
  const k = kindOf(d);
  if (k === 'b' || k === 'i') return 'int64';
  return k === 'u' ? 'uint64' : d;
}

function rounders(dtype: DtypeName): {pw: Round; acc: Round} {
  if (dtype === 'float32') return {pw: Math.fround, acc: Math.fround};
  if (dtype === 'float16') return {pw: Math.fround, acc: f16round};
  return {pw: exact, acc: exact};
}

/** Sums each output's block in numpy's order, in the accumulator dtype. */
function sumPlan(p: Plan, dtype: DtypeName): Float64Array {
  const {pw, acc} = isFloat(dtype) ? rounders(dtype) : {pw: exact, acc: exact};
  const load = isFloat(dtype) ? rounders(dtype).acc : exact;
  const src = load === exact ? p.data : Float64Array.from(p.data, load);
  const out = new Float64Array(p.groups);
  for (let g = 0; g < p.groups; g++) {
    let total = 0;
    for (let s = g * p.block; s < (g + 1) * p.block; s += p.run) total = acc(total + pairwise(src, s, p.run, pw));
    out[g] = total;
  }
  return out;
}

function finish(p: Plan, values: ArrayLike<number>, dtype: DtypeName): NDArray | number {
  const store = storer(dtype);
  if (p.full) return isFloat(dtype) ? store(values[0]) : values[0];
  return fromFn(dtype, p.outShape, (i) => values[i]);
}

function reduction(body: (a: NDArray, o: ReduceOptions) => NDArray | number): Reduction {
  return ((a: ArrayInput, axisOrOpts?: Axis | ReduceOptions | null, opts?: ReduceOptions) =>
    body(asarray(a), parseArgs(axisOrOpts, opts))) as Reduction;
}

/** `np.sum(a, axis=None, dtype=None, keepdims=False)`. */
export const sum = reduction((a, o) => {
  const dtype = o.dtype ?? sumDtype(a.dtype);
  const p = plan(a, o.axis, o.keepdims ?? false);
  return finish(p, sumPlan(p, dtype), dtype);
});

/** The dtype `np.mean` accumulates in and returns: ints/bools in float64, float16 accumulates in float32. */
function meanDtypes(d: DtypeName, requested?: DtypeName): {acc: DtypeName; out: DtypeName} {
  if (requested !== undefined) return {acc: requested, out: requested};
  if (!isFloat(d)) return {acc: 'float64', out: 'float64'};
  return d === 'float16' ? {acc: 'float32', out: 'float16'} : {acc: d, out: d};
}

/** `np.mean(a, axis=None, dtype=None, keepdims=False)`: the sum divided by the count (nan if empty). */
export const mean = reduction((a, o) => {
  const {acc, out} = meanDtypes(a.dtype, o.dtype);
  const p = plan(a, o.axis, o.keepdims ?? false);
  const r = rounders(acc).acc;
  const sums = sumPlan(p, acc).map((s) => r(s / p.block));
  return finish(p, sums, out);
});

/** numpy's _var: mean (keepdims), squared deviations, their sum divided by max(N - ddof, 0). */
function variance(a: NDArray, o: ReduceOptions): {p: Plan; values: Float64Array; dtype: DtypeName} {
  const {acc, out} = meanDtypes(a.dtype, o.dtype);
  const r = rounders(acc).acc;
  const keep = plan(a, o.axis, true);
  const means = sumPlan(keep, acc).map((s) => r(s / keep.block));
  const meanArr = new NDArray(means, keep.outShape, 'float64');
  const dev = deviations(a, meanArr, r);
  const p = plan(dev, o.axis, o.keepdims ?? false);
  const div = Math.max(p.block - (o.ddof ?? 0), 0);
  return {p, values: sumPlan(p, acc).map((s) => r(s / div)), dtype: out};
}

/** (a - mean)**2 elementwise, broadcasting the keepdims mean, in the accumulator's precision. */
function deviations(a: NDArray, m: NDArray, r: Round): NDArray {
  const data = nums(a);
  const strides = a.shape.map((_, i) => sizeOf(a.shape.slice(i + 1)));
  const mStrides = m.shape.map((d, i) => (d === 1 ? 0 : sizeOf(m.shape.slice(i + 1))));
  const out = new Float64Array(a.size);
  for (let k = 0; k < a.size; k++) {
    let mi = 0;
    for (let ax = 0; ax < a.ndim; ax++) mi += (Math.floor(k / strides[ax]) % a.shape[ax]) * mStrides[ax];
    const x = r(r(data[k]) - (m.data[mi] as number));
    out[k] = r(x * x);
  }
  return new NDArray(out, a.shape, 'float64');
}

/** `np.var(a, axis=None, ddof=0, keepdims=False)`. */
export const variance_ = reduction((a, o) => {
  const {p, values, dtype} = variance(a, o);
  return finish(p, values, dtype);
});

/** `np.std(a, axis=None, ddof=0, keepdims=False)`: sqrt of var. */
export const std = reduction((a, o) => {
  const {p, values, dtype} = variance(a, o);
  const r = rounders(dtype === 'float16' ? 'float32' : dtype).acc;
  return finish(p, values.map((v) => r(Math.sqrt(v))), dtype);
});

/** A max/min reduction: NaN propagates; an empty reduction is an error, as numpy's. */
function extremum(name: string, better: (x: number, y: number) => boolean): Reduction {
  return reduction((a, o) => {
    const p = plan(a, o.axis, o.keepdims ?? false);
    if (p.block === 0) throw new Error(`zero-size array to reduction operation ${name} which has no identity`);
    const out = new Float64Array(p.groups);
    for (let g = 0; g < p.groups; g++) {
      let m = p.data[g * p.block];
      for (let i = 1; i < p.block && !Number.isNaN(m); i++) {
        const v = p.data[g * p.block + i];
        if (Number.isNaN(v) || better(v, m)) m = v;
      }
      out[g] = m;
    }
    return finish(p, out, a.dtype);
  });
}

export const max = extremum('maximum', (x, y) => x > y);
export const min = extremum('minimum', (x, y) => x < y);

/** argmax/argmin: the first index of the extreme value (the first NaN if any), as int64. */
function argExtremum(better: (x: number, y: number) => boolean): ArgReduction {
  return ((a: ArrayInput, axisOrOpts?: number | {axis?: number | null; keepdims?: boolean} | null, opts: ReduceOptions = {}) => {
    const arr = asarray(a);
    const o = parseArgs(axisOrOpts as Axis | ReduceOptions | null | undefined, opts);
    if (o.axis !== undefined && o.axis !== null && typeof o.axis !== 'number') throw new TypeError('axis must be an integer');
    const flat = o.axis === undefined || o.axis === null;
    const src = flat ? arr.ravel() : arr;
    const p = plan(src, flat ? 0 : normAxis(o.axis as number, arr.ndim), false);
    if (p.block === 0) throw new Error('attempt to get argmax of an empty sequence');
    const out = new Float64Array(p.groups);
    for (let g = 0; g < p.groups; g++) {
      let best = 0;
      let m = p.data[g * p.block];
      for (let i = 1; i < p.block && !Number.isNaN(m); i++) {
        const v = p.data[g * p.block + i];
        if (Number.isNaN(v) || better(v, m)) [best, m] = [i, v];
      }
      out[g] = best;
    }
    if (flat && !o.keepdims) return out[0];
    const shape = o.keepdims ? (flat ? arr.shape.map(() => 1) : arr.shape.map((d, i) => (i === normAxis(o.axis as number, arr.ndim) ? 1 : d))) : p.outShape;
    return fromFn('int64', shape, (i) => out[i]);
  }) as ArgReduction;
}

export const argmax = argExtremum((x, y) => x > y);
export const argmin = argExtremum((x, y) => x < y);
