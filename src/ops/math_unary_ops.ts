/** Elementwise unary math: `tf.negative`, `tf.square`, `tf.exp`, `tf.log` … */
import * as tfc from '@tensorflow/tfjs-core';
import {applyOp} from '../framework/op_builder';
import {defineOp, type RegisteredOp} from '../framework/registry';
import type {Tensor} from '../framework/tensor';
import type {TensorLike} from '../framework/constant_op';
import {FLOATS, NUMERIC} from './math_ops';
import {sameAsInput} from './shape_utils';

/** An elementwise unary op whose output has the input's dtype and shape. */
export function unaryOp(type: string, f: (x: tfc.Tensor) => tfc.Tensor, allowed: readonly string[] = NUMERIC): RegisteredOp {
  return defineOp<{}, [tfc.Tensor]>({
    type,
    inputs: [{name: 'x', allowed}],
    infer: (ctx) => sameAsInput(ctx),
    kernel: ([x]) => [f(x)],
  });
}

const Neg = unaryOp('Neg', tfc.neg);
const Abs = unaryOp('Abs', tfc.abs);
const Square = unaryOp('Square', tfc.square);
const Exp = unaryOp('Exp', tfc.exp, FLOATS);
const Log = unaryOp('Log', tfc.log, FLOATS);

/** `tf.negative(x, name)` (Python's unary `-`). */
export function negative(x: TensorLike, name?: string): Tensor {
  return applyOp(Neg, [x], {}, name ?? 'Neg').outputs[0];
}
/** `tf.abs(x, name)`. */
export function abs(x: TensorLike, name?: string): Tensor {
  return applyOp(Abs, [x], {}, name ?? 'Abs').outputs[0];
}
/** `tf.square(x, name)`. */
export function square(x: TensorLike, name?: string): Tensor {
  return applyOp(Square, [x], {}, name ?? 'Square').outputs[0];
}
/** `tf.exp(x, name)`. */
export function exp(x: TensorLike, name?: string): Tensor {
  return applyOp(Exp, [x], {}, name ?? 'Exp').outputs[0];
}
/** `tf.log(x, name)`: the natural logarithm. */
export function log(x: TensorLike, name?: string): Tensor {
  return applyOp(Log, [x], {}, name ?? 'Log').outputs[0];
}
