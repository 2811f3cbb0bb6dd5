/** Elementwise unary math: `tf.negative`, `tf.sqrt`, `tf.exp`, `tf.round`, `tf.is_nan` … */
import * as tfc from '@tensorflow/tfjs-core';
import {bool} from '../framework/dtypes';
import {applyOp} from '../framework/op_builder';
import {defineOp, type KernelContext, type RegisteredOp} from '../framework/registry';
import type {Tensor} from '../framework/tensor';
import {convert_to_tensor, type TensorLike} from '../framework/constant_op';
import {sameAsInput} from './shape_utils';

// The dtypes each op accepts, in the order TF lists them in its TypeError.
const REAL = ['bfloat16', 'float16', 'float32', 'float64'];
const COMPLEX = ['complex64', 'complex128'];
const SIGNED_INTS = ['int8', 'int16', 'int32', 'int64'];
const FLOAT_OR_COMPLEX = [...REAL, ...COMPLEX];
const SIGNED = [...REAL, ...SIGNED_INTS, ...COMPLEX];
const ABS_TYPES = [...REAL, ...SIGNED_INTS];
const SQUARE_TYPES = [...REAL, ...SIGNED_INTS, 'uint8', 'uint16', 'uint32', 'uint64', ...COMPLEX];

type UnaryKernel = (x: tfc.Tensor, ctx: KernelContext) => tfc.Tensor;

/** An elementwise unary op whose output has the input's dtype and shape. */
export function unaryOp(type: string, f: UnaryKernel, allowed: readonly string[]): RegisteredOp {
  return defineOp<{}, [tfc.Tensor]>({
    type,
    inputs: [{name: 'x', allowed}],
    infer: (ctx) => sameAsInput(ctx),
    kernel: ([x], _, ctx) => [f(x, ctx)],
  });
}

/** An elementwise predicate on floats (IsNan …): bool output, not differentiable. */
function predicateOp(type: string, f: (x: tfc.Tensor) => tfc.Tensor): RegisteredOp {
  return defineOp<{}, [tfc.Tensor]>({
    type,
    inputs: [{name: 'x', allowed: REAL}],
    infer: (ctx) => sameAsInput(ctx, 0, bool),
    kernel: ([x]) => [f(x)],
    grad: null,
  });
}

const isInt = (x: tfc.Tensor): boolean => x.dtype === 'int32';

/** TF's Sign: NaN for NaN (tfjs's WASM kernel gives 0, and 0 for tiny numbers such as 1e-7). */
function signKernel(x: tfc.Tensor): tfc.Tensor {
  const s = tfc.sub(tfc.cast(tfc.greater(x, 0), x.dtype), tfc.cast(tfc.less(x, 0), x.dtype));
  return isInt(x) ? s : tfc.where(tfc.isNaN(x), x, s);
}

/**
 * log(1 + x), accurate for small x as Eigen's plog1p is (tfjs's WASM kernel computes log(1 + x)
 * and loses the low digits): log(u) * x / (u - 1) with u = 1 + x, the rounding of u cancelling.
 */
function log1pKernel(x: tfc.Tensor): tfc.Tensor {
  const u = tfc.add(x, 1);
  const exact = tfc.logicalOr(tfc.equal(u, 1), tfc.equal(u, Infinity));
  return tfc.where(exact, x, tfc.mul(x, tfc.div(tfc.log(u), tfc.sub(u, 1))));
}

/** TF registers Reciprocal's CPU kernel for floats only: integer inputs build but fail to run. */
function reciprocalKernel(x: tfc.Tensor, ctx: KernelContext): tfc.Tensor {
  if (isInt(x)) {
    const dt = ctx.op.inputs[0].dtype.base_dtype.protoName.toUpperCase();
    ctx.fail(`No OpKernel was registered to support Op 'Reciprocal' used by {{node ${ctx.op.name}}} with these attrs: [T=DT_${dt}]`);
  }
  return tfc.reciprocal(x);
}

const Neg = unaryOp('Neg', tfc.neg, SIGNED);
const Abs = unaryOp('Abs', tfc.abs, ABS_TYPES);
const Square = unaryOp('Square', tfc.square, SQUARE_TYPES);
const Exp = unaryOp('Exp', tfc.exp, FLOAT_OR_COMPLEX);
const Log = unaryOp('Log', tfc.log, FLOAT_OR_COMPLEX);
const Sqrt = unaryOp('Sqrt', tfc.sqrt, FLOAT_OR_COMPLEX);
const Rsqrt = unaryOp('Rsqrt', tfc.rsqrt, FLOAT_OR_COMPLEX);
const Reciprocal = unaryOp('Reciprocal', reciprocalKernel, SIGNED);
const Sign = unaryOp('Sign', signKernel, SIGNED);
const Floor = unaryOp('Floor', tfc.floor, REAL);
const Ceil = unaryOp('Ceil', tfc.ceil, REAL);
// tfjs rounds half to even, as TF does (`round` gives integers back without a Round op).
const Round = unaryOp('Round', (x) => (isInt(x) ? tfc.clone(x) : tfc.round(x)), SIGNED);
const Sin = unaryOp('Sin', tfc.sin, FLOAT_OR_COMPLEX);
const Cos = unaryOp('Cos', tfc.cos, FLOAT_OR_COMPLEX);
const Tan = unaryOp('Tan', tfc.tan, FLOAT_OR_COMPLEX);
const Log1p = unaryOp('Log1p', log1pKernel, FLOAT_OR_COMPLEX);
const Expm1 = unaryOp('Expm1', tfc.expm1, FLOAT_OR_COMPLEX);
const Erf = unaryOp('Erf', tfc.erf, REAL);
const IsNan = predicateOp('IsNan', tfc.isNaN);
const IsInf = predicateOp('IsInf', tfc.isInf);
const IsFinite = predicateOp('IsFinite', tfc.isFinite);

/** TF1's generated op function: `tf.<fn>(x, name)`, the op named after its type by default. */
function unaryFunction(op: RegisteredOp): (x: TensorLike, name?: string) => Tensor {
  return (x, name) => applyOp(op, [x], {}, name ?? op.type).outputs[0];
}

/** `tf.negative(x, name)` (Python's unary `-`). TF1 has no `tf.neg`. */
export const negative = unaryFunction(Neg);
/** `tf.abs(x, name)`. */
export const abs = unaryFunction(Abs);
/** `tf.square(x, name)`. */
export const square = unaryFunction(Square);
/** `tf.exp(x, name)`. */
export const exp = unaryFunction(Exp);
/** `tf.log(x, name)`: the natural logarithm. */
export const log = unaryFunction(Log);
/** `tf.sqrt(x, name)`. */
export const sqrt = unaryFunction(Sqrt);
/** `tf.rsqrt(x, name)`: 1 / sqrt(x). */
export const rsqrt = unaryFunction(Rsqrt);
/** `tf.reciprocal(x, name)`: 1 / x. */
export const reciprocal = unaryFunction(Reciprocal);
/** `tf.sign(x, name)`: -1, 0 or 1 (NaN for NaN). A JS value is converted first, as TF does. */
export function sign(x: TensorLike, name?: string): Tensor {
  return applyOp(Sign, [convert_to_tensor(x)], {}, name ?? 'Sign').outputs[0];
}
/** `tf.floor(x, name)`. */
export const floor = unaryFunction(Floor);
/** `tf.ceil(x, name)`. */
export const ceil = unaryFunction(Ceil);
/** `tf.round(x, name)`: half to even (banker's rounding), as TF; an integer tensor is returned as is. */
export function round(x: TensorLike, name?: string): Tensor {
  const t = convert_to_tensor(x, null, 'x');
  return t.dtype.is_integer ? t : applyOp(Round, [t], {}, name ?? 'Round').outputs[0];
}
/** `tf.sin(x, name)`. */
export const sin = unaryFunction(Sin);
/** `tf.cos(x, name)`. */
export const cos = unaryFunction(Cos);
/** `tf.tan(x, name)`. */
export const tan = unaryFunction(Tan);
/** `tf.log1p(x, name)`: log(1 + x), accurate near 0. */
export const log1p = unaryFunction(Log1p);
/** `tf.expm1(x, name)`: exp(x) - 1, accurate near 0. */
export const expm1 = unaryFunction(Expm1);
/** `tf.erf(x, name)`: the Gauss error function. */
export const erf = unaryFunction(Erf);
/** `tf.is_nan(x, name)`. */
export const is_nan = unaryFunction(IsNan);
/** `tf.is_inf(x, name)`. */
export const is_inf = unaryFunction(IsInf);
/** `tf.is_finite(x, name)`. */
export const is_finite = unaryFunction(IsFinite);
