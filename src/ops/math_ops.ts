/**
 * Arithmetic: the broadcasting binary ops, `matmul`, `add_n` and `cast`.
 * (Unary math lives in math_unary_ops.ts, comparisons and logic in compare_ops.ts.)
 */
import * as tfc from '@tensorflow/tfjs-core';
import {as_dtype, float64, type DType, type DTypeLike} from '../framework/dtypes';
import {applyOp, convertBinary} from '../framework/op_builder';
import {defineOp, type RegisteredOp} from '../framework/registry';
import {TensorShape} from '../framework/tensor_shape';
import type {Tensor} from '../framework/tensor';
import type {TensorLike} from '../framework/constant_op';
import {convert_to_tensor} from '../framework/constant_op';
import {get_default_graph} from '../framework/graph';
import {within} from '../framework/context';
import {broadcastShapes, mergeDim, withRank} from './shape_utils';

export const NUMERIC = ['float16', 'float32', 'float64', 'int32', 'int64', 'int16', 'int8', 'uint8', 'uint16'];
export const FLOATS = ['float16', 'float32', 'float64'];

/** A broadcasting binary op: `y` and `x` share the type attr T. */
function binaryOp(type: string, f: (x: tfc.Tensor, y: tfc.Tensor) => tfc.Tensor, allowed = NUMERIC): RegisteredOp {
  return defineOp<{T: DType}, [tfc.Tensor, tfc.Tensor]>({
    type,
    inputs: [{name: 'x', allowed}, {name: 'y', allowed}],
    infer: (ctx) => [{dtype: ctx.inputs[0].dtype.base_dtype, shape: broadcastShapes(ctx, ctx.inputs[0].shape, ctx.inputs[1].shape)}],
    kernel: ([x, y]) => [f(x, y)],
  });
}

const Add = binaryOp('Add', tfc.add, [...NUMERIC, 'string']);
const Sub = binaryOp('Sub', tfc.sub);
const Mul = binaryOp('Mul', tfc.mul);
const RealDiv = binaryOp('RealDiv', tfc.div, FLOATS);
const FloorDiv = binaryOp('FloorDiv', tfc.floorDiv);
const FloorMod = binaryOp('FloorMod', tfc.mod);
const Pow = binaryOp('Pow', tfc.pow);
const Maximum = binaryOp('Maximum', tfc.maximum);
const Minimum = binaryOp('Minimum', tfc.minimum);
const SquaredDifference = binaryOp('SquaredDifference', tfc.squaredDifference);

type Name = string | undefined;

/** `tf.add(x, y, name)`. */
export function add(x: TensorLike, y: TensorLike, name?: Name): Tensor {
  return applyOp(Add, [x, y], {}, name ?? 'Add').outputs[0];
}
/** `tf.subtract(x, y, name)`. */
export function subtract(x: TensorLike, y: TensorLike, name?: Name): Tensor {
  return applyOp(Sub, [x, y], {}, name ?? 'Sub').outputs[0];
}
/** `tf.multiply(x, y, name)`. */
export function multiply(x: TensorLike, y: TensorLike, name?: Name): Tensor {
  return applyOp(Mul, [x, y], {}, name ?? 'Mul').outputs[0];
}
/** `tf.div(x, y, name)`: TF1's Python-2 division: RealDiv for floats, FloorDiv for integers. */
export function div(x: TensorLike, y: TensorLike, name?: Name): Tensor {
  const g = get_default_graph();
  return within(g.name_scope(name ?? 'div'), (scope) => {
    const [xt, yt] = convertBinary(x, y);
    return applyOp(xt.dtype.is_floating ? RealDiv : FloorDiv, [xt, yt], {}, scope.value).outputs[0];
  });
}
/** `tf.realdiv(x, y, name)`: floats only. */
export function realdiv(x: TensorLike, y: TensorLike, name?: Name): Tensor {
  return applyOp(RealDiv, [x, y], {}, name ?? 'RealDiv').outputs[0];
}
/** `tf.floordiv(x, y, name)` (Python's `//`). */
export function floordiv(x: TensorLike, y: TensorLike, name?: Name): Tensor {
  return applyOp(FloorDiv, [x, y], {}, name ?? 'floordiv').outputs[0];
}
/** `tf.floormod(x, y, name)` / `tf.mod` (Python's `%`). */
export function floormod(x: TensorLike, y: TensorLike, name?: Name): Tensor {
  return applyOp(FloorMod, [x, y], {}, name ?? 'FloorMod').outputs[0];
}
export const mod = floormod;
/** `tf.pow(x, y, name)`. */
export function pow(x: TensorLike, y: TensorLike, name?: Name): Tensor {
  return applyOp(Pow, [x, y], {}, name ?? 'Pow').outputs[0];
}
/** `tf.maximum(x, y, name)`. */
export function maximum(x: TensorLike, y: TensorLike, name?: Name): Tensor {
  return applyOp(Maximum, [x, y], {}, name ?? 'Maximum').outputs[0];
}
/** `tf.minimum(x, y, name)`. */
export function minimum(x: TensorLike, y: TensorLike, name?: Name): Tensor {
  return applyOp(Minimum, [x, y], {}, name ?? 'Minimum').outputs[0];
}
/** `tf.squared_difference(x, y, name)`. */
export function squared_difference(x: TensorLike, y: TensorLike, name?: Name): Tensor {
  return applyOp(SquaredDifference, [x, y], {}, name ?? 'SquaredDifference').outputs[0];
}

/**
 * `tf.truediv(x, y, name)` / `tf.divide` (Python 3's `/`): integers are first cast to float64,
 * as TF1 does (computed in float32 here).
 */
export function truediv(x: TensorLike, y: TensorLike, name?: Name): Tensor {
  const g = get_default_graph();
  return within(g.name_scope(name ?? 'truediv'), (scope) => {
    let [xt, yt] = convertBinary(x, y);
    if (xt.dtype.is_integer) {
      xt = cast(xt, float64);
      yt = cast(yt, float64);
    }
    return applyOp(RealDiv, [xt, yt], {}, scope.value).outputs[0];
  });
}
/** `tf.divide(x, y, name)`: `x / y`. */
export function divide(x: TensorLike, y: TensorLike, name?: Name): Tensor {
  return truediv(x, y, name);
}

const AddN = defineOp<{N: number; T: DType}, tfc.Tensor[]>({
  type: 'AddN',
  inputs: [{name: 'inputs', list: true}],
  infer: (ctx) => {
    let shape: TensorShape = ctx.inputs[0]?.shape ?? TensorShape.unknown();
    for (const t of ctx.inputs.slice(1)) {
      if (!shape.is_compatible_with(t.shape)) ctx.fail(`Shapes must be equal rank, but are ${shape.ndims} and ${t.shape.ndims}`);
      shape = shape.merge_with(t.shape);
    }
    return [{dtype: ctx.inputs[0].dtype.base_dtype, shape}];
  },
  kernel: (xs) => [xs.length === 1 ? tfc.clone(xs[0]) : tfc.addN(xs)],
});

/** `tf.add_n(inputs, name)`: the sum of tensors of one shape and dtype. */
export function add_n(inputs: readonly TensorLike[], name?: Name): Tensor {
  if (!Array.isArray(inputs) || inputs.length === 0) {
    throw new Error('ValueError: inputs must be a list of at least one Tensor/IndexedSlices with the same dtype and shape');
  }
  return applyOp(AddN, [inputs], {}, name ?? 'AddN').outputs[0];
}

const MatMul = defineOp<{transpose_a: boolean; transpose_b: boolean; T: DType}, [tfc.Tensor, tfc.Tensor]>({
  type: 'MatMul',
  inputs: [{name: 'a', allowed: NUMERIC}, {name: 'b', allowed: NUMERIC}],
  infer: (ctx) => {
    const a = withRank(ctx, 0, 2).dims!;
    const b = withRank(ctx, 1, 2).dims!;
    const {transpose_a: ta, transpose_b: tb} = ctx.attrs;
    mergeDim(ctx, ta ? a[0] : a[1], tb ? b[1] : b[0]);
    return [{dtype: ctx.inputs[0].dtype.base_dtype, shape: new TensorShape([ta ? a[1] : a[0], tb ? b[0] : b[1]])}];
  },
  kernel: ([a, b], {transpose_a, transpose_b}, ctx) => {
    const k1 = transpose_a ? a.shape[0] : a.shape[1];
    const k2 = transpose_b ? b.shape[1] : b.shape[0];
    if (k1 !== k2) ctx.fail(`Matrix size-incompatible: In[0]: [${a.shape}], In[1]: [${b.shape}]`);
    return [tfc.matMul(a, b, transpose_a, transpose_b)];
  },
});

export interface MatmulOptions {
  transpose_a?: boolean;
  transpose_b?: boolean;
  adjoint_a?: boolean;
  adjoint_b?: boolean;
  name?: string;
}

/** `tf.matmul(a, b, transpose_a, transpose_b, …, name)`; keywords in the options object. */
export function matmul(a: TensorLike, b: TensorLike, opts: MatmulOptions = {}): Tensor {
  const attrs = {transpose_a: !!(opts.transpose_a || opts.adjoint_a), transpose_b: !!(opts.transpose_b || opts.adjoint_b)};
  return applyOp(MatMul, [a, b], attrs, opts.name ?? 'MatMul').outputs[0];
}

const Cast = defineOp<{SrcT: DType; DstT: DType; Truncate: boolean}, [tfc.Tensor]>({
  type: 'Cast',
  inputs: [{name: 'x', typeAttr: 'SrcT'}],
  infer: (ctx) => [{dtype: ctx.attrs.DstT, shape: ctx.inputs[0].shape}],
  kernel: ([x], {DstT}) => [castTo(x, DstT)],
});

/** tfjs casts float→int by truncation and anything→bool by `!= 0`, as TF does. */
function castTo(x: tfc.Tensor, to: DType): tfc.Tensor {
  const t = to.tfjs;
  if (t === x.dtype) return tfc.clone(x);
  return tfc.cast(x, t);
}

/** `tf.cast(x, dtype, name)`. */
export function cast(x: TensorLike, dtype: DTypeLike, name?: Name): Tensor {
  const to = as_dtype(dtype);
  return within(get_default_graph().name_scope(name ?? 'Cast'), (scope) => {
    const t = convert_to_tensor(x, null, 'x');
    if (t.dtype.base_dtype === to) return t;
    return applyOp(Cast, [t], {DstT: to, Truncate: false}, scope.value).outputs[0];
  });
}

/** `tf.to_float(x)` and friends (TF1's deprecated helpers). */
export function to_float(x: TensorLike, name = 'ToFloat'): Tensor {
  return cast(x, 'float32', name);
}
export function to_int32(x: TensorLike, name = 'ToInt32'): Tensor {
  return cast(x, 'int32', name);
}
