/**
 * numpy's shape manipulation: reshape, ravel, transpose, expand_dims, squeeze, concatenate and
 * stack (with dtype promotion), hstack/vstack, split/array_split/hsplit/vsplit.
 */
import {allocate, NDArray, type DataArray} from './ndarray';
import {
  asarray, astype, isOptions, normAxes, normAxis, promoteTypes, sizeOf, toShape, type ArrayInput, type Axis, type ShapeLike,
} from './numpy_core';

type Writable = {[i: number]: number | string};

/** numpy's keyword `axis=`/`axes=` given as a trailing options object, or the positional value. */
function kw<T>(value: T | Record<string, unknown> | undefined, key: string): T | undefined {
  return isOptions(value) ? (value[key] as T | undefined) : (value as T | undefined);
}

/** `np.reshape(a, newshape)`: one dimension may be -1. */
export function reshape(a: ArrayInput, shape: ShapeLike): NDArray {
  return asarray(a).reshape(typeof shape === 'number' ? [shape] : [...shape]);
}

/** `np.ravel(a)`: the elements as a 1-D array, in C order. */
export function ravel(a: ArrayInput): NDArray {
  return asarray(a).ravel();
}

/** `np.transpose(a, axes=None)`: reversed axes by default. */
export function transpose(a: ArrayInput, axesArg?: readonly number[] | null | {axes?: readonly number[] | null}): NDArray {
  const arr = asarray(a);
  const axes = kw<readonly number[] | null>(axesArg, 'axes');
  if (axes === undefined || axes === null) return arr.transpose();
  if (axes.length !== arr.ndim) throw new Error("axes don't match array");
  return arr.transpose(normAxes(axes, arr.ndim));
}

/** `np.expand_dims(a, axis)`: new length-1 axes at the given positions of the result. */
export function expandDims(a: ArrayInput, axisArg: Axis | {axis: Axis}): NDArray {
  const arr = asarray(a);
  const axis = kw<Axis>(axisArg, 'axis') as Axis;
  const n = typeof axis === 'number' ? 1 : axis.length;
  const axes = normAxes(axis, arr.ndim + n);
  const shape: number[] = [];
  let src = 0;
  for (let i = 0; i < arr.ndim + n; i++) shape.push(axes.includes(i) ? 1 : arr.shape[src++]);
  return arr.reshape(shape);
}

/** `np.squeeze(a, axis=None)`: drops length-1 axes (only the given ones, which must have length 1). */
export function squeeze(a: ArrayInput, axisArg?: Axis | null | {axis?: Axis | null}): NDArray {
  const arr = asarray(a);
  const axis = kw<Axis | null>(axisArg, 'axis');
  const axes = axis === undefined || axis === null
    ? arr.shape.flatMap((d, i) => (d === 1 ? [i] : []))
    : normAxes(axis, arr.ndim);
  if (axes.some((i) => arr.shape[i] !== 1)) {
    throw new Error('cannot select an axis to squeeze out which has size not equal to one');
  }
  return arr.reshape(arr.shape.filter((_, i) => !axes.includes(i)));
}

/** `np.concatenate(arrays, axis=0)`: axis=null joins the flattened arrays; dtypes promote. */
export function concatenate(arrays: readonly ArrayInput[], axisArg: number | null | {axis?: number | null} = 0): NDArray {
  if (arrays.length === 0) throw new Error('need at least one array to concatenate');
  const found = kw<number | null>(axisArg, 'axis');
  const axis = found === undefined ? (isOptions(axisArg) ? 0 : null) : found;
  let arrs = arrays.map((x) => asarray(x));
  if (axis === null) arrs = arrs.map((x) => x.ravel());
  const first = arrs[0];
  if (first.ndim === 0) throw new Error('zero-dimensional arrays cannot be concatenated');
  const ax = normAxis(axis ?? 0, first.ndim);
  arrs.forEach((x, i) => {
    if (x.ndim !== first.ndim) {
      throw new Error(
        'all the input array dimensions except for the concatenation axis must match exactly, but along ' +
          `dimension 0, the array at index 0 has ${first.ndim} dimension(s) and the array at index ${i} has ${x.ndim} dimension(s)`,
      );
    }
    x.shape.forEach((d, k) => {
      if (k !== ax && d !== first.shape[k]) {
        throw new Error(
          'all the input array dimensions except for the concatenation axis must match exactly, but along ' +
            `dimension ${k}, the array at index 0 has size ${first.shape[k]} and the array at index ${i} has size ${d}`,
        );
      }
    });
  });
  const dtype = arrs.map((x) => x.dtype).reduce(promoteTypes);
  const parts = arrs.map((x) => (x.dtype === dtype ? x : astype(x, dtype)));
  const shape = [...first.shape];
  shape[ax] = parts.reduce((s, x) => s + x.shape[ax], 0);
  const outer = sizeOf(shape.slice(0, ax));
  const out = allocate(dtype, sizeOf(shape)) as Writable;
  let k = 0;
  for (let o = 0; o < outer; o++) {
    for (const p of parts) {
      const block = sizeOf(p.shape.slice(ax));
      for (let j = 0; j < block; j++) out[k++] = p.data[o * block + j];
    }
  }
  return new NDArray(out as DataArray, shape, dtype);
}

/** `np.stack(arrays, axis=0)`: joins equal-shaped arrays along a new axis. */
export function stack(arrays: readonly ArrayInput[], axisArg: number | {axis?: number} = 0): NDArray {
  const axis = kw<number>(axisArg, 'axis') ?? 0;
  const arrs = arrays.map((x) => asarray(x));
  if (arrs.length === 0) throw new Error('need at least one array to stack');
  if (arrs.some((x) => x.shape.join() !== arrs[0].shape.join())) throw new Error('all input arrays must have the same shape');
  const ax = normAxis(axis, arrs[0].ndim + 1);
  return concatenate(arrs.map((x) => expandDims(x, ax)), ax);
}

const atleast1d = (x: ArrayInput): NDArray => {
  const a = asarray(x);
  return a.ndim === 0 ? a.reshape([1]) : a;
};
const atleast2d = (x: ArrayInput): NDArray => {
  const a = atleast1d(x);
  return a.ndim === 1 ? a.reshape([1, a.size]) : a;
};

/** `np.hstack(tup)`: along axis 1, or axis 0 for 1-D arrays. */
export function hstack(tup: readonly ArrayInput[]): NDArray {
  const arrs = tup.map(atleast1d);
  return concatenate(arrs, arrs.length > 0 && arrs[0].ndim === 1 ? 0 : 1);
}

/** `np.vstack(tup)`: 1-D arrays become rows, then join along axis 0. */
export function vstack(tup: readonly ArrayInput[]): NDArray {
  return concatenate(tup.map(atleast2d), 0);
}

/** `a[start:stop]` along an axis (Python slice clamping). */
function sliceAxis(a: NDArray, axis: number, start: number, stop: number): NDArray {
  const n = a.shape[axis];
  const s = Math.min(Math.max(start, 0), n);
  const e = Math.max(Math.min(stop, n), s);
  const shape = [...a.shape];
  shape[axis] = e - s;
  const outer = sizeOf(a.shape.slice(0, axis));
  const inner = sizeOf(a.shape.slice(axis + 1));
  const out = allocate(a.dtype, sizeOf(shape)) as Writable;
  let k = 0;
  for (let o = 0; o < outer; o++) {
    for (let i = s; i < e; i++) {
      const base = (o * n + i) * inner;
      for (let j = 0; j < inner; j++) out[k++] = a.data[base + j];
    }
  }
  return new NDArray(out as DataArray, shape, a.dtype);
}

/** Python-style index normalization for split points (negative counts from the end). */
function splitPoint(i: number, n: number): number {
  return i < 0 ? Math.max(i + n, 0) : i;
}

/**
 * `np.array_split(a, indices_or_sections, axis=0)`: N sections, the first n % N one longer,
 * or pieces between the given indices.
 */
export function arraySplit(a: ArrayInput, indicesOrSections: number | readonly number[], axisArg: number | {axis?: number} = 0): NDArray[] {
  const arr = asarray(a);
  const ax = normAxis(kw<number>(axisArg, 'axis') ?? 0, arr.ndim);
  const n = arr.shape[ax];
  let bounds: number[];
  if (typeof indicesOrSections === 'number') {
    const sections = indicesOrSections;
    if (!Number.isInteger(sections) || sections <= 0) throw new Error('number sections must be larger than 0.');
    const each = Math.floor(n / sections);
    const extras = n % sections;
    bounds = [0];
    for (let i = 0; i < sections; i++) bounds.push(bounds[i] + each + (i < extras ? 1 : 0));
  } else {
    bounds = [0, ...indicesOrSections.map((i) => splitPoint(i, n)), n];
  }
  return bounds.slice(0, -1).map((s, i) => sliceAxis(arr, ax, s, bounds[i + 1]));
}

/** `np.split(a, indices_or_sections, axis=0)`: like array_split, but N sections must divide evenly. */
export function split(a: ArrayInput, indicesOrSections: number | readonly number[], axisArg: number | {axis?: number} = 0): NDArray[] {
  const arr = asarray(a);
  const axis = kw<number>(axisArg, 'axis') ?? 0;
  if (typeof indicesOrSections === 'number' && arr.shape[normAxis(axis, arr.ndim)] % indicesOrSections !== 0) {
    throw new Error('array split does not result in an equal division');
  }
  return arraySplit(arr, indicesOrSections, axis);
}

/** `np.hsplit(a, indices_or_sections)`: split along axis 1 (axis 0 for 1-D arrays). */
export function hsplit(a: ArrayInput, indicesOrSections: number | readonly number[]): NDArray[] {
  const arr = asarray(a);
  if (arr.ndim === 0) throw new Error('hsplit only works on arrays of 1 or more dimensions');
  return split(arr, indicesOrSections, arr.ndim > 1 ? 1 : 0);
}

/** `np.vsplit(a, indices_or_sections)`: split along axis 0 of an array of 2 or more dimensions. */
export function vsplit(a: ArrayInput, indicesOrSections: number | readonly number[]): NDArray[] {
  const arr = asarray(a);
  if (arr.ndim < 2) throw new Error('vsplit only works on arrays of 2 or more dimensions');
  return split(arr, indicesOrSections, 0);
}

/** `np.broadcast_to(a, shape)` (a copy here). */
export function broadcastTo(a: ArrayInput, shape: ShapeLike): NDArray {
  const arr = asarray(a);
  const target = toShape(shape);
  const out = allocate(arr.dtype, sizeOf(target)) as Writable;
  const nd = target.length;
  if (arr.ndim > nd || arr.shape.some((d, i) => d !== 1 && d !== target[nd - arr.ndim + i])) {
    throw new Error(`operands could not be broadcast together with remapped shapes [original->remapped]: (${arr.shape.join(',')}) and requested shape (${target.join(',')})`);
  }
  const strides = target.map((_, k) => {
    const i = k - (nd - arr.ndim);
    return i < 0 || arr.shape[i] === 1 ? 0 : sizeOf(arr.shape.slice(i + 1));
  });
  const n = sizeOf(target);
  for (let k = 0; k < n; k++) {
    let rem = k;
    let src = 0;
    for (let d = nd - 1; d >= 0; d--) {
      src += (rem % target[d]) * strides[d];
      rem = Math.floor(rem / target[d]);
    }
    out[k] = arr.data[src];
  }
  return new NDArray(out as DataArray, target, arr.dtype);
}

/**
 * `np.take(a, indices, axis=None)`: elements (axis=None: of the flattened array) or slices along
 * an axis; negative indices count from the end; the result's shape puts indices' shape at the axis.
 */
export function take(a: ArrayInput, indices: ArrayInput, axisArg: number | null | {axis?: number | null} = null): NDArray {
  const axisFound = kw<number | null>(axisArg, 'axis') ?? null;
  const arr = axisFound === null ? asarray(a).ravel() : asarray(a);
  const ax = normAxis(axisFound ?? 0, arr.ndim);
  const idx = asarray(indices);
  const n = arr.shape[ax];
  const picks = Array.from(idx.data as ArrayLike<number>, (i) => {
    if (!Number.isInteger(i) || i < -n || i >= n) throw new RangeError(`index ${i} is out of bounds for axis ${ax} with size ${n}`);
    return i < 0 ? i + n : i;
  });
  const outer = sizeOf(arr.shape.slice(0, ax));
  const inner = sizeOf(arr.shape.slice(ax + 1));
  const shape = [...arr.shape.slice(0, ax), ...idx.shape, ...arr.shape.slice(ax + 1)];
  const out = allocate(arr.dtype, sizeOf(shape)) as Writable;
  let k = 0;
  for (let o = 0; o < outer; o++) {
    for (const i of picks) {
      const base = (o * n + i) * inner;
      for (let j = 0; j < inner; j++) out[k++] = arr.data[base + j];
    }
  }
  return new NDArray(out as DataArray, shape, arr.dtype);
}
