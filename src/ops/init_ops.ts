/**
 * Initializers (`tf.zeros_initializer()`, `tf.constant_initializer(0.4)`, `tf.glorot_uniform_initializer()` …):
 * objects that build a variable's initial value for a given shape and dtype, as TF1's init_ops.
 */
import {as_dtype, float32, type DType, type DTypeLike} from '../framework/dtypes';
import {ValueError} from '../framework/errors';
import {constant, type TensorLike} from '../framework/constant_op';
import type {Tensor} from '../framework/tensor';
import type {NDArrayLike} from '../ndarray/ndarray';
import {ones, zeros} from './array_ops';
import {random_normal, random_uniform, truncated_normal, type ArgsOf} from './random_ops_dist';
import {bindArgs} from '../framework/args';

export abstract class Initializer {
  /** TF1's `initializer(shape, dtype, partition_info)`. */
  abstract call(shape: readonly number[], dtype?: DType | null, partition_info?: unknown): Tensor;
  get_config(): Record<string, unknown> {
    return {};
  }
}

export class Zeros extends Initializer {
  constructor(readonly dtype: DType = float32) {
    super();
  }
  call(shape: readonly number[], dtype?: DType | null): Tensor {
    return zeros(shape as number[], dtype ?? this.dtype);
  }
}

export class Ones extends Initializer {
  constructor(readonly dtype: DType = float32) {
    super();
  }
  call(shape: readonly number[], dtype?: DType | null): Tensor {
    return ones(shape as number[], dtype ?? this.dtype);
  }
}

export class Constant extends Initializer {
  constructor(
    readonly value: NDArrayLike = 0,
    readonly dtype: DType = float32,
    readonly verify_shape = false,
  ) {
    super();
  }
  call(shape: readonly number[], dtype?: DType | null): Tensor {
    return constant(this.value, {dtype: dtype ?? this.dtype, shape, verify_shape: this.verify_shape});
  }
}

/** `tf.zeros_initializer(dtype)`. */
export function zeros_initializer(dtype: DTypeLike = 'float32'): Initializer {
  return new Zeros(as_dtype(dtype));
}
/** `tf.ones_initializer(dtype)`. */
export function ones_initializer(dtype: DTypeLike = 'float32'): Initializer {
  return new Ones(as_dtype(dtype));
}
/** `tf.constant_initializer(value, dtype, verify_shape)`. */
export function constant_initializer(value: NDArrayLike = 0, dtype: DTypeLike = 'float32', verify_shape = false): Initializer {
  return new Constant(value, as_dtype(dtype), verify_shape);
}

/** TF1's `_assert_float_dtype`: the random normal initializers only make floats. */
function assertFloat(dtype: DType): DType {
  if (!dtype.is_floating) throw new ValueError(`Argument \`dtype\` is expected to be floating point. Received: ${dtype}.`);
  return dtype;
}

/** How Python prints a float in a message (`-1.0`, `0.5`). */
function pyFloat(x: number): string {
  return Number.isInteger(x) ? x.toFixed(1) : String(x);
}

/** `tf.random_uniform_initializer`: `tf.random_uniform(shape, minval, maxval, dtype, seed)`. */
export class RandomUniform extends Initializer {
  constructor(
    readonly minval: TensorLike = 0,
    readonly maxval: TensorLike | null = null,
    readonly seed: number | null = null,
    readonly dtype: DType = float32,
  ) {
    super();
  }
  override call(shape: readonly number[], dtype?: DType | null): Tensor {
    return random_uniform(shape as number[], this.minval, this.maxval, dtype ?? this.dtype, this.seed);
  }
  override get_config(): Record<string, unknown> {
    return {minval: this.minval, maxval: this.maxval, seed: this.seed, dtype: this.dtype.name};
  }
}

/** `tf.random_normal_initializer`: `tf.random_normal(shape, mean, stddev, dtype, seed)`. */
export class RandomNormal extends Initializer {
  readonly dtype: DType;
  constructor(
    readonly mean: TensorLike = 0,
    readonly stddev: TensorLike = 1,
    readonly seed: number | null = null,
    dtype: DType = float32,
  ) {
    super();
    this.dtype = assertFloat(dtype);
  }
  override call(shape: readonly number[], dtype?: DType | null): Tensor {
    return random_normal(shape as number[], this.mean, this.stddev, dtype ?? this.dtype, this.seed);
  }
  override get_config(): Record<string, unknown> {
    return {mean: this.mean, stddev: this.stddev, seed: this.seed, dtype: this.dtype.name};
  }
}

/** `tf.truncated_normal_initializer`: `tf.truncated_normal(shape, mean, stddev, dtype, seed)`. */
export class TruncatedNormal extends RandomNormal {
  override call(shape: readonly number[], dtype?: DType | null): Tensor {
    return truncated_normal(shape as number[], this.mean, this.stddev, dtype ?? this.dtype, this.seed);
  }
}

const MODES = ['fan_in', 'fan_out', 'fan_avg'] as const;
const DISTRIBUTIONS = ['normal', 'uniform', 'truncated_normal', 'untruncated_normal'] as const;
export type FanMode = (typeof MODES)[number];
export type VarianceScalingDistribution = (typeof DISTRIBUTIONS)[number];

/**
 * `tf.variance_scaling_initializer`: values with variance `scale / n`, n the fan-in, the fan-out
 * or their mean. 'truncated_normal' (and its old name 'normal') divides the stddev by 0.8796…,
 * the stddev of a standard normal truncated to [-2, 2], so the values keep that variance.
 */
export class VarianceScaling extends Initializer {
  readonly distribution: VarianceScalingDistribution;
  readonly dtype: DType;
  constructor(
    readonly scale = 1.0,
    readonly mode: FanMode = 'fan_in',
    distribution: VarianceScalingDistribution = 'truncated_normal',
    readonly seed: number | null = null,
    dtype: DType = float32,
  ) {
    super();
    if (!(scale > 0)) throw new ValueError(`Argument \`scale\` must be a positive float. Received: ${pyFloat(scale)}`);
    if (!MODES.includes(mode)) {
      throw new ValueError(`Argument \`mode\` should be one of ('fan_in', 'fan_out', 'fan_avg'). Received: ${mode}`);
    }
    const dist = distribution.toLowerCase() as VarianceScalingDistribution;
    if (!DISTRIBUTIONS.includes(dist)) {
      // TF's wording, missing quote included.
      throw new ValueError(
        `Argument \`distribution\` should be one of ('normal', uniform', 'truncated_normal', 'untruncated_normal'). Received: ${dist}`,
      );
    }
    this.distribution = dist;
    this.dtype = assertFloat(dtype);
  }

  override call(shape: readonly number[], dtype?: DType | null): Tensor {
    const [fanIn, fanOut] = computeFans(shape);
    const n = this.mode === 'fan_in' ? fanIn : this.mode === 'fan_out' ? fanOut : (fanIn + fanOut) / 2;
    const scale = this.scale / Math.max(1, n);
    const dt = dtype ?? this.dtype;
    const dims = shape as number[];
    if (this.distribution === 'normal' || this.distribution === 'truncated_normal') {
      // scipy.stats.truncnorm.std(a=-2, b=2, loc=0., scale=1.)
      return truncated_normal(dims, 0, Math.sqrt(scale) / 0.87962566103423978, dt, this.seed);
    }
    if (this.distribution === 'untruncated_normal') return random_normal(dims, 0, Math.sqrt(scale), dt, this.seed);
    const limit = Math.sqrt(3 * scale);
    return random_uniform(dims, -limit, limit, dt, this.seed);
  }

  override get_config(): Record<string, unknown> {
    return {scale: this.scale, mode: this.mode, distribution: this.distribution, seed: this.seed, dtype: this.dtype.name};
  }
}

/** TF1's `_compute_fans`: a conv kernel's receptive field multiplies both fans. */
function computeFans(shape: readonly number[]): [number, number] {
  if (shape.length < 1) return [1, 1];
  if (shape.length === 1) return [shape[0], shape[0]];
  if (shape.length === 2) return [shape[0], shape[1]];
  const receptive = shape.slice(0, -2).reduce((a, b) => a * b, 1);
  return [shape[shape.length - 2] * receptive, shape[shape.length - 1] * receptive];
}

/** Seed and config of the Glorot initializers; TF1 ignores their `dtype` argument (deprecated). */
abstract class Glorot extends VarianceScaling {
  override get_config(): Record<string, unknown> {
    return {seed: this.seed, dtype: this.dtype.name};
  }
}

/** `tf.glorot_uniform_initializer` (Xavier): uniform in ±sqrt(6 / (fan_in + fan_out)); get_variable's default. */
export class GlorotUniform extends Glorot {
  constructor(seed: number | null = null) {
    super(1.0, 'fan_avg', 'uniform', seed);
  }
}

/** `tf.glorot_normal_initializer`: truncated normal with stddev sqrt(2 / (fan_in + fan_out)). */
export class GlorotNormal extends Glorot {
  constructor(seed: number | null = null) {
    super(1.0, 'fan_avg', 'truncated_normal', seed);
  }
}

type InitSeed = number | null;

export interface RandomUniformInitOptions {
  minval?: TensorLike;
  maxval?: TensorLike | null;
  seed?: InitSeed;
  dtype?: DTypeLike;
}
/** `tf.random_uniform_initializer(minval=0, maxval=None, seed=None, dtype=tf.float32)`. */
export function random_uniform_initializer(
  ...args: ArgsOf<[minval: TensorLike, maxval: TensorLike | null, seed: InitSeed, dtype: DTypeLike], RandomUniformInitOptions>
): Initializer {
  const o = bindArgs<RandomUniformInitOptions>('random_uniform_initializer', ['minval', 'maxval', 'seed', 'dtype'], args);
  return new RandomUniform(o.minval ?? 0, o.maxval ?? null, o.seed ?? null, as_dtype(o.dtype ?? float32));
}

export interface NormalInitOptions {
  mean?: TensorLike;
  stddev?: TensorLike;
  seed?: InitSeed;
  dtype?: DTypeLike;
}
type NormalInitArgs = ArgsOf<[mean: TensorLike, stddev: TensorLike, seed: InitSeed, dtype: DTypeLike], NormalInitOptions>;
const NORMAL_INIT_NAMES = ['mean', 'stddev', 'seed', 'dtype'] as const;

/** `tf.random_normal_initializer(mean=0.0, stddev=1.0, seed=None, dtype=tf.float32)`. */
export function random_normal_initializer(...args: NormalInitArgs): Initializer {
  const o = bindArgs<NormalInitOptions>('random_normal_initializer', NORMAL_INIT_NAMES, args);
  return new RandomNormal(o.mean ?? 0, o.stddev ?? 1, o.seed ?? null, as_dtype(o.dtype ?? float32));
}
/** `tf.truncated_normal_initializer(mean=0.0, stddev=1.0, seed=None, dtype=tf.float32)`. */
export function truncated_normal_initializer(...args: NormalInitArgs): Initializer {
  const o = bindArgs<NormalInitOptions>('truncated_normal_initializer', NORMAL_INIT_NAMES, args);
  return new TruncatedNormal(o.mean ?? 0, o.stddev ?? 1, o.seed ?? null, as_dtype(o.dtype ?? float32));
}

export interface VarianceScalingOptions {
  scale?: number;
  mode?: FanMode;
  distribution?: VarianceScalingDistribution;
  seed?: InitSeed;
  dtype?: DTypeLike;
}
/** `tf.variance_scaling_initializer(scale=1.0, mode='fan_in', distribution='truncated_normal', seed=None, dtype=tf.float32)`. */
export function variance_scaling_initializer(
  ...args: ArgsOf<[scale: number, mode: FanMode, distribution: VarianceScalingDistribution, seed: InitSeed, dtype: DTypeLike], VarianceScalingOptions>
): Initializer {
  const o = bindArgs<VarianceScalingOptions>('variance_scaling_initializer', ['scale', 'mode', 'distribution', 'seed', 'dtype'], args);
  return new VarianceScaling(o.scale ?? 1.0, o.mode ?? 'fan_in', o.distribution ?? 'truncated_normal', o.seed ?? null, as_dtype(o.dtype ?? float32));
}

export interface GlorotOptions {
  seed?: InitSeed;
  dtype?: DTypeLike;
}
type GlorotArgs = ArgsOf<[seed: InitSeed, dtype: DTypeLike], GlorotOptions>;

/** `tf.glorot_uniform_initializer(seed=None, dtype=tf.float32)`; TF1 ignores `dtype` here. */
export function glorot_uniform_initializer(...args: GlorotArgs): Initializer {
  return new GlorotUniform(bindArgs<GlorotOptions>('glorot_uniform_initializer', ['seed', 'dtype'], args).seed ?? null);
}
/** `tf.glorot_normal_initializer(seed=None, dtype=tf.float32)`; TF1 ignores `dtype` here. */
export function glorot_normal_initializer(...args: GlorotArgs): Initializer {
  return new GlorotNormal(bindArgs<GlorotOptions>('glorot_normal_initializer', ['seed', 'dtype'], args).seed ?? null);
}
