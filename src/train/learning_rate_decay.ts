/**
 * TF1's learning-rate schedules (`tf.train.exponential_decay` …). Each builds the graph TF1 builds
 * (tf.compat.v1's legacy functions calling the Keras schedules): the same name scope, casts and
 * ops, so that it computes TF's values and reads the same in TensorBoard.
 *
 * Arguments follow TF1's signatures: positional in TF1's order, and any of them (from some point
 * on) as keywords in a trailing options object, as the book's
 * `exponential_decay(0.1, global_step, decay_steps=10, decay_rate=0.9)` becomes
 * `exponential_decay(0.1, global_step, {decay_steps: 10, decay_rate: 0.9})`.
 */
import {float32, int32, type DType} from '../framework/dtypes';
import {kwargs} from '../framework/args';
import {ValueError} from '../framework/errors';
import {get_default_graph} from '../framework/graph';
import {constant, convert_to_tensor, type TensorLike} from '../framework/constant_op';
import {within} from '../framework/context';
import type {Tensor} from '../framework/tensor';
import {NDArray} from '../ndarray/ndarray';
import {add, cast, divide, minimum, multiply, pow, subtract, truediv} from '../ops/math_ops';
import {ceil, cos, exp, floor, negative} from '../ops/math_unary_ops';
import {equal, greater, less_equal, logical_and, where, where_v2} from '../ops/compare_ops';

/** Positional parameters P, of which any tail may be given as keywords in a trailing object O. */
type Args<P extends unknown[], O> = P extends [infer H, ...infer T] ? [options?: O] | [H, ...Args<T, O>] : [options?: O];

type WithRequired<T, K extends keyof T> = T & {[P in K]-?: NonNullable<T[P]>};

/**
 * Binds the arguments as Python does (framework/args.ts), then checks the required ones: Python's
 * TypeError for a missing one, and TF1's ValueError for a missing global_step.
 */
function bind<T extends object, K extends keyof T & string>(
  fn: string,
  args: readonly unknown[],
  names: readonly (keyof T & string)[],
  defaults: T,
  required: readonly K[],
): WithRequired<T, K> {
  const o = kwargs(fn, args, names, defaults) as Record<string, unknown>;
  const missing = required.filter((n) => n !== 'global_step' && (o[n] === undefined || o[n] === null));
  if (missing.length) {
    const quoted = missing.map((n) => `'${n}'`);
    const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
    throw new TypeError(`${fn}() missing ${missing.length} required positional argument${missing.length > 1 ? 's' : ''}: ${list}`);
  }
  // TF1's own check (TF's current schedules fail later, converting None).
  if ((required as readonly string[]).includes('global_step') && (o.global_step === undefined || o.global_step === null)) {
    throw new ValueError(`global_step is required for ${fn}.`);
  }
  return o as WithRequired<T, K>;
}

/**
 * A step count as Python would pass it: an integral JS number is a Python int (an int32 constant
 * that TF then casts), so the graph has TF's Cast ops.
 */
function pyInt(x: TensorLike): TensorLike {
  return typeof x === 'number' && Number.isInteger(x) ? new NDArray(Int32Array.of(x), [], 'int32') : x;
}

/** The schedule's name scope; `fn` gets the scope string, which names the result op as TF does. */
function scheduleScope(name: string | null | undefined, defaultName: string, fn: (scope: string) => Tensor): Tensor {
  return within(get_default_graph().name_scope(name || defaultName), (scope) => fn(scope.value));
}

function initialRate(learning_rate: TensorLike): [Tensor, DType] {
  const lr = convert_to_tensor(learning_rate, null, 'initial_learning_rate');
  return [lr, lr.dtype.base_dtype];
}

export interface ExponentialDecayOptions {
  learning_rate?: TensorLike;
  global_step?: TensorLike;
  decay_steps?: TensorLike;
  decay_rate?: TensorLike;
  staircase?: boolean;
  name?: string | null;
}
type DecayArgs = Args<[TensorLike, TensorLike, TensorLike, TensorLike, boolean, string | null], ExponentialDecayOptions>;
type Decay = WithRequired<ExponentialDecayOptions, 'learning_rate' | 'global_step' | 'decay_steps' | 'decay_rate'>;

function bindDecay(fn: string, args: readonly unknown[]): Decay {
  const names = ['learning_rate', 'global_step', 'decay_steps', 'decay_rate', 'staircase', 'name'] as const;
  const defaults: ExponentialDecayOptions = {
    learning_rate: undefined, global_step: undefined, decay_steps: undefined, decay_rate: undefined, staircase: false, name: null,
  };
  return bind(fn, args, names, defaults, ['learning_rate', 'global_step', 'decay_steps', 'decay_rate']);
}

/** Keras's ExponentialDecay: lr * decay_rate ^ (step / decay_steps), the exponent floored if staircase. */
function exponentialDecay(o: Decay): Tensor {
  return scheduleScope(o.name, 'ExponentialDecay', (scope) => {
    const [lr, dtype] = initialRate(o.learning_rate);
    const decaySteps = cast(pyInt(o.decay_steps), dtype);
    const decayRate = cast(o.decay_rate, dtype);
    let p = truediv(cast(pyInt(o.global_step), dtype), decaySteps);
    if (o.staircase) p = floor(p);
    return multiply(lr, pow(decayRate, p), scope);
  });
}

/**
 * `tf.train.exponential_decay(learning_rate, global_step, decay_steps, decay_rate, staircase=false, name)`:
 * `learning_rate * decay_rate ^ (global_step / decay_steps)`.
 */
export function exponential_decay(...args: DecayArgs): Tensor {
  return exponentialDecay(bindDecay('exponential_decay', args));
}

/**
 * `tf.train.natural_exp_decay(learning_rate, global_step, decay_steps, decay_rate, staircase=false, name)`:
 * `learning_rate * exp(-decay_rate * global_step / decay_steps)`, built as TF1 builds it: an
 * exponential decay with rate exp(-decay_rate) (its Neg and Exp outside the schedule's scope).
 */
export function natural_exp_decay(...args: DecayArgs): Tensor {
  const o = bindDecay('natural_exp_decay', args);
  return exponentialDecay({...o, decay_rate: exp(negative(o.decay_rate))});
}

/**
 * `tf.train.inverse_time_decay(learning_rate, global_step, decay_steps, decay_rate, staircase=false, name)`:
 * `learning_rate / (1 + decay_rate * global_step / decay_steps)`.
 */
export function inverse_time_decay(...args: DecayArgs): Tensor {
  const o = bindDecay('inverse_time_decay', args);
  return scheduleScope(o.name, 'InverseTimeDecay', (scope) => {
    const [lr, dtype] = initialRate(o.learning_rate);
    const decaySteps = cast(pyInt(o.decay_steps), dtype);
    const decayRate = cast(o.decay_rate, dtype);
    let p = truediv(cast(pyInt(o.global_step), dtype), decaySteps);
    if (o.staircase) p = floor(p);
    const one = cast(constant(1, int32), dtype);
    return divide(lr, add(one, multiply(decayRate, p)), scope);
  });
}

export interface PolynomialDecayOptions {
  learning_rate?: TensorLike;
  global_step?: TensorLike;
  decay_steps?: TensorLike;
  end_learning_rate?: TensorLike;
  power?: TensorLike;
  cycle?: boolean;
  name?: string | null;
}

/**
 * `tf.train.polynomial_decay(learning_rate, global_step, decay_steps, end_learning_rate=0.0001,
 * power=1.0, cycle=false, name)`: from learning_rate to end_learning_rate in decay_steps steps
 * along (1 - step / decay_steps) ^ power; with `cycle`, decay_steps grows to the first multiple
 * of itself above the step.
 */
export function polynomial_decay(
  ...args: Args<[TensorLike, TensorLike, TensorLike, TensorLike, TensorLike, boolean, string | null], PolynomialDecayOptions>
): Tensor {
  const names = ['learning_rate', 'global_step', 'decay_steps', 'end_learning_rate', 'power', 'cycle', 'name'] as const;
  const defaults: PolynomialDecayOptions = {
    learning_rate: undefined, global_step: undefined, decay_steps: undefined, end_learning_rate: 0.0001, power: 1.0, cycle: false, name: null,
  };
  const o = bind('polynomial_decay', args, names, defaults, ['learning_rate', 'global_step', 'decay_steps', 'end_learning_rate', 'power']);
  return scheduleScope(o.name, 'PolynomialDecay', (scope) => {
    const [lr, dtype] = initialRate(o.learning_rate);
    const end = cast(o.end_learning_rate, dtype);
    const power = cast(o.power, dtype);
    let step = cast(pyInt(o.global_step), dtype);
    let decaySteps = cast(pyInt(o.decay_steps), dtype);
    if (o.cycle) {
      // TF1 chose the multiplier with tf.cond; TF's current graph uses SelectV2, as here.
      const multiplier = where_v2(equal(step, 0), 1.0, ceil(truediv(step, o.decay_steps)));
      decaySteps = multiply(decaySteps, multiplier);
    } else {
      step = minimum(step, decaySteps);
    }
    const p = divide(step, decaySteps);
    return add(multiply(subtract(lr, end, 'sub'), pow(subtract(1, p, 'sub'), power)), end, scope);
  });
}

export interface CosineDecayOptions {
  learning_rate?: TensorLike;
  global_step?: TensorLike;
  decay_steps?: TensorLike;
  alpha?: number | Tensor;
  name?: string | null;
}

/**
 * `tf.train.cosine_decay(learning_rate, global_step, decay_steps, alpha=0.0, name)`:
 * `learning_rate * ((1 - alpha) * 0.5 * (1 + cos(pi * min(step, decay_steps) / decay_steps)) + alpha)`.
 * As in TF, the result is the schedule's last Mul (`CosineDecay/Mul_3`), not an op named after the scope.
 */
export function cosine_decay(...args: Args<[TensorLike, TensorLike, TensorLike, number | Tensor, string | null], CosineDecayOptions>): Tensor {
  const names = ['learning_rate', 'global_step', 'decay_steps', 'alpha', 'name'] as const;
  const defaults: CosineDecayOptions = {learning_rate: undefined, global_step: undefined, decay_steps: undefined, alpha: 0.0, name: null};
  const o = bind('cosine_decay', args, names, defaults, ['learning_rate', 'global_step', 'decay_steps', 'alpha']);
  return scheduleScope(o.name, 'CosineDecay', () => {
    const [lr, dtype] = initialRate(o.learning_rate);
    const decaySteps = cast(pyInt(o.decay_steps), dtype);
    const step = minimum(cast(pyInt(o.global_step), dtype), decaySteps);
    const fraction = truediv(step, decaySteps);
    const cosine = multiply(0.5, add(1.0, cos(multiply(constant(Math.PI), fraction, 'mul')), 'add'), 'mul');
    // Python computes `(1 - alpha)` itself when alpha is a number.
    const scale = typeof o.alpha === 'number' ? 1 - o.alpha : subtract(1, o.alpha, 'sub');
    const decayed = add(multiply(scale, cosine, 'mul'), o.alpha, 'add');
    return multiply(lr, decayed);
  });
}

export interface PiecewiseConstantOptions {
  x?: TensorLike;
  boundaries?: readonly TensorLike[];
  values?: readonly TensorLike[];
  name?: string | null;
}

/**
 * A boundary as Python would give it: an integral JS number is a Python int (int32) when x is
 * an integer, and takes x's float type otherwise.
 */
function boundaryTensor(b: TensorLike, x: Tensor): Tensor {
  if (typeof b !== 'number') return convert_to_tensor(b);
  if (x.dtype.is_integer && Number.isInteger(b)) return constant(b, int32);
  return constant(b, x.dtype.is_floating ? x.dtype.base_dtype : float32);
}

/**
 * `tf.train.piecewise_constant(x, boundaries, values, name)`: values[0] while x <= boundaries[0],
 * values[1] while x <= boundaries[1] …, values[-1] after the last boundary (a boundary belongs
 * to the interval below it). TF1 builds the predicates below and picks the value with tf.case
 * (Switch/Merge control flow); here, since the predicates are exclusive and exhaustive, a chain
 * of Selects picks the same value.
 */
export function piecewise_constant(
  ...args: Args<[TensorLike, readonly TensorLike[], readonly TensorLike[], string | null], PiecewiseConstantOptions>
): Tensor {
  const defaults: PiecewiseConstantOptions = {x: undefined, boundaries: undefined, values: undefined, name: null};
  const o = bind('piecewise_constant', args, ['x', 'boundaries', 'values', 'name'], defaults, ['x', 'boundaries', 'values']);
  const x = convert_to_tensor(o.x);
  const xType = x.dtype.base_dtype;
  const bounds = o.boundaries.map((b) => boundaryTensor(b, x));
  const values = o.values.map((v) => convert_to_tensor(v));
  bounds.forEach((b, i) => {
    if (b.dtype.base_dtype === xType) return;
    if (b.dtype.base_dtype !== int32 || xType.name !== 'int64') {
      throw new ValueError(`Boundaries (${b.dtype.base_dtype}) must have the same dtype as x (${xType}).`);
    }
    bounds[i] = cast(b, xType);
  });
  for (const v of values.slice(1)) {
    if (v.dtype.base_dtype !== values[0].dtype.base_dtype) {
      throw new ValueError(`Values must have elements all with the same dtype (${values[0].dtype.base_dtype} vs ${v.dtype.base_dtype}).`);
    }
  }
  if (bounds.length !== values.length - 1) throw new ValueError('The length of boundaries should be 1 less than the length of values');
  return scheduleScope(o.name, 'PiecewiseConstant', () => {
    const pairs: [Tensor, Tensor][] = [
      [less_equal(x, bounds[0]), values[0]],
      [greater(x, bounds[bounds.length - 1]), values[values.length - 1]],
    ];
    for (let i = 0; i + 1 < bounds.length; i++) {
      pairs.push([logical_and(greater(x, bounds[i]), less_equal(x, bounds[i + 1]), 'and'), values[i + 1]]);
    }
    return within(get_default_graph().name_scope('case'), () =>
      pairs.reduceRight((otherwise, [pred, value]) => where(pred, value, otherwise), values[0]),
    );
  });
}

/** TF1's other name for `piecewise_constant`. */
export const piecewise_constant_decay = piecewise_constant;
