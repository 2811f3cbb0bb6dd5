/** Comparisons (bool results) and logic: `tf.equal`, `tf.greater`, `tf.logical_and`, `tf.where` … */
import * as tfc from '@tensorflow/tfjs-core';
import {bool, int64} from '../framework/dtypes';
import {ValueError} from '../framework/errors';
import {get_default_graph} from '../framework/graph';
import {applyOp} from '../framework/op_builder';
import {defineOp, type KernelContext, type RegisteredOp} from '../framework/registry';
import {bracket, TensorShape} from '../framework/tensor_shape';
import type {Tensor} from '../framework/tensor';
import {convert_to_tensor, type TensorLike} from '../framework/constant_op';
import {within} from '../framework/context';
import type {NDArray} from '../ndarray/ndarray';
import {zeros, zeros_like} from './array_ops_fill';
import {maximum, minimum} from './math_ops';
import {broadcastRuntime, broadcastShapes, mergeShapes} from './shape_utils';

/** TF's RealNumberTypes, in its order (the order of its TypeError). */
const REAL_NUMBER = ['float32', 'float64', 'int32', 'uint8', 'int16', 'int8', 'int64', 'bfloat16', 'uint16', 'float16', 'uint32', 'uint64'];

type Binary = (x: tfc.Tensor, y: tfc.Tensor) => tfc.Tensor;

/** A broadcasting comparison: inputs share T, the output is bool. */
function compareOp(type: string, f: Binary, allowed?: readonly string[]): RegisteredOp {
  return defineOp<{}, [tfc.Tensor, tfc.Tensor]>({
    type,
    inputs: [{name: 'x', allowed}, {name: 'y', allowed}],
    infer: (ctx) => [{dtype: bool, shape: broadcastShapes(ctx, ctx.inputs[0].shape, ctx.inputs[1].shape)}],
    kernel: ([x, y], _, ctx) => {
      broadcastRuntime(ctx, x.shape, y.shape);
      return [x.dtype === 'string' ? f(...stringIds(x, y)) : f(x, y)];
    },
    grad: null,
  });
}

/** Strings as ids of their distinct values: the WASM backend compares numbers only. */
function stringIds(x: tfc.Tensor, y: tfc.Tensor): [tfc.Tensor, tfc.Tensor] {
  const ids = new Map<string, number>();
  const idOf = (s: string): number => {
    if (!ids.has(s)) ids.set(s, ids.size);
    return ids.get(s)!;
  };
  const encode = (t: tfc.Tensor) => tfc.tensor(Int32Array.from(t.dataSync() as unknown as string[], idOf), t.shape, 'int32');
  return [encode(x), encode(y)];
}

const Greater = compareOp('Greater', tfc.greater, REAL_NUMBER);
const GreaterEqual = compareOp('GreaterEqual', tfc.greaterEqual, REAL_NUMBER);
const Less = compareOp('Less', tfc.less, REAL_NUMBER);
const LessEqual = compareOp('LessEqual', tfc.lessEqual, REAL_NUMBER);
// Equal and NotEqual take every dtype, bool and string included.
const Equal = compareOp('Equal', tfc.equal);
const NotEqual = compareOp('NotEqual', tfc.notEqual);

/** `tf.greater(x, y, name)` (Python's `>`). */
export function greater(x: TensorLike, y: TensorLike, name?: string): Tensor {
  return applyOp(Greater, [x, y], {}, name ?? 'Greater').outputs[0];
}
/** `tf.greater_equal(x, y, name)` (`>=`). */
export function greater_equal(x: TensorLike, y: TensorLike, name?: string): Tensor {
  return applyOp(GreaterEqual, [x, y], {}, name ?? 'GreaterEqual').outputs[0];
}
/** `tf.less(x, y, name)` (`<`). */
export function less(x: TensorLike, y: TensorLike, name?: string): Tensor {
  return applyOp(Less, [x, y], {}, name ?? 'Less').outputs[0];
}
/** `tf.less_equal(x, y, name)` (`<=`). */
export function less_equal(x: TensorLike, y: TensorLike, name?: string): Tensor {
  return applyOp(LessEqual, [x, y], {}, name ?? 'LessEqual').outputs[0];
}
/** `tf.equal(x, y, name)`: elementwise `==` (Python's `==` on tensors compares identity in TF1). */
export function equal(x: TensorLike, y: TensorLike, name?: string): Tensor {
  return applyOp(Equal, [x, y], {}, name ?? 'Equal').outputs[0];
}
/** `tf.not_equal(x, y, name)`. */
export function not_equal(x: TensorLike, y: TensorLike, name?: string): Tensor {
  return applyOp(NotEqual, [x, y], {}, name ?? 'NotEqual').outputs[0];
}

/** A broadcasting logical op: bool inputs and output. */
function logicalOp(type: string, f: Binary): RegisteredOp {
  return defineOp<{}, [tfc.Tensor, tfc.Tensor]>({
    type,
    inputs: [{name: 'x', fixed: bool}, {name: 'y', fixed: bool}],
    infer: (ctx) => [{dtype: bool, shape: broadcastShapes(ctx, ctx.inputs[0].shape, ctx.inputs[1].shape)}],
    kernel: ([x, y], _, ctx) => {
      broadcastRuntime(ctx, x.shape, y.shape);
      return [f(x, y)];
    },
    grad: null,
  });
}

const LogicalAnd = logicalOp('LogicalAnd', tfc.logicalAnd);
const LogicalOr = logicalOp('LogicalOr', tfc.logicalOr);
const LogicalNot = defineOp<{}, [tfc.Tensor]>({
  type: 'LogicalNot',
  inputs: [{name: 'x', fixed: bool}],
  infer: (ctx) => [{dtype: bool, shape: ctx.inputs[0].shape}],
  kernel: ([x]) => [tfc.logicalNot(x)],
  grad: null,
});

/** `tf.logical_and(x, y, name)` (Python's `&` on bool tensors). */
export function logical_and(x: TensorLike, y: TensorLike, name?: string): Tensor {
  return applyOp(LogicalAnd, [x, y], {}, name ?? 'LogicalAnd').outputs[0];
}
/** `tf.logical_or(x, y, name)` (`|`). */
export function logical_or(x: TensorLike, y: TensorLike, name?: string): Tensor {
  return applyOp(LogicalOr, [x, y], {}, name ?? 'LogicalOr').outputs[0];
}
/** `tf.logical_not(x, name)` (`~`). */
export function logical_not(x: TensorLike, name?: string): Tensor {
  return applyOp(LogicalNot, [x], {}, name ?? 'LogicalNot').outputs[0];
}
/**
 * `tf.logical_xor(x, y, name)`: TF1 has no XOR op; it builds (x | y) & !(x & y), without a name
 * scope, the last LogicalAnd taking the name.
 */
export function logical_xor(x: TensorLike, y: TensorLike, name?: string): Tensor {
  return logical_and(logical_or(x, y), logical_not(logical_and(x, y)), name ?? 'LogicalXor');
}

/** TF's message when a Select's inputs are not all of one shape (ValidateInputsAreSameShape). */
function sameShapeOrFail(ctx: KernelContext, shapes: readonly (readonly number[])[]): void {
  const first = shapes[0];
  const i = shapes.findIndex((s) => s.length !== first.length || s.some((d, k) => d !== first[k]));
  if (i > 0) {
    ctx.fail(`Inputs to operation ${ctx.op.name} of type Select must have the same size and shape.  Input 0: ${bracket(first)} != input ${i}: ${bracket(shapes[i])}`);
  }
}

function sameSize(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/**
 * TF1's Select: `condition` is a scalar (choosing a whole input), or of the inputs' shape, or a
 * vector choosing rows (TF's static and runtime checks, with their messages).
 */
const Select = defineOp<{}, [tfc.Tensor, tfc.Tensor, tfc.Tensor]>({
  type: 'Select',
  inputs: [{name: 'condition', fixed: bool}, 't', 'e'],
  infer: (ctx) => {
    const [cond, t, e] = ctx.inputs.map((x) => x.shape);
    let data = mergeShapes(ctx, t, e);
    if (cond.ndims === null || data.ndims === null || cond.ndims === 0) return [{dtype: ctx.inputs[1].dtype.base_dtype, shape: data}];
    if (cond.ndims !== 1 || data.ndims === 0) data = mergeShapes(ctx, data, cond);
    else mergeShapes(ctx, cond, new TensorShape([data.dims![0]]));
    return [{dtype: ctx.inputs[1].dtype.base_dtype, shape: data}];
  },
  kernel: ([c, t, e], _, ctx) => {
    const thenElse = `'then' and 'else' must have the same size.  but received: ${bracket(t.shape)} vs. ${bracket(e.shape)}`;
    if (c.rank === 0) {
      if (!sameSize(t.shape, e.shape)) ctx.fail(thenElse);
      return [tfc.where(c, t, e)];
    }
    if (c.rank === 1 && t.rank !== 1) {
      if (t.rank === 0) ctx.fail(`'then' must be at least a vector, but saw shape: []`);
      if (t.shape[0] !== c.shape[0]) ctx.fail(`Number of batches of 'then' must match size of 'cond', but saw: ${t.shape[0]} vs. ${c.shape[0]}`);
      if (!sameSize(t.shape, e.shape)) ctx.fail(thenElse);
      const rows = tfc.reshape(c, [c.shape[0], ...t.shape.slice(1).map(() => 1)]);
      return [tfc.where(rows, t, e)];
    }
    sameShapeOrFail(ctx, [c.shape, t.shape, e.shape]);
    return [tfc.where(c, t, e)];
  },
  // TF's _SelectGrad: each branch gets the gradient where it was selected, zeros elsewhere.
  grad: ({inputs: [c, t]}, [grad]) => {
    const zeros = zeros_like(t);
    return [null, where(c, grad!, zeros), where(c, zeros, grad!)];
  },
});

/** SelectV2 (`tf.where_v2`): condition, t and e broadcast together, numpy-style. */
const SelectV2 = defineOp<{}, [tfc.Tensor, tfc.Tensor, tfc.Tensor]>({
  type: 'SelectV2',
  inputs: [{name: 'condition', fixed: bool}, 't', 'e'],
  broadcasting: true,
  infer: (ctx) => {
    const [cond, t, e] = ctx.inputs.map((x) => x.shape);
    return [{dtype: ctx.inputs[1].dtype.base_dtype, shape: broadcastShapes(ctx, cond, broadcastShapes(ctx, t, e))}];
  },
  kernel: ([c, t, e], _, ctx) => {
    broadcastRuntime(ctx, c.shape, broadcastRuntime(ctx, t.shape, e.shape));
    return [tfc.where(c, t, e)];
  },
  // TF's _SelectGradV2 (the builder sums each branch's gradient back to its shape).
  grad: ({inputs: [c]}, [grad]) => {
    const zero = zeros([], grad!.dtype.base_dtype);
    return [null, where_v2(c, grad!, zero), where_v2(c, zero, grad!)];
  },
});

/**
 * Where: the coordinates of the true (non-zero) elements, one row each, in row-major order.
 * Computed on the host: the WASM backend has no kernel for it.
 */
const Where = defineOp<{}, [NDArray]>({
  type: 'Where',
  inputs: [{name: 'input', host: true, allowed: [...REAL_NUMBER, 'bool']}],
  infer: (ctx) => [{dtype: int64, shape: new TensorShape([null, ctx.inputs[0].shape.ndims])}],
  kernel: ([input], _, ctx) => {
    const {shape, data} = input;
    if (shape.length === 0) ctx.fail('WhereOp : Unhandled input dimensions: 0');
    const coords: number[] = [];
    let count = 0;
    for (let i = 0; i < data.length; i++) {
      if (data[i] === 0) continue;
      count++;
      const row = new Array<number>(shape.length);
      for (let k = shape.length - 1, rest = i; k >= 0; k--) {
        row[k] = rest % shape[k];
        rest = Math.floor(rest / shape[k]);
      }
      coords.push(...row);
    }
    return [tfc.tensor2d(Int32Array.from(coords), [count, shape.length], 'int32')];
  },
  grad: null,
});

function whereIndices(condition: TensorLike, name: string | undefined): Tensor {
  return within(get_default_graph().name_scope(name ?? 'Where'), (scope) => {
    const c = convert_to_tensor(condition, null, 'condition', bool);
    return applyOp(Where, [c], {}, scope.value).outputs[0];
  });
}

function bothOrNeither(x: unknown, y: unknown): boolean {
  if ((x === undefined || x === null) !== (y === undefined || y === null)) {
    throw new ValueError('x and y must both be non-None or both be None.');
  }
  return x !== undefined && x !== null;
}

/**
 * `tf.where(condition, x, y, name)`, TF1's: with x and y, a Select (condition of x's shape, a
 * scalar, or a vector choosing rows of x); with neither, the int64 coordinates [num_true, rank]
 * of the true elements of `condition`.
 */
export function where(condition: TensorLike, x?: TensorLike | null, y?: TensorLike | null, name?: string): Tensor {
  if (!bothOrNeither(x, y)) return whereIndices(condition, name);
  return applyOp(Select, [condition, x, y], {}, name ?? 'Select').outputs[0];
}

/** `tf.where_v2(condition, x, y, name)`: as `where`, with condition, x and y broadcast together. */
export function where_v2(condition: TensorLike, x?: TensorLike | null, y?: TensorLike | null, name?: string): Tensor {
  if (!bothOrNeither(x, y)) return whereIndices(condition, name);
  return applyOp(SelectV2, [condition, x, y], {}, name ?? 'SelectV2').outputs[0];
}

/**
 * `tf.clip_by_value(t, clip_value_min, clip_value_max, name)`, built as TF1 builds it: Minimum
 * then Maximum in a `clip_by_value` scope, the Maximum taking the scope's name. Bounds may not
 * broadcast `t` to a larger shape (TF's ValueError).
 */
export function clip_by_value(t: TensorLike, clip_value_min: TensorLike, clip_value_max: TensorLike, name?: string): Tensor {
  return within(get_default_graph().name_scope(name ?? 'clip_by_value'), (scope) => {
    const values = convert_to_tensor(t, null, 't');
    const tMin = minimum(values, clip_value_max);
    values.shape.merge_with(tMin.shape);
    const tMax = maximum(tMin, clip_value_min, scope.value);
    values.shape.merge_with(tMax.shape);
    return tMax;
  });
}
