/**
 * Reductions: `tf.reduce_sum` … `tf.reduce_any`, `tf.argmax`/`tf.argmin` (one op each), and
 * TF1's composites `tf.reduce_logsumexp` and `tf.count_nonzero`. The gradients, and the ops only
 * they need (`tf.cumsum`, `tf.cumprod` …), are in reduce_grad_ops.ts.
 */
import * as tfc from '@tensorflow/tfjs-core';
import {sumLeadingAxes} from '../kernels';
import {as_dtype, bool, DType, int32, int64, type DTypeLike} from '../framework/dtypes';
import {constant, convert_to_tensor, type TensorLike} from '../framework/constant_op';
import {within} from '../framework/context';
import {get_default_graph} from '../framework/graph';
import {applyOp} from '../framework/op_builder';
import {defineOp, type GradFn, type InputSpec, type KernelContext, type RegisteredOp, type ShapeContext} from '../framework/registry';
import type {Tensor} from '../framework/tensor';
import {TensorShape, type Dim} from '../framework/tensor_shape';
import type {NDArray} from '../ndarray/ndarray';
import {range, rank, reshape, shape, stop_gradient, zeros} from './array_ops';
import {not_equal, where_v2} from './compare_ops';
import {add, cast, subtract} from './math_ops';
import {exp, is_finite, log} from './math_unary_ops';
import {eitherOf} from './array_args';
import {bindArgs} from '../framework/args';
import {constInts, withRank} from './shape_utils';
import {meanGrad, minOrMaxGrad, NUMBER_TYPES, prodGrad, sumGrad} from './reduce_grad_ops';

// TF1's scans, public as `tf.cumsum`/`tf.cumprod`; declared beside Prod's gradient, which uses Cumprod.
export {cumsum, cumprod} from './reduce_grad_ops';

/** TF's `realnumbertypes` and quantized types (Max, Min), in TF's order. */
const REAL_TYPES = [
  'float32', 'float64', 'int32', 'uint8', 'int16', 'int8', 'int64', 'bfloat16', 'uint16', 'float16', 'uint32',
  'uint64', 'qint8', 'quint8', 'qint32', 'qint16', 'quint16',
];
const AXIS_TYPES = ['int32', 'int64'];

type ReduceAttrs = {keep_dims: boolean; Tidx: DType};

/** TF's ReductionShape: reduced dims dropped (kept as 1 with keep_dims); unknown axes → unknown dims. */
function reductionShape(ctx: ShapeContext<ReduceAttrs>): TensorShape {
  const indices = ctx.inputs[1].shape;
  if (indices.dims !== null && indices.dims.length > 1) {
    ctx.fail(`Shape must be at most rank 1 but is rank ${indices.dims.length}`);
  }
  const input = ctx.inputs[0].shape;
  const keep = ctx.attrs.keep_dims;
  const axes = constInts(ctx, 1);
  if (axes === null || input.dims === null) {
    return keep && input.dims !== null ? new TensorShape(input.dims.map(() => null)) : TensorShape.unknown();
  }
  const r = input.dims.length;
  const reduced = new Set<number>();
  for (const a of axes) {
    if (a < -r || a >= r) ctx.fail(`Invalid reduction dimension ${a} for input with ${r} dimensions.`);
    reduced.add(a < 0 ? a + r : a);
  }
  const dims: Dim[] = [];
  input.dims.forEach((d, i) => {
    if (!reduced.has(i)) dims.push(d);
    else if (keep) dims.push(1);
  });
  return new TensorShape(dims);
}

/** The axes to reduce, checked as TF's ReductionHelper checks them at run time (any rank of list). */
function kernelAxes(ctx: KernelContext, indices: NDArray, r: number): number[] {
  const seen = new Set<number>();
  for (const a of indices.data as Int32Array) {
    if (a < -r || a >= r) ctx.fail(`Invalid reduction dimension (${a} for input with ${r} dimension(s)`);
    const i = (a + r) % r;
    if (seen.has(i)) ctx.fail(`Invalid reduction arguments: Axes contains duplicate dimension: ${i}`);
    seen.add(i);
  }
  return [...seen].sort((p, q) => p - q);
}

function reducedShape(s: readonly number[], axes: readonly number[], keep: boolean): number[] {
  return s.flatMap((d, i) => (!axes.includes(i) ? [d] : keep ? [1] : []));
}

type Reducer = (x: tfc.Tensor, axes: number[], keep: boolean) => tfc.Tensor;
/** What a reduction gives over no elements (tfjs's WASM kernels leave such outputs uninitialised). */
type Identity = (dtype: DType) => number;

/**
 * A reduction op: `input` reduced over the host input `reduction_indices` (attr Tidx, int32 by
 * default). The bool reductions (All, Any) are not differentiable: `grad` null.
 */
function reduceOp(type: string, input: InputSpec, f: Reducer, identity: Identity, grad: GradFn | null): RegisteredOp {
  return defineOp<ReduceAttrs, [tfc.Tensor, NDArray]>({
    type,
    inputs: [input, {name: 'reduction_indices', typeAttr: 'Tidx', defaultDtype: int32, allowed: AXIS_TYPES, host: true}],
    infer: (ctx) => [{dtype: ctx.inputs[0].dtype.base_dtype, shape: reductionShape(ctx)}],
    kernel: ([x, indices], {keep_dims}, ctx) => {
      const axes = kernelAxes(ctx, indices, x.rank);
      if (axes.length === 0) return [tfc.clone(x)];
      if (x.size === 0) {
        const value = identity(ctx.op.inputs[0].dtype.base_dtype);
        return [tfc.fill(reducedShape(x.shape, axes, keep_dims), value, x.dtype)];
      }
      return [f(x, axes, keep_dims)];
    },
    grad,
  });
}

/** TF's integer mean is the sum divided by the count in C++ integer division: truncated toward zero. */
function mean(x: tfc.Tensor, axes: number[], keep: boolean): tfc.Tensor {
  if (x.dtype !== 'int32') return tfc.mean(x, axes, keep);
  const n = axes.reduce((p, a) => p * x.shape[a], 1);
  const s = tfc.sum(x, axes, keep);
  return tfc.mul(tfc.sign(s), tfc.floorDiv(tfc.abs(s), tfc.scalar(n, 'int32')));
}

const lowest: Identity = (dt) => (dt.is_floating ? -Infinity : Math.max(dt.min, -(2 ** 31)));
const highest: Identity = (dt) => (dt.is_floating ? Infinity : Math.min(dt.max, 2 ** 31 - 1));

/** tfjs-wasm transposes before reducing over leading axes; a bias gradient's sum skips that. */
function sum(x: tfc.Tensor, axes: number[], keep: boolean): tfc.Tensor {
  const leading = axes.every((a, i) => a === i);
  return (leading && sumLeadingAxes(x, axes.length, keep)) || tfc.sum(x, axes, keep);
}

const Sum = reduceOp('Sum', {name: 'input', allowed: NUMBER_TYPES}, sum, () => 0, sumGrad);
// Over no elements TF's float mean is 0/0 = NaN, and its integer mean 0.
const Mean = reduceOp('Mean', {name: 'input', allowed: NUMBER_TYPES}, mean, (dt) => (dt.is_floating ? NaN : 0), meanGrad);
const Prod = reduceOp('Prod', {name: 'input', allowed: NUMBER_TYPES}, tfc.prod, () => 1, prodGrad);
const Max = reduceOp('Max', {name: 'input', allowed: REAL_TYPES}, tfc.max, lowest, minOrMaxGrad);
const Min = reduceOp('Min', {name: 'input', allowed: REAL_TYPES}, tfc.min, highest, minOrMaxGrad);
const All = reduceOp('All', {name: 'input', fixed: bool}, tfc.all, () => 1, null);
const Any = reduceOp('Any', {name: 'input', fixed: bool}, tfc.any, () => 0, null);

type Axis = TensorLike | null | undefined;
type Flag = boolean | null | undefined;
type Name = string | null | undefined;

/** TF1's keyword arguments of `reduce_*`: both spellings of the axis and of keep_dims. */
export interface ReduceOptions {
  axis?: Axis;
  keepdims?: Flag;
  name?: Name;
  reduction_indices?: Axis;
  keep_dims?: Flag;
}
/** TF1's positional `(axis, keepdims, name)`, any prefix of them, then optionally the keywords. */
export type ReduceArgs =
  | [options?: ReduceOptions]
  | [axis: Axis, options?: ReduceOptions]
  | [axis: Axis, keepdims: Flag, options?: ReduceOptions]
  | [axis: Axis, keepdims: Flag, name: Name, options?: ReduceOptions];

interface Reduction {
  axis: Axis;
  keepdims: boolean;
  name: Name;
}

function reduceArgs(fn: string, args: readonly unknown[]): Reduction {
  return reduction(bindArgs<ReduceOptions>(fn, ['axis', 'keepdims', 'name'], args));
}

function reduction(o: ReduceOptions): Reduction {
  return {
    axis: eitherOf('axis', o.axis, 'reduction_indices', o.reduction_indices),
    keepdims: !!eitherOf('keepdims', o.keepdims, 'keep_dims', o.keep_dims),
    name: o.name,
  };
}

/** The static rank of a tensor or variable; null for JS values, whose rank TF1 does not look at. */
function staticRank(x: TensorLike): number | null {
  const s = (x as {shape?: unknown}).shape;
  return s instanceof TensorShape ? s.ndims : null;
}

/**
 * TF's `_ReductionDims` for `axis=None`: a Const `range(rank)` when the rank is known (and not 0),
 * else `range(0, rank(x))`, created before (outside the scope of) the reduction op.
 */
function allAxes(x: TensorLike): TensorLike {
  const r = staticRank(x);
  if (r) return constant(Int32Array.from({length: r}, (_, i) => i), int32);
  return range(0, rank(x));
}

/**
 * A reduction as TF1's `reduce_*` builds it. Over all axes without keepdims the result is a
 * scalar even when the input's rank is unknown (TF's `_may_reduce_to_scalar`).
 */
function reduce(def: RegisteredOp, input: TensorLike, {axis, keepdims, name}: Reduction): Tensor {
  const out = applyOp(def, [input, axis ?? allAxes(input)], {keep_dims: keepdims}, name ?? def.type).outputs[0];
  return mayReduceToScalar(out, axis, keepdims);
}

function mayReduceToScalar(t: Tensor, axis: Axis, keepdims: boolean): Tensor {
  if (axis == null && !keepdims && !t.shape.is_fully_defined()) t.set_shape([]);
  return t;
}

/** `tf.reduce_sum(input_tensor, axis, keepdims, name)`; also `{reduction_indices, keep_dims}`. */
export function reduce_sum(input_tensor: TensorLike, ...args: ReduceArgs): Tensor {
  return reduce(Sum, input_tensor, reduceArgs('reduce_sum', args));
}
/** `tf.reduce_mean(input_tensor, axis, keepdims, name)`: integer inputs give the truncated integer mean. */
export function reduce_mean(input_tensor: TensorLike, ...args: ReduceArgs): Tensor {
  return reduce(Mean, input_tensor, reduceArgs('reduce_mean', args));
}
/** `tf.reduce_prod(input_tensor, axis, keepdims, name)`. */
export function reduce_prod(input_tensor: TensorLike, ...args: ReduceArgs): Tensor {
  return reduce(Prod, input_tensor, reduceArgs('reduce_prod', args));
}
/** `tf.reduce_max(input_tensor, axis, keepdims, name)`: -inf over no elements. */
export function reduce_max(input_tensor: TensorLike, ...args: ReduceArgs): Tensor {
  return reduce(Max, input_tensor, reduceArgs('reduce_max', args));
}
/** `tf.reduce_min(input_tensor, axis, keepdims, name)`: inf over no elements. */
export function reduce_min(input_tensor: TensorLike, ...args: ReduceArgs): Tensor {
  return reduce(Min, input_tensor, reduceArgs('reduce_min', args));
}
/** `tf.reduce_all(input_tensor, axis, keepdims, name)`: logical and of bools. */
export function reduce_all(input_tensor: TensorLike, ...args: ReduceArgs): Tensor {
  return reduce(All, input_tensor, reduceArgs('reduce_all', args));
}
/** `tf.reduce_any(input_tensor, axis, keepdims, name)`: logical or of bools. */
export function reduce_any(input_tensor: TensorLike, ...args: ReduceArgs): Tensor {
  return reduce(Any, input_tensor, reduceArgs('reduce_any', args));
}

/**
 * `tf.reduce_logsumexp(input_tensor, axis, keepdims, name)` in the 'ReduceLogSumExp' scope:
 * log(sum(exp(x - max))) + max, where an infinite max is replaced by 0 (so that -inf rows give
 * -inf and +inf give inf instead of NaN). The graph is TF 2.x's (SelectV2 with a scalar 0, the
 * final op named by the scope); TF 1.15 built Select of a zeros_like and an op 'Add' in the scope.
 */
export function reduce_logsumexp(input_tensor: TensorLike, ...args: ReduceArgs): Tensor {
  const {axis, keepdims, name} = reduceArgs('reduce_logsumexp', args);
  return within(get_default_graph().name_scope(name ?? 'ReduceLogSumExp'), (scope) => {
    const rawMax = reduce(Max, input_tensor, {axis, keepdims: true, name: null});
    const myMax = stop_gradient(where_v2(is_finite(rawMax), rawMax, 0));
    const result = log(reduce(Sum, exp(subtract(input_tensor, myMax)), {axis, keepdims, name: null}));
    // TF calls the Shape op itself (gen_array_ops.shape), never folded into a Const.
    const shift = keepdims ? myMax : reshape(myMax, shape(result, {optimize: false}));
    return mayReduceToScalar(add(result, shift, scope.value), axis, keepdims);
  });
}

/** TF1's keyword arguments of `count_nonzero`. */
export interface CountNonzeroOptions extends ReduceOptions {
  dtype?: DTypeLike;
  input?: TensorLike;
}
export type CountNonzeroArgs =
  | [options?: CountNonzeroOptions]
  | [axis: Axis, options?: CountNonzeroOptions]
  | [axis: Axis, keepdims: Flag, options?: CountNonzeroOptions]
  | [axis: Axis, keepdims: Flag, dtype: DTypeLike | null | undefined, options?: CountNonzeroOptions]
  | [axis: Axis, keepdims: Flag, dtype: DTypeLike | null | undefined, name: Name, options?: CountNonzeroOptions];

/**
 * `tf.count_nonzero(input_tensor, axis, keepdims, dtype=int64, name)`, as TF builds it in the
 * 'count_nonzero' scope: NotEqual to a zero scalar (skipped for bools), Cast to int64, Sum, and
 * a Cast to `dtype` if it is not int64.
 */
export function count_nonzero(input_tensor: TensorLike | null, ...args: CountNonzeroArgs): Tensor {
  const o = bindArgs<CountNonzeroOptions>('count_nonzero', ['axis', 'keepdims', 'dtype', 'name'], args);
  const value = eitherOf('input', o.input, 'input_tensor', input_tensor);
  const {axis, keepdims} = reduction(o);
  return within(get_default_graph().name_scope(o.name ?? 'count_nonzero'), () => {
    const x = convert_to_tensor(value, null, 'input');
    const predicate = x.dtype.is_bool ? x : not_equal(x, zeros([], x.dtype));
    const counts = reduce(Sum, cast(predicate, int64), {axis, keepdims, name: null});
    return cast(counts, o.dtype ?? int64);
  });
}

/** TF's ArgOpShape: the input's shape without `dimension` (a scalar for vectors). */
function argShape(ctx: ShapeContext): TensorShape {
  withRank(ctx, 1, 0);
  const input = ctx.inputs[0].shape;
  if (input.dims === null) return TensorShape.unknown();
  const r = input.dims.length;
  if (r <= 1) return TensorShape.scalar();
  const dim = constInts(ctx, 1);
  if (dim === null) return new TensorShape(Array<Dim>(r - 1).fill(null));
  const d = dim[0];
  if (d < -r || d >= r) {
    ctx.fail(`Dimension (${d}) must be in the range [${-r}, ${r}), where ${r} is the number of dimensions in the input.`);
  }
  const axis = d < 0 ? d + r : d;
  return new TensorShape(input.dims.filter((_, i) => i !== axis));
}

/** ArgMax/ArgMin: the index of the first extreme value along `dimension`; int64 outputs computed in int32. */
function argOp(type: string, f: (x: tfc.Tensor, axis: number) => tfc.Tensor): RegisteredOp {
  return defineOp<{T: DType; Tidx: DType; output_type: DType}, [tfc.Tensor, NDArray]>({
    type,
    inputs: [
      {name: 'input', allowed: [...REAL_TYPES, 'bool']},
      {name: 'dimension', typeAttr: 'Tidx', defaultDtype: int32, allowed: AXIS_TYPES, host: true},
    ],
    infer: (ctx) => [{dtype: ctx.attrs.output_type, shape: argShape(ctx)}],
    kernel: ([x, dimension], _, ctx) => {
      if (dimension.ndim !== 0) ctx.fail(`dim must be a scalar, but received tensor of shape: [${dimension.shape}]`);
      const dim = dimension.data[0] as number;
      const r = x.rank;
      if (dim < -r || dim >= r) ctx.fail(`Expected dimension in the range [${-r}, ${r}), but got ${dim}`);
      const axis = dim < 0 ? dim + r : dim;
      if (x.shape[axis] === 0) ctx.fail(`Reduction axis ${dim} is empty in shape [${x.shape}]`);
      return [f(x.dtype === 'bool' ? tfc.cast(x, 'int32') : x, axis)];
    },
    grad: null,
  });
}

const ArgMax = argOp('ArgMax', tfc.argMax);
const ArgMin = argOp('ArgMin', tfc.argMin);

const OUTPUT_TYPES = ['int16', 'uint16', 'int32', 'int64'];
/** Axis tensors of these types are cast to int32 first, as TF does. */
const CASTABLE = ['int8', 'int16', 'uint8', 'uint16'];

/** TF1's keyword arguments of `argmax`/`argmin`. */
export interface ArgOptions {
  axis?: Axis;
  name?: Name;
  dimension?: Axis;
  output_type?: DTypeLike;
}
export type ArgArgs =
  | [options?: ArgOptions]
  | [axis: Axis, options?: ArgOptions]
  | [axis: Axis, name: Name, options?: ArgOptions]
  | [axis: Axis, name: Name, dimension: Axis, options?: ArgOptions]
  | [axis: Axis, name: Name, dimension: Axis, output_type: DTypeLike | undefined, options?: ArgOptions];

/** TF's argmax_v2 checks: the axis is an int or an integer tensor (0 if not given). */
function argAxis(axis: Axis): TensorLike {
  if (axis === null || axis === undefined) return 0;
  if (typeof axis === 'number' && Number.isInteger(axis)) return axis;
  const dtype = (axis as {dtype?: unknown}).dtype;
  if (!(dtype instanceof DType)) throw new TypeError('axis must be int or Tensor with integer datatype');
  if (![...CASTABLE, ...AXIS_TYPES].includes(dtype.base)) throw new TypeError(`axis tensor dtypes ${dtype} is not supported`);
  return CASTABLE.includes(dtype.base) ? cast(axis, int32) : axis;
}

function argReduce(def: RegisteredOp, fn: string, input: TensorLike, args: readonly unknown[]): Tensor {
  const o = bindArgs<ArgOptions>(fn, ['axis', 'name', 'dimension', 'output_type'], args);
  const axis = argAxis(eitherOf('axis', o.axis, 'dimension', o.dimension));
  const outputType = as_dtype(o.output_type ?? int64);
  if (!OUTPUT_TYPES.includes(outputType.base)) {
    throw new TypeError(
      `Value passed to parameter 'output_type' has DataType ${outputType.name} not in list of allowed values: ${OUTPUT_TYPES.join(', ')}`,
    );
  }
  return applyOp(def, [input, axis], {output_type: outputType}, o.name ?? def.type).outputs[0];
}

/** `tf.argmax(input, axis=0, name, dimension, output_type=int64)`: ties give the first index. */
export function argmax(input: TensorLike, ...args: ArgArgs): Tensor {
  return argReduce(ArgMax, 'argmax', input, args);
}
/** `tf.argmin(input, axis=0, name, dimension, output_type=int64)`: ties give the first index. */
export function argmin(input: TensorLike, ...args: ArgArgs): Tensor {
  return argReduce(ArgMin, 'argmin', input, args);
}
