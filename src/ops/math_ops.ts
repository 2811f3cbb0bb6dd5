/**
 * Arithmetic: the broadcasting binary ops, `matmul`, `add_n` and `cast`.
 * (Unary math lives in math_unary_ops.ts, comparisons and logic in compare_ops.ts.)
 */
import * as tfc from '@tensorflow/tfjs-core';
import {as_dtype, float32, float64, type DType, type DTypeLike} from '../framework/dtypes';
import {applyOp, convertBinary} from '../framework/op_builder';
import {defineOp, type GradFn, type KernelContext, type RegisteredOp} from '../framework/registry';
import {TensorShape} from '../framework/tensor_shape';
import type {Tensor} from '../framework/tensor';
import type {TensorLike} from '../framework/constant_op';
import {convert_to_tensor, isArrayLike} from '../framework/constant_op';
import {get_default_graph, isTensor} from '../framework/graph';
import {within} from '../framework/context';
import {constant_value} from '../framework/constant_value';
import {ValueError} from '../framework/errors';
import {bracket} from '../framework/tensor_shape';
import {broadcastRuntime, broadcastShapes, mergeDim, mergeShapes, withRank} from './shape_utils';
import {identity} from './array_ops_basic';
import {zeros_like} from './array_ops_fill';
import {greater, greater_equal, less_equal, where} from './compare_ops';
import {log, negative} from './math_unary_ops';
import type {Operation} from '../framework/operation';
import {elementwiseF32, matmulNarrow, transpose2d} from '../kernels';

export const NUMERIC = ['float16', 'float32', 'float64', 'int32', 'int64', 'int16', 'int8', 'uint8', 'uint16'];
export const FLOATS = ['float16', 'float32', 'float64'];

type BinaryKernel = (x: tfc.Tensor, y: tfc.Tensor, ctx: KernelContext) => tfc.Tensor;

/**
 * A broadcasting binary op: `y` and `x` share the type attr T. Its gradient is written for
 * unbroadcast operands; the gradient builder sums each back to its input's shape.
 */
function binaryOp(type: string, f: BinaryKernel, allowed: readonly string[], grad: GradFn | null): RegisteredOp {
  return defineOp<{T: DType}, [tfc.Tensor, tfc.Tensor]>({
    type,
    inputs: [{name: 'x', allowed}, {name: 'y', allowed}],
    broadcasting: true,
    infer: (ctx) => [{dtype: ctx.inputs[0].dtype.base_dtype, shape: broadcastShapes(ctx, ctx.inputs[0].shape, ctx.inputs[1].shape)}],
    kernel: ([x, y], _, ctx) => {
      broadcastRuntime(ctx, x.shape, y.shape);
      return [f(x, y, ctx)];
    },
    grad,
  });
}

/**
 * An integer op computed on the host, exactly: tfjs divides and raises to powers in float32,
 * which is wrong past 2^24, and does not report division by zero as TF does.
 */
function hostInts(x: tfc.Tensor, y: tfc.Tensor, ctx: KernelContext, f: (a: number, b: number) => number): tfc.Tensor {
  const shape = broadcastRuntime(ctx, x.shape, y.shape);
  const a = tfc.broadcastTo(x, shape).dataSync();
  const b = tfc.broadcastTo(y, shape).dataSync();
  return tfc.tensor(Int32Array.from(a, (v, i) => f(v, b[i])), shape, 'int32');
}

/** TF's integer FloorDiv/FloorMod: InvalidArgument on a zero divisor, Python's rounding and signs. */
function integerDivision(floatOp: BinaryKernel, f: (a: number, b: number) => number): BinaryKernel {
  return (x, y, ctx) => {
    if (x.dtype !== 'int32') return floatOp(x, y, ctx);
    if (y.dataSync().includes(0)) ctx.fail('Integer division by zero');
    return hostInts(x, y, ctx, f);
  };
}

/** Integer powers by squaring, wrapping on overflow as TF's ipow does. */
function ipow(base: number, exponent: number): number {
  let result = 1;
  for (let e = exponent, b = base; e > 0; e = Math.floor(e / 2), b = Math.imul(b, b)) {
    if (e % 2) result = Math.imul(result, b);
  }
  return result;
}

function powKernel(x: tfc.Tensor, y: tfc.Tensor, ctx: KernelContext): tfc.Tensor {
  if (x.dtype !== 'int32') return tfc.pow(x, y);
  if (y.dataSync().some((e) => e < 0)) ctx.fail('Integers to negative integer powers are not allowed');
  return hostInts(x, y, ctx, ipow);
}

const floorDivInt = (a: number, b: number): number => Math.floor(a / b);
const floorModInt = (a: number, b: number): number => a - Math.floor(a / b) * b;

/** String Add concatenates, on the host (the WASM backend has no string kernels). */
function addKernel(x: tfc.Tensor, y: tfc.Tensor, ctx: KernelContext): tfc.Tensor {
  if (x.dtype !== 'string') return elementwiseF32('add', x, y) ?? tfc.add(x, y);
  const shape = broadcastRuntime(ctx, x.shape, y.shape);
  const index = (t: tfc.Tensor) => tfc.broadcastTo(tfc.reshape(tfc.range(0, t.size, 1, 'int32'), t.shape), shape).dataSync();
  const [xs, ys] = [x.dataSync() as unknown as string[], y.dataSync() as unknown as string[]];
  const iy = index(y);
  return tfc.tensor(Array.from(index(x), (i, k) => xs[i] + ys[iy[k]]), shape, 'string');
}

// The dtypes each op accepts, in the order TF lists them in its TypeError.
const SUB_TYPES = ['bfloat16', 'float16', 'float32', 'float64', 'uint8', 'int8', 'uint16', 'int16', 'int32', 'int64', 'complex64', 'complex128', 'uint32', 'uint64'];
const MUL_TYPES = ['bfloat16', 'float16', 'float32', 'float64', 'uint8', 'int8', 'uint16', 'int16', 'int32', 'uint32', 'uint64', 'int64', 'complex64', 'complex128'];
const MOD_TYPES = ['int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'bfloat16', 'float16', 'float32', 'float64'];
const POW_TYPES = ['bfloat16', 'float32', 'float16', 'float64', 'int8', 'int16', 'int32', 'int64', 'complex64', 'complex128'];
const MINMAX_TYPES = ['bfloat16', 'float16', 'float32', 'float64', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64'];
const SQDIFF_TYPES = ['bfloat16', 'float16', 'float32', 'float64', 'int32', 'int64', 'complex64', 'complex128'];
const MATMUL_TYPES = ['bfloat16', 'float16', 'float32', 'float64', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64', 'complex64', 'complex128'];

// TF1's Add (TF 2's tf.add builds AddV2, which has no strings).
const Add = binaryOp('Add', addKernel, ['bfloat16', 'float16', 'float32', 'float64', 'uint8', 'int8', 'int16', 'int32', 'int64', 'complex64', 'complex128', 'string'],
  (_, [g]) => [g, g]);
// TF 2's AddV2, which graphs written by TF 2 hold (tf1ts builds Add): Add without strings.
binaryOp('AddV2', addKernel, ['bfloat16', 'float16', 'float32', 'float64', 'uint8', 'uint16', 'uint32', 'uint64', 'int8', 'int16', 'int32', 'int64', 'complex64', 'complex128'],
  (_, [g]) => [g, g]);
const Sub = binaryOp('Sub', (x, y) => elementwiseF32('sub', x, y) ?? tfc.sub(x, y), SUB_TYPES, (_, [g]) => [g, negative(g!)]);
const Mul = binaryOp('Mul', (x, y) => elementwiseF32('mul', x, y) ?? tfc.mul(x, y), MUL_TYPES, ({inputs: [x, y]}, [g]) => [multiply(g!, y), multiply(x, g!)]);
/**
 * RealDiv as TF runs it: Grappler's constant folding turns a division by a constant into a
 * multiplication by the constant's reciprocal (ConstantFolding::ReduceDivToReciprocalMul), which
 * rounds differently — step / 7 at step 21 is 3.0000002, so ceil gives 4 — and TF's numbers are
 * those of x * (1 / y). A division of constants is folded as it is, exactly.
 */
function realDivKernel(x: tfc.Tensor, y: tfc.Tensor, ctx: KernelContext): tfc.Tensor {
  const [xt, yt] = ctx.op.inputs;
  if (constant_value(yt) !== null && constant_value(xt) === null) return tfc.mul(x, tfc.reciprocal(y));
  return tfc.div(x, y);
}

// TF's RealDiv also takes integers, but has no CPU kernel for them: floats only here.
// d(x/y) = g/y, -g·x/y² (TF's _RealDivGrad: grad * realdiv(realdiv(-x, y), y))
const RealDiv = binaryOp('RealDiv', realDivKernel, FLOATS, ({inputs: [x, y]}, [g]) => [
  realdiv(g!, y),
  multiply(g!, realdiv(realdiv(negative(x), y), y)),
]);
const FloorDiv = binaryOp('FloorDiv', integerDivision(tfc.floorDiv, floorDivInt), MUL_TYPES, (op) => op.inputs.map(() => null));
// x mod y = x - floor(x/y)·y: d/dx = 1, d/dy = -floor(x/y)
const FloorMod = binaryOp('FloorMod', integerDivision(tfc.mod, floorModInt), MOD_TYPES, ({inputs: [x, y]}, [g]) => [
  g,
  multiply(g!, negative(floordiv(x, y))),
]);
// d(x^y) = g·y·x^(y-1), g·x^y·log(x) (log taken as 0 where x <= 0, as TF)
const Pow = binaryOp('Pow', powKernel, POW_TYPES, ({inputs: [x, y], outputs: [z]}, [g]) => {
  const gx = multiply(multiply(g!, y), pow(x, subtract(y, 1)));
  const logX = where(greater(x, 0), log(x), zeros_like(x));
  return [gx, multiply(multiply(g!, z), logX)];
});
/** TF's _MaximumMinimumGrad: the gradient goes to the operand that was selected (x on ties). */
function selectedGrad(pick: (x: Tensor, y: Tensor) => Tensor): GradFn {
  return ({inputs: [x, y]}, [g]) => {
    const mask = pick(x, y);
    const zeros = zeros_like(g!);
    return [where(mask, g!, zeros), where(mask, zeros, g!)];
  };
}
const Maximum = binaryOp('Maximum', tfc.maximum, MINMAX_TYPES, selectedGrad(greater_equal));
const Minimum = binaryOp('Minimum', tfc.minimum, MINMAX_TYPES, selectedGrad(less_equal));
// d(x-y)² = 2(x-y)·g, -2(x-y)·g
const SquaredDifference = binaryOp('SquaredDifference', tfc.squaredDifference, SQDIFF_TYPES, ({inputs: [x, y]}, [g]) => {
  const gx = multiply(multiply(2.0, g!), subtract(x, y));
  return [gx, negative(gx)];
});

type Name = string | undefined;

/** `tf.add(x, y, name)`. */
export function add(x: TensorLike, y: TensorLike, name?: Name): Tensor {
  return applyOp(Add, [x, y], {}, name ?? 'Add').outputs[0];
}
/** `tf.subtract(x, y, name)`. */
export function subtract(x: TensorLike, y: TensorLike, name?: Name): Tensor {
  return applyOp(Sub, [x, y], {}, name ?? 'Sub').outputs[0];
}
/** `tf.multiply(x, y, name)`. */
export function multiply(x: TensorLike, y: TensorLike, name?: Name): Tensor {
  return applyOp(Mul, [x, y], {}, name ?? 'Mul').outputs[0];
}
/** `tf.div(x, y, name)`: TF1's Python-2 division: RealDiv for floats, FloorDiv for integers. */
export function div(x: TensorLike, y: TensorLike, name?: Name): Tensor {
  const g = get_default_graph();
  return within(g.name_scope(name ?? 'div'), (scope) => {
    // As TF1, y is converted to x's dtype: a tensor of another dtype is a ValueError.
    const [xt, yt] = convertBinary(x, y);
    return applyOp(xt.dtype.is_floating ? RealDiv : FloorDiv, [xt, yt], {}, scope.value).outputs[0];
  });
}
/** `tf.realdiv(x, y, name)`: floats only. */
export function realdiv(x: TensorLike, y: TensorLike, name?: Name): Tensor {
  return applyOp(RealDiv, [x, y], {}, name ?? 'RealDiv').outputs[0];
}
/** `tf.floordiv(x, y, name)` (Python's `//`). */
export function floordiv(x: TensorLike, y: TensorLike, name?: Name): Tensor {
  return applyOp(FloorDiv, [x, y], {}, name ?? 'floordiv').outputs[0];
}
/** `tf.floormod(x, y, name)` / `tf.mod` (Python's `%`). */
export function floormod(x: TensorLike, y: TensorLike, name?: Name): Tensor {
  return applyOp(FloorMod, [x, y], {}, name ?? 'FloorMod').outputs[0];
}
export const mod = floormod;
/** `tf.pow(x, y, name)`. */
export function pow(x: TensorLike, y: TensorLike, name?: Name): Tensor {
  return applyOp(Pow, [x, y], {}, name ?? 'Pow').outputs[0];
}
/** `tf.maximum(x, y, name)`. */
export function maximum(x: TensorLike, y: TensorLike, name?: Name): Tensor {
  return applyOp(Maximum, [x, y], {}, name ?? 'Maximum').outputs[0];
}
/** `tf.minimum(x, y, name)`. */
export function minimum(x: TensorLike, y: TensorLike, name?: Name): Tensor {
  return applyOp(Minimum, [x, y], {}, name ?? 'Minimum').outputs[0];
}
/** `tf.squared_difference(x, y, name)`. */
export function squared_difference(x: TensorLike, y: TensorLike, name?: Name): Tensor {
  return applyOp(SquaredDifference, [x, y], {}, name ?? 'SquaredDifference').outputs[0];
}

/**
 * `tf.truediv(x, y, name)` / `tf.divide` (Python 3's `/`): integers are first cast to a float,
 * as TF1's _TRUEDIV_TABLE says (int32 and int64 to float64, computed in float32 here).
 */
export function truediv(x: TensorLike, y: TensorLike, name?: Name): Tensor {
  const g = get_default_graph();
  return within(g.name_scope(name ?? 'truediv'), (scope) => {
    let [xt, yt] = convertHinted(x, y);
    const dtype = xt.dtype.base_dtype;
    if (dtype !== yt.dtype.base_dtype) {
      throw new TypeError(`x and y must have the same dtype, got tf.${dtype.name} != tf.${yt.dtype.base_dtype.name}`);
    }
    if (!dtype.is_numeric) throw new TypeError(`Invalid dtype tf.${dtype.name} in __truediv__`);
    if (dtype.is_integer) {
      const to = dtype.base === 'int32' || dtype.base === 'int64' ? float64 : float32;
      xt = cast(xt, to);
      yt = cast(yt, to);
    }
    return applyOp(RealDiv, [xt, yt], {}, scope.value).outputs[0];
  });
}

/** Converts two operands: a JS value takes the other's dtype, a tensor keeps its own (TF's dtype_hint). */
function convertHinted(x: TensorLike, y: TensorLike): [Tensor, Tensor] {
  if (isArrayLike(x) && !isArrayLike(y)) {
    const yt = convert_to_tensor(y, null, 'y');
    return [convert_to_tensor(x, yt.dtype.base_dtype, 'x'), yt];
  }
  const xt = convert_to_tensor(x, null, 'x');
  return [xt, convert_to_tensor(y, isArrayLike(y) ? xt.dtype.base_dtype : null, 'y')];
}

/** `tf.divide(x, y, name)`: `x / y`. */
export function divide(x: TensorLike, y: TensorLike, name?: Name): Tensor {
  return truediv(x, y, name);
}

const AddN = defineOp<{N: number; T: DType}, tfc.Tensor[]>({
  type: 'AddN',
  inputs: [{name: 'inputs', list: true}],
  // TF's shape function merges every input's shape into the last known one, naming the input.
  infer: (ctx) => {
    let shape: TensorShape = [...ctx.inputs].reverse().find((t) => t.shape.ndims !== null)?.shape ?? TensorShape.unknown();
    ctx.inputs.forEach((t, i) => {
      const from = {...ctx, fail: (m: string): never => ctx.fail(`${m}\n\tFrom merging shape ${i} with other shapes.`)};
      shape = mergeShapes(from, t.shape, shape);
    });
    return [{dtype: ctx.inputs[0].dtype.base_dtype, shape}];
  },
  kernel: (xs, _, ctx) => {
    const i = xs.findIndex((x) => x.shape.length !== xs[0].shape.length || x.shape.some((d, k) => d !== xs[0].shape[k]));
    if (i > 0) {
      ctx.fail(`Inputs to operation ${ctx.op.name} of type AddN must have the same size and shape.  Input 0: ${bracket(xs[0].shape)} != input ${i}: ${bracket(xs[i].shape)}`);
    }
    return [tfc.addN(xs)];
  },
  grad: (op, [g]) => op.inputs.map(() => g),
});

/**
 * `tf.add_n(inputs, name)`: the sum of tensors of one shape and dtype. As TF1, a single input is
 * returned as is (through an Identity when named).
 */
export function add_n(inputs: readonly TensorLike[], name?: Name): Tensor {
  if (!Array.isArray(inputs) || inputs.length === 0) {
    throw new ValueError('inputs must be a list of at least one Tensor/IndexedSlices with the same dtype and shape');
  }
  if (inputs.length === 1) {
    const only = convert_to_tensor(inputs[0]);
    return name ? identity(only, name) : only;
  }
  return applyOp(AddN, [inputs], {}, name ?? 'AddN').outputs[0];
}

const MatMul = defineOp<{transpose_a: boolean; transpose_b: boolean; T: DType}, [tfc.Tensor, tfc.Tensor]>({
  type: 'MatMul',
  inputs: [{name: 'a', allowed: MATMUL_TYPES}, {name: 'b', allowed: MATMUL_TYPES}],
  infer: (ctx) => {
    const a = withRank(ctx, 0, 2).dims!;
    const b = withRank(ctx, 1, 2).dims!;
    const {transpose_a: ta, transpose_b: tb} = ctx.attrs;
    mergeDim(ctx, ta ? a[0] : a[1], tb ? b[1] : b[0]);
    return [{dtype: ctx.inputs[0].dtype.base_dtype, shape: new TensorShape([ta ? a[1] : a[0], tb ? b[0] : b[1]])}];
  },
  kernel: ([a, b], {transpose_a, transpose_b}, ctx) => {
    const k1 = transpose_a ? a.shape[0] : a.shape[1];
    const k2 = transpose_b ? b.shape[1] : b.shape[0];
    if (k1 !== k2) ctx.fail(`Matrix size-incompatible: In[0]: [${a.shape}], In[1]: [${b.shape}]`);
    if (a.dtype === 'int32') return [intMatMul(transpose_a ? tfc.transpose(a) : a, transpose_b ? tfc.transpose(b) : b)];
    return [denseMatMul(a, b, transpose_a, transpose_b)];
  },
  grad: matMulGrad,
});

// Relative costs per element on tfjs-wasm (measured): XNNPACK packs the right-hand operand of a
// product it has not seen before (in training, every operand is new each step), and a transpose
// moves the data once.
const PACK_COST = 6;
const TRANSPOSE_COST = 1;

/**
 * A float matmul that stays off tfjs-wasm's slow paths. A narrow B (at most 12 columns, as the
 * book's 10-class layers have) goes to tf1ts's own kernel, which reads A transposed in place and
 * packs nothing. Otherwise XNNPACK: tfjs-wasm computes a matmul with a transpose flag in a plain
 * loop, about ten times slower, so the flags become explicit transposes, and the product is
 * computed either as op(A)·op(B) or as (op(B)ᵀ·op(A)ᵀ)ᵀ — whichever packs and moves less.
 */
export function denseMatMul(a: tfc.Tensor, b: tfc.Tensor, transposeA: boolean, transposeB: boolean): tfc.Tensor {
  const narrow = matmulNarrow(a, b, transposeA, transposeB);
  if (narrow) return narrow;
  const m = (transposeA ? a.shape[1] : a.shape[0]) as number;
  const n = (transposeB ? b.shape[0] : b.shape[1]) as number;
  // XNNPACK refuses an inner dimension of 0 and tfjs then returns uninitialised memory.
  if ((transposeA ? a.shape[0] : a.shape[1]) === 0) return tfc.zeros([m, n]);
  const direct = PACK_COST * b.size + TRANSPOSE_COST * ((transposeA ? a.size : 0) + (transposeB ? b.size : 0));
  const swapped = PACK_COST * a.size + TRANSPOSE_COST * ((transposeA ? 0 : a.size) + (transposeB ? 0 : b.size) + m * n);
  const t = transpose2d;
  if (direct <= swapped) {
    return tfc.matMul(transposeA ? t(a) : a, transposeB ? t(b) : b);
  }
  // (op(A)·op(B))ᵀ = op(B)ᵀ·op(A)ᵀ: transpose the operands that were not flagged, then the result.
  return t(tfc.matMul(transposeB ? b : t(b), transposeA ? a : t(a)));
}

/** TF's _MatMulGrad: for C = A·B, dA = dC·Bᵀ and dB = Aᵀ·dC, with the transposes folded in. */
function matMulGrad(op: Operation, [g]: readonly (Tensor | null)[]): Tensor[] {
  const [a, b] = op.inputs;
  const ta = op.attrs.transpose_a as boolean;
  const tb = op.attrs.transpose_b as boolean;
  const mm = (x: Tensor, y: Tensor, transpose_a: boolean, transpose_b: boolean) => matmul(x, y, {transpose_a, transpose_b});
  if (!ta && !tb) return [mm(g!, b, false, true), mm(a, g!, true, false)];
  if (!ta && tb) return [mm(g!, b, false, false), mm(g!, a, true, false)];
  if (ta && !tb) return [mm(b, g!, false, true), mm(a, g!, false, false)];
  return [mm(b, g!, true, true), mm(g!, a, true, true)];
}

/** Integer matmul, which the WASM backend lacks: exact (wrapping) int32 products summed over k. */
function intMatMul(a: tfc.Tensor, b: tfc.Tensor): tfc.Tensor {
  const [m, k] = a.shape;
  const [, n] = b.shape;
  return tfc.sum(tfc.mul(tfc.reshape(a, [m, k, 1]), tfc.reshape(b, [1, k, n])), 1);
}

export interface MatmulOptions {
  transpose_a?: boolean;
  transpose_b?: boolean;
  adjoint_a?: boolean;
  adjoint_b?: boolean;
  name?: string;
}

/** `tf.matmul(a, b, transpose_a, transpose_b, …, name)`; keywords in the options object. */
export function matmul(a: TensorLike, b: TensorLike, opts: MatmulOptions = {}): Tensor {
  const attrs = {transpose_a: !!(opts.transpose_a || opts.adjoint_a), transpose_b: !!(opts.transpose_b || opts.adjoint_b)};
  return applyOp(MatMul, [a, b], attrs, opts.name ?? 'MatMul').outputs[0];
}

const Cast = defineOp<{SrcT: DType; DstT: DType; Truncate: boolean}, [tfc.Tensor]>({
  type: 'Cast',
  inputs: [{name: 'x', typeAttr: 'SrcT'}],
  infer: (ctx) => [{dtype: ctx.attrs.DstT, shape: ctx.inputs[0].shape}],
  kernel: ([x], {DstT}) => [castTo(x, DstT)],
  // Gradients pass between float types only (TF's _CastGrad).
  grad: ({inputs: [x], attrs}, [g]) => [(attrs.DstT as DType).is_floating && x.dtype.base_dtype.is_floating ? cast(g!, x.dtype.base_dtype) : null],
});

/** tfjs casts float→int by truncation, as TF does; →bool is `!= 0` (WASM's Cast gives other bytes). */
function castTo(x: tfc.Tensor, to: DType): tfc.Tensor {
  const t = to.tfjs;
  if (t === x.dtype) return tfc.clone(x);
  if (t === 'bool') return tfc.notEqual(x, 0);
  return tfc.cast(x, t);
}

/** `tf.cast(x, dtype, name)`. A tensor already of `dtype` is returned as is, opening no name scope (as TF). */
export function cast(x: TensorLike, dtype: DTypeLike, name?: Name): Tensor {
  const to = as_dtype(dtype);
  if (isTensor(x) && x.dtype === to) return x;
  return within(get_default_graph().name_scope(name ?? 'Cast'), (scope) => {
    const t = convert_to_tensor(x, null, 'x');
    if (t.dtype.base_dtype === to) return t;
    return applyOp(Cast, [t], {DstT: to, Truncate: false}, scope.value).outputs[0];
  });
}

/** `tf.to_float(x)` and friends (TF1's deprecated helpers). */
export function to_float(x: TensorLike, name = 'ToFloat'): Tensor {
  return cast(x, 'float32', name);
}
export function to_int32(x: TensorLike, name = 'ToInt32'): Tensor {
  return cast(x, 'int32', name);
}
