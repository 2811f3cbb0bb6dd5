/**
 * Undoing broadcasting in the backward pass, in one place: a gradient shaped like a broadcast
 * result is summed over the broadcast dimensions and reshaped to its input's shape. Static shapes
 * give static axes; otherwise `BroadcastGradientArgs` computes them at run time, as in TF.
 */
import * as tfc from '@tensorflow/tfjs-core';
import {int32} from '../framework/dtypes';
import {applyOp} from '../framework/op_builder';
import {defineOp} from '../framework/registry';
import {TensorShape} from '../framework/tensor_shape';
import type {Tensor} from '../framework/tensor';
import type {NDArray} from '../ndarray/ndarray';
import {reshape, shape as shapeOf} from '../ops/array_ops';
import {reduce_sum} from '../ops/reduce_ops';

/** The axes along which a gradient of shape `grad` sums back to shape `input` (numpy broadcasting). */
export function broadcastAxes(input: readonly number[], grad: readonly number[]): number[] {
  const lead = grad.length - input.length;
  const axes: number[] = [];
  for (let i = 0; i < grad.length; i++) {
    if (i < lead || (input[i - lead] === 1 && grad[i] !== 1)) axes.push(i);
  }
  return axes;
}

const BroadcastGradientArgs = defineOp<{}, [NDArray, NDArray]>({
  type: 'BroadcastGradientArgs',
  inputs: [{name: 's0', host: true, defaultDtype: int32}, {name: 's1', host: true, defaultDtype: int32}],
  outputs: 2,
  infer: (ctx) => [0, 1].map(() => ({dtype: ctx.inputs[0].dtype.base_dtype, shape: new TensorShape([null])})),
  kernel: ([s0, s1], _, ctx) => {
    const a = Array.from(s0.data as Int32Array);
    const b = Array.from(s1.data as Int32Array);
    const n = Math.max(a.length, b.length);
    const pa = [...Array(n - a.length).fill(1), ...a];
    const pb = [...Array(n - b.length).fill(1), ...b];
    const out = pa.map((x, i) => (x === 1 ? pb[i] : pb[i] === 1 || pb[i] === x ? x : ctx.fail(`Incompatible shapes: [${a}] vs. [${b}]`)));
    return [tfc.tensor1d(broadcastAxes(a, out), 'int32'), tfc.tensor1d(broadcastAxes(b, out), 'int32')];
  },
  grad: null,
});

/** `gen_array_ops.broadcast_gradient_args(s0, s1)`: the reduction axes for each side. */
export function broadcast_gradient_args(s0: Tensor, s1: Tensor, name?: string): [Tensor, Tensor] {
  const op = applyOp(BroadcastGradientArgs, [s0, s1], {}, name ?? 'BroadcastGradientArgs');
  return [op.outputs[0], op.outputs[1]];
}

/** Sums `grad` (shaped like the broadcast result) back to the shape of `input`. */
export function reduceToShape(grad: Tensor, input: Tensor): Tensor {
  const gs = grad.shape;
  const xs = input.shape;
  if (gs.is_fully_defined() && xs.is_fully_defined() && gs.equals(xs)) return grad;
  if (gs.dims !== null && xs.is_fully_defined()) {
    // The input's shape is known: the axes to sum are known, whatever the gradient's unknown dims
    // (summing over an axis that turns out to have size 1 changes nothing).
    const lead = gs.dims.length - xs.dims.length;
    const axes = gs.dims.map((_, i) => i).filter((i) => i < lead || (xs.dims[i - lead] === 1 && gs.dims![i] !== 1));
    const summed = axes.length ? reduce_sum(grad, axes) : grad;
    return summed.shape.equals(xs) ? summed : reshape(summed, Int32Array.from(xs.dims));
  }
  const [rx] = broadcast_gradient_args(shapeOf(input), shapeOf(grad));
  return reshape(reduce_sum(grad, rx), shapeOf(input));
}
