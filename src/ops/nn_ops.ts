/**
 * `tf.nn`: activations, softmax and log-softmax, `l2_loss`, `bias_add`.
 * (The cross-entropy losses are in nn_losses.ts, `dropout` in nn_dropout.ts.)
 */
import * as tfc from '@tensorflow/tfjs-core';
import {float32, type DType} from '../framework/dtypes';
import {applyOp} from '../framework/op_builder';
import {defineOp, type GradFn, type RegisteredOp} from '../framework/registry';
import {TensorShape} from '../framework/tensor_shape';
import type {Tensor} from '../framework/tensor';
import {convert_to_tensor, type TensorLike} from '../framework/constant_op';
import {get_default_graph} from '../framework/graph';
import {within} from '../framework/context';
import {ValueError} from '../framework/errors';
import {kwargs} from '../framework/args';
import {cast, FLOATS, multiply, NUMERIC} from './math_ops';
import {mergeDim, sameAsInput, withRank, withRankAtLeast} from './shape_utils';
import {moveAxisAndApply} from './nn_axis';
import {exp} from './math_unary_ops';
import {reduce_sum} from './reduce_ops';
import {
  bias_add_grad, elu_grad, leaky_relu_grad, relu6_grad, relu_grad, selu_grad, sigmoid_grad, softsign_grad, tanh_grad,
} from './nn_grad_ops';

/** An elementwise activation: one input (TF names it `features` or `x`), same dtype and shape out. */
function activationOp(
  type: string,
  f: (x: tfc.Tensor, attrs: Record<string, unknown>) => tfc.Tensor,
  allowed: readonly string[],
  grad: GradFn,
  input = 'features',
  floatAttrs?: readonly string[],
): RegisteredOp {
  return defineOp<{}, [tfc.Tensor]>({
    type,
    inputs: [{name: input, allowed}],
    floatAttrs,
    infer: (ctx) => sameAsInput(ctx),
    kernel: ([x], attrs) => [f(x, attrs)],
    grad,
  });
}

// The gradients are TF's (nn_grad.py, math_grad.py): most are a *Grad op (nn_grad_ops.ts) of the
// incoming gradient and the op's output (Relu, Relu6, Elu, Selu, Sigmoid, Tanh) or input.
const Sigmoid = activationOp('Sigmoid', (x) => tfc.sigmoid(x), FLOATS, ({outputs: [y]}, [g]) => [sigmoid_grad(y, g!)], 'x');
const Tanh = activationOp('Tanh', (x) => tfc.tanh(x), FLOATS, ({outputs: [y]}, [g]) => [tanh_grad(y, g!)], 'x');
const Relu = activationOp('Relu', (x) => tfc.relu(x), NUMERIC, ({outputs: [y]}, [g]) => [relu_grad(g!, y)]);
const Relu6 = activationOp('Relu6', (x) => tfc.relu6(x), NUMERIC, ({outputs: [y]}, [g]) => [relu6_grad(g!, y)]);
// TF's Softplus kernel (softplus_op.h) is log1p(exp(x)) with cut-offs where it saturates.
// Its gradient is grad · sigmoid(x), built from a Sigmoid op (TF's _SoftplusGrad).
const Softplus = activationOp('Softplus', (x) => tfc.softplus(x), FLOATS, ({inputs: [x]}, [g]) => [g!.mul(sigmoid(x))]);
const Softsign = activationOp('Softsign', (x) => tfc.div(x, tfc.add(tfc.abs(x), 1)), FLOATS, ({inputs: [x]}, [g]) => [softsign_grad(g!, x)]);
const Elu = activationOp('Elu', (x) => tfc.elu(x), FLOATS, ({outputs: [y]}, [g]) => [elu_grad(g!, y)]);
const Selu = activationOp('Selu', (x) => tfc.selu(x), FLOATS, ({outputs: [y]}, [g]) => [selu_grad(g!, y)]);
const LeakyRelu = activationOp('LeakyRelu', (x, {alpha}) => tfc.leakyRelu(x, alpha as number), FLOATS,
  ({inputs: [x], attrs}, [g]) => [leaky_relu_grad(g!, x, attrs.alpha as number)], 'features', ['alpha']);

/** A trailing `name`, given positionally or as `{name}`. */
export type NameArg = string | null | {name?: string | null};

function nameArg(fn: string, args: readonly unknown[]): string | null {
  return kwargs(fn, args, ['name'], {name: null as string | null}).name;
}

function activation(op: RegisteredOp, fn: string, x: TensorLike, args: readonly unknown[]): Tensor {
  return applyOp(op, [x], {}, nameArg(fn, args) ?? op.type).outputs[0];
}

/** `tf.nn.sigmoid(x, name)`: 1 / (1 + exp(-x)). */
export function sigmoid(x: TensorLike, ...args: [name?: NameArg]): Tensor {
  return activation(Sigmoid, 'sigmoid', x, args);
}
/** `tf.nn.tanh(x, name)`. */
export function tanh(x: TensorLike, ...args: [name?: NameArg]): Tensor {
  return activation(Tanh, 'tanh', x, args);
}
/** `tf.nn.relu(features, name)`: max(features, 0). */
export function relu(features: TensorLike, ...args: [name?: NameArg]): Tensor {
  return activation(Relu, 'relu', features, args);
}
/** `tf.nn.relu6(features, name)`: min(max(features, 0), 6). */
export function relu6(features: TensorLike, ...args: [name?: NameArg]): Tensor {
  return activation(Relu6, 'relu6', features, args);
}
/** `tf.nn.softplus(features, name)`: log(exp(features) + 1). */
export function softplus(features: TensorLike, ...args: [name?: NameArg]): Tensor {
  return activation(Softplus, 'softplus', features, args);
}
/** `tf.nn.softsign(features, name)`: features / (abs(features) + 1). */
export function softsign(features: TensorLike, ...args: [name?: NameArg]): Tensor {
  return activation(Softsign, 'softsign', features, args);
}
/** `tf.nn.elu(features, name)`: exp(features) - 1 where features < 0, else features. */
export function elu(features: TensorLike, ...args: [name?: NameArg]): Tensor {
  return activation(Elu, 'elu', features, args);
}
/** `tf.nn.selu(features, name)`: scale * elu with TF's alpha and scale constants. */
export function selu(features: TensorLike, ...args: [name?: NameArg]): Tensor {
  return activation(Selu, 'selu', features, args);
}

export interface LeakyReluOptions {
  alpha?: number;
  name?: string | null;
}

/** `tf.nn.leaky_relu(features, alpha=0.2, name)`: integer features are cast to float32 first, as TF. */
export function leaky_relu(features: TensorLike, ...args: [alpha?: number | LeakyReluOptions, name?: string | null | LeakyReluOptions]): Tensor {
  const o = kwargs('leaky_relu', args, ['alpha', 'name'], {alpha: 0.2, name: null as string | null});
  return within(get_default_graph().name_scope(o.name ?? 'LeakyRelu'), (scope) => {
    let x = convert_to_tensor(features, null, 'features');
    if (x.dtype.is_integer) x = cast(x, float32);
    return applyOp(LeakyRelu, [x], {alpha: o.alpha}, scope.value).outputs[0];
  });
}

/**
 * `tf.nn.swish(features)`: features * sigmoid(features), as TF 1.x builds it (`features` is
 * converted under that name, then `Sigmoid` and `mul`). TF 2's beta and its custom-gradient
 * IdentityN are not part of TF1's graph.
 */
export function swish(features: TensorLike): Tensor {
  const x = convert_to_tensor(features, null, 'features');
  return multiply(x, sigmoid(x), 'mul');
}

/** TF's softmax family: at least rank 1, same shape out. */
function softmaxOp(type: string, f: (logits: tfc.Tensor) => tfc.Tensor, grad: GradFn): RegisteredOp {
  return defineOp<{T: DType}, [tfc.Tensor]>({
    type,
    inputs: [{name: 'logits', allowed: FLOATS}],
    infer: (ctx) => {
      withRankAtLeast(ctx, 0, 1);
      return sameAsInput(ctx);
    },
    kernel: ([logits]) => [f(logits)],
    grad,
  });
}

// TF's kernels (softmax_op_functor.h) shift by the max, then exp(shifted) * (1 / sum(exp(shifted)))
// and shifted - log(sum(exp(shifted))); tfjs's softmax, exp(x - logsumexp(x)), rounds differently.
const shiftedByMax = (x: tfc.Tensor): tfc.Tensor => tfc.sub(x, tfc.max(x, -1, true));
// TF's _SoftmaxGrad: (g - sum(g · y, -1, keepdims)) · y, from the op's output y.
const Softmax = softmaxOp('Softmax', (x) => {
  const e = tfc.exp(shiftedByMax(x));
  return tfc.mul(e, tfc.reciprocal(tfc.sum(e, -1, true)));
}, ({outputs: [y]}, [g]) => [g!.sub(reduce_sum(g!.mul(y), -1, true)).mul(y)]);
// TF's _LogSoftmaxGrad: g - sum(g, -1, keepdims) · exp(y).
const LogSoftmax = softmaxOp('LogSoftmax', (x) => {
  const shifted = shiftedByMax(x);
  return tfc.sub(shifted, tfc.log(tfc.sum(tfc.exp(shifted), -1, true)));
}, ({outputs: [y]}, [g]) => {
  const softmax = exp(y);
  return [g!.sub(reduce_sum(g!, -1, true).mul(softmax))];
});

export interface SoftmaxOptions {
  axis?: number | null;
  name?: string | null;
  /** TF1's older spelling of `axis`. */
  dim?: number | null;
}
type SoftmaxArgs = [axis?: number | null | SoftmaxOptions, name?: string | null | SoftmaxOptions, dim?: number | null | SoftmaxOptions];

/** TF1's `softmax(logits, axis=None, name=None, dim=None)` arguments; `dim` is `axis`'s old name. */
function softmaxArgs(fn: string, args: readonly unknown[]): {axis: number; name: string | null} {
  const o = kwargs(fn, args, ['axis', 'name', 'dim'], {axis: null as number | null, name: null as string | null, dim: null as number | null});
  if (o.axis !== null && o.dim !== null) throw new ValueError("Cannot specify both 'dim' and 'axis'.");
  return {axis: o.axis ?? o.dim ?? -1, name: o.name};
}

/** `tf.nn.softmax(logits, axis=-1, name, dim)`: exp(logits) / sum(exp(logits), axis). */
export function softmax(logits: TensorLike, ...args: SoftmaxArgs): Tensor {
  const o = softmaxArgs('softmax', args);
  return moveAxisAndApply(convert_to_tensor(logits), o.axis, o.name, (x, n) => applyOp(Softmax, [x], {}, n ?? 'Softmax').outputs[0]);
}

/** `tf.nn.log_softmax(logits, axis=-1, name, dim)`: logits - log(sum(exp(logits), axis)). */
export function log_softmax(logits: TensorLike, ...args: SoftmaxArgs): Tensor {
  const o = softmaxArgs('log_softmax', args);
  return moveAxisAndApply(convert_to_tensor(logits), o.axis, o.name, (x, n) => applyOp(LogSoftmax, [x], {}, n ?? 'LogSoftmax').outputs[0]);
}

const L2Loss = defineOp<{T: DType}, [tfc.Tensor]>({
  type: 'L2Loss',
  inputs: [{name: 't', allowed: FLOATS}],
  infer: (ctx) => [{dtype: ctx.inputs[0].dtype.base_dtype, shape: TensorShape.scalar()}],
  kernel: ([t]) => [tfc.mul(tfc.sum(tfc.square(t)), 0.5)],
  grad: ({inputs: [t]}, [g]) => [t.mul(g!)],
});

/** `tf.nn.l2_loss(t, name)`: sum(t ** 2) / 2. */
export function l2_loss(t: TensorLike, ...args: [name?: NameArg]): Tensor {
  return applyOp(L2Loss, [t], {}, nameArg('l2_loss', args) ?? 'L2Loss').outputs[0];
}

/** TF's BiasAddShape: bias is a vector as long as the channel dimension (last for NHWC, 1 for NCHW). */
const BiasAdd = defineOp<{T: DType; data_format: string}, [tfc.Tensor, tfc.Tensor]>({
  type: 'BiasAdd',
  inputs: [{name: 'value', allowed: NUMERIC}, {name: 'bias', allowed: NUMERIC}],
  infer: (ctx) => {
    const nchw = ctx.attrs.data_format === 'NCHW';
    const value = withRankAtLeast(ctx, 0, nchw ? 3 : 2);
    const bias = withRank(ctx, 1, 1).dims!;
    if (value.dims === null) return [{dtype: ctx.inputs[0].dtype.base_dtype, shape: value}];
    const dims = [...value.dims];
    const c = nchw ? 1 : dims.length - 1;
    dims[c] = mergeDim(ctx, dims[c], bias[0]);
    return [{dtype: ctx.inputs[0].dtype.base_dtype, shape: new TensorShape(dims)}];
  },
  kernel: ([value, bias], {data_format}, ctx) => {
    if (value.rank < 2) ctx.fail(`Input tensor must be at least 2D: [${value.shape}]`);
    if (bias.rank !== 1) ctx.fail(`Biases must be 1D: [${bias.shape}]`);
    const c = data_format === 'NCHW' ? 1 : value.rank - 1;
    if (value.shape[c] !== bias.shape[0]) {
      // TF's kernel says "last" whatever the data format.
      ctx.fail(`Must provide as many biases as the last dimension of the input tensor: [${bias.shape}] vs. [${value.shape}]`);
    }
    const shape = value.shape.map((d, i) => (i === c ? d : 1));
    return [tfc.add(value, tfc.reshape(bias, shape))];
  },
  // TF's _BiasAddGrad: the value's gradient as is, the bias's summed over all but the channel axis.
  grad: ({attrs}, [g]) => [g, bias_add_grad(g!, attrs.data_format as string)],
});

export interface BiasAddOptions {
  data_format?: string | null;
  name?: string | null;
}

/** `tf.nn.bias_add(value, bias, data_format=None, name)`: adds the vector `bias` along the channel dimension. */
export function bias_add(
  value: TensorLike,
  bias: TensorLike,
  ...args: [data_format?: string | null | BiasAddOptions, name?: string | null | BiasAddOptions]
): Tensor {
  const o = kwargs('bias_add', args, ['data_format', 'name'], {data_format: null as string | null, name: null as string | null});
  const format = biasDataFormat(o.data_format);
  return within(get_default_graph().name_scope(o.name ?? 'BiasAdd'), (scope) => {
    const v = convert_to_tensor(value, null, 'input');
    const b = convert_to_tensor(bias, v.dtype.base_dtype, 'bias');
    return applyOp(BiasAdd, [v, b], {data_format: format}, scope.value).outputs[0];
  });
}

/** TF's normalisation of `data_format`: 'NC…' is NCHW, 'N…C' is NHWC. */
function biasDataFormat(format: string | null | undefined): string {
  if (format === null || format === undefined) return 'NHWC';
  if (format.startsWith('NC')) return 'NCHW';
  if (format.startsWith('N') && format.endsWith('C')) return 'NHWC';
  throw new ValueError(`\`data_format\` must be of the form \`N...C\` or \`NC...\`. Received: data_format=${format}`);
}

export * from './nn_losses';
export * from './nn_dropout';
