/**
 * numpy's array creation: array/asarray, zeros/ones/full (and *_like), eye/identity, arange and
 * linspace with numpy's own arithmetic, meshgrid and frombuffer.
 */
import {NDArray, type DtypeName} from './ndarray';
import {
  asarray, astype, fromFn, inferDtype, isInteger, isOptions, loader, nums, sizeOf, toShape,
  type ArrayInput, type ShapeLike,
} from './numpy_core';

export interface DtypeOption {
  dtype?: DtypeName;
}
type DtypeArg = DtypeName | DtypeOption | undefined;

function dtypeOf(arg: DtypeArg, dflt: DtypeName): DtypeName {
  if (arg === undefined) return dflt;
  return typeof arg === 'string' ? arg : (arg.dtype ?? dflt);
}

/** `np.array(x, dtype=None)`: always a copy; ints infer int64, other numbers float64. */
export function array(x: ArrayInput, opts?: DtypeArg): NDArray {
  const dtype = dtypeOf(opts, inferDtype(x));
  const a = asarray(x, dtype);
  return a === x ? astype(a, dtype) : a;
}

/** `np.asarray(x, dtype=None)`: no copy when x already is an NDArray of that dtype. */
export function asarrayNp(x: ArrayInput, opts?: DtypeArg): NDArray {
  return asarray(x, opts === undefined ? undefined : dtypeOf(opts, inferDtype(x)));
}

/** `np.full(shape, fill_value, dtype=None)`: the dtype defaults to the fill value's (int64/float64/bool). */
export function full(shape: ShapeLike, fillValue: number | boolean, opts?: DtypeArg): NDArray {
  const dtype = dtypeOf(opts, inferDtype(fillValue));
  const v = Number(fillValue);
  return fromFn(dtype, toShape(shape), () => (isInteger(dtype) ? Math.trunc(v) : v));
}

/** `np.zeros(shape, dtype=float64)`. */
export function zeros(shape: ShapeLike, opts?: DtypeArg): NDArray {
  return full(shape, 0, dtypeOf(opts, 'float64'));
}

/** `np.ones(shape, dtype=float64)`. */
export function ones(shape: ShapeLike, opts?: DtypeArg): NDArray {
  return full(shape, 1, dtypeOf(opts, 'float64'));
}

/** `np.empty(shape, dtype=float64)`: zero-filled here (numpy leaves it uninitialized). */
export function empty(shape: ShapeLike, opts?: DtypeArg): NDArray {
  return zeros(shape, opts);
}

/** `np.full_like(a, fill_value, dtype=None)`: a's shape and (by default) dtype. */
export function fullLike(a: ArrayInput, fillValue: number | boolean, opts?: DtypeArg): NDArray {
  const arr = asarray(a);
  return full(arr.shape, fillValue, dtypeOf(opts, arr.dtype));
}
export const zerosLike = (a: ArrayInput, opts?: DtypeArg): NDArray => fullLike(a, 0, opts);
export const onesLike = (a: ArrayInput, opts?: DtypeArg): NDArray => fullLike(a, 1, opts);

export interface EyeOptions extends DtypeOption {
  k?: number;
}

/** `np.eye(N, M=None, k=0, dtype=float64)`: ones on the k-th diagonal. */
export function eye(n: number, m?: number | null | EyeOptions, k?: number | EyeOptions, opts?: EyeOptions): NDArray {
  const o: EyeOptions = {...(isOptions(m) ? m : {}), ...(isOptions(k) ? k : {}), ...opts};
  const cols = typeof m === 'number' ? m : n;
  const diag = typeof k === 'number' ? k : (o.k ?? 0);
  return fromFn(o.dtype ?? 'float64', [n, cols], (i) => (i % cols) - Math.floor(i / cols) === diag ? 1 : 0);
}

/** `np.identity(n, dtype=float64)`. */
export function identity(n: number, opts?: DtypeArg): NDArray {
  return eye(n, n, 0, {dtype: dtypeOf(opts, 'float64')});
}

/**
 * `np.arange([start,] stop[, step], dtype=None)`: length ceil((stop - start) / step); numpy's fill
 * computes element i as start + i*delta with delta = (start + step) - start in the array's dtype.
 * All-integer arguments give int64, any fraction float64.
 */
export function arange(start: number, stop?: number | null | DtypeOption, step?: number | DtypeOption, opts?: DtypeOption): NDArray {
  const o: DtypeOption = {...(isOptions(stop) ? stop : {}), ...(isOptions(step) ? step : {}), ...opts};
  let lo = start;
  let hi = typeof stop === 'number' ? stop : null;
  if (hi === null) [lo, hi] = [0, start];
  const st = typeof step === 'number' ? step : 1;
  if (st === 0) throw new RangeError('Maximum allowed size exceeded');
  const dtype = o.dtype ?? ([lo, hi, st].every(Number.isInteger) ? 'int64' : 'float64');
  const len = Math.max(0, Math.ceil((hi - lo) / st));
  const load = loader(dtype);
  const first = load(isInteger(dtype) ? Math.trunc(lo) : lo);
  const second = load(isInteger(dtype) ? Math.trunc(lo + st) : lo + st);
  const delta = load(second - first);
  return fromFn(dtype, [len], (i) => (i === 0 ? first : i === 1 ? second : load(first + load(i * delta))));
}

export interface LinspaceOptions extends DtypeOption {
  endpoint?: boolean;
}

/**
 * `np.linspace(start, stop, num=50, endpoint=True, dtype=None)` with numpy's arithmetic:
 * step = (stop - start) / div, y = arange(num) * step + start, the last element set to stop;
 * an integer dtype floors before casting.
 */
export function linspace(start: number, stop: number, num: number | LinspaceOptions = 50, opts: LinspaceOptions = {}): NDArray {
  const o = isOptions(num) ? {...num, ...opts} : opts;
  const n = typeof num === 'number' ? num : 50;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Number of samples, ${n}, must be non-negative.`);
  const endpoint = o.endpoint ?? true;
  const div = endpoint ? n - 1 : n;
  const delta = stop - start;
  const step = delta / div;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // numpy divides first when the step underflows to 0 (gh-5437), and has no step when div <= 0.
    const v = div > 0 ? (step === 0 ? (i / div) * delta : i * step) : i * delta;
    y[i] = v + start;
  }
  if (endpoint && n > 1) y[n - 1] = stop;
  const dtype = o.dtype ?? 'float64';
  if (isInteger(dtype)) for (let i = 0; i < n; i++) y[i] = Math.floor(y[i]);
  return astype(new NDArray(y, [n], 'float64'), dtype);
}

export interface MeshgridOptions {
  indexing?: 'xy' | 'ij';
}

/** `np.meshgrid(*xi, indexing='xy')`: coordinate matrices (copies); 'xy' swaps the first two axes. */
export function meshgrid(...args: (ArrayInput | MeshgridOptions)[]): NDArray[] {
  const last = args[args.length - 1];
  const o: MeshgridOptions = isOptions(last) ? (last as MeshgridOptions) : {};
  const xs = (isOptions(last) ? args.slice(0, -1) : args).map((x) => asarray(x as ArrayInput).ravel());
  const lens = xs.map((x) => x.size);
  const swap = (o.indexing ?? 'xy') === 'xy' && xs.length > 1;
  const shape = [...lens];
  if (swap) [shape[0], shape[1]] = [shape[1], shape[0]];
  const strides = shape.map((_, i) => sizeOf(shape.slice(i + 1)));
  return xs.map((x, i) => {
    const axis = swap && i < 2 ? 1 - i : i;
    const data = nums(x);
    return fromFn(x.dtype, shape, (k) => data[Math.floor(k / strides[axis]) % shape[axis]]);
  });
}

export interface FrombufferOptions extends DtypeOption {
  count?: number;
  offset?: number;
}

/** `np.frombuffer(buffer, dtype=float64, count=-1, offset=0)`: little-endian, as numpy on x86. */
export function frombuffer(buffer: ArrayBuffer | ArrayBufferView, dtype?: DtypeName | FrombufferOptions, opts: FrombufferOptions = {}): NDArray {
  const o: FrombufferOptions = {...(isOptions(dtype) ? dtype : {dtype}), ...opts};
  const dt = o.dtype ?? 'float64';
  const bytes = ArrayBuffer.isView(buffer)
    ? new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength)
    : new DataView(buffer);
  const width = ITEM_BYTES[dt];
  if (width === undefined) throw new TypeError(`frombuffer does not support dtype ${dt}`);
  const offset = o.offset ?? 0;
  const avail = bytes.byteLength - offset;
  if (avail % width !== 0 && (o.count ?? -1) < 0) throw new Error('buffer size must be a multiple of element size');
  const count = (o.count ?? -1) < 0 ? avail / width : (o.count as number);
  const read = READERS[dt];
  return fromFn(dt, [count], (i) => read(bytes, offset + i * width));
}

const ITEM_BYTES: Partial<Record<DtypeName, number>> = {
  float64: 8, float32: 4, int64: 8, uint64: 8, int32: 4, uint32: 4, int16: 2, uint16: 2, int8: 1, uint8: 1, bool: 1,
};
const READERS: Record<string, (v: DataView, at: number) => number> = {
  float64: (v, at) => v.getFloat64(at, true),
  float32: (v, at) => v.getFloat32(at, true),
  int64: (v, at) => Number(v.getBigInt64(at, true)),
  uint64: (v, at) => Number(v.getBigUint64(at, true)),
  int32: (v, at) => v.getInt32(at, true),
  uint32: (v, at) => v.getUint32(at, true),
  int16: (v, at) => v.getInt16(at, true),
  uint16: (v, at) => v.getUint16(at, true),
  int8: (v, at) => v.getInt8(at),
  uint8: (v, at) => v.getUint8(at),
  bool: (v, at) => v.getUint8(at),
};
