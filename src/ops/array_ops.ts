/**
 * Array ops: placeholders, identity, and the ops that reshape, combine and index tensors.
 */
import * as tfc from '@tensorflow/tfjs-core';
import {as_dtype, int32, type DType, type DTypeLike} from '../framework/dtypes';
import {get_default_graph, isTensor} from '../framework/graph';
import {applyOp} from '../framework/op_builder';
import {createOp} from '../framework/op_create';
import {defineOp} from '../framework/registry';
import {as_shape, TensorShape, type ShapeLike} from '../framework/tensor_shape';
import type {Tensor} from '../framework/tensor';
import {constant, type TensorLike} from '../framework/constant_op';
import {within} from '../framework/context';
import {NDArray, type NDArrayLike} from '../ndarray/ndarray';
import {constInts, withRank} from './shape_utils';

const Placeholder = defineOp<{dtype: DType; shape: TensorShape}>({
  type: 'Placeholder',
  inputs: [],
  // Not foldable and never run unless unfed: its kernel only reports the missing feed.
  stateful: true,
  infer: ({attrs}) => [{dtype: attrs.dtype, shape: attrs.shape}],
  kernel: (_, {dtype, shape}, ctx) => {
    const shapePart = shape.dims === null ? '' : ` and shape ${shape.toBracketString()}`;
    return ctx.fail(`You must feed a value for placeholder tensor '${ctx.op.name}' with dtype ${dtype.protoName}${shapePart}`);
  },
  grad: null,
});

/** `tf.placeholder(dtype, shape, name)`: a value fed at run time. `shape` may hold null (None). */
export function placeholder(dtype: DTypeLike, shape?: ShapeLike, name?: string): Tensor {
  const attrs = {dtype: as_dtype(dtype), shape: as_shape(shape)};
  return createOp(get_default_graph(), Placeholder, [], attrs, name ?? 'Placeholder').outputs[0];
}

const PlaceholderWithDefault = defineOp<{dtype: DType; shape: TensorShape}>({
  type: 'PlaceholderWithDefault',
  inputs: [{name: 'input', typeAttr: 'dtype'}],
  infer: ({attrs}) => [{dtype: attrs.dtype, shape: attrs.shape}],
  kernel: ([input]) => [tfc.clone(input)],
  grad: null,
});

/** `tf.placeholder_with_default(input, shape, name)`: `input` unless fed. */
export function placeholder_with_default(input: TensorLike, shape: ShapeLike, name?: string): Tensor {
  const op = applyOp(PlaceholderWithDefault, [input], {shape: as_shape(shape)}, name ?? 'PlaceholderWithDefault');
  const s = op.inputs[0].shape;
  if (!s.is_compatible_with(op.attrs.shape as TensorShape)) {
    throw new TypeError(`Shape of the default ${s} is not compatible with the placeholder's shape ${op.attrs.shape}`);
  }
  return op.outputs[0];
}

const Identity = defineOp({
  type: 'Identity',
  inputs: ['input'],
  infer: ({inputs}) => [{dtype: inputs[0].dtype.base_dtype, shape: inputs[0].shape}],
  kernel: ([input]) => [tfc.clone(input)],
  grad: (_, [dy]) => [dy],
});

/** `tf.identity(input, name)`: the same value, as a new tensor. */
export function identity(input: TensorLike, name?: string): Tensor {
  return applyOp(Identity, [input], {}, name ?? 'Identity').outputs[0];
}

const Fill = defineOp<{T: DType; index_type: DType}, [NDArray, tfc.Tensor]>({
  type: 'Fill',
  inputs: [{name: 'dims', host: true, typeAttr: 'index_type', defaultDtype: int32}, 'value'],
  infer: (ctx) => {
    withRank(ctx, 0, 1);
    if (ctx.inputs[1].shape.ndims !== null && ctx.inputs[1].shape.ndims !== 0) {
      ctx.fail(`Shape must be rank 0 but is rank ${ctx.inputs[1].shape.ndims}`);
    }
    const dims = constInts(ctx, 0);
    const n = ctx.inputs[0].shape.dim(0);
    const shape = dims ? TensorShape.of(dims) : n === null ? TensorShape.unknown() : new TensorShape(Array(n).fill(null));
    return [{dtype: ctx.inputs[1].dtype.base_dtype, shape}];
  },
  kernel: ([dims, value], _, ctx) => {
    const shape = Array.from(dims.data as Int32Array);
    if (shape.some((d) => d < 0)) ctx.fail(`dims must be non-negative, got [${shape}]`);
    return [tfc.broadcastTo(value, shape)];
  },
  grad: null,
});

/** `tf.fill(dims, value, name)`: a tensor of shape `dims` filled with `value`. */
export function fill(dims: TensorLike, value: TensorLike, name?: string): Tensor {
  return applyOp(Fill, [dims, value], {}, name ?? 'Fill').outputs[0];
}

/** TF1's `zeros`/`ones`: a Const when small (< 1000 elements), otherwise a Fill of a scalar. */
function filled(shape: TensorLike, dtype: DTypeLike, value: number, name: string): Tensor {
  const dt = as_dtype(dtype);
  const g = get_default_graph();
  return within(g.name_scope(name), (scope) => {
    if (!isTensor(shape)) {
      const dims = Array.from(NDArray.from(shape as NDArrayLike).data as ArrayLike<number>);
      if (dims.reduce((a, b) => a * b, 1) < 1000) return constant(dt.is_bool ? value !== 0 : value, dt, dims, scope.value);
      return fill(constant(dims, int32, null, 'shape_as_tensor'), constant(dt.is_bool ? value !== 0 : value, dt), scope.value);
    }
    return fill(shape, constant(dt.is_bool ? value !== 0 : value, dt), scope.value);
  });
}

/** `tf.zeros(shape, dtype=float32, name)`. */
export function zeros(shape: TensorLike, dtype: DTypeLike = 'float32', name?: string): Tensor {
  return filled(shape, dtype, 0, name ?? 'zeros');
}
/** `tf.ones(shape, dtype=float32, name)`. */
export function ones(shape: TensorLike, dtype: DTypeLike = 'float32', name?: string): Tensor {
  return filled(shape, dtype, 1, name ?? 'ones');
}
