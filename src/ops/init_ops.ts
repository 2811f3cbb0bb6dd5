/**
 * Initializers (`tf.zeros_initializer()`, `tf.constant_initializer(0.4)`, `tf.glorot_uniform_initializer()` …):
 * objects that build a variable's initial value for a given shape and dtype, as TF1's init_ops.
 */
import {as_dtype, float32, type DType, type DTypeLike} from '../framework/dtypes';
import {constant} from '../framework/constant_op';
import type {Tensor} from '../framework/tensor';
import type {NDArrayLike} from '../ndarray/ndarray';
import {ones, zeros} from './array_ops';

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
