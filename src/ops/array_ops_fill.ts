/**
 * Filled tensors: `tf.fill` (Fill), `tf.zeros`, `tf.ones`, `tf.zeros_like` (ZerosLike) and
 * `tf.ones_like` (OnesLike), built as TF1 builds them.
 */
import * as tfc from '@tensorflow/tfjs-core';
import {as_dtype, int32, type DType, type DTypeLike} from '../framework/dtypes';
import {get_default_graph, isTensor} from '../framework/graph';
import {applyOp} from '../framework/op_builder';
import {defineOp} from '../framework/registry';
import type {Tensor} from '../framework/tensor';
import {bracket} from '../framework/tensor_shape';
import {constant, convert_to_tensor, type TensorLike} from '../framework/constant_op';
import {within} from '../framework/context';
import {NDArray, type NDArrayLike} from '../ndarray/ndarray';
import {bindArgs} from '../framework/args';
import {shapeInternal} from './array_ops_info';
import {applyPacked, autopack, holdsTensor} from './array_ops_pack';
import {reduce_sum} from './reduce_ops';
import {constInts, shapeFromShapeTensor, withRank} from './shape_utils';

const Fill = defineOp<{T: DType; index_type: DType}, [NDArray, tfc.Tensor]>({
  type: 'Fill',
  inputs: [{name: 'dims', host: true, typeAttr: 'index_type', defaultDtype: int32}, 'value'],
  infer: (ctx) => {
    withRank(ctx, 0, 1);
    withRank(ctx, 1, 0);
    const shape = shapeFromShapeTensor(ctx, 0);
    if (constInts(ctx, 0)?.some((d) => d < 0)) ctx.fail('Fill dimensions must be >= 0');
    return [{dtype: ctx.inputs[1].dtype.base_dtype, shape}];
  },
  kernel: ([dims, value], _, ctx) => {
    if (dims.shape.length !== 1) ctx.fail(`dims must be a vector, got shape ${bracket(dims.shape)}`);
    if (value.rank !== 0) ctx.fail(`value must be a scalar, got shape ${bracket(value.shape)}`);
    const shape = Array.from(dims.data as Int32Array);
    const negative = shape.find((d) => d < 0);
    if (negative !== undefined) ctx.fail(`Dimension ${negative} must be >= 0`);
    return [tfc.broadcastTo(value, shape)];
  },
  // TF's _FillGrad: the value was used everywhere, so it gets the sum of the gradient.
  grad: (_, [grad]) => [null, reduce_sum(grad!)],
});

/** `tf.fill(dims, value, name=None)`: a tensor of shape `dims` filled with `value`. */
export function fill(dims: TensorLike | readonly TensorLike[], value: TensorLike, name?: string | {name?: string}): Tensor {
  const o = bindArgs<{name?: string}>('fill', ['name'], [name]);
  return applyPacked(Fill, [dims, value], {}, o.name ?? 'Fill').outputs[0];
}

type ShapeArg = TensorLike | readonly TensorLike[];

/**
 * TF1's `zeros`/`ones`: a Const when the shape is a small (< 1000 elements) JS value, otherwise
 * a Fill of a scalar Const, the shape converted as TF converts it (`shape_as_tensor`, or an
 * auto-packed list named `packed`).
 */
function filled(shape: ShapeArg, dtype: DType, value: number, name: string): Tensor {
  const v = dtype.is_bool ? value !== 0 : value;
  return within(get_default_graph().name_scope(name), (scope) => {
    let dims: Tensor;
    if (isTensor(shape)) dims = shape;
    else if (holdsTensor(shape)) dims = autopack(shape, 'packed', int32) as Tensor;
    else {
      const d = Array.from(NDArray.from(shape as NDArrayLike).data as ArrayLike<number>, Number);
      if (d.reduce((a, b) => a * b, 1) < 1000) return constant(v, dtype, d, scope.value);
      dims = constant(d, int32, null, 'shape_as_tensor');
    }
    return fill(dims, constant(v, dtype), scope.value);
  });
}

export interface FilledOptions {
  dtype?: DTypeLike;
  name?: string;
}

/** `tf.zeros(shape, dtype=tf.float32, name=None)`. */
export function zeros(shape: ShapeArg, dtype?: DTypeLike | FilledOptions, name?: string | FilledOptions): Tensor {
  const o = bindArgs<FilledOptions>('zeros', ['dtype', 'name'], [dtype, name]);
  return filled(shape, as_dtype(o.dtype ?? 'float32').base_dtype, 0, o.name ?? 'zeros');
}

/** `tf.ones(shape, dtype=tf.float32, name=None)`. */
export function ones(shape: ShapeArg, dtype?: DTypeLike | FilledOptions, name?: string | FilledOptions): Tensor {
  const o = bindArgs<FilledOptions>('ones', ['dtype', 'name'], [dtype, name]);
  return filled(shape, as_dtype(o.dtype ?? 'float32').base_dtype, 1, o.name ?? 'ones');
}

const ZerosLike = defineOp<{T: DType}, [tfc.Tensor]>({
  type: 'ZerosLike',
  inputs: ['x'],
  infer: ({inputs}) => [{dtype: inputs[0].dtype.base_dtype, shape: inputs[0].shape}],
  kernel: ([x]) => [tfc.zerosLike(x)],
  grad: null,
});

// tf.ones_like never builds OnesLike (see below); it is declared for GraphDefs that hold it.
defineOp<{T: DType}, [tfc.Tensor]>({
  type: 'OnesLike',
  inputs: ['x'],
  infer: ({inputs}) => [{dtype: inputs[0].dtype.base_dtype, shape: inputs[0].shape}],
  kernel: ([x]) => [tfc.onesLike(x)],
  grad: null,
});

export interface LikeOptions {
  dtype?: DTypeLike | null;
  name?: string;
  optimize?: boolean;
}

/**
 * `tf.zeros_like(tensor, dtype=None, name=None, optimize=True)`: as TF1, `tf.zeros` of the static
 * shape when it is fully known, zeros of the dynamic shape for another dtype, else ZerosLike.
 */
export function zeros_like(
  tensor: TensorLike,
  dtype?: DTypeLike | null | LikeOptions,
  name?: string | LikeOptions,
  optimize?: boolean | LikeOptions,
): Tensor {
  const o = bindArgs<LikeOptions>('zeros_like', ['dtype', 'name', 'optimize'], [dtype, name, optimize]);
  return within(get_default_graph().name_scope(o.name ?? 'zeros_like'), (scope) => {
    const t = convert_to_tensor(tensor, null, 'tensor');
    const dt = o.dtype ? as_dtype(o.dtype).base_dtype : null;
    const opt = o.optimize ?? true;
    if (opt && t.shape.is_fully_defined()) return zeros(t.shape.dims, dt ?? t.dtype.base_dtype, scope.value);
    if (dt && dt !== t.dtype.base_dtype) return zeros(shapeInternal(t, null, opt, null), dt, scope.value);
    return applyOp(ZerosLike, [t], {}, scope.value).outputs[0];
  });
}

/**
 * `tf.ones_like(tensor, dtype=None, name=None, optimize=True)`: as TF1, always `tf.ones` of the
 * tensor's shape (a Const when static, a Shape op otherwise), with the static shape kept.
 */
export function ones_like(
  tensor: TensorLike,
  dtype?: DTypeLike | null | LikeOptions,
  name?: string | LikeOptions,
  optimize?: boolean | LikeOptions,
): Tensor {
  const o = bindArgs<LikeOptions>('ones_like', ['dtype', 'name', 'optimize'], [dtype, name, optimize]);
  return within(get_default_graph().name_scope(o.name ?? 'ones_like'), (scope) => {
    const t = convert_to_tensor(tensor, null, 'tensor');
    const dt = o.dtype ? as_dtype(o.dtype).base_dtype : t.dtype.base_dtype;
    const result = ones(shapeInternal(t, null, o.optimize ?? true, null), dt, scope.value);
    result.set_shape(t.shape);
    return result;
  });
}
