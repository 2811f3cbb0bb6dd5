/**
 * Random tensors of a given shape: `tf.random_normal`, `tf.truncated_normal`, `tf.random_uniform`
 * and their ops. The kernels are TF's CPU kernels (random_philox.ts), so a seeded op gives TF's
 * values; each Session keeps one generator per op, advanced by every run as TF's is.
 */
import * as tfc from '@tensorflow/tfjs-core';
import {as_dtype, float32, int32, type DType, type DTypeLike} from '../framework/dtypes';
import {bindArgs} from '../framework/args';
import {ValueError} from '../framework/errors';
import {convert_to_tensor, type TensorLike} from '../framework/constant_op';
import {within} from '../framework/context';
import {get_default_graph} from '../framework/graph';
import {applyOp} from '../framework/op_builder';
import {defineOp, type InputSpec, type KernelContext, type RegisteredOp} from '../framework/registry';
import {get_seed} from '../framework/scopes';
import type {Tensor} from '../framework/tensor';
import {TensorShape} from '../framework/tensor_shape';
import type {NDArray} from '../ndarray/ndarray';
import {add, multiply, subtract} from './math_ops';
import {fillNormal, fillTruncatedNormal, fillUniform, fillUniformInt, Philox, type Precision} from './random_philox';
import {shapeFromShapeTensor} from './shape_utils';

/**
 * TF's `GuardedPhiloxRandom::ReserveSamples128`: the generator state for this run, the op's
 * generator then advanced past `samples` 128-bit samples for the next run.
 */
export function reserveSamples(ctx: KernelContext, samples: number): Philox {
  // Each session's generator of each random op: TF's GuardedPhiloxRandom, one per kernel instance.
  const gen = ctx.state(() => {
    const seed = ctx.op.attrs.seed as number;
    const seed2 = ctx.op.attrs.seed2 as number;
    // Seeds (0, 0) ask TF for fresh random seeds: here, the session's own per-op seeds.
    return seed || seed2 ? new Philox(seed, seed2) : new Philox(ctx.randomSeed(), ctx.randomSeed());
  });
  const local = gen.clone();
  gen.skip(samples);
  return local;
}

/** TF's `ReserveRandomOutputs(n, 256)`: what its random kernels reserve for n values. */
export function reserveOutputs(ctx: KernelContext, n: number): Philox {
  return reserveSamples(ctx, n * 256);
}

export type Seed = number | null | undefined;
export type Name = string | null | undefined;

/** The seed attrs of a random op, from TF1's `get_seed` (0 meaning "not seeded"). */
export function seedAttrs(seed: Seed): {seed: number; seed2: number} {
  const [s1, s2] = get_seed(seed);
  return {seed: s1 ?? 0, seed2: s2 ?? 0};
}

/** TF's `tensor::MakeShape` at run time: a vector of non-negative sizes. */
function runShape(shape: NDArray, ctx: KernelContext): number[] {
  if (shape.shape.length !== 1) ctx.fail(`shape must be a vector of {int32,int64}, got shape [${shape.shape.join(',')}]`);
  const dims = Array.from(shape.data as ArrayLike<number>, Number);
  for (const d of dims) if (d < 0) ctx.fail(`Dimension ${d} must be >= 0`);
  return dims;
}

function precisionOf(dtype: DType): Precision {
  return dtype.base === 'float64' ? 'double' : 'float';
}

const SHAPE: InputSpec = {name: 'shape', host: true, allowed: ['int32', 'int64'], defaultDtype: int32};
const FLOATS = ['float16', 'bfloat16', 'float32', 'float64'];

type FloatAttrs = {seed: number; seed2: number; dtype: DType; T: DType};

/** RandomStandardNormal, TruncatedNormal, RandomUniform: float values of a shape given at run time. */
function randomFloatOp(type: string, fill: (gen: Philox, n: number, p: Precision) => Float32Array): RegisteredOp {
  return defineOp<FloatAttrs, [NDArray]>({
    type,
    inputs: [SHAPE],
    stateful: true,
    effects: true,
    infer: (ctx) => [{dtype: ctx.attrs.dtype, shape: shapeFromShapeTensor(ctx, 0)}],
    kernel: ([shape], {dtype}, ctx) => {
      const dims = runShape(shape, ctx);
      const n = dims.reduce((a, b) => a * b, 1);
      const values = fill(reserveOutputs(ctx, n), n, precisionOf(dtype));
      return [tfc.tensor(values, dims, dtype.tfjs)];
    },
    grad: null,
  });
}

const RandomStandardNormal = randomFloatOp('RandomStandardNormal', fillNormal);
const TruncatedNormal = randomFloatOp('TruncatedNormal', fillTruncatedNormal);
const RandomUniform = randomFloatOp('RandomUniform', fillUniform);

const RandomUniformInt = defineOp<{seed: number; seed2: number; Tout: DType; T: DType}, [NDArray, NDArray, NDArray]>({
  type: 'RandomUniformInt',
  inputs: [
    SHAPE,
    {name: 'minval', typeAttr: 'Tout', host: true, allowed: ['int32', 'int64']},
    {name: 'maxval', typeAttr: 'Tout', host: true, allowed: ['int32', 'int64']},
  ],
  stateful: true,
  effects: true,
  infer: (ctx) => {
    (['minval', 'maxval'] as const).forEach((what, k) => {
      const s = ctx.inputs[k + 1].shape;
      if (s.ndims !== null && s.ndims !== 0) ctx.fail(`${what} must be a scalar; got a tensor of shape ${s.toBracketString()}`);
    });
    return [{dtype: ctx.attrs.Tout, shape: shapeFromShapeTensor(ctx, 0)}];
  },
  kernel: ([shape, minval, maxval], {Tout}, ctx) => {
    for (const [what, v] of [['minval', minval], ['maxval', maxval]] as const) {
      if (v.shape.length !== 0) ctx.fail(`${what} must be 0-D, got shape [${v.shape.join(',')}]`);
    }
    const dims = runShape(shape, ctx);
    const n = dims.reduce((a, b) => a * b, 1);
    // TF checks the range only for a non-empty output ("zero impossible things are fine").
    if (n === 0) return [tfc.zeros(dims, 'int32')];
    const lo = Number(minval.data[0]);
    const hi = Number(maxval.data[0]);
    if (!(lo < hi)) ctx.fail(`Need minval < maxval, got ${lo} >= ${hi}`);
    const gen = reserveOutputs(ctx, n);
    return [tfc.tensor(fillUniformInt(gen, n, lo, hi, Tout.base === 'int64'), dims, 'int32')];
  },
  grad: null,
});

/** TF's `shape_util.shape_tensor`: a shape given as a list becomes an int32 Const named 'shape'. */
function shapeTensor(shape: TensorLike | TensorShape): Tensor {
  if (shape instanceof TensorShape) {
    if (!shape.is_fully_defined()) throw new ValueError(`Cannot convert a partially known TensorShape ${shape} to a Tensor.`);
    return convert_to_tensor(Int32Array.from(shape.dims), int32, 'shape');
  }
  return convert_to_tensor(shape, null, 'shape', int32);
}

/** The op-def check of a type attr with allowed values, with op_def_library's TypeError. */
function checkDtypeAttr(dtype: DType, allowed: readonly string[]): void {
  if (!allowed.includes(dtype.base)) {
    throw new TypeError(`Value passed to parameter 'dtype' has DataType ${dtype.name} not in list of allowed values: ${allowed.join(', ')}`);
  }
}

/** Any prefix of the positional parameters P, then optionally the keyword object O. */
export type ArgsOf<P extends readonly unknown[], O> = P extends readonly [...infer H, unknown] ? [...P, O?] | ArgsOf<H, O> : [O?];

export type ShapeArg = TensorLike | TensorShape;

export interface NormalOptions {
  mean?: TensorLike;
  stddev?: TensorLike;
  dtype?: DTypeLike;
  seed?: Seed;
  name?: Name;
}
export type NormalArgs = ArgsOf<[mean: TensorLike, stddev: TensorLike, dtype: DTypeLike, seed: Seed, name: Name], NormalOptions>;
const NORMAL_NAMES = ['mean', 'stddev', 'dtype', 'seed', 'name'] as const;

/**
 * TF1's random_normal and truncated_normal: the standard op's values times stddev plus mean,
 * as 'mul' and the scope's own name, inside the scope (`random_normal/RandomStandardNormal` …).
 */
function scaledNormal(def: RegisteredOp, scopeName: string, shape: ShapeArg, o: NormalOptions): Tensor {
  const dtype = as_dtype(o.dtype ?? float32);
  return within(get_default_graph().name_scope(o.name ?? scopeName), (scope) => {
    const shapeT = shapeTensor(shape);
    const mean = convert_to_tensor(o.mean ?? 0, dtype, 'mean');
    const stddev = convert_to_tensor(o.stddev ?? 1, dtype, 'stddev');
    const seeds = seedAttrs(o.seed);
    checkDtypeAttr(dtype, FLOATS);
    const rnd = applyOp(def, [shapeT], {...seeds, dtype}, def.type).outputs[0];
    return add(multiply(rnd, stddev, 'mul'), mean, scope.value);
  });
}

/** `tf.random_normal(shape, mean=0.0, stddev=1.0, dtype=tf.float32, seed=None, name=None)`. */
export function random_normal(shape: ShapeArg, ...args: NormalArgs): Tensor {
  return scaledNormal(RandomStandardNormal, 'random_normal', shape, bindArgs<NormalOptions>('random_normal', NORMAL_NAMES, args));
}

/**
 * `tf.truncated_normal(shape, mean=0.0, stddev=1.0, dtype=tf.float32, seed=None, name=None)`:
 * normal values more than two standard deviations from the mean are drawn again.
 */
export function truncated_normal(shape: ShapeArg, ...args: NormalArgs): Tensor {
  return scaledNormal(TruncatedNormal, 'truncated_normal', shape, bindArgs<NormalOptions>('truncated_normal', NORMAL_NAMES, args));
}

export interface UniformOptions {
  minval?: TensorLike;
  maxval?: TensorLike | null;
  dtype?: DTypeLike;
  seed?: Seed;
  name?: Name;
}
export type UniformArgs = ArgsOf<[minval: TensorLike, maxval: TensorLike | null, dtype: DTypeLike, seed: Seed, name: Name], UniformOptions>;

const UNIFORM_DTYPES = ['float16', 'bfloat16', 'float32', 'float64', 'int32', 'int64'];

/**
 * `tf.random_uniform(shape, minval=0, maxval=None, dtype=tf.float32, seed=None, name=None)`:
 * floats in [minval, maxval) (maxval 1 by default) as TF1 builds them, RandomUniform * (max - min)
 * + min; integers (maxval required) from one RandomUniformInt op named after the scope.
 */
export function random_uniform(shape: ShapeArg, ...args: UniformArgs): Tensor {
  const o = bindArgs<UniformOptions>('random_uniform', ['minval', 'maxval', 'dtype', 'seed', 'name'], args);
  const dtype = as_dtype(o.dtype ?? float32);
  if (!UNIFORM_DTYPES.includes(dtype.base)) {
    throw new ValueError(`Argument \`dtype\` got invalid value ${dtype}. Accepted dtypes are (${UNIFORM_DTYPES.map((d) => `tf.${d}`).join(', ')}).`);
  }
  if ((o.maxval === undefined || o.maxval === null) && dtype.is_integer) {
    throw new ValueError(`Must specify maxval for integer dtype tf.${dtype.name}`);
  }
  return within(get_default_graph().name_scope(o.name ?? 'random_uniform'), (scope) => {
    const shapeT = shapeTensor(shape);
    const min = convert_to_tensor(o.minval ?? 0, dtype, 'min');
    const max = convert_to_tensor(o.maxval ?? 1, dtype, 'max');
    const seeds = seedAttrs(o.seed);
    if (dtype.is_integer) return applyOp(RandomUniformInt, [shapeT, min, max], seeds, scope.value).outputs[0];
    const rnd = applyOp(RandomUniform, [shapeT], {...seeds, dtype}, 'RandomUniform').outputs[0];
    return add(multiply(rnd, subtract(max, min, 'sub'), 'mul'), min, scope.value);
  });
}
