/**
 * Constants and `convert_to_tensor`: how JS values (numbers, nested arrays, typed arrays,
 * NDArrays) become `Const` ops, and how other objects (a Variable) convert to tensors.
 */
import {NDArray, type NDArrayLike, type DtypeName} from '../ndarray/ndarray';
import {as_dtype, float32, type DType, type DTypeLike} from './dtypes';
import {ValueError} from './errors';
import {get_default_graph, isTensor} from './graph';
import {createOp} from './op_create';
import {markGivenValues} from './proto/tensor_proto';
import {defineOp} from './registry';
import {TensorShape} from './tensor_shape';
import type {Tensor} from './tensor';
import {toTfjs} from './tfjs_values';

export const Const = defineOp<{value: NDArray; dtype: DType}>({
  type: 'Const',
  inputs: [],
  infer: ({attrs}) => [{dtype: attrs.dtype, shape: TensorShape.of(attrs.value.shape)}],
  kernel: (_, {value, dtype}) => [toTfjs(value, dtype)],
  grad: null,
});

/** Something that converts itself to a tensor in the graph (a Variable). */
export interface TensorConvertible {
  _as_graph_element(): unknown;
}

/** Anything an op input accepts: a Tensor, something convertible to one, or a JS value. */
export type TensorLike = Tensor | NDArrayLike | TensorConvertible;

type Converter = (value: unknown, dtype: DType | undefined, name: string | undefined, asRef: boolean) => Tensor;
const converters: {test: (x: unknown) => boolean; convert: Converter}[] = [];

/** TF's `register_tensor_conversion_function`: how objects of a kind convert (a Variable → its value). */
export function registerTensorConversion(test: (x: unknown) => boolean, convert: Converter): void {
  converters.push({test, convert});
}

/**
 * The host value of a constant: `value` converted to `dtype` and, if `shape` is given, expanded
 * to it (a scalar fills it; a shorter list is padded with its last element, as TF1 does; a
 * shape with no elements gives an empty array whatever the value, as TF's make_tensor_proto).
 */
export function hostValue(value: NDArrayLike, dtype?: DType, shape?: readonly number[]): NDArray {
  let a = value instanceof NDArray ? value : NDArray.from(value);
  if (dtype) a = castChecked(a, dtype);
  if (shape) {
    const n = shape.reduce((x, y) => x * y, 1);
    if (n === 0) return NDArray.zeros(shape, a.dtype);
    if (a.size > n) throw new ValueError(`Too many elements provided. Needed at most ${n}, but received ${a.size}`);
    if (a.size !== n || a.shape.length !== shape.length) {
      // The GraphDef keeps only the values given (tf.zeros gives one), as TF's TensorProto.
      const given = a.size;
      return markGivenValues(padTo(a, shape, n), Math.min(given, n));
    }
  }
  return markGivenValues(a, a.size);
}

function castChecked(a: NDArray, dtype: DType): NDArray {
  const target = dtype.base_dtype.name as DtypeName;
  if (a.dtype === target) return a;
  const fromFloat = a.dtype.startsWith('float');
  const bad = (dtype.is_integer && fromFloat && !Array.from(a.data as ArrayLike<number>).every(Number.isInteger))
    || (dtype.is_bool && a.dtype !== 'bool')
    || ((dtype.base === 'string') !== (a.dtype === 'string'));
  if (bad) {
    const x = a.data.find((v, i) => (dtype.is_integer ? !Number.isInteger(v) : i === 0));
    const kind = a.dtype === 'string' ? 'str' : fromFloat ? 'float' : a.dtype === 'bool' ? 'bool' : 'int';
    throw new TypeError(`Expected ${dtype.base_dtype.name}, got ${String(x)} of type '${kind}' instead.`);
  }
  return a.astype(target);
}

function padTo(a: NDArray, shape: readonly number[], n: number): NDArray {
  if (a.size === n) return a.reshape(shape as number[]);
  const out = NDArray.zeros(shape, a.dtype);
  const data = out.data as unknown[];
  for (let i = 0; i < n; i++) data[i] = a.size ? a.data[Math.min(i, a.size - 1)] : 0;
  return out;
}

export interface ConstantOptions {
  dtype?: DTypeLike;
  shape?: readonly number[];
  name?: string;
  verify_shape?: boolean;
}

/** `tf.constant(value, dtype, shape, name)`; the options object takes the same keywords. */
export function constant(
  value: NDArrayLike,
  dtypeOrOptions?: DTypeLike | ConstantOptions | null,
  shape?: readonly number[] | null,
  name?: string,
): Tensor {
  const o: ConstantOptions =
    dtypeOrOptions && typeof dtypeOrOptions === 'object' && !('base_dtype' in dtypeOrOptions)
      ? dtypeOrOptions
      : {dtype: (dtypeOrOptions ?? undefined) as DTypeLike | undefined, shape: shape ?? undefined, name};
  const dtype = o.dtype !== undefined ? as_dtype(o.dtype) : undefined;
  if (o.verify_shape && o.shape) {
    const a = NDArray.from(value);
    if (a.shape.join() !== o.shape.join()) {
      throw new TypeError(`Expected Tensor's shape: (${o.shape.join(', ')}), got (${a.shape.join(', ')}).`);
    }
  }
  const dt = dtype ?? defaultDtype(value);
  return makeConst(hostValue(value, dt, o.shape), dt, o.name ?? 'Const');
}

function makeConst(v: NDArray, dtype: DType, name: string): Tensor {
  return createOp(get_default_graph(), Const, [], {value: v, dtype}, name).outputs[0];
}

/**
 * `tf.convert_to_tensor(value, dtype, name, preferred_dtype)`: a Tensor is returned as is (its
 * dtype checked), registered kinds convert themselves, JS values become a Const.
 */
export function convert_to_tensor(
  value: unknown,
  dtype?: DTypeLike | null,
  name?: string | null,
  preferred_dtype?: DTypeLike | null,
  as_ref = false,
): Tensor {
  const want = dtype ? as_dtype(dtype) : undefined;
  if (isTensor(value)) {
    if (want && !want.is_compatible_with(value.dtype.base_dtype)) {
      throw new ValueError(`Tensor conversion requested dtype ${want.name} for Tensor with dtype ${value.dtype.name}: ${value.repr()}`);
    }
    return value;
  }
  for (const c of converters) if (c.test(value)) return c.convert(value, want, name ?? undefined, as_ref);
  if (!isArrayLike(value)) {
    throw new TypeError(
      `Failed to convert object of type ${describe(value)} to Tensor. Contents: ${String(value)}. Consider casting elements to a supported type.`,
    );
  }
  let target = want;
  if (!target && preferred_dtype) {
    // TF tries the preferred dtype and falls back to inference if the value does not fit it.
    try {
      return makeConst(hostValue(value, as_dtype(preferred_dtype)), as_dtype(preferred_dtype), name ?? 'Const');
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
    }
  }
  target ??= defaultDtype(value);
  return makeConst(hostValue(value, target), target, name ?? 'Const');
}

/**
 * The dtype of a JS value given where TF wants a tensor. JavaScript has one number type, so a JS
 * number is a float (float32), as Python's `1.0` is; integer tensors come from an input that
 * wants integers (a shape, an axis, labels), an explicit `tf.int32`, or an Int32Array. NDArrays
 * and typed arrays keep their own dtype, as numpy arrays do.
 */
export function defaultDtype(value: NDArrayLike): DType {
  if (value instanceof NDArray) return as_dtype(value.dtype);
  const inferred = NDArray.from(value).dtype;
  if (inferred === 'int32' && !containsTyped(value)) return float32;
  return as_dtype(inferred);
}

function containsTyped(v: unknown): boolean {
  if (ArrayBuffer.isView(v) || v instanceof NDArray) return true;
  return Array.isArray(v) && v.length > 0 && containsTyped(v[0]);
}

export function isArrayLike(x: unknown): x is NDArrayLike {
  if (x instanceof NDArray || ArrayBuffer.isView(x)) return true;
  if (typeof x === 'number' || typeof x === 'boolean' || typeof x === 'string') return true;
  return Array.isArray(x) && x.every(isArrayLike);
}

function describe(x: unknown): string {
  if (x === null || x === undefined) return "<class 'NoneType'>";
  return `<class '${typeof x === 'object' ? x.constructor?.name ?? 'object' : typeof x}'>`;
}
