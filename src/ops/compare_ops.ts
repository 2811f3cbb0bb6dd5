/** Comparisons (bool results) and logic: `tf.equal`, `tf.greater`, `tf.logical_and`, `tf.where` … */
import * as tfc from '@tensorflow/tfjs-core';
import {bool} from '../framework/dtypes';
import {applyOp} from '../framework/op_builder';
import {defineOp, type RegisteredOp} from '../framework/registry';
import type {Tensor} from '../framework/tensor';
import type {TensorLike} from '../framework/constant_op';
import {NUMERIC} from './math_ops';
import {broadcastShapes} from './shape_utils';

/** A broadcasting comparison: inputs share T, the output is bool. */
function compareOp(type: string, f: (x: tfc.Tensor, y: tfc.Tensor) => tfc.Tensor, allowed: readonly string[] = NUMERIC): RegisteredOp {
  return defineOp<{}, [tfc.Tensor, tfc.Tensor]>({
    type,
    inputs: [{name: 'x', allowed}, {name: 'y', allowed}],
    infer: (ctx) => [{dtype: bool, shape: broadcastShapes(ctx, ctx.inputs[0].shape, ctx.inputs[1].shape)}],
    kernel: ([x, y]) => [f(x, y)],
    grad: null,
  });
}

const Greater = compareOp('Greater', tfc.greater);
const GreaterEqual = compareOp('GreaterEqual', tfc.greaterEqual);
const Less = compareOp('Less', tfc.less);
const LessEqual = compareOp('LessEqual', tfc.lessEqual);

export function greater(x: TensorLike, y: TensorLike, name?: string): Tensor {
  return applyOp(Greater, [x, y], {}, name ?? 'Greater').outputs[0];
}
export function greater_equal(x: TensorLike, y: TensorLike, name?: string): Tensor {
  return applyOp(GreaterEqual, [x, y], {}, name ?? 'GreaterEqual').outputs[0];
}
export function less(x: TensorLike, y: TensorLike, name?: string): Tensor {
  return applyOp(Less, [x, y], {}, name ?? 'Less').outputs[0];
}
export function less_equal(x: TensorLike, y: TensorLike, name?: string): Tensor {
  return applyOp(LessEqual, [x, y], {}, name ?? 'LessEqual').outputs[0];
}
