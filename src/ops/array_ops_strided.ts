/**
 * `tf.strided_slice` (StridedSlice): Python's basic indexing as an op. Begin, end and strides per
 * index, with TF's masks: begin/end_mask (that bound is open), ellipsis_mask (`...`),
 * new_axis_mask (`tf.newaxis`) and shrink_axis_mask (an integer index: the dimension goes).
 */
import * as tfc from '@tensorflow/tfjs-core';
import {int32, type DType} from '../framework/dtypes';
import {isTensor} from '../framework/graph';
import {defineOp, type ShapeContext} from '../framework/registry';
import type {Tensor} from '../framework/tensor';
import {bracket, TensorShape, type Dim} from '../framework/tensor_shape';
import type {TensorLike} from '../framework/constant_op';
import {NDArray, type NDArrayLike} from '../ndarray/ndarray';
import {constant_value} from '../framework/constant_value';
import {applyOp} from '../framework/op_builder';
import type {Operation} from '../framework/operation';
import {bindArgs} from '../framework/args';
import {ones_like} from './array_ops_fill';
import {shape} from './array_ops_info';
import {applyPacked, autopack, holdsTensor} from './array_ops_pack';
import {constInts, mergeShapes, shapeFromShapeTensor, withRank} from './shape_utils';

type Masks = {begin_mask: number; end_mask: number; ellipsis_mask: number; new_axis_mask: number; shrink_axis_mask: number};
type Attrs = Masks & {T: DType; Index: DType};

const NEW_AXIS = -1;
const SHRINK_AXIS = -2;

/** The slice in terms of the input's dimensions: TF's StridedSliceDenseSpec. */
interface Dense {
  begin: (number | null)[];
  end: (number | null)[];
  strides: number[];
  beginMask: number;
  endMask: number;
  shrinkMask: number;
  /** Per output dim of the processing shape: the dense index, NEW_AXIS or SHRINK_AXIS. */
  gather: number[];
}

type Fail = (message: string) => never;

/** TF's BuildDenseSpec: the ellipsis expanded, new axes and shrinks recorded. */
function denseSpec(fail: Fail, rank: number, n: number, begin: number[] | null, end: number[] | null, strides: number[], m: Masks): Dense {
  let ellipsis = m.ellipsis_mask;
  if ((ellipsis & (ellipsis - 1)) !== 0) fail('Multiple ellipses in slice spec not allowed');
  let afterEllipsis = 0;
  let seen = false;
  for (let i = 0; i < n; i++) {
    if (seen && m.new_axis_mask & (1 << i)) afterEllipsis++;
    if (ellipsis & (1 << i)) seen = true;
  }
  // Without an ellipsis, one is implied at the end.
  if (!seen) ellipsis |= 1 << n++;
  const d: Dense = {
    begin: Array<number | null>(rank).fill(0), end: Array<number | null>(rank).fill(0), strides: Array<number>(rank).fill(1),
    beginMask: 0, endMask: 0, shrinkMask: 0, gather: [],
  };
  let full = 0;
  for (let i = 0; i < n; i++) {
    if (ellipsis & (1 << i)) {
      const next = Math.min(rank - (n - i) + 1 + afterEllipsis, rank);
      for (; full < next; full++) {
        d.beginMask |= 1 << full;
        d.endMask |= 1 << full;
        d.gather.push(full);
      }
    } else if (m.new_axis_mask & (1 << i)) {
      d.gather.push(NEW_AXIS);
    } else {
      if (full === rank) fail(`Index out of range using input dim ${full}; input has only ${rank} dims`);
      d.begin[full] = begin ? begin[i] : null;
      d.end[full] = end ? end[i] : null;
      d.strides[full] = strides[i];
      if (m.begin_mask & (1 << i)) d.beginMask |= 1 << full;
      if (m.end_mask & (1 << i)) d.endMask |= 1 << full;
      if (m.shrink_axis_mask & (1 << i)) {
        d.gather.push(SHRINK_AXIS);
        d.shrinkMask |= 1 << full;
      } else {
        d.gather.push(full);
      }
      full++;
    }
  }
  return d;
}

/** TF's ValidateStridedSliceOp: the canonical bounds and the output shape (null dims where unknown). */
function validate(fail: Fail, dims: readonly Dim[], begin: number[] | null, end: number[] | null, strides: number[], m: Masks) {
  const d = denseSpec(fail, dims.length, strides.length, begin, end, strides, m);
  const processing = dims.map((dim, i): Dim => {
    const stride = d.strides[i];
    if (stride === 0) fail(`strides[${i}] must be non-zero`);
    const shrink = (d.shrinkMask & (1 << i)) !== 0;
    if (dim === null) return shrink ? 1 : null;
    if (shrink && stride <= 0) fail('only stride 1 allowed on non-range indexing.');
    const masked = [(d.beginMask & (1 << i)) !== 0, (d.endMask & (1 << i)) !== 0];
    const valid = stride > 0 ? [0, dim] : [-1, dim - 1];
    const canonical = (x: number, c: number): number => {
      if (masked[c]) return stride > 0 ? valid[c] : valid[(c + 1) & 1];
      const fwd = x < 0 ? dim + x : x;
      return Math.min(Math.max(fwd, valid[0]), valid[1]);
    };
    const b = d.begin[i];
    const e = d.end[i];
    let length: number | null = null;
    if (b !== null && e !== null) {
      if (shrink) {
        const fwd = b < 0 ? dim + b : b;
        if (fwd < 0 || fwd >= dim) fail(`slice index ${b} of dimension ${i} out of bounds.`);
        [d.begin[i], d.end[i]] = [fwd, fwd + 1];
      } else {
        [d.begin[i], d.end[i]] = [canonical(b, 0), canonical(e, 1)];
      }
      length = d.end[i]! - d.begin[i]!;
    } else if (shrink) {
      length = 1;
    } else if (masked[0] && masked[1]) {
      length = stride < 0 ? -dim : dim;
    }
    if (length === null) return null;
    if (length === 0 || length < 0 !== stride < 0) return 0;
    return Math.ceil(length / stride);
  });
  const final = d.gather.flatMap((g) => (g >= 0 ? [processing[g]] : g === NEW_AXIS ? [1] : []));
  return {dense: d, processing, final};
}

const StridedSlice = defineOp<Attrs, [tfc.Tensor, NDArray, NDArray, NDArray]>({
  type: 'StridedSlice',
  inputs: [
    'input',
    ...['begin', 'end', 'strides'].map((name) => ({name, typeAttr: 'Index', defaultDtype: int32, host: true, allowed: ['int32', 'int64']})),
  ],
  infer: (ctx) => [{dtype: ctx.inputs[0].dtype.base_dtype, shape: stridedSliceShape(ctx)}],
  kernel: ([input, beginArg, endArg, stridesArg], attrs, ctx) => {
    const [b, e, st] = [beginArg.shape, endArg.shape, stridesArg.shape];
    if (b.length !== 1 || e.length !== 1 || st.length !== 1 || e[0] !== b[0] || st[0] !== b[0]) {
      ctx.fail(`Expected begin, end, and strides to be 1D equal size tensors, but got shapes ${bracket(b)}, ${bracket(e)}, and ${bracket(st)} instead.`);
    }
    const [begin, end, strides] = [beginArg, endArg, stridesArg].map((a) => Array.from(a.data as ArrayLike<number>, Number));
    const {dense, processing, final} = validate((msg) => ctx.fail(msg), input.shape, begin, end, strides, attrs);
    if (input.rank === 0) return [tfc.reshape(input, final as number[])];
    if (processing.some((n) => n === 0)) return [tfc.zeros(final as number[], input.dtype)];
    // tfjs's WASM StridedSlice garbles int32, so: a slice for the unit strides, a gather of the
    // indices `begin + k * stride` for the others.
    const unit = dense.strides.map((st) => st === 1);
    const sizes = processing as number[];
    let sliced = tfc.slice(input, dense.begin.map((b, i) => (unit[i] ? b! : 0)), sizes.map((n, i) => (unit[i] ? n : input.shape[i])));
    dense.strides.forEach((st, i) => {
      if (unit[i]) return;
      const indices = Int32Array.from({length: sizes[i]}, (_, k) => dense.begin[i]! + k * st);
      sliced = tfc.gather(sliced, tfc.tensor1d(indices, 'int32'), i);
    });
    return [tfc.reshape(sliced, final as number[])];
  },
  grad: (op, [grad]) => [stridedSliceGrad(op, grad!), null, null, null],
});

function masksOf(attrs: Masks): Masks {
  const {begin_mask, end_mask, ellipsis_mask, new_axis_mask, shrink_axis_mask} = attrs;
  return {begin_mask, end_mask, ellipsis_mask, new_axis_mask, shrink_axis_mask};
}

/**
 * TF's _StridedSliceGrad: a StridedSliceGrad of the same slice, its shape, begin, end and strides
 * given as constants where their values are known at build time.
 */
function stridedSliceGrad(op: Operation, grad: Tensor): Tensor {
  const [input, begin, end, strides] = op.inputs;
  const x = shape(input, {out_type: begin.dtype.base_dtype});
  const known = (t: Tensor): Tensor | NDArray => constant_value(t) ?? t;
  return strided_slice_grad(known(x), known(begin), known(end), known(strides), grad, masksOf(op.attrs as Attrs));
}

/** `gen_array_ops.strided_slice_grad(shape, begin, end, strides, dy, *masks, name=None)`. */
export function strided_slice_grad(
  shape_: TensorLike,
  begin: TensorLike,
  end: TensorLike,
  strides: TensorLike,
  dy: TensorLike,
  masks: Partial<Masks> = {},
  name?: string,
): Tensor {
  const attrs: Masks = {
    begin_mask: masks.begin_mask ?? 0, end_mask: masks.end_mask ?? 0, ellipsis_mask: masks.ellipsis_mask ?? 0,
    new_axis_mask: masks.new_axis_mask ?? 0, shrink_axis_mask: masks.shrink_axis_mask ?? 0,
  };
  return applyOp(StridedSliceGrad, [shape_, begin, end, strides, dy], attrs, name ?? 'StridedSliceGrad').outputs[0];
}

/** The gradient of a strided slice: `dy` put back where the slice took it from, zeros elsewhere. */
const StridedSliceGrad = defineOp<Attrs, [NDArray, NDArray, NDArray, NDArray, tfc.Tensor]>({
  type: 'StridedSliceGrad',
  inputs: [
    ...['shape', 'begin', 'end', 'strides'].map((name) => ({name, typeAttr: 'Index', defaultDtype: int32, host: true, allowed: ['int32', 'int64']})),
    'dy',
  ],
  infer: (ctx) => {
    [1, 2, 3].forEach((i) => withRank(ctx, i, 1));
    return [{dtype: ctx.inputs[4].dtype.base_dtype, shape: shapeFromShapeTensor(ctx, 0)}];
  },
  kernel: ([shapeArg, beginArg, endArg, stridesArg, dy], attrs, ctx) => {
    const [dims, begin, end, strides] = [shapeArg, beginArg, endArg, stridesArg].map((a) => Array.from(a.data as ArrayLike<number>, Number));
    const {dense, processing, final} = validate((msg) => ctx.fail(msg), dims, begin, end, strides, attrs);
    if (final.length !== dy.rank || final.some((d, i) => d !== dy.shape[i])) {
      ctx.fail(`shape of dy was ${bracket(dy.shape)} instead of ${bracket(final as number[])}`);
    }
    if (processing.some((n) => n === 0)) return [tfc.zeros(dims, dy.dtype)];
    // One dimension at a time: unit strides pad with zeros; other strides gather from the
    // slice with a zero row appended, each position taking its element or the zero row.
    let x = tfc.reshape(dy, processing as number[]);
    dense.strides.forEach((st, i) => {
      const [n, b, d] = [processing[i]!, dense.begin[i]!, dims[i]];
      if (st === 1) {
        if (n !== d) x = tfc.pad(x, dims.map((_, j): [number, number] => (j === i ? [b, d - b - n] : [0, 0])));
        return;
      }
      const zeroRow = tfc.zeros(x.shape.map((s, j) => (j === i ? 1 : s)), x.dtype);
      const source = Int32Array.from({length: d}, (_, p) => {
        const k = (p - b) / st;
        return Number.isInteger(k) && k >= 0 && k < n ? k : n;
      });
      x = tfc.gather(tfc.concat([x, zeroRow], i), tfc.tensor1d(source, 'int32'), i);
    });
    return [x];
  },
  // TF's _StridedSliceGradGrad: the same slice of the gradient.
  grad: (op, [grad]) => {
    const [, begin, end, strides] = op.inputs;
    return [null, null, null, null, strided_slice(grad!, begin, end, strides, masksOf(op.attrs as Attrs))];
  },
});

/** TF's StridedSlice shape rule: unknown unless the input's rank and the strides are known. */
function stridedSliceShape(ctx: ShapeContext<Attrs>): TensorShape {
  const [b, e, s] = [1, 2, 3].map((i) => withRank(ctx, i, 1));
  const n = mergeShapes(ctx, mergeShapes(ctx, b, e), s).dims![0];
  const input = ctx.inputs[0].shape;
  const strides = constInts(ctx, 3);
  if (input.dims === null || n === null || strides === null) return TensorShape.unknown();
  return new TensorShape(validate((m) => ctx.fail(m), input.dims, constInts(ctx, 1), constInts(ctx, 2), strides, ctx.attrs).final);
}

export interface StridedSliceOptions extends Partial<Masks> {
  strides?: TensorLike | readonly TensorLike[] | null;
  var?: unknown;
  name?: string;
}

/**
 * `tf.strided_slice(input_, begin, end, strides=None, begin_mask=0, end_mask=0, ellipsis_mask=0,
 * new_axis_mask=0, shrink_axis_mask=0, var=None, name=None)`. Without strides, TF1 uses
 * `ones_like(begin)`.
 */
export function strided_slice(
  input_: TensorLike,
  begin: TensorLike | readonly TensorLike[],
  end: TensorLike | readonly TensorLike[],
  strides?: TensorLike | readonly TensorLike[] | null | StridedSliceOptions,
  begin_mask?: number | StridedSliceOptions,
  end_mask?: number | StridedSliceOptions,
  ellipsis_mask?: number | StridedSliceOptions,
  new_axis_mask?: number | StridedSliceOptions,
  shrink_axis_mask?: number | StridedSliceOptions,
  var_?: unknown,
  name?: string | StridedSliceOptions,
): Tensor {
  const o = bindArgs<StridedSliceOptions>(
    'strided_slice',
    ['strides', 'begin_mask', 'end_mask', 'ellipsis_mask', 'new_axis_mask', 'shrink_axis_mask', 'var', 'name'],
    [strides, begin_mask, end_mask, ellipsis_mask, new_axis_mask, shrink_axis_mask, var_, name],
  );
  const attrs: Masks = {
    begin_mask: o.begin_mask ?? 0, end_mask: o.end_mask ?? 0, ellipsis_mask: o.ellipsis_mask ?? 0,
    new_axis_mask: o.new_axis_mask ?? 0, shrink_axis_mask: o.shrink_axis_mask ?? 0,
  };
  const s = o.strides ?? ones_like(intBounds(begin));
  return applyPacked(StridedSlice, [input_, begin, end, s], attrs, o.name ?? 'StridedSlice').outputs[0];
}

/** `begin` as ones_like converts it: JS numbers as int32, as Python's ints are. */
function intBounds(begin: TensorLike | readonly TensorLike[]): TensorLike {
  if (isTensor(begin)) return begin;
  if (holdsTensor(begin)) return autopack(begin, 'packed') as Tensor;
  return NDArray.from(begin as NDArrayLike, 'int32');
}
