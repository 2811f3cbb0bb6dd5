/** Indexing: `tf.slice` (Slice), `tf.gather` (GatherV2) and `tf.one_hot` (OneHot). */
import * as tfc from '@tensorflow/tfjs-core';
import {as_dtype, float32, int32, type DType, type DTypeLike} from '../framework/dtypes';
import {convert_to_tensor, type TensorLike} from '../framework/constant_op';
import {within} from '../framework/context';
import {get_default_graph} from '../framework/graph';
import {applyOp} from '../framework/op_builder';
import {defineOp, type ShapeContext} from '../framework/registry';
import type {Tensor} from '../framework/tensor';
import {bracket, TensorShape, type Dim} from '../framework/tensor_shape';
import type {NDArray} from '../ndarray/ndarray';
import {constant_value} from '../framework/constant_value';
import {ValueError} from '../framework/errors';
import type {Operation} from '../framework/operation';
import {bindArgs} from '../framework/args';
import {ones, zeros} from './array_ops_fill';
import {unsorted_segment_sum} from './array_ops_grad_ops';
import {rank, shape, size} from './array_ops_info';
import {concat, stack} from './array_ops_join';
import {applyPacked} from './array_ops_pack';
import {pad} from './array_ops_pad';
import {range} from './array_ops_range';
import {expand_dims, reshape, tile, transpose} from './array_ops_shape';
import {strided_slice} from './array_ops_strided';
import {add, cast, multiply, subtract} from './math_ops';
import {reduce_prod} from './reduce_ops';
import {constInts, mergeShapes, shapeFromShapeTensor, withRank, withRankAtLeast} from './shape_utils';

const INDEX_TYPES = ['int32', 'int64'];

function ints(a: NDArray): number[] {
  return Array.from(a.data as ArrayLike<number>, Number);
}

const Slice = defineOp<{T: DType; Index: DType}, [tfc.Tensor, NDArray, NDArray]>({
  type: 'Slice',
  inputs: [
    'input',
    {name: 'begin', typeAttr: 'Index', defaultDtype: int32, host: true, allowed: INDEX_TYPES},
    {name: 'size', typeAttr: 'Index', defaultDtype: int32, host: true, allowed: INDEX_TYPES},
  ],
  infer: (ctx) => [{dtype: ctx.inputs[0].dtype.base_dtype, shape: sliceShape(ctx)}],
  kernel: ([input, beginArg, sizeArg], _, ctx) => {
    const r = input.rank;
    const begin = ints(beginArg);
    const size = ints(sizeArg);
    if (beginArg.shape.length !== 1 || sizeArg.shape.length !== 1 || begin.length !== r || size.length !== r) {
      ctx.fail(`Expected begin and size arguments to be 1-D tensors of size ${r}, but got shapes ${bracket(beginArg.shape)} and ${bracket(sizeArg.shape)} instead.`);
    }
    input.shape.forEach((d, i) => {
      const b = begin[i];
      if (size[i] === -1) size[i] = d - b;
      if (b < 0 || b > d) ctx.fail(`Expected begin[${i}] in [0, ${d}], but got ${b}`);
      if (size[i] < 0 || b + size[i] > d) ctx.fail(`Expected size[${i}] in [0, ${d - b}], but got ${size[i]}`);
    });
    return [tfc.slice(input, begin, size)];
  },
  grad: (op, [grad]) => [sliceGrad(op, grad!), null, null],
});

/** TF's _SliceGrad: the gradient padded with zeros before (`begin`) and after (the rest). */
function sliceGrad(op: Operation, grad: Tensor): Tensor {
  const [input, begin] = op.inputs;
  const indexType = begin.dtype.base_dtype;
  const inputRank = rank(input);
  const sliceSize = shape(op.outputs[0], {out_type: indexType});
  const column = stack([inputRank, 1]);
  const before = reshape(begin, column);
  const after = reshape(subtract(subtract(shape(input, {out_type: indexType}), sliceSize, 'sub'), begin, 'sub'), column);
  return pad(grad, concat([before, after], 1));
}

/** TF's Slice shape rule: the sizes, with -1 meaning "to the end" (dim - begin, where known). */
function sliceShape(ctx: ShapeContext): TensorShape {
  const input = ctx.inputs[0].shape;
  const n = mergeShapes(ctx, withRank(ctx, 1, 1), withRank(ctx, 2, 1)).dims![0];
  if (n !== null) withRank(ctx, 0, n);
  const begin = shapeFromShapeTensor(ctx, 1);
  const sizes = constInts(ctx, 2);
  if (sizes === null) {
    const s = shapeFromShapeTensor(ctx, 2);
    if (s.dims !== null) return s;
    return input.dims === null ? TensorShape.unknown() : new TensorShape(input.dims.map(() => null));
  }
  if (begin.dims !== null && begin.dims.length !== sizes.length) ctx.fail(`Shape must be rank ${sizes.length} but is rank ${begin.dims.length}`);
  return new TensorShape(
    sizes.map((s, i) => {
      if (s < -1) ctx.fail(`Invalid value in tensor used for shape: ${s}`);
      if (s !== -1) return s;
      const d = input.dims?.[i] ?? null;
      const b = begin.dims?.[i] ?? null;
      if (b === 0) return d;
      if (d === null || b === null) return null;
      if (b > d) ctx.fail(`Negative dimension size caused by subtracting ${b} from ${d}`);
      return d - b;
    }),
  );
}

/** `tf.slice(input_, begin, size, name=None)`: `size[i]` elements from `begin[i]` (-1: all the rest). */
export function slice(
  input_: TensorLike,
  begin: TensorLike | readonly TensorLike[],
  size: TensorLike | readonly TensorLike[],
  name?: string | {name?: string},
): Tensor {
  const o = bindArgs<{name?: string}>('slice', ['name'], [name]);
  return applyPacked(Slice, [input_, begin, size], {}, o.name ?? 'Slice').outputs[0];
}

type GatherAttrs = {Tparams: DType; Tindices: DType; Taxis: DType; batch_dims: number};

const GatherV2 = defineOp<GatherAttrs, [tfc.Tensor, tfc.Tensor, NDArray]>({
  type: 'GatherV2',
  inputs: [
    {name: 'params', typeAttr: 'Tparams'},
    {name: 'indices', typeAttr: 'Tindices', defaultDtype: int32, allowed: ['int16', 'int32', 'int64']},
    {name: 'axis', typeAttr: 'Taxis', defaultDtype: int32, host: true, allowed: INDEX_TYPES},
  ],
  infer: (ctx) => [{dtype: ctx.inputs[0].dtype.base_dtype, shape: gatherShape(ctx)}],
  kernel: ([params, indices, axisArg], {batch_dims}, ctx) => {
    const r = params.rank;
    const axis = Number(axisArg.data[0]);
    if (axis < -r || axis >= r) ctx.fail(`Expected axis in the range [${-r}, ${r}), but got ${axis}`);
    const a = axis < 0 ? axis + r : axis;
    const limit = params.shape[a];
    const idx = indices.dataSync();
    const bad = idx.findIndex((i) => i < 0 || i >= limit);
    if (bad >= 0) ctx.fail(`indices${indexString(indices.shape, bad)} = ${idx[bad]} is not in [0, ${limit})`);
    const bd = batch_dims < 0 ? batch_dims + indices.rank : batch_dims;
    return [bd === 0 ? tfc.gather(params, indices, a) : batchGather(params, indices, a, bd)];
  },
  grad: (op, [grad]) => [gatherGrad(op, grad!), null, null],
});

/**
 * TF's _GatherV2Grad. Along axis 0 TF returns IndexedSlices(values, indices, shape(params)); there
 * are none here, so the gradient is what TF turns them into when a tensor is needed: their
 * UnsortedSegmentSum into params' first dimension (rows gathered twice get both gradients). Along
 * another axis, TF's own dense path: the axis moved next to the batch dimensions, a segment sum,
 * the axis moved back.
 */
function gatherGrad(op: Operation, grad: Tensor): Tensor {
  const [params, indices, axis] = op.inputs;
  const paramsShape = shape(params);
  const indicesSize = expand_dims(size(indices), 0);
  const axisStatic = constant_value(axis);
  let batchDims = op.attrs.batch_dims as number;
  if (batchDims < 0) {
    const r = indices.shape.ndims;
    if (r === null) {
      throw new ValueError(`Currently, it is unsupported to take the gradient of tf.gather when batch_dims < 0 and the rank of the indices is unknown. Please pass a positive batch_dims or use tf.ensure_shape to update the shape of indices when calling tf.gather. Got batch_dims=${batchDims} and indices=${indices}`);
    }
    batchDims += r;
  }
  if (axisStatic !== null && Number(axisStatic.data[0]) === 0) {
    const values = reshape(grad, concat([indicesSize, tail(paramsShape)], 0));
    return unsorted_segment_sum(values, reshape(indices, indicesSize), element(paramsShape, 0));
  }
  const outerShape = strided_slice(paramsShape, [0], [axis], [1], {begin_mask: 1, name: 'strided_slice'});
  const innerShape = tail(strided_slice(paramsShape, [axis], [0], [1], {end_mask: 1, name: 'strided_slice'}));
  const valuesShape = concat([outerShape, [-1], innerShape], 0);
  const axisDims = size(outerShape);
  const outerBatches = range(batchDims);
  const batchAxis = range(batchDims, axisDims);
  const innerAxes = range(add(axisDims, 1), size(valuesShape));
  const values = reshape(grad, valuesShape);
  const transposeDims = concat([outerBatches, stack([axisDims]), batchAxis, innerAxes], 0);
  const paramsGrad = batchGatherGrad(gather(paramsShape, transposeDims), transpose(values, transposeDims), indices, batchDims, element(paramsShape, axis));
  const invert = concat([outerBatches, add(batchAxis, 1), [batchDims], innerAxes], 0);
  return reshape(transpose(paramsGrad, invert), shape(params));
}

/** `t[1:]` of a vector, as Python's slicing builds it. */
function tail(t: Tensor): Tensor {
  return strided_slice(t, [1], [0], [1], {end_mask: 1, name: 'strided_slice'});
}

/** `t[i]` of a vector. */
function element(t: Tensor, i: number | Tensor): Tensor {
  return strided_slice(t, [i], [typeof i === 'number' ? i + 1 : add(i, 1)], [1], {shrink_axis_mask: 1, name: 'strided_slice'});
}

/** TF's _BatchGatherGrad: a segment sum of the rows, batch offsets added to the indices. */
function batchGatherGrad(paramsShape: Tensor, values: Tensor, indices: Tensor, batchDims: number, gatherDimSize: Tensor): Tensor {
  const indicesSize = expand_dims(size(indices), 0);
  if (batchDims === 0) return unsorted_segment_sum(values, reshape(indices, indicesSize), gatherDimSize);
  const valuesShape = shape(values);
  const outerShape = strided_slice(valuesShape, [0], [batchDims], [1], {begin_mask: 1, name: 'strided_slice'});
  const innerShape = tail(strided_slice(valuesShape, [batchDims], [0], [1], {end_mask: 1, name: 'strided_slice'}));
  const flatValuesShape = concat([[-1], innerShape], 0);
  const segments = multiply(gatherDimSize, reduce_prod(outerShape, [0]));
  const flatIndices = reshape(batchIndices(paramsShape, indices, batchDims), indicesSize);
  const summed = unsorted_segment_sum(reshape(values, flatValuesShape), flatIndices, segments);
  return reshape(summed, concat([outerShape, flatValuesShape], 0));
}

/** TF's _GetBatchIndices: each index offset by its batch position times the gathered dim's size. */
function batchIndices(paramsShape: Tensor, indices: Tensor, batchDims: number): Tensor {
  const dtype = indices.dtype.base_dtype;
  const dims = cast(paramsShape, dtype);
  let accum = ones([], dtype);
  let out = indices;
  for (let dim = batchDims; dim > 0; dim--) {
    const dimValue = element(dims, dim - 1);
    accum = multiply(accum, element(dims, dim));
    const dimIndices = multiply(range(zeros([], dtype), dimValue, ones([], dtype)), accum);
    const one = Int32Array.of(1);
    const dimShape = concat([tile(one, [dim - 1]), stack([dimValue]), tile(one, [subtract(rank(indices), dim)])], 0);
    out = add(out, reshape(dimIndices, dimShape));
  }
  return out;
}

/**
 * A gather with batch dimensions, as one plain gather (the WASM backend's own takes rows from the
 * wrong batch): params [B…, O…, N, I…] laid out as [B·N, O, I], each index offset by its batch's
 * b·N, the result [B, J, O, I] moved back to [B…, O…, J…, I…].
 */
function batchGather(params: tfc.Tensor, indices: tfc.Tensor, axis: number, batchDims: number): tfc.Tensor {
  const prod = (dims: readonly number[]) => dims.reduce((x, y) => x * y, 1);
  const ps = params.shape;
  const [b, o, n, i] = [prod(ps.slice(0, batchDims)), prod(ps.slice(batchDims, axis)), ps[axis], prod(ps.slice(axis + 1))];
  const j = prod(indices.shape.slice(batchDims));
  const rows = tfc.reshape(tfc.transpose(tfc.reshape(params, [b, o, n, i]), [0, 2, 1, 3]), [b * n, o, i]);
  const offsets = tfc.mul(tfc.range(0, b, 1, 'int32'), tfc.scalar(n, 'int32'));
  const flat = tfc.reshape(tfc.add(tfc.reshape(tfc.cast(indices, 'int32'), [b, j]), tfc.reshape(offsets, [b, 1])), [b * j]);
  const picked = tfc.transpose(tfc.reshape(tfc.gather(rows, flat, 0), [b, j, o, i]), [0, 2, 1, 3]);
  return tfc.reshape(picked, [...ps.slice(0, axis), ...indices.shape.slice(batchDims), ...ps.slice(axis + 1)]);
}

/** TF's SliceDebugString: a flat index as `[i,j]` in the given shape (empty for a scalar). */
function indexString(shape: readonly number[], flat: number): string {
  if (shape.length === 0) return '';
  const coords = new Array<number>(shape.length);
  for (let i = shape.length - 1; i >= 0; i--) {
    coords[i] = flat % shape[i];
    flat = Math.floor(flat / shape[i]);
  }
  return `[${coords.join(',')}]`;
}

/** TF's GatherV2 shape rule: params[:axis] + indices[batch_dims:] + params[axis+1:]. */
function gatherShape(ctx: ShapeContext<GatherAttrs>): TensorShape {
  const params = withRankAtLeast(ctx, 0, 1);
  const indices = ctx.inputs[1].shape;
  withRank(ctx, 2, 0);
  const bd = ctx.attrs.batch_dims;
  const axisValue = constInts(ctx, 2);
  if (axisValue === null) {
    if (params.ndims === null || indices.ndims === null) return TensorShape.unknown();
    return new TensorShape(Array<Dim>(params.ndims - 1 + (bd < 0 ? -bd : indices.ndims - bd)).fill(null));
  }
  const axis = axisValue[0];
  withRankAtLeast(ctx, 0, axis < 0 ? -axis : axis + 1);
  if (params.dims === null || indices.dims === null) return TensorShape.unknown();
  const a = axis < 0 ? axis + params.dims.length : axis;
  return new TensorShape([...params.dims.slice(0, a), ...indices.dims.slice(bd), ...params.dims.slice(a + 1)]);
}

export interface GatherOptions {
  validate_indices?: boolean | null;
  name?: string;
  axis?: TensorLike | null;
  batch_dims?: number;
}

/**
 * `tf.gather(params, indices, validate_indices=None, name=None, axis=None, batch_dims=0)`:
 * slices of `params` along `axis` (TF1's `axis` defaults to `batch_dims`, i.e. 0).
 */
export function gather(
  params: TensorLike,
  indices: TensorLike,
  validate_indices?: boolean | null | GatherOptions,
  name?: string | GatherOptions,
  axis?: TensorLike | null | GatherOptions,
  batch_dims?: number | GatherOptions,
): Tensor {
  const o = bindArgs<GatherOptions>('gather', ['validate_indices', 'name', 'axis', 'batch_dims'], [validate_indices, name, axis, batch_dims]);
  const bd = o.batch_dims ?? 0;
  return applyOp(GatherV2, [params, indices, o.axis ?? bd], {batch_dims: bd}, o.name ?? 'GatherV2').outputs[0];
}

type OneHotAttrs = {T: DType; TI: DType; axis: number};

const OneHot = defineOp<OneHotAttrs, [tfc.Tensor, NDArray, NDArray, NDArray]>({
  type: 'OneHot',
  inputs: [
    {name: 'indices', typeAttr: 'TI', defaultDtype: int32, allowed: ['uint8', 'int8', 'int32', 'int64']},
    {name: 'depth', fixed: int32, host: true},
    {name: 'on_value', host: true},
    {name: 'off_value', host: true},
  ],
  infer: (ctx) => [{dtype: ctx.attrs.T, shape: oneHotShape(ctx)}],
  kernel: ([indices, depthArg, on, off], {axis, T}, ctx) => {
    const depth = Number(depthArg.data[0]);
    if (depth < 0) ctx.fail(`depth must be non-negative, got: ${depth}`);
    const r = indices.rank;
    if (axis !== -1 && (axis < 0 || axis > r)) ctx.fail(`Expected axis to be -1 or between [0, ${r + 1}).  But received: ${axis}`);
    if (on.shape.length !== 0) ctx.fail(`on_value must be a scalar, but got: ${bracket(on.shape)}`);
    if (off.shape.length !== 0) ctx.fail(`off_value must be a scalar, but got: ${bracket(off.shape)}`);
    // tfjs's WASM OneHot writes int32 only (and its `where` garbles bools): the positions come
    // from OneHot, the values from `where`, bools through int32.
    const positions = tfc.cast(tfc.oneHot(indices, depth, 1, 0, 'int32'), 'bool');
    const dt = T.tfjs === 'bool' ? 'int32' : T.tfjs;
    const picked = tfc.where(positions, tfc.scalar(Number(on.data[0]), dt), tfc.scalar(Number(off.data[0]), dt));
    const hot = T.tfjs === 'bool' ? tfc.cast(picked, 'bool') : picked;
    if (axis === -1 || axis === r) return [hot];
    // tfjs puts the new axis last; TF puts it at `axis`.
    const perm = Array.from({length: r + 1}, (_, i) => (i < axis ? i : i === axis ? r : i - 1));
    return [tfc.transpose(hot, perm)];
  },
  grad: null,
});

/** TF's OneHot shape rule: indices' shape with `depth` inserted at `axis` (-1: last). */
function oneHotShape(ctx: ShapeContext<OneHotAttrs>): TensorShape {
  const {axis} = ctx.attrs;
  if (axis < -1) ctx.fail('axis must be >= -1');
  withRank(ctx, 1, 0);
  const d = constInts(ctx, 1);
  if (d !== null && d[0] < 0) ctx.fail(`Dimension size, given by scalar input 1, must be non-negative but is ${d[0]}`);
  const depth = d === null ? null : d[0];
  const indices = ctx.inputs[0].shape;
  if (indices.dims === null) return TensorShape.unknown();
  // TF's depth_index: (axis + new_rank) % new_rank, so an axis past the end wraps at build time.
  const newRank = indices.dims.length + 1;
  const at = (axis + newRank) % newRank;
  return new TensorShape([...indices.dims.slice(0, at), depth, ...indices.dims.slice(at)]);
}

export interface OneHotOptions {
  on_value?: TensorLike | null;
  off_value?: TensorLike | null;
  axis?: number | null;
  dtype?: DTypeLike | null;
  name?: string;
}

/**
 * `tf.one_hot(indices, depth, on_value=None, off_value=None, axis=None, dtype=None, name=None)`.
 * The dtype is `dtype`, else on_value's or off_value's, else float32; defaults 1 and 0.
 */
export function one_hot(
  indices: TensorLike,
  depth: TensorLike,
  on_value?: TensorLike | null | OneHotOptions,
  off_value?: TensorLike | null | OneHotOptions,
  axis?: number | null | OneHotOptions,
  dtype?: DTypeLike | null | OneHotOptions,
  name?: string | OneHotOptions,
): Tensor {
  const o = bindArgs<OneHotOptions>('one_hot', ['on_value', 'off_value', 'axis', 'dtype', 'name'], [on_value, off_value, axis, dtype, name]);
  return within(get_default_graph().name_scope(o.name ?? 'one_hot'), (scope) => {
    let dt = o.dtype ? as_dtype(o.dtype).base_dtype : null;
    const given = (v: TensorLike | null | undefined) => (v === undefined || v === null ? null : convert_to_tensor(v, null, null, dt));
    let on = given(o.on_value);
    let off = given(o.off_value);
    for (const [t, what] of [[on, 'on_value'], [off, 'off_value']] as const) {
      if (t && dt && t.dtype.base_dtype !== dt) throw new TypeError(`dtype ${t.dtype} of ${what} does not match dtype parameter ${dt}`);
    }
    dt ??= on?.dtype.base_dtype ?? off?.dtype.base_dtype ?? float32;
    on ??= convert_to_tensor(dt.is_bool ? true : 1, dt, 'on_value');
    off ??= convert_to_tensor(dt.is_bool ? false : 0, dt, 'off_value');
    if (on.dtype.base_dtype !== off.dtype.base_dtype) {
      throw new TypeError(`dtype ${on.dtype} of on_value does not match dtype ${off.dtype} of off_value`);
    }
    return applyOp(OneHot, [indices, depth, on, off], {axis: o.axis ?? -1}, scope.value).outputs[0];
  });
}
