/**
 * The graph optimizations (constant folding, shape specialization, pass-through ops, pruning of
 * orderless control dependencies) change how a plan runs, never what it computes: the same
 * training steps with them on and off give bit-identical losses and variables. (The whole suite
 * also runs with TF1TS_OPTIMIZE=0: see package.json's test script.)
 */
import {expect} from 'chai';
import * as tf from '../../src';
import {optimizationsEnabled, setOptimizations} from '../../src/session/options';

function train(steps: number): {losses: number[]; w: number[]; planSteps: number} {
  tf.reset_default_graph();
  tf.set_random_seed(7);
  const x = tf.placeholder(tf.float32, [null, 6], 'x');
  const y = tf.placeholder(tf.int32, [null], 'y');
  const w = new tf.Variable(tf.random_normal([6, 3]), {name: 'w'});
  const b = new tf.Variable(tf.zeros([3]), {name: 'b'});
  const h = tf.nn.relu(tf.matmul(x, w).add(b));
  const loss = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits({labels: y, logits: h}))
    .add(tf.nn.l2_loss(w).mul(0.01));
  const gs = tf.train.get_or_create_global_step();
  const lr = tf.train.exponential_decay(0.1, gs, 2, 0.9);
  const opt = new tf.train.AdamOptimizer(lr).minimize(loss, {global_step: gs});
  using sess = new tf.Session();
  sess.run(tf.global_variables_initializer());
  const plansBefore = sess._planCount;
  const rs = new tf.RandomState(3);
  const losses: number[] = [];
  for (let i = 0; i < steps; i++) {
    // Batches of two sizes: plans specialized to each shape.
    const n = i % 3 === 2 ? 5 : 8;
    const xs = new tf.NDArray(Float32Array.from({length: n * 6}, () => rs.random() - 0.5), [n, 6], 'float32');
    const ys = new tf.NDArray(Int32Array.from({length: n}, () => rs.interval(2)), [n], 'int32');
    losses.push(sess.run([opt, loss], [[x, xs], [y, ys]])[1] as number);
  }
  const planSteps = sess._planCount - plansBefore;
  return {losses, w: Array.from((sess.run(w) as tf.NDArray).data as Float32Array), planSteps};
}

describe('graph optimizations', () => {
  const initially = optimizationsEnabled();
  afterEach(() => setOptimizations(initially));

  it('give bit-identical training results', () => {
    setOptimizations(true);
    const on = train(12);
    setOptimizations(false);
    const off = train(12);
    expect(on.losses).to.deep.equal(off.losses);
    expect(on.w).to.deep.equal(off.w);
    expect(on.planSteps).to.equal(2); // one plan per fed batch shape
  });
});
