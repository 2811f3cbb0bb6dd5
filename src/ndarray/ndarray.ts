/**
 * NDArray: the host-side value type. `Session.run` returns it, feeds and constants accept it,
 * and it prints as numpy prints (`[[0.01791432 0.00399722 0.97808844] …]`).
 *
 * Data is one flat, row-major typed array (Float32Array for float dtypes, Int32Array for integer
 * dtypes, Uint8Array for bool) or a string[] for strings. The dtype is TF's name, so a float64
 * placeholder's value reports float64 even though it was computed in float32.
 */
import {formatArray, reprArray} from './format';

export type DataArray = Float32Array | Float64Array | Int32Array | Uint8Array | string[];
export type Nested<T> = T | Nested<T>[];
/** What `NDArray.from` and every op input accept: numbers, booleans, strings, nested arrays, typed arrays. */
export type NDArrayLike =
  | NDArray
  | number
  | boolean
  | string
  | Float32Array
  | Float64Array
  | Int32Array
  | Uint8Array
  | Int16Array
  | Int8Array
  | Uint16Array
  | readonly NDArrayLike[];

export type DtypeName =
  | 'float32' | 'float64' | 'float16' | 'int32' | 'int64' | 'int16' | 'int8'
  | 'uint8' | 'uint16' | 'uint32' | 'uint64' | 'bool' | 'string';

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/** A shape that prints as Python prints a tuple, `(55000, 784)`, and is otherwise an array. */
class ShapeTuple extends Array<number> {
  // Arrays derived from a shape (map, slice …) are plain arrays.
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }
  override toString(): string {
    return this.length === 1 ? `(${this[0]},)` : `(${this.join(', ')})`;
  }
  [inspectSymbol](): string {
    return this.toString();
  }
}

function shapeTuple(dims: readonly number[]): readonly number[] {
  const t = new ShapeTuple();
  t.push(...dims);
  return Object.freeze(t);
}

export class NDArray {
  /** The dims as given (a plain array: what the library itself reads). */
  readonly dims: readonly number[];
  private tuple: readonly number[] | undefined;
  readonly dtype: DtypeName;
  readonly data: DataArray;

  constructor(data: DataArray, shape: readonly number[], dtype: DtypeName) {
    const n = shape.reduce((a, b) => a * b, 1);
    if (data.length !== n) {
      throw new Error(`cannot make an NDArray of shape (${shape.join(', ')}) from ${data.length} values`);
    }
    this.data = data;
    this.dims = shape;
    this.dtype = dtype;
  }

  /** Converts nested arrays, typed arrays and scalars. `dtype` casts (float→int truncates, as numpy). */
  static from(value: NDArrayLike, dtype?: DtypeName): NDArray {
    if (value instanceof NDArray) return dtype === undefined || dtype === value.dtype ? value : value.astype(dtype);
    const shape = shapeOf(value);
    const leaves: unknown[] = [];
    flatten(value, leaves, shape, 0);
    const dt = dtype ?? inferName(value, leaves);
    return new NDArray(makeData(leaves, dt), shape, dt);
  }

  /** numpy's `.shape`: the dims, printing as a Python tuple, `(55000, 784)`. */
  get shape(): readonly number[] {
    return (this.tuple ??= shapeTuple(this.dims));
  }

  static zeros(shape: readonly number[], dtype: DtypeName = 'float32'): NDArray {
    const n = shape.reduce((a, b) => a * b, 1);
    return new NDArray(allocate(dtype, n), shape, dtype);
  }

  get ndim(): number {
    return this.shape.length;
  }
  get size(): number {
    return this.data.length;
  }
  /** The transpose (reversed axes), as numpy's `.T`. */
  get T(): NDArray {
    return this.transpose();
  }

  /** numpy's `.item()`: the only element (or the element at a flat index) as a JS value. */
  item(index?: number): number | boolean | string {
    if (index === undefined && this.size !== 1) {
      throw new Error('can only convert an array of size 1 to a Python scalar');
    }
    return this.scalarAt(index ?? 0);
  }

  /** numpy's `.tolist()`: nested JS arrays of numbers, booleans or strings. */
  tolist(): Nested<number | boolean | string> {
    const build = (axis: number, offset: number): Nested<number | boolean | string> => {
      if (axis === this.shape.length) return this.scalarAt(offset);
      const stride = this.shape.slice(axis + 1).reduce((a, b) => a * b, 1);
      return Array.from({length: this.shape[axis]}, (_, i) => build(axis + 1, offset + i * stride));
    };
    return build(0, 0);
  }

  /** numpy's `.ravel()`/`.flatten()`: a 1-D copy. */
  ravel(): NDArray {
    return new NDArray(this.data.slice() as DataArray, [this.size], this.dtype);
  }
  flatten(): NDArray {
    return this.ravel();
  }

  /** numpy's `.reshape()`, with one -1 allowed. */
  reshape(...shape: (number | readonly number[])[]): NDArray {
    const dims = (shape.length === 1 && Array.isArray(shape[0]) ? shape[0] : shape) as number[];
    const known = dims.filter((d) => d !== -1).reduce((a, b) => a * b, 1);
    const out = dims.map((d) => (d === -1 ? this.size / known : d));
    if (out.some((d) => !Number.isInteger(d) || d < 0) || out.reduce((a, b) => a * b, 1) !== this.size) {
      throw new Error(`cannot reshape array of size ${this.size} into shape (${dims.join(', ')})`);
    }
    return new NDArray(this.data, out, this.dtype);
  }

  /** numpy's `.astype()`. */
  astype(dtype: DtypeName): NDArray {
    if (dtype === this.dtype) return new NDArray(this.data.slice() as DataArray, this.shape, dtype);
    const out = allocate(dtype, this.size);
    for (let i = 0; i < this.size; i++) (out as unknown[])[i] = castScalar(this.data[i], dtype);
    return new NDArray(out, this.shape, dtype);
  }

  /** numpy's `a[i]` on the first axis: a sub-array (or, for a 1-D array, the element). */
  get(...index: number[]): NDArray | number | boolean | string {
    let offset = 0;
    let axis = 0;
    for (const raw of index) {
      const n = this.shape[axis];
      const i = raw < 0 ? raw + n : raw;
      if (axis >= this.ndim || i < 0 || i >= n) {
        throw new RangeError(`index ${raw} is out of bounds for axis ${axis} with size ${n}`);
      }
      offset = offset * n + i;
      axis++;
    }
    const rest = this.shape.slice(axis);
    const size = rest.reduce((a, b) => a * b, 1);
    if (rest.length === 0) return this.scalarAt(offset);
    return new NDArray(this.data.slice(offset * size, (offset + 1) * size) as DataArray, rest, this.dtype);
  }

  /** numpy's `a[start:end]`: rows of the first axis (negative indices count from the end). */
  slice(start = 0, end: number = this.shape[0]): NDArray {
    const n = this.shape[0];
    const clamp = (i: number) => Math.min(Math.max(i < 0 ? i + n : i, 0), n);
    const [s, e] = [clamp(start), Math.max(clamp(start), clamp(end))];
    const row = this.size / Math.max(n, 1);
    return new NDArray(this.data.slice(s * row, e * row) as DataArray, [e - s, ...this.shape.slice(1)], this.dtype);
  }

  /** numpy's `.transpose(perm)`; reversed axes by default. */
  transpose(perm?: readonly number[]): NDArray {
    const p = perm ?? this.shape.map((_, i) => this.ndim - 1 - i);
    const outShape = p.map((a) => this.shape[a]);
    const inStrides = strides(this.shape);
    const out = allocate(this.dtype, this.size);
    const idx = new Array<number>(this.ndim).fill(0);
    for (let k = 0; k < this.size; k++) {
      let src = 0;
      for (let a = 0; a < p.length; a++) src += idx[a] * inStrides[p[a]];
      (out as unknown[])[k] = this.data[src];
      for (let a = p.length - 1; a >= 0; a--) {
        if (++idx[a] < outShape[a]) break;
        idx[a] = 0;
      }
    }
    return new NDArray(out, outShape, this.dtype);
  }

  /** The element at a flat index, as the JS value numpy's `.item()` gives. */
  scalarAt(i: number): number | boolean | string {
    const v = this.data[i];
    if (this.dtype === 'bool') return v !== 0;
    return v as number | string;
  }

  /** numpy's `str(a)`: `[[1. 2.]\n [3. 4.]]`. */
  toString(): string {
    return formatArray(this);
  }
  /** numpy's `repr(a)`: `array([[1., 2.]], dtype=float32)`. */
  repr(): string {
    return reprArray(this);
  }
  toJSON(): Nested<number | boolean | string> {
    return this.tolist();
  }

  /**
   * `console.log(a)` prints what Python's `print(a)` prints (numpy's str); inside a list or an
   * object it prints the repr, as Python prints a list of arrays: `[array([1., 2.], dtype=float32)]`.
   */
  [inspectSymbol](depth: number, options: {depth?: number | null}): string {
    return depth === options.depth ? this.toString() : this.repr();
  }
}

function strides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i];
  }
  return s;
}

function isTyped(v: unknown): v is Float32Array | Float64Array | Int32Array | Uint8Array | Int16Array | Int8Array | Uint16Array {
  return ArrayBuffer.isView(v) && !(v instanceof DataView);
}

function shapeOf(v: unknown): number[] {
  if (v instanceof NDArray) return [...v.shape];
  if (isTyped(v)) return [v.length];
  if (Array.isArray(v)) return v.length === 0 ? [0] : [v.length, ...shapeOf(v[0])];
  return [];
}

function flatten(v: unknown, out: unknown[], shape: readonly number[], axis: number): void {
  if (axis === shape.length) {
    if (Array.isArray(v) || isTyped(v) || v instanceof NDArray) throw ragged();
    out.push(v);
    return;
  }
  if (v instanceof NDArray) {
    if (v.ndim !== shape.length - axis || v.shape.some((d, i) => d !== shape[axis + i])) throw ragged();
    for (let i = 0; i < v.size; i++) out.push(v.data[i]);
    return;
  }
  if (isTyped(v)) {
    if (shape.length - axis !== 1 || v.length !== shape[axis]) throw ragged();
    for (let i = 0; i < v.length; i++) out.push(v[i]);
    return;
  }
  if (!Array.isArray(v) || v.length !== shape[axis]) throw ragged();
  for (const x of v) flatten(x, out, shape, axis + 1);
}

function ragged(): Error {
  return new Error('setting an array element with a sequence: the nested arrays have different lengths');
}

function inferName(value: unknown, leaves: unknown[]): DtypeName {
  let v = value;
  while (Array.isArray(v) && v.length > 0) v = v[0];
  if (v instanceof NDArray) return v.dtype;
  if (v instanceof Float64Array) return 'float64';
  if (v instanceof Float32Array) return 'float32';
  if (v instanceof Int32Array) return 'int32';
  if (v instanceof Int16Array) return 'int16';
  if (v instanceof Int8Array) return 'int8';
  if (v instanceof Uint8Array) return 'uint8';
  if (v instanceof Uint16Array) return 'uint16';
  if (leaves.length === 0) return 'float32';
  if (leaves.every((x) => typeof x === 'boolean')) return 'bool';
  if (leaves.every((x) => typeof x === 'string')) return 'string';
  if (leaves.every((x) => typeof x === 'number')) {
    return leaves.every((x) => Number.isInteger(x)) ? 'int32' : 'float32';
  }
  throw new TypeError(`cannot make an array of mixed element types (${[...new Set(leaves.map((x) => typeof x))].join(', ')})`);
}

/** The typed array that holds values of a dtype: floats in Float32Array, integers in Int32Array. */
export function allocate(dtype: DtypeName, n: number): DataArray {
  switch (dtype) {
    case 'float32':
    case 'float16':
      return new Float32Array(n);
    case 'float64':
      return new Float64Array(n);
    case 'bool':
      return new Uint8Array(n);
    case 'string':
      return new Array<string>(n).fill('');
    default:
      return new Int32Array(n);
  }
}

function castScalar(v: unknown, dtype: DtypeName): number | string {
  if (dtype === 'string') return String(v);
  if (typeof v === 'string') throw new TypeError(`cannot cast the string ${JSON.stringify(v)} to ${dtype}`);
  const x = typeof v === 'boolean' ? Number(v) : (v as number);
  if (dtype === 'bool') return x !== 0 ? 1 : 0;
  if (dtype.startsWith('float')) return x;
  return Math.trunc(x);
}

function makeData(leaves: unknown[], dtype: DtypeName): DataArray {
  const out = allocate(dtype, leaves.length);
  for (let i = 0; i < leaves.length; i++) (out as unknown[])[i] = castScalar(leaves[i], dtype);
  return out;
}
