/**
 * tf1ts → TensorFlow: writes GraphDefs tf1ts builds, text and binary, into
 * $TF1TS_INTEROP_DIR/from_tf1ts (default /tmp/tf1ts-interop), with the values tf1ts computes from
 * them (samples.json), and the values tf1ts computes from every graph/*.pbtxt (graph_values.json),
 * for scripts/interop/graphdef.py to check under real TensorFlow.
 *
 *     node -r ts-node/register/transpile-only scripts/interop/write_samples.ts
 */
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '../../src';
import {NDArray} from '../../src/ndarray/ndarray';
import {import_graph_def} from '../../src/framework/import_graph_def';
import {readGraphDef, write_graph} from '../../src/framework/graph_io';
import {DIR, REPO, encode, replay, writeJson, type Encoded} from './samples';

const OUT = path.join(DIR, 'from_tf1ts');

function build(fn: () => void): tf.Graph {
  const g = new tf.Graph();
  g.as_default(fn);
  return g;
}

const xs = NDArray.from([[0.1, 0.2, 0.3, 0.4], [0.5, -0.6, 0.7, 0.8], [0.9, 1.0, -1.1, 1.2]], 'float32');
const ys = NDArray.from([[1, 0, 0], [0, 0, 1], [0, 1, 0]], 'float32');
const xorX = NDArray.from([[0, 0], [0, 1], [1, 0], [1, 1]], 'float32');
const xorY = NDArray.from([[0], [1], [1], [0]], 'float32');

/** Each sample: its graph and the runs to repeat on it. */
const SAMPLES: Record<string, () => [tf.Graph, [string[], Record<string, NDArray>][]]> = {
  listing_4_14: () => [build(() => {
    tf.matmul(tf.constant([[1.0, 2.0]]), tf.constant([[1.0], [3.0]]), {name: 'exampleop'});
  }), [[['exampleop:0'], {}]]],

  softmax_regression: () => [build(() => {
    const x = tf.placeholder(tf.float32, [null, 4], 'x');
    const y_ = tf.placeholder(tf.float32, [null, 3], 'y_');
    const W = new tf.Variable(tf.zeros([4, 3]), {name: 'W'});
    const b = new tf.Variable(tf.zeros([3]), {name: 'b'});
    const y = tf.nn.softmax(tf.matmul(x, W).add(b), {name: 'y'});
    const loss = tf.reduce_mean(tf.reduce_sum(y_.mul(tf.log(y)), {axis: 1}).neg(), {name: 'loss'});
    new tf.train.GradientDescentOptimizer(0.5).minimize(loss, {name: 'train'});
    tf.global_variables_initializer();
  }), [[['init'], {}], ...[0, 1, 2].map((): [string[], Record<string, NDArray>] => [['train', 'loss:0', 'b:0'], {'x:0': xs, 'y_:0': ys}]), [['y:0', 'W:0'], {'x:0': xs}]]],

  xor_adam: () => [build(() => {
    const x = tf.placeholder(tf.float32, [null, 2], 'n_input');
    const y = tf.placeholder(tf.float32, [null, 1], 'n_output');
    const bh = new tf.Variable(0.1, {name: 'hidden_bias'});
    const Wh = new tf.Variable([[0.5, -0.3], [0.2, 0.8]], {name: 'hidden_weights'});
    const hidden = tf.sigmoid(tf.matmul(x, Wh).add(bh));
    const Wo = new tf.Variable([[0.7], [-0.4]], {name: 'output_weights'});
    const loss = tf.reduce_mean(tf.square(tf.sigmoid(tf.matmul(hidden, Wo)).sub(y)), {name: 'loss'});
    const step = tf.train.get_or_create_global_step();
    new tf.train.AdamOptimizer(0.1).minimize(loss, {global_step: step, name: 'train'});
    tf.global_variables_initializer();
  }), [[['init'], {}], ...[0, 1, 2, 3].map((): [string[], Record<string, NDArray>] => [['train', 'loss:0'], {'n_input:0': xorX, 'n_output:0': xorY}]), [['hidden_weights:0', 'beta1_power:0', 'global_step:0'], {}]]],

  many_ops: () => [build(() => {
    const x = tf.placeholder(tf.float32, [null, 4], 'x');
    const r = tf.reshape(tf.transpose(x), [-1, 2], 'r');
    tf.reduce_sum(r, {axis: 1, keep_dims: true, name: 'sum'});
    tf.concat([r, r.mul(2)], 1, 'concat');
    tf.stack([r, r], {axis: 1, name: 'stack'});
    tf.argmax(r, 1, {name: 'argmax'});
    tf.nn.leaky_relu(r, {alpha: 0.25, name: 'leaky'});
    tf.one_hot(tf.constant([0, 2, 1], tf.int32), 3, {name: 'one_hot'});
    tf.cast(tf.greater(r, 0.0), tf.float32, 'cast');
    tf.nn.softmax_cross_entropy_with_logits_v2({labels: tf.nn.softmax(r), logits: r, name: 'xent'});
    tf.constant(['a', 'b\n"c"', 'é'], tf.string, null, 'strings');
    tf.constant([1, 2, 3], tf.int64, null, 'int64s');
    tf.random_uniform([2, 2], {seed: 7, name: 'seeded_uniform'});
  }), [[['sum:0', 'concat:0', 'stack:0', 'argmax:0', 'leaky:0', 'one_hot:0', 'cast:0', 'xent:0', 'strings:0', 'int64s:0', 'seeded_uniform:0'], {'x:0': xs}]]],
};

const RANDOM = /^(RandomStandardNormal|RandomUniform|RandomUniformInt|TruncatedNormal|Multinomial|RandomShuffle)$/;
const NEEDS_INPUT = /^(Placeholder|VariableV2|SaveV2|RestoreV2|MergeV2Checkpoints|ShardedFilename|ReadFile|WriteFile)$/;

/** For a graph/ file: the values tf1ts computes for every feed-free tensor, and every variable once initialized. */
function graphValues(file: string): {initializers: string[]; fetches: string[]; results: (Encoded | null)[]; unseeded: string[]} {
  const g = build(() => import_graph_def(readGraphDef(file), {name: ''}));
  const memo = new Map<tf.Operation, {free: boolean; unseeded: boolean}>();
  const visit = (op: tf.Operation): {free: boolean; unseeded: boolean} => {
    let v = memo.get(op);
    if (v) return v;
    const deps = [...op.inputs.map((t) => t.op), ...op.control_inputs].map(visit);
    const own = RANDOM.test(op.type) && !op.attrs.seed && !op.attrs.seed2;
    v = {free: !NEEDS_INPUT.test(op.type) && deps.every((d) => d.free), unseeded: own || deps.some((d) => d.unseeded)};
    memo.set(op, v);
    return v;
  };
  const ops = g.get_operations();
  // Every variable's initializer (`V/Assign`): what tf.global_variables_initializer groups.
  const initializers = ops.filter((op) => op.type === 'Assign' && op.inputs[0].op.type === 'VariableV2' && op.name === `${op.inputs[0].op.name}/Assign`);
  const fetches = ops.filter((op) => visit(op).free).flatMap((op) => op.outputs.map((t) => t.name));
  fetches.push(...initializers.map((op) => op.inputs[0].name));
  const unseeded = fetches.filter((n) => {
    const op = g.get_operation_by_name(n.replace(/:\d+$/, ''));
    return visit(op).unseeded || (op.type === 'VariableV2' && ops.some((a) => a.type === 'Assign' && a.inputs[0].op === op && visit(a.inputs[1].op).unseeded));
  });
  using sess = new tf.Session({graph: g});
  sess.run(initializers);
  const results = (sess.run(fetches) as unknown[]).map(encode);
  return {initializers: initializers.map((op) => op.name), fetches, results, unseeded};
}

function main(): void {
  fs.rmSync(OUT, {recursive: true, force: true});
  const samples: Record<string, {runs: unknown[]}> = {};
  for (const [name, make] of Object.entries(SAMPLES)) {
    const [graph, runs] = make();
    write_graph(graph, OUT, `${name}.pbtxt`);
    write_graph(graph, OUT, `${name}.pb`, {as_text: false});
    samples[name] = {runs: replay(graph, runs)};
  }
  writeJson(path.join(OUT, 'samples.json'), samples);
  const graphDir = path.join(REPO, 'graph');
  const values: Record<string, unknown> = {};
  for (const f of fs.readdirSync(graphDir).filter((x) => x.endsWith('.pbtxt')).sort()) values[f] = graphValues(path.join(graphDir, f));
  writeJson(path.join(OUT, 'graph_values.json'), values);
  console.log(`wrote ${Object.keys(samples).length} samples and the values of ${Object.keys(values).length} graph/ files to ${OUT}`);
}

main();
