/**
 * A tiny float64 array library for reference implementations in gradient checks: the forward
 * computation of an op, in double precision, written independently of tfjs.
 */

export class A {
  constructor(
    readonly data: Float64Array,
    readonly shape: readonly number[],
  ) {
    if (data.length !== size(shape)) throw new Error(`A: ${data.length} values for shape [${shape}]`);
  }
  get size(): number {
    return this.data.length;
  }
  get rank(): number {
    return this.shape.length;
  }
}

export function size(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

export function strides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  for (let i = shape.length - 1, acc = 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i];
  }
  return s;
}

export function arr(shape: readonly number[], f: (i: number) => number): A {
  return new A(Float64Array.from({length: size(shape)}, (_, i) => f(i)), shape);
}

export function scalar(x: number): A {
  return new A(Float64Array.of(x), []);
}

export function map(x: A, f: (v: number, i: number) => number): A {
  return new A(x.data.map(f), x.shape);
}

/** numpy broadcasting of two shapes. */
export function broadcastShape(a: readonly number[], b: readonly number[]): number[] {
  const n = Math.max(a.length, b.length);
  return Array.from({length: n}, (_, i) => {
    const x = a[i - (n - a.length)] ?? 1;
    const y = b[i - (n - b.length)] ?? 1;
    if (x !== y && x !== 1 && y !== 1) throw new Error(`cannot broadcast [${a}] and [${b}]`);
    return x === 1 ? y : x;
  });
}

/** The flat index into `from` (broadcast to `to`) of each flat index of `to`. */
function broadcastIndex(from: readonly number[], to: readonly number[]): Int32Array {
  const out = new Int32Array(size(to));
  const fs = strides(from);
  const lead = to.length - from.length;
  const idx = new Array<number>(to.length).fill(0);
  for (let k = 0; k < out.length; k++) {
    let src = 0;
    for (let d = lead; d < to.length; d++) if (from[d - lead] !== 1) src += idx[d] * fs[d - lead];
    out[k] = src;
    for (let d = to.length - 1; d >= 0; d--) {
      if (++idx[d] < to[d]) break;
      idx[d] = 0;
    }
  }
  return out;
}

export function broadcastTo(x: A, shape: readonly number[]): A {
  const ix = broadcastIndex(x.shape, shape);
  return new A(Float64Array.from(ix, (i) => x.data[i]), shape);
}

/** Elementwise binary function with broadcasting. */
export function zip(x: A, y: A, f: (a: number, b: number) => number): A {
  const shape = broadcastShape(x.shape, y.shape);
  const ix = broadcastIndex(x.shape, shape);
  const iy = broadcastIndex(y.shape, shape);
  return new A(Float64Array.from({length: size(shape)}, (_, k) => f(x.data[ix[k]], y.data[iy[k]])), shape);
}

export const add = (x: A, y: A) => zip(x, y, (a, b) => a + b);
export const sub = (x: A, y: A) => zip(x, y, (a, b) => a - b);
export const mul = (x: A, y: A) => zip(x, y, (a, b) => a * b);
export const div = (x: A, y: A) => zip(x, y, (a, b) => a / b);

/** Reduces along `axes` (all if omitted) with an associative function. */
export function reduce(x: A, axes: readonly number[] | null, f: (acc: number, v: number) => number, init: number, keepDims = false): A {
  const ax = (axes ?? x.shape.map((_, i) => i)).map((a) => (a < 0 ? a + x.rank : a));
  const outShapeKeep = x.shape.map((d, i) => (ax.includes(i) ? 1 : d));
  const out = new Float64Array(size(outShapeKeep)).fill(init);
  const ix = broadcastIndex(outShapeKeep, x.shape);
  for (let k = 0; k < x.size; k++) out[ix[k]] = f(out[ix[k]], x.data[k]);
  return new A(out, keepDims ? outShapeKeep : x.shape.filter((_, i) => !ax.includes(i)));
}

export const sum = (x: A, axes: readonly number[] | null = null, keepDims = false) => reduce(x, axes, (a, v) => a + v, 0, keepDims);
export const max = (x: A, axes: readonly number[] | null = null, keepDims = false) => reduce(x, axes, Math.max, -Infinity, keepDims);
export const min = (x: A, axes: readonly number[] | null = null, keepDims = false) => reduce(x, axes, Math.min, Infinity, keepDims);
export const prod = (x: A, axes: readonly number[] | null = null, keepDims = false) => reduce(x, axes, (a, v) => a * v, 1, keepDims);
export function mean(x: A, axes: readonly number[] | null = null, keepDims = false): A {
  const s = sum(x, axes, keepDims);
  return map(s, (v) => (v * s.size) / x.size);
}

export function matmul(a: A, b: A, transposeA = false, transposeB = false): A {
  const at = transposeA ? transpose(a) : a;
  const bt = transposeB ? transpose(b) : b;
  const [m, k] = at.shape;
  const [k2, n] = bt.shape;
  if (k !== k2) throw new Error('matmul: inner dims differ');
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
    let acc = 0;
    for (let t = 0; t < k; t++) acc += at.data[i * k + t] * bt.data[t * n + j];
    out[i * n + j] = acc;
  }
  return new A(out, [m, n]);
}

export function transpose(x: A, perm?: readonly number[]): A {
  const p = perm ?? x.shape.map((_, i) => x.rank - 1 - i);
  const shape = p.map((d) => x.shape[d]);
  const xs = strides(x.shape);
  const idx = new Array<number>(x.rank).fill(0);
  const out = new Float64Array(x.size);
  for (let k = 0; k < out.length; k++) {
    let src = 0;
    for (let d = 0; d < p.length; d++) src += idx[d] * xs[p[d]];
    out[k] = x.data[src];
    for (let d = p.length - 1; d >= 0; d--) {
      if (++idx[d] < shape[d]) break;
      idx[d] = 0;
    }
  }
  return new A(out, shape);
}

export function reshape(x: A, shape: readonly number[]): A {
  return new A(x.data, shape);
}

/** Softmax along an axis, computed stably. */
export function softmax(x: A, axis = -1): A {
  const m = max(x, [axis], true);
  const e = map(sub(x, m), Math.exp);
  return div(e, sum(e, [axis], true));
}

export function logSoftmax(x: A, axis = -1): A {
  const m = max(x, [axis], true);
  const shifted = sub(x, m);
  const lse = map(sum(map(shifted, Math.exp), [axis], true), Math.log);
  return sub(shifted, lse);
}

/** The multi-index of each flat index of `shape`, in row-major order. */
export function unravel(flat: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    idx[d] = flat % shape[d];
    flat = Math.floor(flat / shape[d]);
  }
  return idx;
}

/**
 * An array of `shape` whose element at each index is x's element at `src(index)`, or 0 where
 * `src` gives null: slices, tiles, gathers, pads … as index arithmetic.
 */
export function pick(x: A, shape: readonly number[], src: (idx: number[]) => readonly number[] | null): A {
  const xs = strides(x.shape);
  return arr(shape, (k) => {
    const from = src(unravel(k, shape));
    return from === null ? 0 : x.data[from.reduce((acc, v, d) => acc + v * xs[d], 0)];
  });
}

/** numpy's concatenate along `axis`. */
export function concat(xs: readonly A[], axis: number): A {
  const r = xs[0].rank;
  const a = axis < 0 ? axis + r : axis;
  const starts: number[] = [];
  let total = 0;
  for (const x of xs) {
    starts.push(total);
    total += x.shape[a];
  }
  const shape = xs[0].shape.map((d, i) => (i === a ? total : d));
  return arr(shape, (k) => {
    const idx = unravel(k, shape);
    let j = xs.length - 1;
    while (starts[j] > idx[a]) j--;
    const x = xs[j];
    const local = idx.map((v, i) => (i === a ? v - starts[j] : v));
    return x.data[local.reduce((acc, v, d) => acc + v * strides(x.shape)[d], 0)];
  });
}
