/**
 * The tf1ts side of scripts/interop/checkpoint.py (not run in CI).
 *
 *     npx ts-node --transpile-only scripts/interop/write_checkpoints.ts <dir>
 *
 * 1. Writes checkpoints with tf1ts under <dir>/tf1ts/ (a trained linear regression, an Adam model
 *    with its slots and an int64 global step, one variable of every dtype, a
 *    MonitoredTrainingSession directory, an index of several table blocks) and
 *    <dir>/tf1ts/values.json: every tensor as tf1ts saved it, and the losses of 4 more Adam steps
 *    after the save.
 * 2. Reads the checkpoints real TF wrote under <dir>/tf/ (by checkpoint.py) and writes
 *    <dir>/tf1ts_read.json: every tensor as tf1ts reads it, and the losses of 4 Adam steps after
 *    restoring TF's Adam checkpoint into the same graph built by tf1ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '../../src';
import {NDArray} from '../../src/ndarray/ndarray';
import {Saver} from '../../src/train/saver';
import {latest_checkpoint} from '../../src/train/checkpoint_management';
import {writeBundle} from '../../src/train/checkpoint_bundle';
import {NewCheckpointReader} from '../../src/train/checkpoint_reader';
import {MonitoredTrainingSession} from '../../src/train/monitored_session';
import {StopAtStepHook} from '../../src/train/checkpoint_saver_hook';

const dir = process.argv[2];
if (!dir) throw new Error('usage: write_checkpoints.ts <dir>');
const OUT = path.join(dir, 'tf1ts');
fs.mkdirSync(OUT, {recursive: true});

type Json = {dtype: string; shape: number[]; data: (number | string | boolean)[]};
const json = (a: NDArray): Json => ({dtype: a.dtype, shape: [...a.dims], data: Array.from(a.data as ArrayLike<number | string>)});

/** Every tensor of a checkpoint, as tf1ts reads it. */
function dump(prefix: string): Record<string, Json> {
  const r = NewCheckpointReader(prefix);
  return Object.fromEntries(Object.keys(r.get_variable_to_shape_map()).map((k) => [k, json(r.get_tensor(k))]));
}

/** The Adam problem both sides build: data from checkpoint.py's adam_data.json. */
function adamGraph(data: {x: number[][]; y: number[][]; w0: number[][]}) {
  tf.reset_default_graph();
  const X = tf.placeholder(tf.float32, [null, 3], 'X');
  const Y = tf.placeholder(tf.float32, [null, 1], 'Y');
  const W = new tf.Variable(data.w0, {name: 'weight'});
  const b = new tf.Variable(tf.zeros([1]), {name: 'bias'});
  const global_step = tf.train.get_or_create_global_step();
  const loss = tf.reduce_mean(tf.square(tf.matmul(X, W).add(b).sub(Y)));
  const train = new tf.train.AdamOptimizer(0.1).minimize(loss, {global_step});
  const step = (sess: tf.Session): number => sess.run([train, loss], [[X, data.x], [Y, data.y]])[1];
  return {global_step, step};
}

const adamData = JSON.parse(fs.readFileSync(path.join(dir, 'adam_data.json'), 'utf8'));
const values: Record<string, unknown> = {};

// 1a. Listing 3-1's model after 10 steps of gradient descent, saved with a global step.
{
  tf.reset_default_graph();
  const X = tf.placeholder('float');
  const Y = tf.placeholder('float');
  const W = new tf.Variable([0.5], {name: 'weight'});
  const b = new tf.Variable(tf.zeros([1]), {name: 'bias'});
  const cost = tf.reduce_mean(tf.square(Y.sub(tf.multiply(X, W).add(b))));
  const train = new tf.train.GradientDescentOptimizer(0.1).minimize(cost);
  using sess = new tf.Session();
  sess.run(tf.global_variables_initializer());
  for (let i = 0; i < 10; i++) sess.run(train, [[X, [0.1 * i, 1]], [Y, [0.2 * i + 0.3, 2.3]]]);
  const p = new Saver().save(sess, path.join(OUT, 'lr', 'linermodel.cpkt'), {global_step: 10})!;
  values.lr = {prefix: p, tensors: dump(p)};
}

// 1b. Adam: 6 steps, saved (every 2 steps, max_to_keep=2), then 4 more steps.
{
  const g = adamGraph(adamData);
  const saver = new Saver(null, {max_to_keep: 2});
  using sess = new tf.Session();
  sess.run(tf.global_variables_initializer());
  let p = '';
  for (let i = 0; i < 3; i++) {
    g.step(sess);
    g.step(sess);
    p = saver.save(sess, path.join(OUT, 'adam', 'model.ckpt'), {global_step: g.global_step})!;
  }
  values.adam = {prefix: p, tensors: dump(p), losses_after: Array.from({length: 4}, () => g.step(sess))};
}

// 1c. One variable of each dtype.
{
  tf.reset_default_graph();
  const vars = [
    // float64 values float32 can hold: tf1ts computes float64 in float32 (test/fixtures/checkpoints/dtypes reads 0.1 exactly)
    new tf.Variable(new NDArray(Float64Array.of(0.5, 0.25, -3), [3], 'float64'), {name: 'f64'}),
    new tf.Variable(new NDArray(Float32Array.of(0.5, -65504, 1e-4), [3], 'float16'), {name: 'f16', dtype: tf.float16}),
    new tf.Variable(new NDArray(Int32Array.of(-7, 2147483647), [2], 'int64'), {name: 'i64', dtype: tf.int64}),
    new tf.Variable(new NDArray(Int32Array.of(-128, 127), [2], 'int8'), {name: 'i8', dtype: tf.int8}),
    new tf.Variable(new NDArray(Int32Array.of(0, 255), [2], 'uint8'), {name: 'u8', dtype: tf.uint8}),
    new tf.Variable(new NDArray(Int32Array.of(-32768, 32767), [2], 'int16'), {name: 'i16', dtype: tf.int16}),
    new tf.Variable([true, false, true], {name: 'flag'}),
    new tf.Variable(['hello', '', '作者 😀'], {name: 'text'}),
    new tf.Variable(2.5, {name: 'scalar'}),
    // (tf.zeros([0, 3]) raises in tf1ts today: an empty shape is built from an NDArray)
    new tf.Variable(new NDArray(new Float32Array(0), [0, 3], 'float32'), {name: 'nested/empty'}),
  ];
  using sess = new tf.Session();
  sess.run(tf.global_variables_initializer());
  const p = new Saver(vars).save(sess, path.join(OUT, 'dtypes', 'model.ckpt'))!;
  values.dtypes = {prefix: p, tensors: dump(p)};
}

// 1d. MonitoredTrainingSession: listing 4-7's graph, 5 steps.
{
  tf.reset_default_graph();
  const global_step = tf.train.get_or_create_global_step();
  const step = tf.assign_add(global_step, 1);
  {
    using sess = MonitoredTrainingSession({checkpoint_dir: path.join(OUT, 'monitored'), hooks: [new StopAtStepHook({num_steps: 5})]});
    while (!sess.should_stop()) sess.run(step);
  }
  const p = latest_checkpoint(path.join(OUT, 'monitored'))!;
  values.monitored = {prefix: p, tensors: dump(p)};
}
// 1e. An index of several 256 KiB table blocks: 8000 scalars with long names (differing early,
// so that prefix compression leaves them long), written as a bundle.
{
  const tensors = Array.from({length: 8000}, (_, i) => ({
    name: `${String(i).padStart(5, '0')}/a_rather_long_variable_name_to_fill_the_index_table_of_the_checkpoint`,
    dtype: tf.float32,
    value: new NDArray(Float32Array.of(i), [], 'float32'),
  }));
  writeBundle(path.join(OUT, 'many', 'model'), tensors);
}
fs.writeFileSync(path.join(OUT, 'values.json'), JSON.stringify(values));

// 2. TF's checkpoints, as tf1ts reads them; TF's Adam checkpoint restored and continued.
const read: Record<string, unknown> = {};
for (const name of ['lr', 'adam', 'dtypes']) {
  const p = latest_checkpoint(path.join(dir, 'tf', name));
  if (!p) throw new Error(`no TF checkpoint in ${path.join(dir, 'tf', name)}`);
  read[name] = {prefix: p, tensors: dump(p)};
}
{
  const g = adamGraph(adamData);
  using sess = new tf.Session();
  new Saver().restore(sess, latest_checkpoint(path.join(dir, 'tf', 'adam'))!);
  (read.adam as Record<string, unknown>).losses_after = Array.from({length: 4}, () => g.step(sess));
}
fs.writeFileSync(path.join(dir, 'tf1ts_read.json'), JSON.stringify(read));
console.log('tf1ts wrote', Object.keys(values).join(', '), 'and read', Object.keys(read).join(', '));
