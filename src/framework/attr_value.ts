/**
 * Op attrs ↔ AttrValue protos. An attr's kind comes from TF's OpDef where the op has one (so a
 * float attr is written as `f` even when it holds 1, and `list {}` reads back as the right kind
 * of empty list), else from the JS value, as node_def.ts prints it.
 */
import {NDArray} from '../ndarray/ndarray';
import {shortestFloat32} from '../ndarray/float_repr';
import {DType, as_dtype} from './dtypes';
import {TensorShape, as_shape, type ShapeLike} from './tensor_shape';
import type {AttrValue} from './registry';
import type {AttrValueProto, ListValueProto} from './proto/graph_messages';
import {dtypeToEnum, enumToDtype, ndarrayToTensorProto, shapeFromProto, shapeToProto, givenValueCount, tensorProtoToNDArray} from './proto/tensor_proto';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const fromUtf8 = (b: Uint8Array | undefined): string => new TextDecoder().decode(b ?? new Uint8Array(0));

/**
 * The AttrValue of an attr. `tfType` is the OpDef's attr type ('float', 'list(int)' …) when
 * known; `dtype` is the op's `dtype` attr, which a `tensor` attr's proto states (a float64 Const
 * whose value is held as float32). Returns undefined for a value that has no AttrValue (null).
 */
export function attrToProto(v: AttrValue | undefined, tfType: string | undefined, isFloat: boolean, dtype?: DType): AttrValueProto | undefined {
  if (v === null || v === undefined) return undefined;
  const kind = tfType ?? inferKind(v, isFloat);
  switch (kind) {
    case 'type': return {type: dtypeToEnum(asDType(v))};
    case 'shape': return {shape: shapeToProto(as_shape(v as ShapeLike))};
    case 'tensor': return {tensor: ndarrayToTensorProto(v as NDArray, {dtype, given: givenValues(v as NDArray)})};
    case 'int': return {i: Math.trunc(Number(v))};
    case 'float': return {f: Number(v)};
    case 'bool': return {b: Boolean(v)};
    case 'string': return {s: utf8(String(v))};
    default:
      if (kind.startsWith('list(')) return {list: listToProto(v as readonly unknown[], kind.slice(5, -1))};
      throw new TypeError(`tf1ts cannot write an attr of type ${kind}`);
  }
}

/**
 * How many values a constant was given before being filled to its shape, where the code that made
 * it did not say (see tensor_proto.ts markGivenValues): a float or bool tensor whose elements are
 * all equal is taken as one value filled (`tf.zeros([10])`, `tf.constant_initializer(0.4)`), which
 * is what TF writes for those; an integer one as given in full (a shape `[2, 2]`, which TF writes
 * in full).
 */
function givenValues(a: NDArray): number {
  const known = givenValueCount(a);
  if (known !== undefined) return known;
  if (a.size < 2 || !(a.dtype.startsWith('float') || a.dtype === 'bool')) return a.size;
  const first = a.data[0];
  for (let i = 1; i < a.size; i++) if (!Object.is(a.data[i], first)) return a.size;
  return 1;
}

function asDType(v: AttrValue): DType {
  return v instanceof DType ? v : as_dtype(String(v));
}

function listToProto(items: readonly unknown[], kind: string): ListValueProto {
  const xs = Array.isArray(items) ? items : [items];
  if (xs.length === 0) return {};
  switch (kind) {
    case 'int': return {i: xs.map((x) => Math.trunc(Number(x)))};
    case 'float': return {f: xs.map(Number)};
    case 'bool': return {b: xs.map(Boolean)};
    case 'string': return {s: xs.map((x) => utf8(String(x)))};
    case 'type': return {type: xs.map((x) => dtypeToEnum(asDType(x as AttrValue)))};
    case 'shape': return {shape: xs.map((x) => shapeToProto(as_shape(x as ShapeLike)))};
    default: throw new TypeError(`tf1ts cannot write an attr of type list(${kind})`);
  }
}

/** The attr kind of a JS value, for attrs TF's OpDef does not declare (`_class`). */
function inferKind(v: AttrValue, isFloat: boolean): string {
  if (v instanceof DType) return 'type';
  if (v instanceof TensorShape) return 'shape';
  if (v instanceof NDArray) return 'tensor';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return isFloat || !Number.isInteger(v) ? 'float' : 'int';
  const first = (v as readonly unknown[])[0];
  if (first instanceof DType) return 'list(type)';
  if (typeof first === 'string') return 'list(string)';
  if (first instanceof TensorShape) return 'list(shape)';
  if (typeof first === 'boolean') return 'list(bool)';
  return isFloat ? 'list(float)' : 'list(int)';
}

/**
 * The JS value of an AttrValue, as the op registry's attrs hold it: DType, TensorShape, NDArray,
 * number, boolean, string, or an array of numbers, strings or DTypes. A float comes back as the
 * shortest decimal of its float32 (0.2, not 0.20000000298023224), as Python shows it.
 */
export function attrFromProto(p: AttrValueProto, tfType?: string): AttrValue {
  if (p.type !== undefined) return enumToDtype(p.type);
  if (p.shape !== undefined) return shapeFromProto(p.shape);
  if (p.tensor !== undefined) return tensorProtoToNDArray(p.tensor);
  if (p.i !== undefined) return Number(p.i);
  if (p.f !== undefined) return shortestFloat32(p.f);
  if (p.b !== undefined) return p.b;
  if (p.s !== undefined) return fromUtf8(p.s);
  if (p.list !== undefined) return listFromProto(p.list, tfType);
  if (p.func !== undefined || p.placeholder !== undefined) {
    throw new TypeError('tf1ts has no functions: a func or placeholder attr cannot be imported');
  }
  // An AttrValue with nothing set: TF reads it as the attr's default; callers fill that.
  return null;
}

function listFromProto(l: ListValueProto, tfType?: string): AttrValue {
  if (l.type?.length || tfType === 'list(type)') return (l.type ?? []).map(enumToDtype);
  if (l.s?.length || tfType === 'list(string)') return (l.s ?? []).map(fromUtf8);
  if (l.f?.length || tfType === 'list(float)') return (l.f ?? []).map(shortestFloat32);
  if (l.i?.length) return l.i.map(Number);
  if (l.b?.length) return l.b.map(Number);
  if (l.shape?.length) {
    throw new TypeError('tf1ts keeps no list(shape) attrs');
  }
  return [] as number[];
}
