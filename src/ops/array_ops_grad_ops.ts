/**
 * Ops that the array family's gradients build (TF's names and inputs; none has a public `tf.`
 * function here): InvertPermutation (Transpose's gradient), ShapeN and ConcatOffset (ConcatV2's)
 * and UnsortedSegmentSum (GatherV2's, standing in for TF's IndexedSlices).
 */
import * as tfc from '@tensorflow/tfjs-core';
import {bool, int32, type DType} from '../framework/dtypes';
import {applyOp} from '../framework/op_builder';
import {defineOp, type ShapeContext} from '../framework/registry';
import type {Tensor} from '../framework/tensor';
import {bracket, TensorShape, type Dim} from '../framework/tensor_shape';
import type {TensorLike} from '../framework/constant_op';
import type {NDArray} from '../ndarray/ndarray';
import {greater_equal, logical_and, where_v2} from './compare_ops';
import {maximum, subtract} from './math_ops';
import {ones, ones_like, zeros_like} from './array_ops_fill';
import {rank, shape} from './array_ops_info';
import {gather} from './array_ops_index';
import {concat} from './array_ops_join';
import {reshape} from './array_ops_shape';
import {constInts, withRank} from './shape_utils';

const INDEX_TYPES = ['int32', 'int64'];

function ints(a: NDArray): number[] {
  return Array.from(a.data as ArrayLike<number>, Number);
}

const InvertPermutation = defineOp<{T: DType}, [NDArray]>({
  type: 'InvertPermutation',
  inputs: [{name: 'x', host: true, defaultDtype: int32, allowed: INDEX_TYPES}],
  infer: (ctx) => [{dtype: ctx.inputs[0].dtype.base_dtype, shape: withRank(ctx, 0, 1)}],
  kernel: ([x], _, ctx) => {
    if (x.shape.length !== 1) ctx.fail(`invert_permutation expects a 1D vector.`);
    const perm = ints(x);
    const inverse = new Int32Array(perm.length).fill(-1);
    perm.forEach((d, i) => {
      if (d < 0 || d >= perm.length) ctx.fail(`${d} is not between 0 and ${perm.length}`);
      if (inverse[d] !== -1) ctx.fail(`${d} is duplicated in the input.`);
      inverse[d] = i;
    });
    return [tfc.tensor1d(inverse, 'int32')];
  },
  grad: null,
});

/** `tf.invert_permutation(x, name=None)`: the permutation y with y[x[i]] = i. */
export function invert_permutation(x: TensorLike, name?: string): Tensor {
  return applyOp(InvertPermutation, [x], {}, name ?? 'InvertPermutation').outputs[0];
}

const ShapeN = defineOp<{N: number; T: DType; out_type: DType}, tfc.Tensor[]>({
  type: 'ShapeN',
  inputs: [{name: 'input', list: true}],
  outputs: (attrs) => attrs.N,
  infer: (ctx) => ctx.inputs.map((t) => ({dtype: ctx.attrs.out_type, shape: new TensorShape([t.shape.ndims])})),
  kernel: (inputs) => inputs.map((x) => tfc.tensor1d(x.shape, 'int32')),
  grad: null,
});

/** `tf.shape_n(input, out_type=tf.int32, name=None)`: the shapes of several tensors, as one op. */
export function shape_n(input: readonly TensorLike[], out_type: DType = int32, name?: string): Tensor[] {
  return [...applyOp(ShapeN, [input], {out_type}, name ?? 'ShapeN').outputs];
}

const ConcatOffset = defineOp<{N: number; shape_type: DType}, NDArray[]>({
  type: 'ConcatOffset',
  inputs: [
    {name: 'concat_dim', fixed: int32, host: true},
    {name: 'shape', list: true, typeAttr: 'shape_type', defaultDtype: int32, host: true, allowed: INDEX_TYPES},
  ],
  outputs: (attrs) => attrs.N,
  infer: (ctx) => {
    withRank(ctx, 0, 0);
    return ctx.inputs.slice(1).map((_, i) => ({dtype: ctx.attrs.shape_type, shape: withRank(ctx, i + 1, 1)}));
  },
  kernel: ([dimArg, ...shapes], _, ctx) => {
    const first = ints(shapes[0]);
    const r = first.length;
    const d = Number(dimArg.data[0]);
    if (d < -r || d >= r) ctx.fail(`Concat dim is out of range: ${d} vs. ${r}`);
    const axis = d < 0 ? d + r : d;
    let offset = 0;
    return shapes.map((s, i) => {
      const dims = ints(s);
      if (dims.length !== r) ctx.fail(`input ${i} should contain ${r} elements, but got ${dims.length}`);
      if (dims.some((x, j) => j !== axis && x !== first[j])) {
        ctx.fail(`All dimensions except ${axis} must match. Input ${i} has shape ${bracket(dims)} and doesn't match input 0 with shape ${bracket(first)}.`);
      }
      const out = new Int32Array(r);
      out[axis] = offset;
      offset += dims[axis];
      return tfc.tensor1d(out, 'int32');
    });
  },
  grad: null,
});

/** `gen_array_ops.concat_offset(concat_dim, shape)`: where each input of a concat starts in the result. */
export function concat_offset(concat_dim: TensorLike, shapes: readonly TensorLike[], name?: string): Tensor[] {
  return [...applyOp(ConcatOffset, [concat_dim, shapes], {}, name ?? 'ConcatOffset').outputs];
}

type SegmentAttrs = {T: DType; Tindices: DType; Tnumsegments: DType};

const UnsortedSegmentSum = defineOp<SegmentAttrs, [tfc.Tensor, NDArray, NDArray]>({
  type: 'UnsortedSegmentSum',
  inputs: [
    {name: 'data', allowed: ['float16', 'float32', 'float64', 'int32', 'int64', 'int16', 'int8', 'uint8']},
    {name: 'segment_ids', typeAttr: 'Tindices', defaultDtype: int32, host: true, allowed: INDEX_TYPES},
    {name: 'num_segments', typeAttr: 'Tnumsegments', defaultDtype: int32, host: true, allowed: INDEX_TYPES},
  ],
  infer: (ctx) => [{dtype: ctx.inputs[0].dtype.base_dtype, shape: segmentShape(ctx)}],
  kernel: ([data, idsArg, numArg], _, ctx) => {
    if (numArg.shape.length !== 0) ctx.fail(`num_segments should be a scalar, not shape ${bracket(numArg.shape)}`);
    const num = Number(numArg.data[0]);
    const ids = ints(idsArg);
    const prefix = idsArg.shape;
    if (prefix.length > data.rank || prefix.some((d, i) => d !== data.shape[i])) {
      ctx.fail(`data.shape = ${bracket(data.shape)} does not start with segment_ids.shape = ${bracket(prefix)}`);
    }
    const bad = ids.findIndex((i) => i >= num);
    if (bad >= 0) ctx.fail(`segment_ids[${bad}] = ${ids[bad]} is out of range [0, ${num})`);
    const inner = data.shape.slice(prefix.length);
    const rows = tfc.reshape(data, [ids.length, ...inner]);
    // Negative ids are dropped (as TF); ScatterNd sums the rows that share an id.
    const kept = ids.flatMap((id, k) => (id >= 0 ? [k] : []));
    if (kept.length === 0) return [tfc.zeros([num, ...inner], data.dtype)];
    const updates = kept.length === ids.length ? rows : tfc.gather(rows, tfc.tensor1d(kept, 'int32'));
    const at = tfc.tensor2d(Int32Array.from(kept, (k) => ids[k]), [kept.length, 1], 'int32');
    return [tfc.scatterND(at, updates, [num, ...inner])];
  },
  // TF's _UnsortedSegmentSumGrad: each row of the gradient goes back to the elements of its
  // segment, zeros for negative ids (_GatherDropNegatives).
  grad: ({inputs: [, ids]}, [g]) => {
    const clipped = maximum(ids, zeros_like(ids));
    const gathered = gather(g!, clipped);
    let positive = greater_equal(ids, 0);
    const positiveShape = shape(positive);
    const broadcastable = concat([positiveShape, ones([subtract(rank(gathered), rank(positive))], positiveShape.dtype)], 0);
    positive = logical_and(reshape(positive, broadcastable), ones_like(gathered, bool));
    return [where_v2(positive, gathered, zeros_like(gathered)), null, null];
  },
});

/** TF's UnsortedSegmentReductionShapeFn: [num_segments] + data.shape[rank(segment_ids):]. */
function segmentShape(ctx: ShapeContext<SegmentAttrs>): TensorShape {
  const data = ctx.inputs[0].shape;
  const ids = ctx.inputs[1].shape;
  withRank(ctx, 2, 0);
  const n = constInts(ctx, 2);
  const num: Dim = n === null ? null : n[0];
  if (num !== null && num < 0) ctx.fail(`Dimension size, given by scalar input 2, must be non-negative but is ${num}`);
  if (data.dims === null || ids.dims === null) return TensorShape.unknown();
  if (ids.dims.length > data.dims.length) ctx.fail(`Shape must be at least rank ${ids.dims.length} but is rank ${data.dims.length}`);
  ids.dims.forEach((d, i) => {
    const x = data.dims![i];
    if (d !== null && x !== null && d !== x) ctx.fail(`Dimensions must be equal, but are ${x} and ${d}`);
  });
  return new TensorShape([num, ...data.dims.slice(ids.dims.length)]);
}

/** `tf.unsorted_segment_sum(data, segment_ids, num_segments, name=None)`. */
export function unsorted_segment_sum(data: TensorLike, segment_ids: TensorLike, num_segments: TensorLike, name?: string): Tensor {
  return applyOp(UnsortedSegmentSum, [data, segment_ids, num_segments], {}, name ?? 'UnsortedSegmentSum').outputs[0];
}
