/**
 * Ops that rearrange a tensor's dimensions: `tf.reshape`, `tf.transpose`, `tf.expand_dims`,
 * `tf.squeeze`, `tf.tile`.
 */
import * as tfc from '@tensorflow/tfjs-core';
import {int32, type DType} from '../framework/dtypes';
import {ValueError} from '../framework/errors';
import {convert_to_tensor, type TensorLike} from '../framework/constant_op';
import {within} from '../framework/context';
import {get_default_graph, isTensor} from '../framework/graph';
import {applyOp} from '../framework/op_builder';
import {defineOp, type ShapeContext} from '../framework/registry';
import type {Tensor} from '../framework/tensor';
import {bracket, TensorShape, type Dim} from '../framework/tensor_shape';
import type {NDArray} from '../ndarray/ndarray';
import {eitherOf} from './array_args';
import {bindArgs} from '../framework/args';
import {rank, shape, size} from './array_ops_info';
import {invert_permutation} from './array_ops_grad_ops';
import {stack} from './array_ops_join';
import {applyPacked} from './array_ops_pack';
import {range} from './array_ops_range';
import {subtract} from './math_ops';
import {reduce_sum} from './reduce_ops';
import {constInts, shapeFromShapeTensor, withRank} from './shape_utils';

const INDEX_TYPES = ['int32', 'int64'];

/** A host input holding integers (a shape, a permutation, multiples). */
function ints(a: NDArray): number[] {
  return Array.from(a.data as ArrayLike<number>, Number);
}

function product(dims: readonly number[]): number {
  return dims.reduce((a, b) => a * b, 1);
}

const Reshape = defineOp<{T: DType; Tshape: DType}, [tfc.Tensor, NDArray]>({
  type: 'Reshape',
  inputs: ['tensor', {name: 'shape', typeAttr: 'Tshape', defaultDtype: int32, host: true, allowed: INDEX_TYPES}],
  infer: (ctx) => [{dtype: ctx.inputs[0].dtype.base_dtype, shape: reshapeShape(ctx)}],
  kernel: ([tensor, shapeArg], _, ctx) => {
    if (shapeArg.shape.length !== 1) ctx.fail(`sizes input must be 1-D, not ${bracket(shapeArg.shape)}`);
    const dims = ints(shapeArg);
    let unknown = -1;
    dims.forEach((d, i) => {
      if (d === -1 && unknown >= 0) ctx.fail(`Only one input size may be -1, not both ${unknown} and ${i}`);
      if (d === -1) unknown = i;
      else if (d < 0) ctx.fail(`Size ${i} must be non-negative, not ${d}`);
    });
    const n = tensor.size;
    const known = product(dims.filter((_, i) => i !== unknown));
    if (unknown >= 0) {
      if (known === 0 ? n !== 0 : n % known !== 0) {
        ctx.fail(`Input to reshape is a tensor with ${n} values, but the requested shape requires a multiple of ${known}`);
      }
      dims[unknown] = known === 0 ? 0 : n / known;
    } else if (known !== n) {
      ctx.fail(`Input to reshape is a tensor with ${n} values, but the requested shape has ${known}`);
    }
    return [tfc.reshape(tensor, dims)];
  },
  grad: ({inputs: [tensor]}, [grad]) => [reshapeGrad(tensor, grad!), null],
});

/**
 * TF's _ReshapeGrad: the gradient reshaped to the input's shape; with exactly one unknown
 * dimension (and no zero), a -1 there instead of a data dependency on a Shape op.
 */
function reshapeGrad(x: Tensor, grad: Tensor): Tensor {
  const dims = x.shape.dims;
  if (dims !== null && !x.shape.is_fully_defined()) {
    const unknown = dims.flatMap((d, i) => (d === null ? [i] : []));
    if (unknown.length === 1 && !dims.includes(0)) return reshape(grad, Int32Array.from(dims, (d) => d ?? -1));
  }
  return reshape(grad, shape(x));
}

/** TF's SetOutputShapeForReshape: the requested shape, with one unknown dim inferred where possible. */
function reshapeShape(ctx: ShapeContext): TensorShape {
  const out = shapeFromShapeTensor(ctx, 1);
  const input = ctx.inputs[0].shape;
  if (out.dims === null || input.dims === null) return out;
  const outUnknown = out.dims.flatMap((d, i) => (d === null ? [i] : []));
  const inUnknown = input.dims.flatMap((d, i) => (d === null ? [i] : []));
  if (outUnknown.length > 1 || inUnknown.length > 1) return out;
  const knownOut = product(out.dims.filter((d): d is number => d !== null));
  const knownIn = product(input.dims.filter((d): d is number => d !== null));
  if (inUnknown.length === 0 && outUnknown.length === 0) {
    if (knownIn !== knownOut) {
      ctx.fail(`Cannot reshape a tensor with ${knownIn} elements to shape ${out.toBracketString()} (${knownOut} elements)`);
    }
  } else if (inUnknown.length === 0 && knownOut > 0) {
    if (knownIn % knownOut !== 0) ctx.fail(`Dimension size must be evenly divisible by ${knownOut} but is ${knownIn}`);
    return new TensorShape(out.dims.map((d) => d ?? knownIn / knownOut));
  } else if (outUnknown.length === 0 && knownIn !== 0) {
    if (knownOut % knownIn !== 0) ctx.fail(`Dimension size must be evenly divisible by ${knownIn} but is ${knownOut}`);
  }
  return out;
}

/** `tf.reshape(tensor, shape, name=None)`; the shape may mix numbers and scalar tensors. */
export function reshape(tensor: TensorLike, shape: TensorLike | readonly TensorLike[], name?: string | {name?: string}): Tensor {
  const o = bindArgs<{name?: string}>('reshape', ['name'], [name]);
  return applyPacked(Reshape, [tensor, shape], {}, o.name ?? 'Reshape').outputs[0];
}

const Transpose = defineOp<{T: DType; Tperm: DType}, [tfc.Tensor, NDArray]>({
  type: 'Transpose',
  inputs: ['x', {name: 'perm', typeAttr: 'Tperm', defaultDtype: int32, host: true, allowed: INDEX_TYPES}],
  infer: (ctx) => [{dtype: ctx.inputs[0].dtype.base_dtype, shape: transposeShape(ctx)}],
  kernel: ([x, permArg], _, ctx) => {
    const perm = ints(permArg);
    const r = x.rank;
    if (perm.length !== r) ctx.fail(`transpose expects a vector of size ${r}. But input(1) is a vector of size ${perm.length}`);
    const seen = new Array<boolean>(r).fill(false);
    for (const d of perm) {
      if (d < 0 || d >= r) ctx.fail(`${d} is out of range [0 .. ${r})`);
      seen[d] = true;
    }
    const missing = seen.indexOf(false);
    if (missing >= 0) ctx.fail(`${missing} is missing from {${perm.join(',')}}.`);
    return [tfc.transpose(x, perm)];
  },
  // TF's _TransposeGrad: the gradient transposed back by the inverse permutation.
  grad: ({inputs: [, perm]}, [grad]) => [transpose(grad!, invert_permutation(perm)), null],
});

/** TF's TransposeShapeFn. */
function transposeShape(ctx: ShapeContext): TensorShape {
  const input = ctx.inputs[0].shape;
  const permElems = ctx.inputs[1].shape.num_elements();
  const perm = constInts(ctx, 1);
  if (input.dims === null && permElems === null && perm === null) return TensorShape.unknown();
  const r = input.dims?.length ?? permElems ?? perm!.length;
  // A one-element perm is ambiguous between a scalar and a vector, both returned unchanged.
  if (input.dims === null && r < 2) return input;
  const dims = withRank(ctx, 0, r).dims!;
  withRank(ctx, 1, 1);
  if (permElems !== null && permElems !== r) ctx.fail(`Dimension must be ${r} but is ${permElems}`);
  if (perm === null) return new TensorShape(Array<Dim>(r).fill(null));
  return new TensorShape(
    perm.map((p) => {
      if (p >= r || p <= -r) ctx.fail(`perm dim ${p} is out of range of input rank ${r}`);
      return dims[p < 0 ? p + r : p];
    }),
  );
}

export interface TransposeOptions {
  perm?: TensorLike | null;
  name?: string;
  conjugate?: boolean;
}

/**
 * `tf.transpose(a, perm=None, name='transpose', conjugate=False)`. Without a perm the axes are
 * reversed: a constant perm when the rank is known, else TF1's `Range(Rank(a) - 1, -1, -1)`.
 */
export function transpose(
  a: TensorLike,
  perm?: TensorLike | null | TransposeOptions,
  name?: string | TransposeOptions,
  conjugate?: boolean | TransposeOptions,
): Tensor {
  const o = bindArgs<TransposeOptions>('transpose', ['perm', 'name', 'conjugate'], [perm, name, conjugate]);
  return within(get_default_graph().name_scope(o.name ?? 'transpose'), (scope) => {
    const x = isTensor(a) ? a : convert_to_tensor(a, null, 'a');
    if (o.perm !== undefined && o.perm !== null) return applyPacked(Transpose, [x, o.perm], {}, scope.value).outputs[0];
    const r = x.shape.ndims;
    const reversed = r === null ? range(subtract(rank(x), 1, 'sub'), -1, -1, {name: 'Range'}) : Int32Array.from({length: r}, (_, i) => r - 1 - i);
    return applyOp(Transpose, [x, reversed], {}, scope.value).outputs[0];
  });
}

const ExpandDims = defineOp<{T: DType; Tdim: DType}, [tfc.Tensor, NDArray]>({
  type: 'ExpandDims',
  inputs: ['input', {name: 'dim', typeAttr: 'Tdim', defaultDtype: int32, host: true, allowed: INDEX_TYPES}],
  infer: (ctx) => {
    const input = ctx.inputs[0].shape;
    const dtype = ctx.inputs[0].dtype.base_dtype;
    const dim = constInts(ctx, 1);
    if (dim !== null && dim.length !== 1) ctx.fail("'dim' input must be a tensor with a single value");
    if (dim === null || input.dims === null) return [{dtype, shape: TensorShape.unknown()}];
    const r = input.dims.length;
    let d = dim[0];
    if (d < -r - 1 || d > r) ctx.fail(`dim ${d} not in the interval [${-r - 1}, ${r}].`);
    if (d < 0) d += r + 1;
    return [{dtype, shape: new TensorShape([...input.dims.slice(0, d), 1, ...input.dims.slice(d)])}];
  },
  kernel: ([input, dimArg], _, ctx) => {
    if (dimArg.size !== 1) ctx.fail(`'dim' must be a tensor with a single value`);
    const r = input.rank;
    const d = Number(dimArg.data[0]);
    if (d < -r - 1 || d > r) ctx.fail(`Tried to expand dim index ${d} for tensor with ${r} dimensions.`);
    return [tfc.expandDims(input, d < 0 ? d + r + 1 : d)];
  },
  grad: ({inputs: [input]}, [grad]) => [reshape(grad!, shape(input)), null],
});

export interface ExpandDimsOptions {
  axis?: TensorLike;
  name?: string;
  dim?: TensorLike;
}

/** `tf.expand_dims(input, axis=None, name=None, dim=None)`: a dimension of size 1 inserted. */
export function expand_dims(
  input: TensorLike,
  axis?: TensorLike | ExpandDimsOptions,
  name?: string | ExpandDimsOptions,
  dim?: TensorLike | ExpandDimsOptions,
): Tensor {
  const o = bindArgs<ExpandDimsOptions>('expand_dims', ['axis', 'name', 'dim'], [axis, name, dim]);
  const ax = eitherOf('axis', o.axis, 'dim', o.dim);
  if (ax === undefined) throw new ValueError('Must specify an axis argument to tf.expand_dims()');
  return applyOp(ExpandDims, [input, ax], {}, o.name ?? 'ExpandDims').outputs[0];
}

const Squeeze = defineOp<{T: DType; squeeze_dims: readonly number[]}, [tfc.Tensor]>({
  type: 'Squeeze',
  inputs: ['input'],
  infer: (ctx) => [{dtype: ctx.inputs[0].dtype.base_dtype, shape: squeezeShape(ctx)}],
  kernel: ([input], {squeeze_dims}, ctx) => {
    const r = input.rank;
    const axes = squeeze_dims.map((d) => {
      if (d < -r || d >= r) ctx.fail(`Tried to squeeze dim index ${d} for tensor with ${r} dimensions.`);
      return d < 0 ? d + r : d;
    });
    const out = input.shape.filter((d, i) => {
      if (!axes.includes(i)) return axes.length > 0 || d !== 1;
      if (d !== 1) ctx.fail(`Can not squeeze dim[${i}], expected a dimension of 1, got ${d}`);
      return false;
    });
    return [tfc.reshape(input, out)];
  },
  grad: ({inputs: [input]}, [grad]) => [reshape(grad!, shape(input))],
});

/** TF's Squeeze shape rule: an unknown dim is assumed to be 1 only when named explicitly. */
function squeezeShape(ctx: ShapeContext<{T: DType; squeeze_dims: readonly number[]}>): TensorShape {
  const input = ctx.inputs[0].shape;
  if (input.dims === null) return TensorShape.unknown();
  const r = input.dims.length;
  const axes = ctx.attrs.squeeze_dims.map((d, i) => {
    if (d < -r || d >= r) ctx.fail(`squeeze_dims[${i}] not in [${-r},${r}).`);
    return d < 0 ? d + r : d;
  });
  const out: Dim[] = [];
  for (let i = 0; i < r; i++) {
    const d = input.dims[i];
    const explicit = axes.includes(i);
    if (d === null) {
      if (explicit) continue;
      if (axes.length === 0) return TensorShape.unknown();
    } else if (d === 1) {
      if (explicit || axes.length === 0) continue;
    } else if (explicit) {
      ctx.fail(`Can not squeeze dim[${i}], expected a dimension of 1, got ${d}`);
    }
    out.push(d);
  }
  return new TensorShape(out);
}

export interface SqueezeOptions {
  axis?: number | readonly number[] | null;
  name?: string;
  squeeze_dims?: number | readonly number[] | null;
}

/** `tf.squeeze(input, axis=None, name=None, squeeze_dims=None)`: dimensions of size 1 removed. */
export function squeeze(
  input: TensorLike,
  axis?: number | readonly number[] | null | SqueezeOptions,
  name?: string | SqueezeOptions,
  squeeze_dims?: number | readonly number[] | SqueezeOptions,
): Tensor {
  const o = bindArgs<SqueezeOptions>('squeeze', ['axis', 'name', 'squeeze_dims'], [axis, name, squeeze_dims]);
  const ax = eitherOf('axis', o.axis, 'squeeze_dims', o.squeeze_dims) ?? [];
  return applyOp(Squeeze, [input], {squeeze_dims: typeof ax === 'number' ? [ax] : [...ax]}, o.name ?? 'Squeeze').outputs[0];
}

const Tile = defineOp<{T: DType; Tmultiples: DType}, [tfc.Tensor, NDArray]>({
  type: 'Tile',
  inputs: ['input', {name: 'multiples', typeAttr: 'Tmultiples', defaultDtype: int32, host: true, allowed: INDEX_TYPES}],
  infer: (ctx) => [{dtype: ctx.inputs[0].dtype.base_dtype, shape: tileShape(ctx)}],
  kernel: ([input, multiplesArg], _, ctx) => {
    const reps = ints(multiplesArg);
    const r = input.rank;
    if (multiplesArg.shape.length !== 1 || reps.length !== r) {
      ctx.fail(`Expected multiples argument to be a vector of length ${r} but got length ${reps.length}`);
    }
    reps.forEach((m, i) => m < 0 && ctx.fail(`Expected multiples[${i}] >= 0, but got ${m}`));
    return [r === 0 ? tfc.clone(input) : tfc.tile(input, reps)];
  },
  grad: ({inputs: [input, multiples]}, [grad]) => [tileGrad(input, multiples, grad!), null],
});

/**
 * TF's _TileGrad: the gradient reshaped to the interleaved [multiples[0], shape[0], multiples[1],
 * shape[1] …] and summed over the even (tiled) axes.
 */
function tileGrad(input: Tensor, multiples: Tensor, grad: Tensor): Tensor {
  const inputShape = shape(input, {out_type: multiples.dtype.base_dtype});
  const splitShape = reshape(transpose(stack([multiples, inputShape])), [-1]);
  const axes = range(0, size(splitShape), 2);
  const inputGrad = reduce_sum(reshape(grad, splitShape), axes);
  inputGrad.set_shape(input.shape);
  return inputGrad;
}

/** TF's Tile shape rule: each dim times its multiple, 0 and 1 exact even when the other is unknown. */
function tileShape(ctx: ShapeContext): TensorShape {
  const input = ctx.inputs[0].shape;
  let multiples = shapeFromShapeTensor(ctx, 1);
  if (input.dims !== null) {
    const r = input.dims.length;
    if (multiples.dims !== null && multiples.dims.length !== r) ctx.fail(`Shape must be rank ${r} but is rank ${multiples.dims.length}`);
    const n = ctx.inputs[1].shape.dim(0);
    if (n !== null && n !== r) ctx.fail(`Dimension 0 in both shapes must be equal, but are ${n} and ${r}. Shapes are [${n}] and [${r}].`);
    if (multiples.dims === null) multiples = new TensorShape(Array<Dim>(r).fill(null));
  }
  if (multiples.dims === null) return TensorShape.unknown();
  const m = multiples.dims;
  const dims = withRank(ctx, 0, m.length).dims!;
  return new TensorShape(dims.map((d, i) => multiplyDim(d, m[i])));
}

/** TF's InferenceContext::Multiply. */
function multiplyDim(a: Dim, b: Dim): Dim {
  if (a === 0 || b === 0) return 0;
  if (a === 1) return b;
  if (b === 1) return a;
  return a === null || b === null ? null : a * b;
}

/** `tf.tile(input, multiples, name=None)`: the input repeated `multiples[i]` times along axis i. */
export function tile(input: TensorLike, multiples: TensorLike | readonly TensorLike[], name?: string | {name?: string}): Tensor {
  const o = bindArgs<{name?: string}>('tile', ['name'], [name]);
  return applyPacked(Tile, [input, multiples], {}, o.name ?? 'Tile').outputs[0];
}
