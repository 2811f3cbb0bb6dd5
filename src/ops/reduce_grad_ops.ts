/**
 * The gradients of the reductions (TF's math_grad.py: _SumGrad, _MeanGrad, _MinOrMaxGrad,
 * _ProdGrad) and the ops only they need: BroadcastTo (`tf.broadcast_to`), Cumsum and Cumprod
 * (`tf.cumsum`, `tf.cumprod`), DynamicStitch (which `math_ops.reduced_shape` builds) and
 * ListDiff (`tf.setdiff1d`).
 *
 * The reductions themselves are declared in reduce_ops.ts, which imports this file; the Sum and
 * Prod ops the gradients build are looked up by type (as TF's gen_math_ops calls them), so this
 * file does not import reduce_ops.ts back.
 */
import * as tfc from '@tensorflow/tfjs-core';
import {int32, type DType} from '../framework/dtypes';
import {constant, convert_to_tensor, type TensorLike} from '../framework/constant_op';
import {constant_value} from '../framework/constant_value';
import {within} from '../framework/context';
import {get_default_graph} from '../framework/graph';
import {applyOp} from '../framework/op_builder';
import type {Operation} from '../framework/operation';
import {defineOp, lookupOp, type GradFn, type RegisteredOp} from '../framework/registry';
import type {Tensor} from '../framework/tensor';
import {TensorShape, type Dim} from '../framework/tensor_shape';
import {toTfjs} from '../framework/tfjs_values';
import {NDArray, type DtypeName} from '../ndarray/ndarray';
import {concat, gather, ones, range, rank, reshape, shape, size, tile, transpose, zeros_like} from './array_ops';
import {invert_permutation} from './array_ops_grad_ops';
import {equal, where_v2} from './compare_ops';
import {add, cast, floormod, multiply, truediv} from './math_ops';
import {bindArgs} from '../framework/args';
import {mergeDim, mergeShapes, shapeFromShapeTensor, withRank} from './shape_utils';

/** TF's `numbertypes` (Sum, Mean, Prod, Cumsum, Cumprod), in the order TF's TypeError lists them. */
export const NUMBER_TYPES = [
  'float32', 'float64', 'int32', 'uint8', 'int16', 'int8', 'complex64', 'int64', 'qint8', 'quint8', 'qint32',
  'bfloat16', 'qint16', 'quint16', 'uint16', 'complex128', 'float16', 'uint32', 'uint64',
];
const AXIS_TYPES = ['int32', 'int64'];

// ---- BroadcastTo -------------------------------------------------------------------------------

/**
 * BroadcastTo: `input` broadcast (numpy's rules, from the right) to `shape`. Flagged
 * `broadcasting`, so its gradient (TF's _BroadcastToGrad: a sum over the broadcast axes) is the
 * gradient builder's reduction back to the input's shape.
 */
const BroadcastTo = defineOp<{T: DType; Tidx: DType}, [tfc.Tensor, NDArray]>({
  type: 'BroadcastTo',
  inputs: ['input', {name: 'shape', typeAttr: 'Tidx', defaultDtype: int32, allowed: AXIS_TYPES, host: true}],
  broadcasting: true,
  // TF's shape function: the shape input's static value, with the input's dims > 1 merged in.
  infer: (ctx) => {
    const out = shapeFromShapeTensor(ctx, 1);
    const input = ctx.inputs[0].shape;
    const dtype = ctx.inputs[0].dtype.base_dtype;
    if (out.dims === null || input.dims === null) return [{dtype, shape: out}];
    if (input.dims.length > out.dims.length) ctx.fail(`Shape must be at most rank ${out.dims.length} but is rank ${input.dims.length}`);
    const dims = [...out.dims];
    input.dims.forEach((d, i) => {
      const j = dims.length - input.dims!.length + i;
      if (d !== null && d > 1) dims[j] = mergeDim(ctx, d, dims[j]);
    });
    return [{dtype, shape: new TensorShape(dims)}];
  },
  kernel: ([input, shape], _, ctx) => {
    const to = Array.from(shape.data as Int32Array);
    const from = input.shape;
    const lead = to.length - from.length;
    if (lead < 0 || from.some((d, i) => d !== 1 && d !== to[lead + i])) {
      ctx.fail(`Unable to broadcast tensor of shape [${from}] to tensor of shape [${to}]`);
    }
    return [tfc.broadcastTo(input, to)];
  },
  grad: (_, [g]) => [g, null],
});

/** `tf.broadcast_to(input, shape, name=None)`. */
export function broadcast_to(input: TensorLike, shape: TensorLike, name?: string): Tensor {
  return applyOp(BroadcastTo, [input, shape], {}, name ?? 'BroadcastTo').outputs[0];
}

// ---- Cumsum, Cumprod ---------------------------------------------------------------------------

type ScanAttrs = {exclusive: boolean; reverse: boolean; T: DType; Tidx: DType};
type Scan = (x: tfc.Tensor, axis: number, exclusive: boolean, reverse: boolean) => tfc.Tensor;

/** A scan along a scalar host `axis` (TF's ScanOp), the output shaped like the input. */
function scanOp(type: string, f: Scan, grad: GradFn): RegisteredOp {
  return defineOp<ScanAttrs, [tfc.Tensor, NDArray]>({
    type,
    inputs: [{name: 'x', allowed: NUMBER_TYPES}, {name: 'axis', typeAttr: 'Tidx', defaultDtype: int32, allowed: AXIS_TYPES, host: true}],
    infer: (ctx) => [{dtype: ctx.inputs[0].dtype.base_dtype, shape: ctx.inputs[0].shape}],
    kernel: ([x, axis], {exclusive, reverse}, ctx) => {
      if (axis.ndim !== 0) ctx.fail(`ScanOp: axis must be a scalar, not [${axis.shape}]`);
      const a = Number(axis.data[0]);
      const r = x.rank;
      if (a < -r || a >= r) ctx.fail(`ScanOp: Expected scan axis in the range [${-r}, ${r}), but got ${a}`);
      return [x.size === 0 ? tfc.clone(x) : f(x, a < 0 ? a + r : a, exclusive, reverse)];
    },
    grad,
  });
}

// TF's _CumsumGrad: the reverse scan of the gradient.
const Cumsum = scanOp('Cumsum', tfc.cumsum, (op, [g]) => [
  cumsum(g!, op.inputs[1], {exclusive: op.attrs.exclusive as boolean, reverse: !op.attrs.reverse}),
  null,
]);

// TF's _CumprodGrad: cumsum(cumprod(x) · g) reversed, divided by x (0 where x is 0, div_no_nan).
const Cumprod = scanOp('Cumprod', tfc.cumprod, (op, [g]) => {
  const [x, axis] = op.inputs;
  const exclusive = op.attrs.exclusive as boolean;
  const reverse = op.attrs.reverse as boolean;
  const prod = cumprod(x, axis, {exclusive, reverse});
  const out = cumsum(multiply(prod, g!, 'mul'), axis, {exclusive, reverse: !reverse});
  return [where_v2(equal(x, 0), zeros_like(out), truediv(out, x)), null];
});

/** TF1's keyword arguments of `cumsum`/`cumprod`. */
export interface ScanOptions {
  axis?: TensorLike;
  exclusive?: boolean;
  reverse?: boolean;
  name?: string;
}
/** TF1's positional `(axis, exclusive, reverse, name)`, any prefix of them, then optionally the keywords. */
export type ScanArgs =
  | [options?: ScanOptions]
  | [axis: TensorLike, options?: ScanOptions]
  | [axis: TensorLike, exclusive: boolean, options?: ScanOptions]
  | [axis: TensorLike, exclusive: boolean, reverse: boolean, options?: ScanOptions]
  | [axis: TensorLike, exclusive: boolean, reverse: boolean, name: string, options?: ScanOptions];

/** As TF's `cumsum`: the op named by its scope, in which `x` (and the axis) are converted. */
function scan(def: RegisteredOp, fn: string, x: TensorLike, args: readonly unknown[]): Tensor {
  const o = bindArgs<ScanOptions>(fn, ['axis', 'exclusive', 'reverse', 'name'], args);
  return within(get_default_graph().name_scope(o.name ?? def.type), (scope) => {
    const xt = convert_to_tensor(x, null, 'x');
    return applyOp(def, [xt, o.axis ?? 0], {exclusive: !!o.exclusive, reverse: !!o.reverse}, scope.value).outputs[0];
  });
}

/** `tf.cumsum(x, axis=0, exclusive=False, reverse=False, name=None)`. */
export function cumsum(x: TensorLike, ...args: ScanArgs): Tensor {
  return scan(Cumsum, 'cumsum', x, args);
}
/** `tf.cumprod(x, axis=0, exclusive=False, reverse=False, name=None)`. */
export function cumprod(x: TensorLike, ...args: ScanArgs): Tensor {
  return scan(Cumprod, 'cumprod', x, args);
}

// ---- DynamicStitch, ListDiff -------------------------------------------------------------------

/**
 * DynamicStitch: `merged[indices[m][i]] = data[m][i]`, later writes winning (TF's CPU kernel);
 * rows no index names are zeros. Computed on the host: it builds small shape vectors here.
 */
const DynamicStitch = defineOp<{N: number; T: DType}, NDArray[]>({
  type: 'DynamicStitch',
  inputs: [{name: 'indices', list: true, fixed: int32, host: true}, {name: 'data', list: true, host: true}],
  infer: (ctx) => {
    const n = ctx.attrs.N;
    let extra = TensorShape.unknown();
    let maxIndex: number | null = -1;
    for (let i = 0; i < n; i++) {
      const idx = ctx.inputs[i].shape;
      const data = ctx.inputs[n + i].shape;
      if (idx.dims === null) continue;
      if (data.dims !== null) {
        const r = idx.dims.length;
        if (data.dims.length < r) ctx.fail(`Shape must be at least rank ${r} but is rank ${data.dims.length}`);
        mergeShapes(ctx, new TensorShape(data.dims.slice(0, r)), idx);
        extra = mergeShapes(ctx, extra, new TensorShape(data.dims.slice(r)));
      }
      const v = ctx.constValue(i);
      maxIndex = v === null || maxIndex === null ? null : Math.max(maxIndex, ...Array.from(v.data as Int32Array));
    }
    const first: Dim = maxIndex === null ? null : maxIndex + 1;
    const shape = extra.dims === null ? TensorShape.unknown() : new TensorShape([first, ...extra.dims]);
    return [{dtype: ctx.inputs[n].dtype.base_dtype, shape}];
  },
  kernel: (args, {N}, ctx) => {
    const indices = args.slice(0, N);
    const data = args.slice(N);
    let rows = 0;
    let rowShape: readonly number[] = [];
    for (let m = 0; m < N; m++) {
      const [idx, d] = [indices[m], data[m]];
      const rest = d.shape.slice(idx.ndim);
      if (idx.shape.some((n, k) => d.shape[k] !== n) || (m > 0 && rest.join() !== rowShape.join())) {
        ctx.fail(`data[${m}].shape = [${d.shape}] does not start with indices[${m}].shape = [${idx.shape}]`);
      }
      rowShape = rest;
      for (const i of idx.data as Int32Array) {
        if (i < 0) ctx.fail(`indices[${m}] has a negative index: ${i}`);
        rows = Math.max(rows, i + 1);
      }
    }
    const rowSize = rowShape.reduce((p, n) => p * n, 1);
    const dtype = ctx.op.outputs[0].dtype;
    const out = NDArray.zeros([rows, ...rowShape], dtype.base_dtype.name as DtypeName);
    const target = out.data as Float64Array;
    for (let m = 0; m < N; m++) {
      const src = data[m].data as Float64Array;
      (indices[m].data as Int32Array).forEach((i, k) => target.set(src.subarray(k * rowSize, (k + 1) * rowSize), i * rowSize));
    }
    return [toTfjs(out, dtype)];
  },
  // TF's _DynamicStitchGrads: each data input gets the rows of the gradient its indices name.
  grad: (op, [g]) => {
    const n = op.attrs.N as number;
    const indices = op.inputs.slice(0, n);
    return [...indices.map(() => null), ...indices.map((i) => gather(g!, i))];
  },
});

/** `tf.dynamic_stitch(indices, data, name=None)`. */
export function dynamic_stitch(indices: readonly TensorLike[], data: readonly TensorLike[], name?: string): Tensor {
  return applyOp(DynamicStitch, [indices, data], {}, name ?? 'DynamicStitch').outputs[0];
}

/** ListDiff: the values of `x` not in `y`, in order, and their positions in `x`. */
const ListDiff = defineOp<{T: DType; out_idx: DType}, [NDArray, NDArray]>({
  type: 'ListDiff',
  inputs: [{name: 'x', host: true}, {name: 'y', host: true}],
  outputs: 2,
  infer: (ctx) => {
    withRank(ctx, 0, 1);
    withRank(ctx, 1, 1);
    const vector = new TensorShape([null]);
    return [{dtype: ctx.inputs[0].dtype.base_dtype, shape: vector}, {dtype: ctx.attrs.out_idx, shape: vector}];
  },
  kernel: ([x, y], {out_idx}, ctx) => {
    if (x.ndim !== 1) ctx.fail('x should be a 1D vector.');
    if (y.ndim !== 1) ctx.fail('y should be a 1D vector.');
    const drop = new Set(Array.from(y.data as ArrayLike<number>));
    const idx = Array.from(x.data as ArrayLike<number>, (_, i) => i).filter((i) => !drop.has(Number(x.data[i])));
    const values = idx.map((i) => Number(x.data[i]));
    const xDtype = ctx.op.inputs[0].dtype;
    return [
      toTfjs(new NDArray(Float64Array.from(values), [values.length], 'float64'), xDtype),
      toTfjs(new NDArray(Int32Array.from(idx), [idx.length], 'int32'), out_idx),
    ];
  },
  grad: null,
});

/** `tf.setdiff1d(x, y, index_dtype=tf.int32, name=None)`: [out, idx]. */
export function setdiff1d(x: TensorLike, y: TensorLike, index_dtype: DType = int32, name?: string): [Tensor, Tensor] {
  const op = applyOp(ListDiff, [x, y], {out_idx: index_dtype}, name ?? 'ListDiff');
  return [op.outputs[0], op.outputs[1]];
}

// ---- The reductions' gradients -----------------------------------------------------------------

/** Builds a reduction op declared in reduce_ops.ts (TF's gen_math_ops call). */
function reduceBy(type: 'Sum' | 'Prod', x: TensorLike, axes: TensorLike): Tensor {
  return applyOp(lookupOp(type)!, [x, axes], {keep_dims: false}, type).outputs[0];
}

/** `reduce_prod(x)` over all axes, which TF's _ReductionDims gives as a Const if the rank is known and not 0. */
function prodAll(x: Tensor): Tensor {
  const r = x.shape.ndims;
  return reduceBy('Prod', x, r ? constant(Int32Array.from({length: r}, (_, i) => i), int32) : range(0, rank(x)));
}

/** The axes as non-negative numbers when the rank and the axes are known at build time. */
function staticAxes(op: Operation): number[] | null {
  const r = op.inputs[0].shape.ndims;
  const v = constant_value(op.inputs[1]);
  if (r === null || v === null) return null;
  return Array.from(v.data as Int32Array, (a) => (a < 0 ? a + r : a));
}

/**
 * TF's `math_ops.reduced_shape`: the reduction's output shape with kept dims (1 for each reduced
 * axis). Computed here when both are constant, else DynamicStitch of the shape and ones.
 */
export function reducedShape(inputShape: Tensor, axes: Tensor): Tensor | Int32Array {
  const s = constant_value(inputShape);
  const a = constant_value(axes);
  if (s !== null && a !== null) {
    const out = Int32Array.from(s.data as Int32Array);
    for (const i of a.data as Int32Array) out[i < 0 ? i + out.length : i] = 1;
    return out;
  }
  const inputRank = size(inputShape, null, axes.dtype.base_dtype);
  const normalized = floormod(add(axes, inputRank, 'add'), inputRank, 'mod');
  return dynamic_stitch([range(inputRank), normalized], [inputShape, ones(shape(normalized), inputShape.dtype.base_dtype)]);
}

/**
 * The gradient of a reduction, shaped as the output with kept dims, broadcast back to the input's
 * shape (the dynamic path of TF's _SumGrad, and _ProdGrad's first step).
 */
function broadcastToInput(op: Operation, grad: Tensor, inputShape: Tensor): Tensor {
  const kept = op.attrs.keep_dims ? grad : reshape(grad, reducedShape(inputShape, op.inputs[1]));
  return broadcast_to(kept, inputShape);
}

/**
 * TF's _SumGrad: the gradient reshaped to the kept dims and repeated along the reduced ones: with
 * Reshape and Tile of constants when the rank, the axes (and the shape) are known (TF's fast
 * paths), else with BroadcastTo to the dynamic shape.
 */
function sumGradient(op: Operation, grad: Tensor): Tensor {
  const x = op.inputs[0];
  const dims = x.shape.dims;
  const axes = staticAxes(op);
  if (dims !== null && axes !== null) {
    const r = dims.length;
    const value = constant_value(op.inputs[1])!;
    // Reducing over exactly [0, …, r-1]: a reshape to ones and a tile by the input's shape.
    if (value.ndim === 1 && value.size === r && axes.every((a, i) => a === i)) {
      const multiples = x.shape.is_fully_defined() ? constant(Int32Array.from(dims as number[]), int32) : shape(x);
      return tile(reshape(grad, Array<number>(r).fill(1)), multiples);
    }
    if (x.shape.is_fully_defined()) {
      const kept = (dims as number[]).map((d, i) => (axes.includes(i) ? 1 : d));
      // TF's _SafeShapeDiv: 0 // 0 = 0 for empty inputs.
      const scaling = (dims as number[]).map((d, i) => Math.floor(d / Math.max(kept[i], 1)));
      return tile(reshape(grad, kept), scaling);
    }
  }
  return broadcastToInput(op, grad, shape(x));
}

export const sumGrad: GradFn = (op, [g]) => [sumGradient(op, g!), null];

/** TF's _MeanGrad: the Sum gradient divided by the number of elements each output averages. */
export const meanGrad: GradFn = (op, [g]) => {
  const summed = sumGradient(op, g!);
  const dtype = summed.dtype.base_dtype;
  const inShape = op.inputs[0].shape;
  const outShape = op.outputs[0].shape;
  let factor: Tensor;
  if (inShape.is_fully_defined() && outShape.is_fully_defined()) {
    const n = inShape.num_elements()!;
    factor = constant(Math.floor(n / Math.max(outShape.num_elements()!, 1)), dtype);
  } else {
    const inputShape = shape(op.inputs[0]);
    const inputRank = size(inputShape);
    const axes = floormod(add(cast(op.inputs[1], inputRank.dtype), inputRank, 'add'), inputRank, 'mod');
    factor = prodAll(gather(inputShape, axes));
  }
  return [truediv(summed, cast(factor, dtype)), null];
};

/**
 * TF's _MinOrMaxGrad: the gradient goes to the elements equal to the result, shared equally
 * among ties (`indicators / num_selected`).
 */
export const minOrMaxGrad: GradFn = (op, [g]) => {
  const x = op.inputs[0];
  let y = op.outputs[0];
  let grad = g!;
  const inputShape = shape(x);
  let kept: Tensor | Int32Array;
  if (!op.attrs.keep_dims) {
    kept = reducedShape(inputShape, op.inputs[1]);
    y = reshape(y, kept);
    grad = reshape(grad, kept);
  } else {
    kept = shape(y);
  }
  const indicators = cast(equal(y, x), grad.dtype.base_dtype);
  const numSelected = reshape(reduceBy('Sum', indicators, op.inputs[1]), kept);
  return [multiply(truediv(indicators, numSelected), grad, 'mul'), null];
};

/**
 * TF's _ProdGrad: the product of all the other elements, without dividing (so zeros are exact),
 * as the product of an exclusive cumprod from the left and one from the right along the reduced
 * axes, which a transpose puts first and a reshape flattens into one.
 */
export const prodGrad: GradFn = (op, [g]) => {
  const x = op.inputs[0];
  const inputShape = shape(x);
  const indices = reshape(op.inputs[1], [-1]);
  const grad = broadcastToInput(op, g!, inputShape);

  const r = rank(x);
  const reduced = floormod(add(cast(indices, r.dtype), r, 'add'), r, 'mod');
  const [other] = setdiff1d(range(0, r), reduced);
  const perm = concat([reduced, other], 0);
  const reducedNum = prodAll(gather(inputShape, reduced));
  const otherNum = prodAll(gather(inputShape, other));
  const permuted = transpose(x, perm);
  const permutedShape = shape(permuted);
  const reshaped = reshape(permuted, [reducedNum, otherNum]);

  const left = cumprod(reshaped, 0, {exclusive: true});
  const right = cumprod(reshaped, 0, {exclusive: true, reverse: true});
  const y = reshape(multiply(left, right, 'mul'), permutedShape);
  const out = multiply(grad, transpose(y, invert_permutation(perm)), 'mul');
  return [reshape(out, inputShape), null];
};
