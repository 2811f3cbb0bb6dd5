/** `tf.nn.dropout`, as TF 1.x builds it from `keep_prob`. */
import type {Tensor} from '../framework/tensor';
import {TensorShape} from '../framework/tensor_shape';
import {convert_to_tensor, type TensorLike} from '../framework/constant_op';
import {constant_value} from '../framework/constant_value';
import {get_default_graph} from '../framework/graph';
import {within} from '../framework/context';
import {ValueError} from '../framework/errors';
import {kwargs} from '../framework/args';
import {div} from './math_ops';
import {floor} from './math_unary_ops';
import {shape} from './array_ops';
import {random_uniform} from './random_ops';

export interface DropoutOptions {
  keep_prob?: TensorLike | null;
  noise_shape?: TensorLike | null;
  seed?: number | null;
  name?: string | null;
}

/** Python's `%g`: six significant digits, no trailing zeros. */
function formatG(x: number): string {
  return String(Number(x.toPrecision(6)));
}

/**
 * `tf.nn.dropout(x, keep_prob, noise_shape=None, seed=None, name=None)`: keeps each element with
 * probability `keep_prob`, scaled by 1 / keep_prob, else 0. TF 1.x's graph, in the scope
 * `dropout`: keep_prob + random_uniform(noise_shape) in [keep_prob, 1 + keep_prob), its floor
 * (1 with probability keep_prob), and x / keep_prob times that. A keep_prob known to be 1 returns
 * `x` itself. (TF 1.13+ rewrote it in terms of `rate`; the book's scripts use `keep_prob`.)
 */
export function dropout(
  x: TensorLike,
  ...args: [
    keep_prob?: TensorLike | DropoutOptions,
    noise_shape?: TensorLike | null | DropoutOptions,
    seed?: number | null | DropoutOptions,
    name?: string | null | DropoutOptions,
  ]
): Tensor {
  const o = kwargs('dropout', args, ['keep_prob', 'noise_shape', 'seed', 'name'], {
    keep_prob: null as TensorLike | null,
    noise_shape: null as TensorLike | null,
    seed: null as number | null,
    name: null as string | null,
  });
  const keepProb = o.keep_prob;
  if (keepProb === null) throw new TypeError("dropout() missing 1 required positional argument: 'keep_prob'");
  return within(get_default_graph().name_scope(o.name ?? 'dropout'), () => {
    const xt = convert_to_tensor(x, null, 'x');
    if (!xt.dtype.is_floating) {
      throw new ValueError(`x has to be a floating point tensor since it's going to be scaled. Got a ${xt.dtype.name} tensor instead.`);
    }
    if (typeof keepProb === 'number' && !(keepProb > 0 && keepProb <= 1)) {
      throw new ValueError(`keep_prob must be a scalar tensor or a float in the range (0, 1], got ${formatG(keepProb)}`);
    }
    const keep = convert_to_tensor(keepProb, xt.dtype.base_dtype, 'keep_prob');
    if (!keep.shape.is_compatible_with(TensorShape.scalar())) {
      throw new ValueError(`Shapes ${keep.shape} and () are incompatible`);
    }
    if (constant_value(keep)?.item() === 1) return xt;
    const noiseShape = o.noise_shape ?? shape(xt);
    const randomTensor = keep.add(random_uniform(noiseShape, {seed: o.seed, dtype: xt.dtype.base_dtype}));
    const binaryTensor = floor(randomTensor);
    const ret = div(xt, keep).mul(binaryTensor);
    ret.set_shape(xt.shape);
    return ret;
  });
}
