/** Shape-rule helpers shared by the op families, with TF1's wording for their failures. */
import type {DType} from '../framework/dtypes';
import type {OutputSig, ShapeContext} from '../framework/registry';
import {TensorShape, type Dim} from '../framework/tensor_shape';

/** TF's BroadcastBinaryOpShapeFn: numpy broadcasting on static shapes, unknown dims allowed. */
export function broadcastShapes(ctx: ShapeContext, a: TensorShape, b: TensorShape): TensorShape {
  if (a.dims === null || b.dims === null) return TensorShape.unknown();
  const n = Math.max(a.dims.length, b.dims.length);
  const out: Dim[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const x = i < n - a.dims.length ? 1 : a.dims[i - (n - a.dims.length)];
    const y = i < n - b.dims.length ? 1 : b.dims[i - (n - b.dims.length)];
    if (x === 1) out[i] = y;
    else if (y === 1) out[i] = x;
    else if (x === null) out[i] = y;
    else if (y === null) out[i] = x;
    else if (x === y) out[i] = x;
    else ctx.fail(`Dimensions must be equal, but are ${x} and ${y}`);
  }
  return new TensorShape(out);
}

/** The output of an elementwise op: the input's dtype and shape. */
export function sameAsInput(ctx: ShapeContext, i = 0, dtype?: DType): OutputSig[] {
  const t = ctx.inputs[i];
  return [{dtype: dtype ?? t.dtype.base_dtype, shape: t.shape}];
}

/** Normalises an axis in [-rank, rank) to [0, rank), with TF's message when out of range. */
export function normAxis(ctx: ShapeContext, axis: number, rank: number, what = 'axis'): number {
  if (axis < -rank || axis >= rank) {
    ctx.fail(`Expected ${what} in the range [${-rank}, ${rank}), but got ${axis}`);
  }
  return axis < 0 ? axis + rank : axis;
}

/** Reads a constant int input (an axis list, a shape) as numbers, or null if not known. */
export function constInts(ctx: ShapeContext, i: number): number[] | null {
  const v = ctx.constValue(i);
  return v === null ? null : Array.from(v.data as ArrayLike<number>);
}

/** Requires the input's rank (when known) to be `rank`, as TF's WithRank. */
export function withRank(ctx: ShapeContext, i: number, rank: number): TensorShape {
  const s = ctx.inputs[i].shape;
  if (s.dims !== null && s.dims.length !== rank) {
    ctx.fail(`Shape must be rank ${rank} but is rank ${s.dims.length}`);
  }
  return s.dims === null ? new TensorShape(Array<Dim>(rank).fill(null)) : s;
}

/** Requires the input's rank (when known) to be at least `rank`. */
export function withRankAtLeast(ctx: ShapeContext, i: number, rank: number): TensorShape {
  const s = ctx.inputs[i].shape;
  if (s.dims !== null && s.dims.length < rank) {
    ctx.fail(`Shape must be at least rank ${rank} but is rank ${s.dims.length}`);
  }
  return s;
}

/** Merges two dims that must agree, with TF's "Dimensions must be equal" message. */
export function mergeDim(ctx: ShapeContext, a: Dim, b: Dim): Dim {
  if (a !== null && b !== null && a !== b) ctx.fail(`Dimensions must be equal, but are ${a} and ${b}`);
  return a ?? b;
}
