/**
 * The machinery under `np`: numpy's dtype inference (`np.asarray`), type promotion (NEP 50: JS
 * numbers are "weak" Python scalars), broadcasting, and storing values into a dtype with numpy's
 * casting (integers wrap, floats round to their width).
 */
import {allocate, NDArray, type DataArray, type DtypeName, type NDArrayLike} from './ndarray';

/** Anything numpy accepts as an array: NDArray, numbers, booleans, nested JS arrays, typed arrays. */
export type ArrayInput = NDArrayLike;
/** A shape: `3` or `[2, 3]` (numpy's int or tuple). */
export type ShapeLike = number | readonly number[];
/** An axis argument: one axis or several (numpy's int or tuple). */
export type Axis = number | readonly number[];

type Kind = 'b' | 'u' | 'i' | 'f' | 'S';
const INFO: Record<DtypeName, {kind: Kind; bits: number}> = {
  bool: {kind: 'b', bits: 8},
  uint8: {kind: 'u', bits: 8},
  uint16: {kind: 'u', bits: 16},
  uint32: {kind: 'u', bits: 32},
  uint64: {kind: 'u', bits: 64},
  int8: {kind: 'i', bits: 8},
  int16: {kind: 'i', bits: 16},
  int32: {kind: 'i', bits: 32},
  int64: {kind: 'i', bits: 64},
  float16: {kind: 'f', bits: 16},
  float32: {kind: 'f', bits: 32},
  float64: {kind: 'f', bits: 64},
  string: {kind: 'S', bits: 0},
};

export function kindOf(d: DtypeName): Kind {
  const info = INFO[d];
  if (info === undefined) throw new TypeError(`data type '${String(d)}' not understood`);
  return info.kind;
}
export const isFloat = (d: DtypeName): boolean => kindOf(d) === 'f';
export const isInteger = (d: DtypeName): boolean => kindOf(d) === 'i' || kindOf(d) === 'u';

const SIGNED: Record<number, DtypeName> = {8: 'int8', 16: 'int16', 32: 'int32', 64: 'int64'};
const FLOATS: Record<number, DtypeName> = {16: 'float16', 32: 'float32', 64: 'float64'};

/** The narrowest float that holds every value of a dtype (numpy's safe casts: int8→float16, int16→float32). */
export function floatFor(d: DtypeName): DtypeName {
  const {kind, bits} = INFO[d];
  if (kind === 'f') return d;
  if (kind === 'b' || bits === 8) return 'float16';
  return bits === 16 ? 'float32' : 'float64';
}

/** numpy's `np.promote_types` for the numeric dtypes. */
export function promoteTypes(a: DtypeName, b: DtypeName): DtypeName {
  if (a === b) return a;
  const A = INFO[a];
  const B = INFO[b];
  if (A.kind === 'S' || B.kind === 'S') throw new TypeError(`no common dtype for ${a} and ${b}`);
  if (A.kind === 'b') return b;
  if (B.kind === 'b') return a;
  if (A.kind === 'f' || B.kind === 'f') {
    return FLOATS[Math.max(INFO[floatFor(a)].bits, INFO[floatFor(b)].bits)];
  }
  if (A.kind === B.kind) return A.bits >= B.bits ? a : b;
  const [u, s] = A.kind === 'u' ? [A, B] : [B, A];
  if (s.bits > u.bits) return SIGNED[s.bits];
  return u.bits === 64 ? 'float64' : SIGNED[u.bits * 2];
}

/** An op input: the array, and whether it came from a JS scalar (NEP 50's weak Python int/float/bool). */
export interface Operand {
  arr: NDArray;
  weak: 'int' | 'float' | 'bool' | null;
}

export function operand(x: ArrayInput): Operand {
  if (typeof x === 'number') return {arr: asarray(x), weak: Number.isInteger(x) ? 'int' : 'float'};
  if (typeof x === 'boolean') return {arr: asarray(x), weak: 'bool'};
  return {arr: asarray(x), weak: null};
}

/** numpy's `np.result_type` under NEP 50: arrays decide; JS scalars only lift the kind (int→float). */
export function resultType(ops: readonly Operand[]): DtypeName {
  const strong = ops.filter((o) => o.weak === null).map((o) => o.arr.dtype);
  let t: DtypeName | undefined = strong.length > 0 ? strong.reduce(promoteTypes) : undefined;
  for (const o of ops) {
    if (o.weak === null) continue;
    const dflt: DtypeName = o.weak === 'int' ? 'int64' : o.weak === 'float' ? 'float64' : 'bool';
    if (t === undefined) t = dflt;
    else if (o.weak === 'int' && kindOf(t) === 'b') t = 'int64';
    else if (o.weak === 'float' && kindOf(t) !== 'f') t = promoteTypes(t, 'float64');
  }
  return t ?? 'float64';
}

const INT_RANGE: Partial<Record<DtypeName, [number, number]>> = {
  int8: [-128, 127], uint8: [0, 255], int16: [-32768, 32767], uint16: [0, 65535],
  int32: [-2147483648, 2147483647], uint32: [0, 4294967295],
};

/** NEP 50: a Python int that does not fit the array's integer dtype is an error, not a silent wrap. */
export function checkWeakInts(ops: readonly Operand[], dtype: DtypeName): void {
  const range = INT_RANGE[dtype];
  if (range === undefined) return;
  for (const o of ops) {
    if (o.weak !== 'int') continue;
    const v = o.arr.data[0] as number;
    if (v < range[0] || v > range[1]) throw new RangeError(`Python integer ${v} out of bounds for ${dtype}`);
  }
}

/** numpy's dtype for a JS value: ints → int64, other numbers → float64, booleans → bool. */
export function inferDtype(x: ArrayInput): DtypeName {
  if (x instanceof NDArray) return x.dtype;
  if (typeof x === 'number') return Number.isInteger(x) ? 'int64' : 'float64';
  if (typeof x === 'boolean') return 'bool';
  if (typeof x === 'string') return 'string';
  if (x instanceof Float64Array) return 'float64';
  if (x instanceof Float32Array) return 'float32';
  if (x instanceof Int32Array) return 'int32';
  if (x instanceof Int16Array) return 'int16';
  if (x instanceof Int8Array) return 'int8';
  if (x instanceof Uint8Array) return 'uint8';
  if (x instanceof Uint16Array) return 'uint16';
  if (x.length === 0) return 'float64';
  const types = (x as readonly ArrayInput[]).map(inferDtype);
  return types.includes('string') ? 'string' : types.reduce(promoteTypes);
}

/** `np.asarray(x, dtype)`: an NDArray as is (cast if the dtype differs), anything else converted. */
export function asarray(x: ArrayInput, dtype?: DtypeName): NDArray {
  if (x instanceof NDArray) return dtype === undefined || dtype === x.dtype ? x : astype(x, dtype);
  return NDArray.from(x, dtype ?? inferDtype(x));
}

/** `a.astype(dtype)` with numpy's casts: float→int truncates and wraps, float16 rounds. */
export function astype(a: NDArray, dtype: DtypeName): NDArray {
  if (a.dtype === 'string' || dtype === 'string') return a.astype(dtype);
  const store = storer(dtype);
  const src = isFloat(a.dtype) && !isFloat(dtype) && dtype !== 'bool' ? (v: number) => store(Math.trunc(v)) : store;
  return fromFn(dtype, a.shape, (i) => src(a.data[i] as number));
}

/** Rounds a double to the nearest float16 (ties to even), as numpy's npy_double_to_half. */
export function f16round(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const a = Math.abs(x);
  if (a >= 65520) return x > 0 ? Infinity : -Infinity;
  let e = Math.max(Math.floor(Math.log2(a)), -14);
  if (2 ** e > a && e > -14) e--;
  if (2 ** (e + 1) <= a) e++;
  const q = 2 ** (e - 10);
  return Math.sign(x) * roundHalfEven(a / q) * q;
}

export function roundHalfEven(v: number): number {
  const n = Math.floor(v);
  const d = v - n;
  if (d > 0.5) return n + 1;
  if (d < 0.5) return n;
  return n % 2 === 0 ? n : n + 1;
}

/** How a computed double is stored into a dtype: integers wrap to their width, bools are v != 0. */
export function storer(dtype: DtypeName): (v: number) => number {
  switch (dtype) {
    case 'float64':
    case 'float32':
      return (v) => v;
    case 'float16':
      return f16round;
    case 'bool':
      return (v) => (v !== 0 ? 1 : 0);
    case 'int8':
      return (v) => (v << 24) >> 24;
    case 'uint8':
      return (v) => v & 0xff;
    case 'int16':
      return (v) => (v << 16) >> 16;
    case 'uint16':
      return (v) => v & 0xffff;
    default:
      return (v) => v | 0;
  }
}

/** How an input value is cast into a loop's dtype before computing (float32/float16 round). */
export function loader(dtype: DtypeName): (v: number) => number {
  if (dtype === 'float32') return Math.fround;
  if (dtype === 'float16') return f16round;
  return (v) => v;
}

export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

export function toShape(shape: ShapeLike): number[] {
  const s = typeof shape === 'number' ? [shape] : [...shape];
  if (s.some((d) => !Number.isInteger(d) || d < 0)) throw new RangeError(`negative dimensions are not allowed`);
  return s;
}

/** A new array of a dtype whose element i is `f(i)` (stored with the dtype's cast). */
export function fromFn(dtype: DtypeName, shape: readonly number[], f: (i: number) => number): NDArray {
  const n = sizeOf(shape);
  const out = allocate(dtype, n) as Exclude<DataArray, string[]>;
  const store = storer(dtype);
  for (let i = 0; i < n; i++) out[i] = store(f(i));
  return new NDArray(out, shape, dtype);
}

/** The numbers of an array's data (bools as 0/1). */
export function nums(a: NDArray): ArrayLike<number> {
  if (a.dtype === 'string') throw new TypeError('this operation does not support string arrays');
  return a.data as ArrayLike<number>;
}

function pyShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(',')})`;
}

/** numpy's broadcasting rule, with its error message. */
export function broadcastShapes(...shapes: (readonly number[])[]): number[] {
  const ndim = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(ndim).fill(1);
  for (const s of shapes) {
    for (let i = 0; i < s.length; i++) {
      const k = ndim - s.length + i;
      if (s[i] === out[k] || s[i] === 1) continue;
      if (out[k] !== 1) {
        throw new Error(`operands could not be broadcast together with shapes ${shapes.map(pyShape).join(' ')} `);
      }
      out[k] = s[i];
    }
  }
  return out;
}

/** For each element of the broadcast output, the flat index it reads in an input of `inShape`. */
export function indexer(inShape: readonly number[], outShape: readonly number[]): (k: number) => number {
  const n = sizeOf(outShape);
  if (sizeOf(inShape) === n && inShape.length <= outShape.length) return (k) => k;
  if (sizeOf(inShape) === 1) return () => 0;
  const offsets = new Int32Array(n);
  const nd = outShape.length;
  const strides = new Array<number>(nd).fill(0);
  let acc = 1;
  for (let i = inShape.length - 1; i >= 0; i--) {
    const k = nd - inShape.length + i;
    strides[k] = inShape[i] === 1 ? 0 : acc;
    acc *= inShape[i];
  }
  const idx = new Array<number>(nd).fill(0);
  let off = 0;
  for (let k = 0; k < n; k++) {
    offsets[k] = off;
    for (let a = nd - 1; a >= 0; a--) {
      if (++idx[a] < outShape[a]) {
        off += strides[a];
        break;
      }
      off -= strides[a] * (outShape[a] - 1);
      idx[a] = 0;
    }
  }
  return (k) => offsets[k];
}

/** An axis in [0, ndim), negative counting from the end, with numpy's AxisError message. */
export function normAxis(axis: number, ndim: number): number {
  if (!Number.isInteger(axis) || axis < -ndim || axis >= ndim) {
    throw new RangeError(`axis ${axis} is out of bounds for array of dimension ${ndim}`);
  }
  return axis < 0 ? axis + ndim : axis;
}

/** Several axes, normalized and checked for repeats. */
export function normAxes(axis: Axis, ndim: number): number[] {
  const list = (typeof axis === 'number' ? [axis] : [...axis]).map((a) => normAxis(a, ndim));
  if (new Set(list).size !== list.length) throw new Error("duplicate value in 'axis'");
  return list;
}

/** The result of an op on JS scalars only: a JS value, as numpy gives a numpy scalar. */
export function scalarOf(a: NDArray): number | boolean {
  const v = a.data[0] as number;
  return a.dtype === 'bool' ? v !== 0 : v;
}

/** True for plain option objects (not arrays, typed arrays or NDArrays). */
export function isOptions(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && !ArrayBuffer.isView(x) && !(x instanceof NDArray);
}
