/**
 * The simplest array ops: `tf.placeholder`, `tf.placeholder_with_default`, `tf.identity`,
 * `tf.stop_gradient` and `tf.check_numerics`.
 */
import * as tfc from '@tensorflow/tfjs-core';
import {as_dtype, type DType, type DTypeLike} from '../framework/dtypes';
import {get_default_graph} from '../framework/graph';
import {applyOp} from '../framework/op_builder';
import {createOp} from '../framework/op_create';
import {defineOp} from '../framework/registry';
import {as_shape, type TensorShape, type ShapeLike} from '../framework/tensor_shape';
import type {Tensor} from '../framework/tensor';
import type {TensorLike} from '../framework/constant_op';
import {bindArgs} from '../framework/args';
import {aliasOf} from '../framework/host_compute';

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

export interface PlaceholderOptions {
  shape?: ShapeLike;
  name?: string;
}

/** `tf.placeholder(dtype, shape=None, name=None)`: a value fed at run time. `shape` may hold null (None). */
export function placeholder(dtype: DTypeLike, shape?: ShapeLike | PlaceholderOptions, name?: string | PlaceholderOptions): Tensor {
  const o = bindArgs<PlaceholderOptions>('placeholder', ['shape', 'name'], [shape, name]);
  const attrs = {dtype: as_dtype(dtype), shape: as_shape(o.shape)};
  return createOp(get_default_graph(), Placeholder, [], attrs, o.name ?? 'Placeholder').outputs[0];
}

const PlaceholderWithDefault = defineOp<{dtype: DType; shape: TensorShape}>({
  type: 'PlaceholderWithDefault',
  inputs: [{name: 'input', typeAttr: 'dtype'}],
  infer: ({attrs}) => [{dtype: attrs.dtype, shape: attrs.shape}],
  kernel: ([input]) => [aliasOf(input)],
  grad: (_, [dy]) => [dy],
});

/** `tf.placeholder_with_default(input, shape, name=None)`: `input` unless fed. */
export function placeholder_with_default(input: TensorLike, shape: ShapeLike, name?: string | {name?: string}): Tensor {
  const o = bindArgs<{name?: string}>('placeholder_with_default', ['name'], [name]);
  const op = applyOp(PlaceholderWithDefault, [input], {shape: as_shape(shape)}, o.name ?? 'PlaceholderWithDefault');
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
  kernel: ([input]) => [aliasOf(input)],
  grad: (_, [dy]) => [dy],
});

/** `tf.identity(input, name=None)`: the same value, as a new tensor. */
export function identity(input: TensorLike, name?: string | {name?: string}): Tensor {
  const o = bindArgs<{name?: string}>('identity', ['name'], [name]);
  return applyOp(Identity, [input], {}, o.name ?? 'Identity').outputs[0];
}

const StopGradient = defineOp<{T: DType}, [tfc.Tensor]>({
  type: 'StopGradient',
  inputs: ['input'],
  infer: ({inputs}) => [{dtype: inputs[0].dtype.base_dtype, shape: inputs[0].shape}],
  kernel: ([input]) => [aliasOf(input)],
  grad: null,
});

/** `tf.stop_gradient(input, name=None)`: the input, through which no gradient flows. */
export function stop_gradient(input: TensorLike, name?: string | {name?: string}): Tensor {
  const o = bindArgs<{name?: string}>('stop_gradient', ['name'], [name]);
  return applyOp(StopGradient, [input], {}, o.name ?? 'StopGradient').outputs[0];
}

const CheckNumerics = defineOp<{T: DType; message: string}, [tfc.Tensor]>({
  type: 'CheckNumerics',
  inputs: [{name: 'tensor', allowed: ['bfloat16', 'float16', 'float32', 'float64']}],
  infer: ({inputs}) => [{dtype: inputs[0].dtype.base_dtype, shape: inputs[0].shape}],
  kernel: ([tensor], {message}, ctx) => {
    let nan = false;
    let inf = false;
    for (const v of tensor.dataSync()) {
      if (Number.isNaN(v)) nan = true;
      else if (!Number.isFinite(v)) inf = true;
    }
    if (nan || inf) ctx.fail(`${message} : Tensor had ${nan && inf ? 'Inf and NaN' : nan ? 'NaN' : 'Inf'} values`);
    return [aliasOf(tensor)];
  },
  // TF's _CheckNumericsGrad: the gradient passes, checked in turn.
  grad: ({attrs}, [dy]) => [check_numerics(dy!, `Not a number (NaN) or infinity (Inf) values detected in gradient. ${attrs.message}`)],
});

/** `tf.check_numerics(tensor, message, name=None)`: the tensor, or TF's error if it has NaN or Inf values. */
export function check_numerics(tensor: TensorLike, message: string, name?: string | {name?: string}): Tensor {
  const o = bindArgs<{name?: string}>('check_numerics', ['name'], [name]);
  return applyOp(CheckNumerics, [tensor], {message}, o.name ?? 'CheckNumerics').outputs[0];
}
