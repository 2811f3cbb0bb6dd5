/**
 * Elementwise unary math: `tf.negative`, `tf.sqrt`, `tf.exp`, `tf.round`, `tf.is_nan` …, with
 * their gradients (TF's math_grad.py) and the *Grad ops these call (SqrtGrad, RsqrtGrad,
 * ReciprocalGrad).
 */
import * as tfc from '@tensorflow/tfjs-core';
import {bool, type DType} from '../framework/dtypes';
import {applyOp} from '../framework/op_builder';
import {defineOp, lookupOp, type GradFn, type KernelContext, type RegisteredOp} from '../framework/registry';
import type {Tensor} from '../framework/tensor';
import {constant, convert_to_tensor, type TensorLike} from '../framework/constant_op';
import {zeros_like} from './array_ops_fill';
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
export function unaryOp(type: string, f: UnaryKernel, allowed: readonly string[], grad: GradFn | null): RegisteredOp {
  return defineOp<{}, [tfc.Tensor]>({
    type,
    inputs: [{name: 'x', allowed}],
    infer: (ctx) => sameAsInput(ctx),
    kernel: ([x], _, ctx) => [f(x, ctx)],
    grad,
  });
}

/**
 * The binary ops the gradients build, declared in math_ops.ts (which imports this file), looked
 * up by type as TF's gen_math_ops calls them; named as TF's Python operators name them.
 */
function binary(type: string, name: string): (x: TensorLike, y: TensorLike) => Tensor {
  return (x, y) => applyOp(lookupOp(type)!, [x, y], {}, name).outputs[0];
}
/** `x * y`, as TF writes `grad * y`. */
const mul = binary('Mul', 'mul');
/** `math_ops.multiply(x, y)`. */
const multiply = binary('Mul', 'Mul');
/** `x / y` on floats. */
const div = binary('RealDiv', 'truediv');
/** `x + y` (TF1's Add). */
const plus = binary('Add', 'add');

/** A gradient `grad * f(x)` (or of the output y, `from: 'y'`), as most of TF's unary gradients are. */
function times(f: (x: Tensor) => Tensor, from: 'x' | 'y' = 'x'): GradFn {
  return (op, [g]) => [mul(g!, f(from === 'x' ? op.inputs[0] : op.outputs[0]))];
}

// The *Grad ops: `z = f(y, dy)` from the forward output y and its gradient dy (TF's cwise_ops_gradients).
const SqrtGrad = gradOp('SqrtGrad', (y, dy) => tfc.div(tfc.mul(dy, 0.5), y), (op, [g]) => {
  // TF's _SqrtGradGrad: z = 0.5·b/a, dz/da = -z/a, dz/db = 0.5/a.
  const ga = div(g!, op.inputs[0]);
  return [mul(negative(ga), op.outputs[0]), mul(0.5, ga)];
});
const RsqrtGrad = gradOp('RsqrtGrad', (y, dy) => tfc.mul(tfc.mul(dy, -0.5), tfc.mul(y, tfc.square(y))), (op, [g]) => {
  // TF's _RsqrtGradGrad: z = -0.5·b·a³, dz/da = -1.5·b·a², dz/db = rsqrt_grad(a, ·).
  const [a, b] = op.inputs;
  return [mul(mul(mul(-1.5, g!), b), square(a)), rsqrtGrad(a, g!)];
});
const ReciprocalGrad = gradOp('ReciprocalGrad', (y, dy) => tfc.mul(tfc.neg(dy), tfc.square(y)), (op, [g]) => {
  // TF's _ReciprocalGradGrad: z = -b·a², dz/da = -2·b·a, dz/db = reciprocal_grad(a, ·).
  const [a, b] = op.inputs;
  return [mul(mul(mul(g!, -2.0), b), a), reciprocalGrad(a, g!)];
});

/** A *Grad op: TF gives it y's shape (UnchangedShape) and checks dy's at run time. */
function gradOp(type: string, f: (y: tfc.Tensor, dy: tfc.Tensor) => tfc.Tensor, grad: GradFn): RegisteredOp {
  return defineOp<{T: DType}, [tfc.Tensor, tfc.Tensor]>({
    type,
    inputs: [{name: 'y', allowed: FLOAT_OR_COMPLEX}, {name: 'dy', allowed: FLOAT_OR_COMPLEX}],
    infer: (ctx) => sameAsInput(ctx),
    kernel: ([y, dy], _, ctx) => {
      if (y.shape.join() !== dy.shape.join()) ctx.fail(`Incompatible shapes: [${y.shape}] vs. [${dy.shape}]`);
      return [f(y, dy)];
    },
    grad,
  });
}

const sqrtGrad = (y: Tensor, dy: Tensor): Tensor => applyOp(SqrtGrad, [y, dy], {}, 'SqrtGrad').outputs[0];
const rsqrtGrad = (y: Tensor, dy: Tensor): Tensor => applyOp(RsqrtGrad, [y, dy], {}, 'RsqrtGrad').outputs[0];
const reciprocalGrad = (y: Tensor, dy: Tensor): Tensor => applyOp(ReciprocalGrad, [y, dy], {}, 'ReciprocalGrad').outputs[0];

/** TF's gradient of Floor, Ceil and Round: registered, and None (not a zero tensor). */
const noGradient: GradFn = () => [null];

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

const Neg = unaryOp('Neg', tfc.neg, SIGNED, (_, [g]) => [negative(g!)]);
const Abs = unaryOp('Abs', tfc.abs, ABS_TYPES, times(sign));
// TF's _SquareGrad: grad · (2·x), the 2 a constant of x's dtype.
const Square = unaryOp('Square', tfc.square, SQUARE_TYPES, ({inputs: [x]}, [g]) => [
  multiply(g!, multiply(x, constant(2.0, x.dtype.base_dtype))),
]);
const Exp = unaryOp('Exp', tfc.exp, FLOAT_OR_COMPLEX, times((y) => y, 'y'));
const Log = unaryOp('Log', tfc.log, FLOAT_OR_COMPLEX, times((x) => reciprocal(x)));
const Sqrt = unaryOp('Sqrt', tfc.sqrt, FLOAT_OR_COMPLEX, ({outputs: [y]}, [g]) => [sqrtGrad(y, g!)]);
const Rsqrt = unaryOp('Rsqrt', tfc.rsqrt, FLOAT_OR_COMPLEX, ({outputs: [y]}, [g]) => [rsqrtGrad(y, g!)]);
const Reciprocal = unaryOp('Reciprocal', reciprocalKernel, SIGNED, ({outputs: [y]}, [g]) => [reciprocalGrad(y, g!)]);
// TF's _SignGrad: zeros shaped like x, whatever the incoming gradient.
const Sign = unaryOp('Sign', signKernel, SIGNED, ({inputs: [x]}) => [zeros_like(x)]);
const Floor = unaryOp('Floor', tfc.floor, REAL, noGradient);
const Ceil = unaryOp('Ceil', tfc.ceil, REAL, noGradient);
// tfjs rounds half to even, as TF does (`round` gives integers back without a Round op).
const Round = unaryOp('Round', (x) => (isInt(x) ? tfc.clone(x) : tfc.round(x)), SIGNED, noGradient);
const Sin = unaryOp('Sin', tfc.sin, FLOAT_OR_COMPLEX, times((x) => cos(x)));
const Cos = unaryOp('Cos', tfc.cos, FLOAT_OR_COMPLEX, ({inputs: [x]}, [g]) => [mul(negative(g!), sin(x))]);
// TF's _TanGrad: sec²(x) · grad.
const Tan = unaryOp('Tan', tfc.tan, FLOAT_OR_COMPLEX, ({inputs: [x]}, [g]) => [mul(square(reciprocal(cos(x))), g!)]);
const Log1p = unaryOp('Log1p', log1pKernel, FLOAT_OR_COMPLEX, times((x) => reciprocal(plus(1, x))));
const Expm1 = unaryOp('Expm1', tfc.expm1, FLOAT_OR_COMPLEX, times((x) => exp(x)));
// TF's _ErfGrad: grad · 2/√π · exp(-x²).
const Erf = unaryOp('Erf', tfc.erf, REAL, ({inputs: [x]}, [g]) => [
  mul(mul(g!, constant(2 / Math.sqrt(Math.PI), g!.dtype.base_dtype)), exp(negative(square(x)))),
]);
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
