/**
 * `tf.nn`'s cross-entropy losses: the SoftmaxCrossEntropyWithLogits and
 * SparseSoftmaxCrossEntropyWithLogits ops, and the functions TF1 builds around them.
 */
import * as tfc from '@tensorflow/tfjs-core';
import {int32, type DType} from '../framework/dtypes';
import {hostCompute} from '../framework/host_compute';
import {applyOp} from '../framework/op_builder';
import {defineOp, lookupOp, type ShapeContext} from '../framework/registry';
import type {Operation} from '../framework/operation';
import {constant_value} from '../framework/constant_value';
import {bracket, TensorShape, type Dim} from '../framework/tensor_shape';
import type {Tensor} from '../framework/tensor';
import {constant, convert_to_tensor, type TensorLike} from '../framework/constant_op';
import {get_default_graph} from '../framework/graph';
import {within} from '../framework/context';
import {ValueError} from '../framework/errors';
import type {NDArray} from '../ndarray/ndarray';
import {add, cast, FLOATS, subtract} from './math_ops';
import {exp, log1p, negative} from './math_unary_ops';
import {greater_equal, where} from './compare_ops';
import {expand_dims, rank, reshape, shape, slice, stop_gradient, zeros_like} from './array_ops';
import {reduce_sum} from './reduce_ops';
import {broadcastShapes, mergeDim, withRank} from './shape_utils';
import {flattenOuterDims, moveAxisToEnd} from './nn_axis';

const r = Math.fround;

/**
 * TF's XentEigenImpl, row by row in one pass over the heap (instead of a dozen tfjs kernels):
 * shifted = logits - max, loss = sum(labels * (log(sum(exp(shifted))) - shifted)),
 * backprop = exp(shifted) / sum(exp(shifted)) - labels. `label(i, j)` is the label matrix, dense
 * or (for the sparse op) one-hot from class ids.
 */
function xentRows(logits: tfc.Tensor, labelsDense: tfc.Tensor | null, sparse: Int32Array | null): [tfc.Tensor, tfc.Tensor] {
  const [batch, classes] = logits.shape as [number, number];
  const inputs = labelsDense ? [logits, labelsDense] : [logits];
  const [loss, backprop] = hostCompute(inputs, [{shape: [batch], dtype: 'float32'}, {shape: [batch, classes], dtype: 'float32'}], (ins, outs) => {
    const [z, labels] = ins as Float32Array[];
    const [l, bp] = outs as Float32Array[];
    for (let i = 0, o = 0; i < batch; i++, o += classes) {
      let max = -Infinity;
      for (let j = 0; j < classes; j++) max = z[o + j] > max ? z[o + j] : max;
      // exp(z - max) is kept in the backprop row until the sum is known.
      let sum = 0;
      for (let j = 0; j < classes; j++) sum = r(sum + (bp[o + j] = r(Math.exp(r(z[o + j] - max)))));
      const logSum = r(Math.log(sum));
      let acc = 0;
      for (let j = 0; j < classes; j++) {
        const label = labels ? labels[o + j] : j === sparse![i] ? 1 : 0;
        if (label !== 0) acc = r(acc + r(label * r(logSum - r(z[o + j] - max))));
        bp[o + j] = r(r(bp[o + j] / sum) - label);
      }
      l[i] = acc;
    }
  });
  return [loss, backprop];
}

function xent(logits: tfc.Tensor, labels: tfc.Tensor): [tfc.Tensor, tfc.Tensor] {
  return xentRows(logits, labels, null);
}

/** numpy broadcasting of two concrete shapes, or null if they do not broadcast. */
function broadcastDims(a: readonly number[], b: readonly number[]): number[] | null {
  const n = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = a[a.length - n + i] ?? 1;
    const y = b[b.length - n + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) return null;
    out.push(x === 1 ? y : x);
  }
  return out;
}

/** TF's shape function: rank-2 inputs of one shape, or inputs that broadcast to rank 2. */
function xentShape(ctx: ShapeContext): TensorShape {
  const [features, labels] = ctx.inputs.map((t) => t.shape);
  const f = features.dims === null ? new TensorShape([null, null]) : features;
  if (f.ndims === 2 && f.is_compatible_with(labels)) return f.merge_with(labels);
  const b = broadcastShapes(ctx, features, labels);
  if (b.dims === null) ctx.fail('Shape must be broadcasted with rank 2, but is rank is unknown.');
  if (b.dims.length !== 2) ctx.fail(`Shape must be broadcasted with rank 2, but is rank ${b.dims.length}`);
  return b;
}

const SoftmaxCrossEntropyWithLogits = defineOp<{T: DType}, [tfc.Tensor, tfc.Tensor]>({
  type: 'SoftmaxCrossEntropyWithLogits',
  inputs: [{name: 'features', allowed: FLOATS}, {name: 'labels', allowed: FLOATS}],
  outputs: 2,
  infer: (ctx) => {
    const s = xentShape(ctx);
    const dtype = ctx.inputs[0].dtype.base_dtype;
    return [{dtype, shape: new TensorShape([s.dims![0]])}, {dtype, shape: s}];
  },
  kernel: ([features, labels], _, ctx) => {
    const shape = broadcastDims(features.shape, labels.shape);
    if (shape === null) {
      return ctx.fail(`logits and labels must be broadcastable: logits_size=[${features.shape}] labels_size=[${labels.shape}]`);
    }
    if (shape.length !== 2) return ctx.fail('logits and labels must be either 2-dimensional, or broadcasted to be 2-dimensional');
    return xent(tfc.broadcastTo(features, shape), tfc.broadcastTo(labels, shape));
  },
  // TF's _SoftmaxCrossEntropyWithLogitsGrad: the logits get grad_loss · backprop (the op's second
  // output, softmax - labels), the labels grad_loss · -log_softmax(logits).
  grad: (op, [gradLoss, gradGrad]) => {
    const logits = op.inputs[0];
    return [logitsGrad(op, gradLoss!, gradGrad), broadcastMul(gradLoss!, negative(nnOp('LogSoftmax', logits)))];
  },
});

const SparseSoftmaxCrossEntropyWithLogits = defineOp<{T: DType; Tlabels: DType}, [tfc.Tensor, NDArray]>({
  type: 'SparseSoftmaxCrossEntropyWithLogits',
  inputs: [
    {name: 'features', allowed: FLOATS},
    {name: 'labels', typeAttr: 'Tlabels', allowed: ['int32', 'int64'], defaultDtype: int32, host: true},
  ],
  outputs: 2,
  infer: (ctx) => {
    const features = withRank(ctx, 0, 2).dims!;
    const labels = withRank(ctx, 1, 1).dims!;
    const batch: Dim = mergeDim(ctx, features[0], labels[0]);
    const dtype = ctx.inputs[0].dtype.base_dtype;
    return [{dtype, shape: new TensorShape([batch])}, {dtype, shape: new TensorShape([batch, features[1]])}];
  },
  kernel: ([features, labels], _, ctx) => {
    const [batch, classes] = features.shape;
    if (features.rank !== 2) ctx.fail(`logits must be 2-D, but got shape [${features.shape}]`);
    if (labels.ndim !== 1) ctx.fail(`labels must be 1-D, but got shape ${bracket(labels.shape)}`);
    if (batch !== labels.shape[0]) {
      ctx.fail(`logits and labels must have the same first dimension, got logits shape ${bracket(features.shape)} and labels shape ${bracket(labels.shape)}`);
    }
    if (classes === 0) ctx.fail(`Must have at least one class, but got logits shape [${features.shape}]`);
    const values = Int32Array.from(labels.data as ArrayLike<number>);
    checkLabels(values, classes, ctx.fail);
    return xentRows(features, null, values);
  },
  // TF's _SparseSoftmaxCrossEntropyWithLogitsGrad: as the dense op's, and none for the labels.
  grad: (op, [gradLoss, gradGrad]) => [logitsGrad(op, gradLoss!, gradGrad), null],
});

/** TF's _BroadcastMul: a vector [batch] times a matrix [batch, classes], row by row. */
function broadcastMul(vec: Tensor, mat: Tensor): Tensor {
  return expand_dims(vec, -1).mul(mat);
}

/**
 * The logits' gradient of both cross-entropy ops: grad_loss · backprop, plus, when the backprop
 * output itself receives a gradient (a second derivative), that gradient through the softmax:
 * (gg - sum(gg · softmax, -1)) · softmax. TF writes the sum as a batched matmul; it is a Sum here.
 */
function logitsGrad(op: Operation, gradLoss: Tensor, gradGrad: Tensor | null): Tensor {
  const grad = broadcastMul(gradLoss, op.outputs[1]);
  if (gradGrad === null || isZerosTensor(gradGrad)) return grad;
  const softmax = nnOp('Softmax', op.inputs[0]);
  return grad.add(gradGrad.sub(reduce_sum(gradGrad.mul(softmax), -1, true)).mul(softmax));
}

/**
 * Whether a gradient is known to be zeros (TF tags zeros()/zeros_like() results `_is_zeros_tensor`):
 * the zeros the gradient builder fills in for an output that received no gradient.
 */
function isZerosTensor(t: Tensor): boolean {
  if (t.op.type === 'ZerosLike') return true;
  const v = constant_value(t.op.type === 'Fill' ? t.op.inputs[1] : t);
  return v !== null && Array.from(v.data as ArrayLike<number>).every((x) => x === 0);
}

/**
 * gen_nn_ops.softmax / log_softmax: the op itself, on the last axis. Looked up by type because
 * nn_ops.ts, which declares them, imports this file.
 */
function nnOp(type: 'Softmax' | 'LogSoftmax', logits: Tensor): Tensor {
  return applyOp(lookupOp(type)!, [logits], {}, type).outputs[0];
}

/** TF's CheckInvalidLabelIndex: reports the smallest label if negative, else the largest. */
function checkLabels(values: Int32Array, classes: number, fail: (message: string) => never): void {
  if (values.length === 0) return;
  let min = values[0];
  let max = values[0];
  for (const v of values) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  if (min >= 0 && max < classes) return;
  const bad = min < 0 ? min : max;
  fail(`Received a label value of ${bad} which is outside the valid range of [0, ${classes}).  Label values: ${values.join(' ')}`);
}

export interface XentOptions {
  labels?: TensorLike;
  logits?: TensorLike;
  name?: string;
}

export interface SoftmaxXentOptions extends XentOptions {
  axis?: number;
  /** TF1's older spelling of `axis`. */
  dim?: number;
}

/** TF's _ensure_xent_args: TF1 makes these functions keyword-only and both arguments required. */
function ensureXentArgs(fn: string, o: XentOptions): {labels: TensorLike; logits: TensorLike} {
  if (o === null || typeof o !== 'object' || Array.isArray(o) || (o as {_isTensor?: boolean})._isTensor) {
    throw new ValueError(`Only call \`${fn}\` with named arguments (labels=..., logits=..., ...), as tf.nn.${fn}({labels, logits}).`);
  }
  if (o.labels === undefined || o.labels === null || o.logits === undefined || o.logits === null) {
    throw new ValueError(`Both \`labels\` and \`logits\` must be provided for ${fn}Received: labels=${describe(o.labels)} and logits=${describe(o.logits)}`);
  }
  return {labels: o.labels, logits: o.logits};
}

function describe(x: unknown): string {
  return x === undefined || x === null ? 'None' : String(x);
}

/** TF's deprecated_argument_lookup('axis', axis, 'dim', dim). */
function xentAxis(o: SoftmaxXentOptions, fallback: number): number {
  if (o.axis !== undefined && o.dim !== undefined) throw new ValueError("Cannot specify both 'dim' and 'axis'.");
  return o.axis ?? o.dim ?? fallback;
}

/**
 * `tf.nn.softmax_cross_entropy_with_logits_v2({labels, logits, axis=-1, name, dim})`: as TF1's
 * helper builds it, the class axis moved last and the outer dims flattened around the rank-2 op,
 * then the loss reshaped to the input's shape without the class axis.
 */
export function softmax_cross_entropy_with_logits_v2(o: SoftmaxXentOptions): Tensor {
  const args = ensureXentArgs('softmax_cross_entropy_with_logits_v2', o);
  const axis = xentAxis(o, -1);
  return within(get_default_graph().name_scope(o.name ?? 'softmax_cross_entropy_with_logits'), (scope) => {
    let logits = convert_to_tensor(args.logits, null, 'logits');
    let labels = cast(convert_to_tensor(args.labels, null, 'labels'), logits.dtype.base_dtype);
    const inputRank = rank(logits);
    const staticShape = logits.shape;
    if (axis !== -1) {
      logits = moveAxisToEnd(logits, axis, inputRank);
      labels = moveAxisToEnd(labels, axis, inputRank);
    }
    const inputShape = shape(logits);
    const cost = applyOp(SoftmaxCrossEntropyWithLogits, [flattenOuterDims(logits), flattenOuterDims(labels)], {}, scope.value).outputs[0];
    const out = reshape(cost, sliceFromZero(inputShape, [subtract(inputRank, 1)]));
    const dims = staticShape.dims;
    if (dims !== null) out.set_shape(dims.filter((_, i) => i !== (axis < 0 ? axis + dims.length : axis)));
    return out;
  });
}

/**
 * `array_ops.slice(input, [0], size)` with TF's conversion order: the `begin` Const before the
 * auto-packed `size` (array_ops' applyPacked packs first, so `begin` is converted here).
 */
function sliceFromZero(input: Tensor, size: Tensor[]): Tensor {
  return within(get_default_graph().name_scope('Slice'), (scope) => slice(input, constant([0], int32, null, 'begin'), size, scope.value));
}

/**
 * `tf.nn.softmax_cross_entropy_with_logits({labels, logits, dim=-1, name, axis})`: TF1's first
 * version, the v2 loss with no gradient into the labels (a StopGradient named
 * `labels_stop_gradient`, in the scope `softmax_cross_entropy_with_logits_sg`).
 */
export function softmax_cross_entropy_with_logits(o: SoftmaxXentOptions): Tensor {
  const args = ensureXentArgs('softmax_cross_entropy_with_logits', o);
  const axis = xentAxis(o, -1);
  const [labels, scope] = within(get_default_graph().name_scope(o.name ?? 'softmax_cross_entropy_with_logits_sg'), (s) => [
    stop_gradient(args.labels, 'labels_stop_gradient'),
    s.value,
  ]);
  return softmax_cross_entropy_with_logits_v2({labels, logits: args.logits, axis, name: scope});
}

/**
 * `tf.nn.sparse_softmax_cross_entropy_with_logits({labels, logits, name})`: labels are class
 * indices (int32/int64) of shape logits.shape[:-1]. TF1 validates the static shapes first, and
 * reshapes logits of rank other than 2 around the rank-2 op (here with `_flatten_outer_dims`'s
 * ops rather than TF's strided slice, and without TF's assert_equal of the shapes when they are
 * only known at run time).
 */
export function sparse_softmax_cross_entropy_with_logits(o: XentOptions): Tensor {
  const args = ensureXentArgs('sparse_softmax_cross_entropy_with_logits', o);
  return within(get_default_graph().name_scope(o.name ?? 'SparseSoftmaxCrossEntropyWithLogits'), () => {
    const labels = convert_to_tensor(args.labels, null, null, int32);
    const logits = convert_to_tensor(args.logits);
    const labelsShape = shape(labels);
    checkSparseShapes(labels.shape, logits);
    const name = o.name ?? 'SparseSoftmaxCrossEntropyWithLogits';
    if (logits.shape.ndims === 2) return applyOp(SparseSoftmaxCrossEntropyWithLogits, [logits, labels], {}, name).outputs[0];
    const flatLogits = flattenOuterDims(logits);
    const cost = applyOp(SparseSoftmaxCrossEntropyWithLogits, [flatLogits, reshape(labels, [-1])], {}, name).outputs[0];
    const out = reshape(cost, labelsShape);
    out.set_shape(labels.shape);
    return out;
  });
}

function checkSparseShapes(labels: TensorShape, logits: Tensor): void {
  const s = logits.shape;
  if (s.ndims === 0) throw new ValueError(`\`logits\` cannot be a scalar. Received logits=${logits}\``);
  if (s.ndims === null || labels.ndims === null) return;
  if (labels.ndims !== s.ndims - 1) {
    throw new ValueError(
      `\`labels.shape.rank\` must equal \`logits.shape.rank - 1\`. Received: labels.shape=${labels} of rank ${labels.ndims} and logits.shape=${s} of rank ${s.ndims}`,
    );
  }
  const outer = new TensorShape(s.dims!.slice(0, -1));
  if (labels.is_fully_defined() && outer.is_fully_defined() && !labels.equals(outer)) {
    throw new ValueError(`\`labels.shape\` must equal \`logits.shape\` except for the last dimension. Received: labels.shape=${labels} and logits.shape=${s}`);
  }
}

/**
 * `tf.nn.sigmoid_cross_entropy_with_logits({labels, logits, name})`: TF1's stable form
 * max(x, 0) - x * z + log(1 + exp(-abs(x))), with max and abs built from Select as TF builds
 * them (so that the gradient at 0 is defined), in the scope `logistic_loss`.
 */
export function sigmoid_cross_entropy_with_logits(o: XentOptions): Tensor {
  const args = ensureXentArgs('sigmoid_cross_entropy_with_logits', o);
  return within(get_default_graph().name_scope(o.name ?? 'logistic_loss'), (scope) => {
    const logits = convert_to_tensor(args.logits, null, 'logits');
    const labels = convert_to_tensor(args.labels, null, 'labels');
    if (!labels.shape.is_compatible_with(logits.shape)) {
      throw new ValueError(`\`logits\` and \`labels\` must have the same shape, received (${logits.shape} vs ${labels.shape}).`);
    }
    const zeros = zeros_like(logits, logits.dtype.base_dtype);
    const cond = greater_equal(logits, zeros);
    const reluLogits = where(cond, logits, zeros);
    const negAbsLogits = where(cond, negative(logits), logits);
    return add(reluLogits.sub(logits.mul(labels)), log1p(exp(negAbsLogits)), scope.value);
  });
}
