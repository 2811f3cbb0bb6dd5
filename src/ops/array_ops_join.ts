/**
 * Joining and splitting: `tf.stack`/`tf.unstack` (Pack/Unpack), `tf.concat` (ConcatV2) and
 * `tf.split` (Split/SplitV).
 */
import * as tfc from '@tensorflow/tfjs-core';
import {int32, type DType} from '../framework/dtypes';
import {ValueError} from '../framework/errors';
import {convert_to_tensor, isArrayLike, type TensorLike} from '../framework/constant_op';
import {within} from '../framework/context';
import {get_default_graph} from '../framework/graph';
import {applyOp} from '../framework/op_builder';
import type {Operation} from '../framework/operation';
import {defineOp, type Attrs, type RegisteredOp, type ShapeContext} from '../framework/registry';
import type {Tensor} from '../framework/tensor';
import {bracket, TensorShape, type Dim} from '../framework/tensor_shape';
import type {NDArray} from '../ndarray/ndarray';
import {bindArgs} from '../framework/args';
import {identity} from './array_ops_basic';
import {concat_offset, shape_n} from './array_ops_grad_ops';
import {slice} from './array_ops_index';
import {rank, shape} from './array_ops_info';
import {autopack, holdsTensor, Pack, packAxis} from './array_ops_pack';
import {squeeze} from './array_ops_shape';
import {floormod} from './math_ops';
import {constInts, mergeShapes, withRank, withRankAtLeast} from './shape_utils';

const Unpack = defineOp<{num: number; T: DType; axis: number}, [tfc.Tensor]>({
  type: 'Unpack',
  inputs: ['value'],
  outputs: (attrs) => attrs.num,
  infer: (ctx) => {
    const s = ctx.inputs[0].shape;
    const dtype = ctx.inputs[0].dtype.base_dtype;
    const {num} = ctx.attrs;
    if (s.dims === null) return Array.from({length: num}, () => ({dtype, shape: TensorShape.unknown()}));
    const axis = packAxis(ctx, ctx.attrs.axis, s.dims.length);
    const d = s.dims[axis];
    if (d !== null && d !== num) ctx.fail(`Dimension must be ${num} but is ${d}`);
    const shape = new TensorShape(s.dims.filter((_, i) => i !== axis));
    return Array.from({length: num}, () => ({dtype, shape}));
  },
  kernel: ([value], {num, axis}, ctx) => {
    const r = value.rank;
    if (axis < -r || axis >= r) ctx.fail(`axis = ${axis} not in [${-r}, ${r})`);
    const a = axis < 0 ? axis + r : axis;
    if (value.shape[a] !== num) ctx.fail(`Input shape axis ${a} must equal ${num}, got shape ${bracket(value.shape)}`);
    return tfc.unstack(value, a);
  },
  // TF's _UnpackGrad: the outputs' gradients stacked back.
  grad: ({attrs}, grads) => [stack(grads as Tensor[], {axis: attrs.axis as number})],
});

/** The values of a list input, then its scalar axis input (ConcatV2's operand order). */
type ListThenHost = (tfc.Tensor | NDArray)[];

const ConcatV2 = defineOp<{N: number; T: DType; Tidx: DType}, ListThenHost>({
  type: 'ConcatV2',
  inputs: [{name: 'values', list: true}, {name: 'axis', typeAttr: 'Tidx', defaultDtype: int32, host: true, allowed: ['int32', 'int64']}],
  infer: (ctx) => [{dtype: ctx.inputs[0].dtype.base_dtype, shape: concatShape(ctx)}],
  kernel: (args, _, ctx) => {
    const values = args.slice(0, -1) as tfc.Tensor[];
    const r = values[0].rank;
    const axis = Number((args[args.length - 1] as NDArray).data[0]);
    if (r === 0) ctx.fail(`ConcatOp : Can't concatenate scalars (use tf.stack instead)`);
    if (axis < -r || axis >= r) ctx.fail(`ConcatOp : Expected concatenating dimensions in the range [${-r}, ${r}), but got ${axis}`);
    const a = axis < 0 ? axis + r : axis;
    const s0 = values[0].shape;
    values.forEach((v, i) => {
      if (v.rank !== r) ctx.fail(`ConcatOp : Ranks of all input tensors should match: shape[0] = ${bracket(s0)} vs. shape[${i}] = ${bracket(v.shape)}`);
      const bad = v.shape.findIndex((d, j) => j !== a && d !== s0[j]);
      if (bad >= 0) ctx.fail(`ConcatOp : Dimension ${bad} in both shapes must be equal: shape[0] = ${bracket(s0)} vs. shape[${i}] = ${bracket(v.shape)}`);
    });
    return [tfc.concat(values, a)];
  },
  grad: (op, [grad]) => concatGrad(op, grad!),
});

/**
 * TF's _ConcatGradV2: each input's part of the gradient, sliced out at the offsets ConcatOffset
 * computes (split along the axis past 16 inputs); the axis gets none.
 */
function concatGrad(op: Operation, grad: Tensor): (Tensor | null)[] {
  const values = op.inputs.slice(0, -1);
  const axis = op.inputs[op.inputs.length - 1];
  if (values.length === 1) return [grad, null];
  const dim = floormod(axis, rank(values[0]), 'mod');
  // Const shapes while every input's shape is known, else one ShapeN (TF's _ExtractInputShapes).
  const sizes: Tensor[] = [];
  for (const v of values) {
    if (!v.shape.is_fully_defined()) break;
    sizes.push(shape(v));
  }
  const all = sizes.length === values.length ? sizes : shape_n(values);
  if (values.length > 16) {
    const along = squeeze(slice(stack(all, {axis: 1}), [dim, 0], [1, -1]));
    return [...split(grad, along, dim), null];
  }
  const offsets = concat_offset(dim, all);
  return [...offsets.map((begin, i) => slice(grad, begin, all[i])), null];
}

/** TF's ConcatShapeHelper: the non-axis dims merged, the axis dims summed, from the last input back. */
function concatShape(ctx: ShapeContext): TensorShape {
  const n = ctx.inputs.length - 1;
  withRank(ctx, n, 0);
  const shapes = ctx.inputs.slice(0, n).map((t) => t.shape);
  const axisValue = constInts(ctx, n);
  if (axisValue === null) {
    const rank = shapes.find((s) => s.ndims !== null)?.ndims ?? null;
    if (rank === null) return TensorShape.unknown();
    if (rank === 0) ctx.fail(`Can't concatenate scalars (use tf.stack instead)`);
    shapes.forEach((_, i) => withRank(ctx, i, rank));
    return new TensorShape(Array<Dim>(rank).fill(null));
  }
  const axis = axisValue[0];
  const minRank = axis < 0 ? -axis : axis + 1;
  const parts = (i: number): [TensorShape, Dim, TensorShape] | null => {
    const s = withRankAtLeast(ctx, i, minRank);
    if (s.dims === null) return null;
    const a = axis < 0 ? axis + s.dims.length : axis;
    return [new TensorShape(s.dims.slice(0, a)), s.dims[a], new TensorShape(s.dims.slice(a + 1))];
  };
  let before = TensorShape.unknown();
  let middle = 0;
  let after = TensorShape.unknown();
  let middleKnown = true;
  for (let i = n - 1; i >= 0; i--) {
    const p = parts(i);
    if (p === null) {
      middleKnown = false;
      continue;
    }
    before = mergeShapes(ctx, p[0], before);
    after = mergeShapes(ctx, p[2], after);
    if (p[1] === null) middleKnown = false;
    else middle += p[1];
  }
  if (before.dims === null || after.dims === null) return TensorShape.unknown();
  return new TensorShape([...before.dims, middleKnown ? middle : null, ...after.dims]);
}

const Split = defineOp<{num_split: number; T: DType}, [NDArray, tfc.Tensor]>({
  type: 'Split',
  inputs: [{name: 'split_dim', fixed: int32, host: true}, 'value'],
  outputs: (attrs) => attrs.num_split,
  infer: (ctx) => {
    const dtype = ctx.inputs[1].dtype.base_dtype;
    const input = ctx.inputs[1].shape;
    const {num_split} = ctx.attrs;
    const dim = splitDim(ctx, 0, input.ndims);
    let shape: TensorShape;
    if (dim === null) shape = input.dims === null ? TensorShape.unknown() : new TensorShape(input.dims.map(() => null));
    else {
      const dims = [...withRankAtLeast(ctx, 1, dim + 1).dims!];
      const d = dims[dim];
      if (d !== null && d % num_split !== 0) {
        ctx.fail(`Dimension size must be evenly divisible by ${num_split} but is ${d}\n\tNumber of ways to split should evenly divide the split dimension`);
      }
      dims[dim] = d === null ? null : d / num_split;
      shape = new TensorShape(dims);
    }
    return Array.from({length: num_split}, () => ({dtype, shape}));
  },
  kernel: ([splitDimArg, value], {num_split}, ctx) => {
    const axis = runtimeSplitDim(ctx, splitDimArg, value.rank);
    const size = value.shape[axis];
    if (size % num_split !== 0) {
      ctx.fail(`Number of ways to split should evenly divide the split dimension, but got split_dim ${axis} (size = ${size}) and num_split ${num_split}`);
    }
    return tfc.split(value, num_split, axis);
  },
  // TF's _SplitGrad: the pieces' gradients concatenated back along the split axis.
  grad: (op, grads) => [null, concat(grads as Tensor[], op.inputs[0])],
});

/** TF's MakeDimForScalarInputWithNegativeIndexing: the split axis, if constant, in [0, rank). */
function splitDim(ctx: ShapeContext, i: number, rank: number | null): number | null {
  withRank(ctx, i, 0);
  const v = constInts(ctx, i);
  if (v === null) return null;
  const d = v[0];
  if (rank === null) return d < 0 ? null : d;
  if (d < -rank || d >= rank) ctx.fail(`Dimension size, given by scalar input ${d} must be in range [${-rank}, ${rank})`);
  return d < 0 ? d + rank : d;
}

function runtimeSplitDim(ctx: {fail(m: string): never}, arg: NDArray, rank: number): number {
  const d = Number(arg.data[0]);
  if (d < -rank || d >= rank) ctx.fail(`-input rank(-${rank}) <= split_dim < input rank (${rank}), but got ${d}`);
  return d < 0 ? d + rank : d;
}

const SplitV = defineOp<{num_split: number; T: DType; Tlen: DType}, [tfc.Tensor, NDArray, NDArray]>({
  type: 'SplitV',
  inputs: [
    'value',
    {name: 'size_splits', typeAttr: 'Tlen', defaultDtype: int32, host: true, allowed: ['int8', 'int32', 'int64']},
    {name: 'split_dim', fixed: int32, host: true},
  ],
  outputs: (attrs) => attrs.num_split,
  infer: (ctx) => {
    const dtype = ctx.inputs[0].dtype.base_dtype;
    return splitVShapes(ctx).map((shape) => ({dtype, shape}));
  },
  kernel: ([value, sizeSplits, splitDimArg], {num_split}, ctx) => {
    const sizes = Array.from(sizeSplits.data as Int32Array);
    if (sizeSplits.shape.length !== 1 || sizes.length !== num_split) {
      ctx.fail(`size of the split_tensor must be 1-D and have the same elements as outputs got ${sizeSplits.shape.length} -D and ${sizes.length} elements`);
    }
    const axis = runtimeSplitDim(ctx, splitDimArg, value.rank);
    const total = value.shape[axis];
    let unknown = -1;
    let known = 0;
    sizes.forEach((s, i) => {
      if (s !== -1) known += s;
      else if (unknown >= 0) ctx.fail('There can only be one -1 in the input.');
      else unknown = i;
    });
    if (unknown >= 0 ? known > total : known !== total) {
      ctx.fail(
        `Determined shape must either match input shape along split_dim exactly if fully specified, or be less than the size of the input along split_dim if not fully specified.  Got: ${known}`,
      );
    }
    if (unknown >= 0) sizes[unknown] = total - known;
    return tfc.split(value, sizes, axis);
  },
  grad: (op, grads) => [concat(grads as Tensor[], op.inputs[2]), null, null],
});

/** SplitV's shape rule: the pieces' sizes along the split axis, when known. */
function splitVShapes(ctx: ShapeContext<{num_split: number; T: DType; Tlen: DType}>): TensorShape[] {
  const n = ctx.attrs.num_split;
  const input = ctx.inputs[0].shape;
  const dim = splitDim(ctx, 2, input.ndims);
  const sizes = constInts(ctx, 1);
  const each = (f: (i: number) => TensorShape) => Array.from({length: n}, (_, i) => f(i));
  if (input.dims === null) return each(() => TensorShape.unknown());
  if (input.dims.length === 0) ctx.fail("Can't split scalars");
  if (dim === null) return each(() => new TensorShape(input.dims!.map(() => null)));
  const dims = withRankAtLeast(ctx, 0, dim + 1).dims!;
  const withDim = (d: Dim) => new TensorShape(dims.map((x, j) => (j === dim ? d : x)));
  if (sizes === null) return each(() => withDim(null));
  if (sizes.length !== n) ctx.fail(`Length of size_splits should be equal to the number of outputs: ${sizes.length} vs. ${n}`);
  const total = dims[dim];
  let known = 0;
  let hasUnknown = false;
  for (const s of sizes) {
    if (s !== -1) known += s;
    else if (hasUnknown) ctx.fail('size_splits can only have one -1');
    else hasUnknown = true;
  }
  const shapes = sizes.map((s, i) => {
    const size = s === -1 && total !== null ? total - known : s;
    if (size < -1 || (size === -1 && total !== null)) ctx.fail(`Split size at index ${i} must be >= 0. Got: ${size}`);
    return withDim(size === -1 ? null : size);
  });
  if (total !== null && (hasUnknown ? known > total : known !== total)) {
    ctx.fail(`can't split axis of size ${total} into pieces of size [${sizes.join(',')}]`);
  }
  return shapes;
}

/**
 * A list input's JS elements converted as TF's op_def_library converts them (`values_0`,
 * `values_1` … in the op's scope), with the dtype of the list's tensors.
 */
function convertList(values: readonly unknown[], inputName: string): unknown[] {
  const first = values.find((v) => !isArrayLike(v));
  const dtype = first === undefined ? null : convert_to_tensor(first).dtype.base_dtype;
  return values.map((v, i) => (isArrayLike(v) ? convert_to_tensor(v, dtype, `${inputName}_${i}`) : v));
}

/** Creates an op with a list input, converting the list's JS elements inside the op's scope. */
function applyWithList(def: RegisteredOp, values: readonly unknown[], rest: readonly unknown[], attrs: Attrs, name: string): Operation {
  return within(get_default_graph().name_scope(name), (scope) =>
    applyOp(def, [convertList(values, def.inputSpecs[0].name), ...rest], attrs, scope.value),
  );
}

// ---- public functions --------------------------------------------------------------------------

export interface StackOptions {
  axis?: number;
  num?: number | null;
  name?: string;
}

/**
 * `tf.stack(values, axis=0, name='stack')`. As TF1: along axis 0 a list of JS values is one Const
 * and a list holding tensors is auto-packed; along another axis, a JS first element is converted
 * once just to read its rank (a Const TF1 also leaves behind, named as the stack).
 */
export function stack(values: readonly TensorLike[], axis?: number | StackOptions, name?: string | StackOptions): Tensor {
  const o = bindArgs<StackOptions>('stack', ['axis', 'name'], [axis, name]);
  const ax = o.axis ?? 0;
  const nm = o.name ?? 'stack';
  if (ax === 0) {
    if (!holdsTensor(values)) return convert_to_tensor(values, null, nm);
    return autopack(values, nm) as Tensor;
  }
  const r = convert_to_tensor(values[0], null, nm).shape.ndims;
  if (r !== null && (ax < -(r + 1) || ax >= r + 1)) {
    throw new ValueError(`Argument \`axis\` = ${ax} not in range [${-(r + 1)}, ${r + 1})`);
  }
  return applyWithList(Pack, values, [], {axis: ax}, nm).outputs[0];
}

/** `tf.unstack(value, num=None, axis=0, name='unstack')`: the tensors along `axis`. */
export function unstack(
  value: TensorLike,
  num?: number | null | StackOptions,
  axis?: number | StackOptions,
  name?: string | StackOptions,
): Tensor[] {
  const o = bindArgs<StackOptions>('unstack', ['num', 'axis', 'name'], [num, axis, name]);
  const ax = o.axis ?? 0;
  let n = o.num ?? null;
  let v: unknown = value;
  if (n === null) {
    const t = convert_to_tensor(value);
    const s = t.shape;
    if (s.dims !== null) {
      const r = s.dims.length;
      if (ax < -r || ax >= r) throw new ValueError(`Argument \`axis\` = ${ax} not in range [${-r}, ${r})`);
      n = s.dims[ax < 0 ? ax + r : ax];
    }
    if (n === null) throw new ValueError(`Cannot infer argument \`num\` from shape ${s}`);
    v = t;
  }
  return [...applyOp(Unpack, [v], {num: n, axis: ax}, o.name ?? 'unstack').outputs];
}

export interface ConcatOptions {
  axis?: TensorLike;
  name?: string;
}

/**
 * `tf.concat(values, axis, name='concat')`. One value is returned through an Identity, after TF1's
 * throwaway check that the axis is an int32 scalar.
 */
export function concat(
  values: readonly TensorLike[] | TensorLike,
  axis: TensorLike | ConcatOptions,
  name?: string | ConcatOptions,
): Tensor {
  const o = bindArgs<ConcatOptions>('concat', ['axis', 'name'], [axis, name]);
  if (o.axis === undefined) throw new TypeError("concat() missing 1 required positional argument: 'axis'");
  const list = Array.isArray(values) ? values : [values];
  const nm = o.name ?? 'concat';
  if (list.length !== 1) return applyWithList(ConcatV2, list, [o.axis], {}, nm).outputs[0];
  return within(get_default_graph().name_scope(nm), () => {
    const a = convert_to_tensor(o.axis, int32, 'concat_dim');
    if (a.shape.ndims !== null && a.shape.ndims !== 0) throw new ValueError(`Shape ${a.shape} must have rank 0`);
    return identity(list[0], nm);
  });
}

export interface SplitOptions {
  axis?: TensorLike;
  num?: number | null;
  name?: string;
}

/**
 * `tf.split(value, num_or_size_splits, axis=0, num=None, name='split')`: a number of equal pieces
 * (Split) or pieces of the given sizes, one of them possibly -1 (SplitV; the sizes are converted
 * first, outside the op's scope, as TF1 does).
 */
export function split(
  value: TensorLike,
  num_or_size_splits: number | TensorLike,
  axis?: TensorLike | SplitOptions,
  num?: number | null | SplitOptions,
  name?: string | SplitOptions,
): Tensor[] {
  const o = bindArgs<SplitOptions>('split', ['axis', 'num', 'name'], [axis, num, name]);
  const ax = o.axis ?? 0;
  const nm = o.name ?? 'split';
  if (typeof num_or_size_splits === 'number') {
    return [...applyOp(Split, [ax, value], {num_split: num_or_size_splits}, nm).outputs];
  }
  const sizes = convert_to_tensor(num_or_size_splits, null, null, int32);
  if (sizes.shape.ndims === 0) {
    throw new ValueError(`Rank-0 tensors are not supported as the num_or_size_splits argument to split. Argument provided: ${sizes}`);
  }
  const n = o.num ?? sizes.shape.dim(0);
  if (n === null) throw new ValueError(`Cannot infer argument \`num\` from shape ${sizes.shape}`);
  return [...applyOp(SplitV, [value, sizes, ax], {num_split: n}, nm).outputs];
}
