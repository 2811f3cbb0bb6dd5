/**
 * Random ops: `tf.random_normal`, `tf.truncated_normal`, `tf.random_uniform` (random_ops_dist.ts),
 * `tf.random_shuffle` and `tf.multinomial`, all drawing with TF's own generator and kernels, so
 * that seeded graphs give TF's numbers.
 *
 * This module also makes glorot_uniform the default initializer of float variables, as TF1's
 * get_variable does. init_ops builds on random_ops_dist and variable_scope imports init_ops, so
 * the registration sits here, above both, where it makes no import cycle.
 */
import * as tfc from '@tensorflow/tfjs-core';
import {as_dtype, int32, int64, type DType, type DTypeLike} from '../framework/dtypes';
import {ValueError} from '../framework/errors';
import {convert_to_tensor, type TensorLike} from '../framework/constant_op';
import {within} from '../framework/context';
import {get_default_graph} from '../framework/graph';
import {applyOp} from '../framework/op_builder';
import {defineOp} from '../framework/registry';
import type {Tensor} from '../framework/tensor';
import {TensorShape} from '../framework/tensor_shape';
import type {NDArray} from '../ndarray/ndarray';
import {glorot_uniform_initializer} from './init_ops';
import {multinomialSamples, shufflePermutation} from './random_philox';
import {reserveOutputs, reserveSamples, seedAttrs, type ArgsOf, type Name, type Seed} from './random_ops_dist';
import {bindArgs} from '../framework/args';
import {sameAsInput, withRank} from './shape_utils';
import {setDefaultFloatInitializer} from './variable_scope';

export {random_normal, truncated_normal, random_uniform} from './random_ops_dist';
export type {NormalArgs, NormalOptions, ShapeArg, UniformArgs, UniformOptions} from './random_ops_dist';

setDefaultFloatInitializer(() => glorot_uniform_initializer());

const RandomShuffle = defineOp<{seed: number; seed2: number; T: DType}, [tfc.Tensor]>({
  type: 'RandomShuffle',
  inputs: ['value'],
  stateful: true,
  effects: true,
  infer: (ctx) => sameAsInput(ctx),
  kernel: ([value], _, ctx) => {
    const n = value.shape[0] ?? 1;
    if (value.size <= 1 || n <= 1) return [tfc.clone(value)];
    // TF reserves one 32-bit sample per swap (`ReserveSamples32(n - 1)`).
    const perm = shufflePermutation(reserveSamples(ctx, Math.floor((n + 2) / 4)), n);
    return [gatherRows(value, perm)];
  },
  grad: null,
});

function gatherRows(value: tfc.Tensor, perm: Int32Array): tfc.Tensor {
  if (value.dtype !== 'string') return tfc.gather(value, tfc.tensor1d(perm, 'int32'));
  // tfjs gathers numbers only: strings move on the host.
  const rows = value.dataSync() as unknown as Uint8Array[];
  const width = rows.length / perm.length;
  return tfc.tensor(Array.from(perm, (p) => rows.slice(p * width, (p + 1) * width)).flat(), value.shape, 'string');
}

export interface ShuffleOptions {
  seed?: Seed;
  name?: Name;
}

/** `tf.random_shuffle(value, seed=None, name=None)`: the rows of `value` (its first dimension) in random order. */
export function random_shuffle(value: TensorLike, ...args: ArgsOf<[seed: Seed, name: Name], ShuffleOptions>): Tensor {
  const o = bindArgs<ShuffleOptions>('random_shuffle', ['seed', 'name'], args);
  // TF1 takes the seeds before the op converts `value` (so before its Const exists).
  const seeds = seedAttrs(o.seed);
  return applyOp(RandomShuffle, [value], seeds, o.name ?? 'RandomShuffle').outputs[0];
}

const Multinomial = defineOp<{seed: number; seed2: number; T: DType; output_dtype: DType}, [NDArray, NDArray]>({
  type: 'Multinomial',
  inputs: [
    {name: 'logits', host: true, allowed: ['float16', 'bfloat16', 'float32', 'float64', 'int32', 'int64', 'int16', 'int8', 'uint8', 'uint16']},
    {name: 'num_samples', fixed: int32, host: true},
  ],
  stateful: true,
  effects: true,
  infer: (ctx) => {
    const [batch] = withRank(ctx, 0, 2).dims!;
    withRank(ctx, 1, 0);
    const v = ctx.constValue(1);
    const n = v === null ? null : Number(v.data[0]);
    if (n !== null && n < 0) ctx.fail(`Dimension size, given by scalar input 1, must be non-negative but is ${n}`);
    return [{dtype: ctx.attrs.output_dtype, shape: new TensorShape([batch, n])}];
  },
  kernel: ([logits, numSamples], _, ctx) => {
    if (logits.shape.length !== 2) ctx.fail(`logits should be a matrix, got shape [${logits.shape.join(',')}]`);
    if (numSamples.shape.length !== 0) ctx.fail(`num_samples should be a scalar, got shape [${numSamples.shape.join(',')}]`);
    const samples = Number(numSamples.data[0]);
    if (samples < 0) ctx.fail(`num_samples should be non-negative, got ${samples}`);
    const [batch, classes] = logits.shape;
    if (classes <= 0) ctx.fail(`num_classes should be positive, got ${classes}`);
    if (batch * samples === 0) return [tfc.zeros([batch, samples], 'int32')];
    // On CPU, per row: num_samples rounded up to 4, times 2 as each sample is a double (multinomial_op.cc).
    const gen = reserveOutputs(ctx, batch * Math.ceil(samples / 4) * 4 * 2);
    const out = multinomialSamples(gen, Float64Array.from(logits.data as ArrayLike<number>, Number), batch, classes, samples);
    return [tfc.tensor(out, [batch, samples], 'int32')];
  },
  grad: null,
});

export interface MultinomialOptions {
  seed?: Seed;
  name?: Name;
  output_dtype?: DTypeLike | null;
}

/**
 * `tf.multinomial(logits, num_samples, seed=None, name=None, output_dtype=None)`: for each row of
 * logits (unnormalised log-probabilities), `num_samples` class indices (int64 unless said otherwise).
 */
export function multinomial(
  logits: TensorLike,
  num_samples: TensorLike,
  ...args: ArgsOf<[seed: Seed, name: Name, output_dtype: DTypeLike | null], MultinomialOptions>
): Tensor {
  const o = bindArgs<MultinomialOptions>('multinomial', ['seed', 'name', 'output_dtype'], args);
  return within(get_default_graph().name_scope(o.name ?? 'multinomial'), () => {
    const l = convert_to_tensor(logits, null, 'logits');
    const dtype = o.output_dtype ? as_dtype(o.output_dtype) : int64;
    if (dtype !== int32 && dtype !== int64) {
      throw new ValueError(`Argument \`dtype\` got invalid value ${dtype}. Accepted dtypes are (tf.int32, tf.int64).`);
    }
    const seeds = seedAttrs(o.seed);
    return applyOp(Multinomial, [l, num_samples], {...seeds, output_dtype: dtype}, 'Multinomial').outputs[0];
  });
}
