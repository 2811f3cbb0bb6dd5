/**
 * NDArray ↔ TensorProto and DType ↔ DataType, laid out as TensorFlow lays them out, for every
 * file format that stores a tensor (GraphDef constants, summaries, checkpoints).
 *
 * Writing follows Python's `tensor_util.make_tensor_proto`: a numeric tensor of more than one
 * element goes in `tensor_content` as little-endian bytes; a scalar, a bool or string tensor, and
 * a tensor filled from fewer values than its shape holds (`tf.zeros`, `tf.constant(0., shape=[2,
 * 3])`) go in the typed repeated field (`float_val`, `int_val`, `bool_val`, `string_val` …), the
 * filled one holding only the values given. Reading follows `tensor_util.MakeNdarray`: a repeated field shorter than the shape
 * is padded with its last value.
 */
import {DType, as_dtype} from '../dtypes';
import {TensorShape} from '../tensor_shape';
import {NDArray, allocate, type DtypeName} from '../../ndarray/ndarray';

export interface TensorShapeProto {
  dim?: {size?: number; name?: string}[];
  unknown_rank?: boolean;
}

export interface TensorProto {
  dtype?: number;
  tensor_shape?: TensorShapeProto;
  version_number?: number;
  tensor_content?: Uint8Array;
  half_val?: number[];
  float_val?: number[];
  double_val?: number[];
  int_val?: number[];
  string_val?: Uint8Array[];
  scomplex_val?: number[];
  int64_val?: number[];
  bool_val?: boolean[];
  dcomplex_val?: number[];
  uint32_val?: number[];
  uint64_val?: number[];
}

// ---- DType ↔ DataType -------------------------------------------------------------------------

/** DataType enum values (types.proto) of the dtypes tf1ts has; `_REF` types add 100. */
const ENUM_OF: Record<string, number> = {
  float32: 1, float64: 2, int32: 3, uint8: 4, int16: 5, int8: 6, string: 7, int64: 9, bool: 10,
  uint16: 17, float16: 19,
};
const NAME_OF = new Map(Object.entries(ENUM_OF).map(([k, v]) => [v, k]));
const ENUM_NAMES: Record<number, string> = {
  1: 'DT_FLOAT', 2: 'DT_DOUBLE', 3: 'DT_INT32', 4: 'DT_UINT8', 5: 'DT_INT16', 6: 'DT_INT8', 7: 'DT_STRING',
  8: 'DT_COMPLEX64', 9: 'DT_INT64', 10: 'DT_BOOL', 11: 'DT_QINT8', 12: 'DT_QUINT8', 13: 'DT_QINT32',
  14: 'DT_BFLOAT16', 15: 'DT_QINT16', 16: 'DT_QUINT16', 17: 'DT_UINT16', 18: 'DT_COMPLEX128', 19: 'DT_HALF',
  20: 'DT_RESOURCE', 21: 'DT_VARIANT', 22: 'DT_UINT32', 23: 'DT_UINT64',
};

/** The DataType enum value of a dtype (`tf.float32` → 1, `float32_ref` → 101). */
export function dtypeToEnum(d: DType): number {
  const v = ENUM_OF[d.base];
  if (v === undefined) throw new TypeError(`tf1ts has no DataType for dtype ${d.name}`);
  return v + (d._is_ref_dtype ? 100 : 0);
}

/** The dtype of a DataType enum value; TypeError for the ones tf1ts has no dtype for. */
export function enumToDtype(v: number): DType {
  const ref = v > 100;
  const name = NAME_OF.get(ref ? v - 100 : v);
  if (name === undefined) {
    const label = ENUM_NAMES[ref ? v - 100 : v] ?? `DataType ${v}`;
    throw new TypeError(`tf1ts has no dtype for ${label}${ref && ENUM_NAMES[v - 100] ? '_REF' : ''}`);
  }
  const d = as_dtype(name);
  return ref ? d._as_ref : d;
}

/** `DT_FLOAT`, `DT_INT32_REF` …: the enum's name, as text format spells it. */
export function dataTypeName(v: number): string {
  const base = ENUM_NAMES[v > 100 ? v - 100 : v];
  return base === undefined ? String(v) : base + (v > 100 ? '_REF' : '');
}

// ---- TensorShape ↔ TensorShapeProto -----------------------------------------------------------

/** A static shape as TF writes it: unknown dims as -1, an unknown rank as `unknown_rank: true`. */
export function shapeToProto(shape: TensorShape | readonly number[]): TensorShapeProto {
  const dims = shape instanceof TensorShape ? shape.dims : shape;
  if (dims === null) return {unknown_rank: true};
  return dims.length ? {dim: dims.map((d) => (d === 0 ? {} : {size: d ?? -1}))} : {};
}

export function shapeFromProto(p: TensorShapeProto | undefined): TensorShape {
  if (!p) return TensorShape.scalar();
  if (p.unknown_rank) return TensorShape.unknown();
  return new TensorShape((p.dim ?? []).map((d) => (d.size === undefined ? 0 : d.size < 0 ? null : d.size)));
}

// ---- which values were given once and filled -------------------------------------------------

/** Per value: how many of its leading values were given (the rest repeat the last one). */
const givenValues = new WeakMap<NDArray, number>();

/**
 * Records how a constant's value was given: `given` leading values, filled to the shape by
 * repeating the last (`tf.zeros` gives 1, `tf.constant([1, 2], shape=[4])` gives 2; a value given
 * in full gives its size). TF's TensorProto holds only the given values.
 */
export function markGivenValues(a: NDArray, given: number): NDArray {
  givenValues.set(a, given);
  return a;
}

/** The recorded number of given values, or undefined when nobody said how the value was given. */
export function givenValueCount(a: NDArray): number | undefined {
  return givenValues.get(a);
}

/** The TensorProto a value was read from: written back as it was (any layout TF chose). */
const readFrom = new WeakMap<NDArray, TensorProto>();

// ---- NDArray → TensorProto --------------------------------------------------------------------

/** Byte size of one element in `tensor_content`. */
const CONTENT_BYTES: Partial<Record<DtypeName, number>> = {
  float16: 2, float32: 4, float64: 8, int32: 4, uint8: 1, int16: 2, int8: 1, int64: 8, uint16: 2,
  uint32: 4, uint64: 8,
};

/** The dtypes make_tensor_proto writes as `tensor_content` (its _TENSOR_CONTENT_TYPES: no uint16). */
const WRITES_CONTENT = new Set<DtypeName>(['float16', 'float32', 'float64', 'int32', 'uint8', 'int16', 'int8', 'int64', 'uint32', 'uint64']);

/**
 * The TensorProto of a value. `dtype` overrides the array's own (a float64 constant computed in
 * float32); `given` says how many leading values were given before filling (see markGivenValues).
 * A value read from a TensorProto gives that proto back.
 */
export function ndarrayToTensorProto(a: NDArray, opts: {dtype?: DType; given?: number} = {}): TensorProto {
  const dtype = (opts.dtype ? opts.dtype.base_dtype.base : a.dtype) as DtypeName;
  const original = readFrom.get(a);
  if (original && original.dtype === dtypeToEnum(as_dtype(dtype))) return original;
  const p: TensorProto = {dtype: dtypeToEnum(as_dtype(dtype)), tensor_shape: shapeToProto(a.dims)};
  if (a.size === 0) return p;
  const given = Math.max(0, Math.min(opts.given ?? givenValueCount(a) ?? a.size, a.size));
  const filled = given < a.size;
  if (WRITES_CONTENT.has(dtype) && a.size > 1 && !filled) {
    p.tensor_content = contentBytes(a, dtype, CONTENT_BYTES[dtype]!);
    return p;
  }
  const n = given;
  const values = Array.from({length: n}, (_, i) => a.data[i]);
  switch (dtype) {
    case 'float32': p.float_val = values as number[]; break;
    case 'float64': p.double_val = values as number[]; break;
    case 'float16': p.half_val = (values as number[]).map(toHalfBits); break;
    case 'int64': p.int64_val = values as number[]; break;
    case 'uint32': p.uint32_val = values as number[]; break;
    case 'uint64': p.uint64_val = values as number[]; break;
    case 'bool': p.bool_val = (values as number[]).map((v) => v !== 0); break;
    case 'string': p.string_val = (values as string[]).map((s) => new TextEncoder().encode(s)); break;
    default: p.int_val = values as number[];
  }
  return p;
}

function contentBytes(a: NDArray, dtype: DtypeName, width: number): Uint8Array {
  const out = new Uint8Array(a.size * width);
  const view = new DataView(out.buffer);
  const data = a.data as ArrayLike<number>;
  for (let i = 0; i < a.size; i++) {
    const v = data[i];
    const o = i * width;
    switch (dtype) {
      case 'float32': view.setFloat32(o, v, true); break;
      case 'float64': view.setFloat64(o, v, true); break;
      case 'float16': view.setUint16(o, toHalfBits(v), true); break;
      case 'int8': case 'uint8': view.setUint8(o, v & 0xff); break;
      case 'int16': case 'uint16': view.setUint16(o, v & 0xffff, true); break;
      case 'int32': case 'uint32': view.setUint32(o, v >>> 0, true); break;
      default: view.setBigInt64(o, BigInt(Math.trunc(v)), true); // int64, uint64
    }
  }
  return out;
}

// ---- TensorProto → NDArray --------------------------------------------------------------------

/**
 * The value a TensorProto holds (TF's `MakeNdarray`). The array remembers the proto, so that
 * writing it again gives the same proto, and whether it held fewer values than its shape.
 */
export function tensorProtoToNDArray(p: TensorProto): NDArray {
  const dtype = enumToDtype(p.dtype ?? 0).base_dtype;
  const name = dtype.base as DtypeName;
  const shape = shapeFromProto(p.tensor_shape);
  if (!shape.is_fully_defined()) throw new TypeError('A TensorProto must have a fully defined shape');
  const dims = shape.dims as readonly number[];
  const n = dims.reduce((x, y) => x * y, 1);
  const out = allocate(name, n);
  let a: NDArray;
  if (p.tensor_content && p.tensor_content.length) {
    readContent(p.tensor_content, name, out as Float32Array | Int32Array | Uint8Array | Float64Array, n);
    a = markGivenValues(new NDArray(out, dims, name), n);
  } else {
    const values = repeatedValues(p, name);
    for (let i = 0; i < n && values.length; i++) (out as unknown[])[i] = values[Math.min(i, values.length - 1)];
    a = markGivenValues(new NDArray(out, dims, name), Math.min(values.length, n));
  }
  readFrom.set(a, p);
  return a;
}

function repeatedValues(p: TensorProto, dtype: DtypeName): (number | string)[] {
  switch (dtype) {
    case 'float32': return p.float_val ?? [];
    case 'float64': return p.double_val ?? [];
    case 'float16': return (p.half_val ?? []).map(fromHalfBits);
    case 'int64': return p.int64_val ?? [];
    case 'bool': return (p.bool_val ?? []).map((b) => (b ? 1 : 0));
    case 'string': return (p.string_val ?? []).map((b) => new TextDecoder().decode(b));
    default: return p.int_val ?? [];
  }
}

function readContent(bytes: Uint8Array, dtype: DtypeName, out: Float32Array | Int32Array | Uint8Array | Float64Array, n: number): void {
  const width = CONTENT_BYTES[dtype] ?? 1;
  if (bytes.length !== n * width) {
    throw new TypeError(`tensor_content holds ${bytes.length} bytes where a ${dtype} tensor of ${n} elements needs ${n * width}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < n; i++) {
    const o = i * width;
    switch (dtype) {
      case 'float32': out[i] = view.getFloat32(o, true); break;
      case 'float64': out[i] = view.getFloat64(o, true); break;
      case 'float16': out[i] = fromHalfBits(view.getUint16(o, true)); break;
      case 'int8': out[i] = view.getInt8(o); break;
      case 'uint8': case 'bool': out[i] = view.getUint8(o); break;
      case 'int16': out[i] = view.getInt16(o, true); break;
      case 'uint16': out[i] = view.getUint16(o, true); break;
      case 'int32': case 'uint32': out[i] = view.getInt32(o, true); break;
      default: out[i] = Number(view.getBigInt64(o, true)); // int64, uint64 (computed in int32)
    }
  }
}

// ---- float16 bits -----------------------------------------------------------------------------

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** IEEE half bits of a number, rounded to nearest even (what numpy's astype(float16) gives). */
export function toHalfBits(x: number): number {
  f32[0] = x;
  const b = u32[0];
  const sign = (b >>> 16) & 0x8000;
  const exp = (b >>> 23) & 0xff;
  let mant = b & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    let h = mant >>> shift;
    const rem = mant & ((1 << shift) - 1);
    const half = 1 << (shift - 1);
    if (rem > half || (rem === half && (h & 1))) h++;
    return sign | h;
  }
  let h = (e << 10) | (mant >>> 13);
  const rem = mant & 0x1fff;
  // A carry out of the mantissa moves into the exponent, up to infinity, as IEEE rounding does.
  if (rem > 0x1000 || (rem === 0x1000 && (h & 1))) h++;
  return sign | h;
}

export function fromHalfBits(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >>> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}
