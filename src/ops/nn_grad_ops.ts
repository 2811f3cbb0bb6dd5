/**
 * The *Grad ops TF's nn gradients build (gen_nn_ops.relu_grad, gen_math_ops.sigmoid_grad …),
 * declared with TF's names, inputs and kernels, so that a backward graph is TF's op for op; and
 * each op's own gradient as TF registers it (nn_grad.py, math_grad.py), for second derivatives.
 */
import * as tfc from '@tensorflow/tfjs-core';
import type {DType} from '../framework/dtypes';
import {applyOp} from '../framework/op_builder';
import {defineOp, type GradFn, type RegisteredOp} from '../framework/registry';
import {bracket, TensorShape} from '../framework/tensor_shape';
import type {Tensor} from '../framework/tensor';
import {within} from '../framework/context';
import {get_default_graph} from '../framework/graph';
import {LookupError} from '../framework/errors';
import {FLOATS, NUMERIC} from './math_ops';
import {exp, negative} from './math_unary_ops';
import {less, where} from './compare_ops';
import {concat, ones_like, reshape, shape, strided_slice, tile, zeros_like} from './array_ops';
import {mergeShapes} from './shape_utils';
import {wasmCompute} from '../kernels';

type Name = string | undefined;
type GradKernel = (a: tfc.Tensor, b: tfc.Tensor, alpha: number) => tfc.Tensor;

/** TF's `x > 0` and friends as 0/1 in x's dtype (Eigen's `(features > 0).cast<T>()`). */
const mask = (m: tfc.Tensor, like: tfc.Tensor): tfc.Tensor => tfc.cast(m, like.dtype);

// Selu's constants, as TF's kernel (selu_op) writes them.
const SELU_SCALE = 1.0507009873554804934193349852946;
const SELU_SCALE_ALPHA = 1.7580993408473768599402175208123;

/**
 * An elementwise gradient op of two same-shaped inputs, output like them. The kernels are TF's
 * functors (relu_op_functor.h, cwise_ops_gradients.h). The nn ops' shape function merges both
 * inputs' shapes (MergeBothInputsShapeFn); SigmoidGrad and TanhGrad keep the first's (UnchangedShape).
 */
function gradOp(type: string, inputs: [string, string], allowed: readonly string[], f: GradKernel, grad: GradFn, floatAttrs?: string[]): RegisteredOp {
  const merge = inputs[0] !== 'y';
  return defineOp<{T: DType; alpha?: number}, [tfc.Tensor, tfc.Tensor]>({
    type,
    inputs: inputs.map((name) => ({name, allowed})),
    floatAttrs,
    infer: (ctx) => {
      const [a, b] = ctx.inputs.map((t) => t.shape);
      return [{dtype: ctx.inputs[0].dtype.base_dtype, shape: merge ? mergeShapes(ctx, a, b) : a}];
    },
    kernel: ([a, b], attrs, ctx) => {
      if (a.shape.length !== b.shape.length || a.shape.some((d, i) => d !== b.shape[i])) {
        ctx.fail(`Inputs to operation ${ctx.op.name} of type ${type} must have the same size and shape.  Input 0: ${bracket(a.shape)} != input 1: ${bracket(b.shape)}`);
      }
      return [f(a, b, attrs.alpha ?? 0)];
    },
    grad,
  });
}

/** gradients · (features > 0): one pass of the WASM kernel for float32, else tfjs ops. */
function reluGradKernel(g: tfc.Tensor, x: tfc.Tensor): tfc.Tensor {
  const out = g.dtype === 'float32' && x.dtype === 'float32' && wasmCompute([g, x], [{shape: g.shape, dtype: 'float32'}], (k, [gp, xp], [o]) => k.relu_grad(gp, xp, o, g.size));
  return out ? out[0] : tfc.mul(g, mask(tfc.greater(x, 0), g));
}

/** The gradient of ReluGrad, Relu6Grad, LeakyReluGrad: the same op on the incoming gradient, nothing to the features. */
function reapply(build: (g: Tensor, x: Tensor, op: {attrs: Record<string, unknown>}) => Tensor): GradFn {
  return (op, [g]) => {
    const x = op.inputs[1];
    return [build(g!, x, op), zeros_like(x)];
  };
}

const ReluGrad = gradOp('ReluGrad', ['gradients', 'features'], NUMERIC, reluGradKernel,
  reapply((g, x) => relu_grad(g, x)));
const Relu6Grad = gradOp('Relu6Grad', ['gradients', 'features'], NUMERIC,
  (g, x) => tfc.mul(g, mask(tfc.logicalAnd(tfc.greater(x, 0), tfc.less(x, 6)), g)),
  reapply((g, x) => relu6_grad(g, x)));
const LeakyReluGrad = gradOp('LeakyReluGrad', ['gradients', 'features'], FLOATS,
  (g, x, alpha) => tfc.where(tfc.greater(x, 0), g, tfc.mul(g, alpha)),
  reapply((g, x, op) => leaky_relu_grad(g, x, op.attrs.alpha as number)), ['alpha']);

/** TF's _EluGradGrad / _SeluGradGrad: the op again, and grad · gradients where the output is negative. */
function eluGradGrad(again: (g: Tensor, y: Tensor) => Tensor): GradFn {
  return (op, [g]) => {
    const [dy, y] = op.inputs;
    return [again(g!, y), where(less(y, 0), g!.mul(dy), zeros_like(y))];
  };
}
// Elu and Selu differentiate through their outputs: for y < 0, dy/dx = y + 1 (Selu: y + scale·alpha).
const EluGrad = gradOp('EluGrad', ['gradients', 'outputs'], FLOATS, (g, y) => tfc.where(tfc.less(y, 0), tfc.mul(g, tfc.add(y, 1)), g),
  eluGradGrad((g, y) => elu_grad(g, y)));
const SeluGrad = gradOp('SeluGrad', ['gradients', 'outputs'], FLOATS,
  (g, y) => tfc.where(tfc.less(y, 0), tfc.mul(g, tfc.add(y, SELU_SCALE_ALPHA)), tfc.mul(g, SELU_SCALE)),
  eluGradGrad((g, y) => selu_grad(g, y)));

// gradients / (exp(-features) + 1); its own gradient is TF's _SoftplusGradGrad.
const SoftplusGrad = gradOp('SoftplusGrad', ['gradients', 'features'], FLOATS, (g, x) => tfc.div(g, tfc.add(tfc.exp(tfc.neg(x)), 1)),
  (op, [g]) => {
    const [dy, x] = op.inputs;
    const ddy = softplus_grad(g!, x);
    const d2x = g!.mul(dy).div(exp(negative(x)).add(2.0).add(exp(x)));
    return [ddy, d2x];
  });
// gradients / (1 + |features|)². TF registers no gradient for SoftsignGrad: differentiating it
// raises LookupError there, not a silent None, so this gradient raises the same error.
const SoftsignGrad = gradOp('SoftsignGrad', ['gradients', 'features'], FLOATS, (g, x) => tfc.div(g, tfc.square(tfc.add(tfc.abs(x), 1))),
  (op) => {
    throw new LookupError(`No gradient defined for operation '${op.name}' (op type: ${op.type}). In general every operation must have an associated \`@ops.RegisterGradient\` for correct autodiff, which this op is lacking.`);
  });

// SigmoidGrad(y, dy) = dy · y · (1 - y) and TanhGrad(y, dy) = dy · (1 - y²), with TF's own gradients.
const SigmoidGrad = gradOp('SigmoidGrad', ['y', 'dy'], FLOATS, (y, dy) => tfc.mul(tfc.mul(dy, y), tfc.sub(1, y)),
  (op, [g]) => {
    const [y, dy] = op.inputs;
    const gb = g!.mul(dy);
    return [gb.sub(gb.rmul(2.0).mul(y)), sigmoid_grad(y, g!)];
  });
const TanhGrad = gradOp('TanhGrad', ['y', 'dy'], FLOATS, (y, dy) => tfc.mul(dy, tfc.sub(1, tfc.mul(y, y))),
  (op, [g]) => {
    const [y, dy] = op.inputs;
    return [g!.mul(-2.0).mul(dy).mul(y), tanh_grad(y, g!)];
  });

/** The channel axis of a BiasAdd of rank `rank` (TF's bias_op: 1 for NCHW, else the last). */
const channelAxis = (format: unknown, rank: number): number => (format === 'NCHW' ? 1 : rank - 1);

/** The bias's gradient: out_backprop summed over every axis but the channel axis. */
const BiasAddGrad = defineOp<{T: DType; data_format: string}, [tfc.Tensor]>({
  type: 'BiasAddGrad',
  inputs: [{name: 'out_backprop', allowed: NUMERIC}],
  infer: (ctx) => {
    const dims = ctx.inputs[0].shape.dims;
    if (dims !== null && dims.length < 2) ctx.fail(`Shape must be at least rank 2 but is rank ${dims.length}`);
    const c = dims === null ? null : dims[channelAxis(ctx.attrs.data_format, dims.length)];
    return [{dtype: ctx.inputs[0].dtype.base_dtype, shape: new TensorShape([c])}];
  },
  kernel: ([g], {data_format}, ctx) => {
    if (g.rank < 2) ctx.fail(`Input tensor must be at least 2D: ${bracket(g.shape)}`);
    const c = channelAxis(data_format, g.rank);
    return [tfc.sum(g, g.shape.map((_, i) => i).filter((i) => i !== c))];
  },
  grad: biasAddGradGrad,
});

/**
 * TF's _BiasAddGradGrad: the bias gradient's gradient broadcast back over out_backprop's shape
 * (a Reshape to [1, …, C, …, 1] then a Tile), with run-time shapes as TF builds it.
 */
function biasAddGradGrad(op: {inputs: readonly Tensor[]; attrs: Record<string, unknown>}, [g]: readonly (Tensor | null)[]): Tensor[] {
  const s = shape(op.inputs[0]);
  const biasShape = shape(g!);
  // Python's shape[a:b] is a StridedSlice in the scope `strided_slice`.
  const part = (begin: number, end: number, masks: {begin_mask?: number; end_mask?: number}) =>
    within(get_default_graph().name_scope('strided_slice'), (scope) => strided_slice(s, [begin], [end], [1], {...masks, name: scope.value}));
  const head = () => part(0, 1, {begin_mask: 1});
  const rest = () => part(2, 0, {end_mask: 1});
  const outer = () => part(0, -1, {begin_mask: 1});
  const nchw = op.attrs.data_format === 'NCHW';
  const expanded = nchw ? concat([ones_like(head()), biasShape, ones_like(rest())], 0) : concat([ones_like(outer()), biasShape], 0);
  const multiples = nchw ? concat([head(), [1], rest()], 0) : concat([outer(), [1]], 0);
  return [tile(reshape(g!, expanded), multiples)];
}

/** `gen_nn_ops.relu_grad(gradients, features)`: gradients where features > 0, else 0. */
export function relu_grad(gradients: Tensor, features: Tensor, name?: Name): Tensor {
  return applyOp(ReluGrad, [gradients, features], {}, name ?? 'ReluGrad').outputs[0];
}
/** `gen_nn_ops.relu6_grad(gradients, features)`: gradients where 0 < features < 6, else 0. */
export function relu6_grad(gradients: Tensor, features: Tensor, name?: Name): Tensor {
  return applyOp(Relu6Grad, [gradients, features], {}, name ?? 'Relu6Grad').outputs[0];
}
/** `gen_nn_ops.leaky_relu_grad(gradients, features, alpha)`: gradients where features > 0, else alpha · gradients. */
export function leaky_relu_grad(gradients: Tensor, features: Tensor, alpha: number, name?: Name): Tensor {
  return applyOp(LeakyReluGrad, [gradients, features], {alpha}, name ?? 'LeakyReluGrad').outputs[0];
}
/** `gen_nn_ops.elu_grad(gradients, outputs)`. */
export function elu_grad(gradients: Tensor, outputs: Tensor, name?: Name): Tensor {
  return applyOp(EluGrad, [gradients, outputs], {}, name ?? 'EluGrad').outputs[0];
}
/** `gen_nn_ops.selu_grad(gradients, outputs)`. */
export function selu_grad(gradients: Tensor, outputs: Tensor, name?: Name): Tensor {
  return applyOp(SeluGrad, [gradients, outputs], {}, name ?? 'SeluGrad').outputs[0];
}
/** `gen_nn_ops.softplus_grad(gradients, features)`. */
export function softplus_grad(gradients: Tensor, features: Tensor, name?: Name): Tensor {
  return applyOp(SoftplusGrad, [gradients, features], {}, name ?? 'SoftplusGrad').outputs[0];
}
/** `gen_nn_ops.softsign_grad(gradients, features)`. */
export function softsign_grad(gradients: Tensor, features: Tensor, name?: Name): Tensor {
  return applyOp(SoftsignGrad, [gradients, features], {}, name ?? 'SoftsignGrad').outputs[0];
}
/** `gen_math_ops.sigmoid_grad(y, dy)`: dy · y · (1 - y), y the Sigmoid's output. */
export function sigmoid_grad(y: Tensor, dy: Tensor, name?: Name): Tensor {
  return applyOp(SigmoidGrad, [y, dy], {}, name ?? 'SigmoidGrad').outputs[0];
}
/** `gen_math_ops.tanh_grad(y, dy)`: dy · (1 - y²), y the Tanh's output. */
export function tanh_grad(y: Tensor, dy: Tensor, name?: Name): Tensor {
  return applyOp(TanhGrad, [y, dy], {}, name ?? 'TanhGrad').outputs[0];
}
/** `gen_nn_ops.bias_add_grad(out_backprop, data_format)`. */
export function bias_add_grad(out_backprop: Tensor, data_format: string, name?: Name): Tensor {
  return applyOp(BiasAddGrad, [out_backprop], {data_format}, name ?? 'BiasAddGrad').outputs[0];
}
