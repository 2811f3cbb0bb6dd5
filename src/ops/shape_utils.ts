/** Shape-rule helpers shared by the op families, with TF1's wording for their failures. */
import type {DType} from '../framework/dtypes';
import type {KernelContext, OutputSig, ShapeContext} from '../framework/registry';
import {bracket, TensorShape, type Dim} from '../framework/tensor_shape';
import {constant_value} from '../framework/constant_value';

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

/**
 * TF's `MakeShapeFromShapeTensor`: the static shape a 1-D shape input (Fill's dims, a random op's
 * shape, Reshape's shape) describes, as far as it is known at build time: its constant value
 * (-1 meaning unknown), the input's own shape when it is a `Shape` op's output, the known
 * elements of a `Pack` of scalars, otherwise as many unknown dims as the input has elements.
 */
export function shapeFromShapeTensor(ctx: ShapeContext, i: number): TensorShape {
  const n = withRank(ctx, i, 1).dims![0];
  const value = constInts(ctx, i);
  if (value) return new TensorShape(value.map((d) => shapeDim(ctx, d)));
  const op = ctx.inputs[i].op;
  if (op.type === 'Shape') return op.inputs[0].shape;
  if (op.type === 'Pack' && op.attrs.axis === 0) {
    return new TensorShape(op.inputs.map((t) => {
      const v = t.shape.ndims === 0 ? constant_value(t) : null;
      return v ? shapeDim(ctx, Number(v.data[0])) : null;
    }));
  }
  return n === null ? TensorShape.unknown() : new TensorShape(Array<Dim>(n).fill(null));
}

function shapeDim(ctx: ShapeContext, d: number): Dim {
  if (d < -1) ctx.fail(`Invalid value in tensor used for shape: ${d}`);
  return d === -1 ? null : d;
}

/** TF's InferenceContext::Merge: two shapes that must agree, with its messages. */
export function mergeShapes(ctx: ShapeContext, a: TensorShape, b: TensorShape): TensorShape {
  if (a.dims === null) return b;
  if (b.dims === null) return a;
  if (a.dims.length !== b.dims.length) ctx.fail(`Shapes must be equal rank, but are ${a.dims.length} and ${b.dims.length}`);
  const bd = b.dims;
  return new TensorShape(
    a.dims.map((d, i) => {
      if (d !== null && bd[i] !== null && d !== bd[i]) {
        ctx.fail(`Dimension ${i} in both shapes must be equal, but are ${d} and ${bd[i]}. Shapes are ${a.toBracketString()} and ${b.toBracketString()}.`);
      }
      return d ?? bd[i];
    }),
  );
}

/** The shape two runtime shapes broadcast to (TF's BCast), or TF's "Incompatible shapes" error. */
export function broadcastRuntime(ctx: KernelContext, a: readonly number[], b: readonly number[]): number[] {
  const n = Math.max(a.length, b.length);
  const out: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const x = a[a.length - n + i] ?? 1;
    const y = b[b.length - n + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) ctx.fail(`Incompatible shapes: ${bracket(a)} vs. ${bracket(b)}`);
    out[i] = x === 1 ? y : x;
  }
  return out;
}
