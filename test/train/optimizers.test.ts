/**
 * Every TF1 optimizer, with and without a learning-rate schedule and a global step, on a fixed
 * least-squares problem: losses, variables and slots after each step equal real TensorFlow's
 * (test/fixtures/optimizers.json, from test/fixtures/gen/optimizers.py), as do the names of the
 * slot variables and of the train op.
 */
import {expect} from 'chai';
import * as tf from '../../src';
import {decode, expectAllClose, liveTensors, loadFixture, type Encoded} from '../helpers/golden';

interface Step {
  loss: number;
  w: Encoded;
  b: Encoded;
  slots: Record<string, Encoded[]>;
  global_step?: number;
}
interface Config {
  name: string;
  global_step: boolean;
  variables: string[];
  slot_names: string[];
  slots: Record<string, string[]>;
  train_op: string;
  steps: Step[];
}
const F = loadFixture<{X: Encoded; Y: Encoded; W0: Encoded; B0: Encoded; configs: Config[]}>('optimizers');

type Gs = tf.Variable;
const OPTIMIZERS: Record<string, (gs: Gs) => tf.train.Optimizer> = {
  GradientDescent: () => new tf.train.GradientDescentOptimizer(0.1),
  GradientDescent_decay: (gs) => new tf.train.GradientDescentOptimizer(tf.train.exponential_decay(0.2, gs, 2, 0.5)),
  Momentum: () => new tf.train.MomentumOptimizer(0.05, 0.9),
  Momentum_nesterov: () => new tf.train.MomentumOptimizer(0.05, 0.9, {use_nesterov: true}),
  Adagrad: () => new tf.train.AdagradOptimizer(0.1),
  Adagrad_init: () => new tf.train.AdagradOptimizer(0.3, {initial_accumulator_value: 0.5}),
  Adadelta_default: () => new tf.train.AdadeltaOptimizer(),
  Adadelta: () => new tf.train.AdadeltaOptimizer(1.0, {rho: 0.9, epsilon: 1e-6}),
  Adam_default: () => new tf.train.AdamOptimizer(),
  Adam: () => new tf.train.AdamOptimizer(0.05, {beta1: 0.8, beta2: 0.99, epsilon: 1e-7}),
  Adam_decay: (gs) => new tf.train.AdamOptimizer(tf.train.exponential_decay(0.1, gs, 3, 0.7, {staircase: true})),
  Ftrl: () => new tf.train.FtrlOptimizer(0.2),
  Ftrl_l1l2: () => new tf.train.FtrlOptimizer(0.2, {l1_regularization_strength: 0.05, l2_regularization_strength: 0.1}),
  Ftrl_power: () => new tf.train.FtrlOptimizer(0.2, {learning_rate_power: -0.7, initial_accumulator_value: 0.2}),
  Ftrl_shrinkage: () => new tf.train.FtrlOptimizer(0.2, {l2_shrinkage_regularization_strength: 0.05}),
  RMSProp: () => new tf.train.RMSPropOptimizer(0.01),
  RMSProp_momentum: () => new tf.train.RMSPropOptimizer(0.01, {decay: 0.8, momentum: 0.9, epsilon: 1e-6}),
  RMSProp_centered: () => new tf.train.RMSPropOptimizer(0.01, {momentum: 0.5, centered: true}),
};

const TOL = {rtol: 2e-5, atol: 1e-6};

describe('optimizers (vs TF, several steps)', () => {
  for (const c of F.configs) {
    it(c.name, () => {
      tf.reset_default_graph();
      const x = tf.constant(decode(F.X));
      const y = tf.constant(decode(F.Y));
      const w = new tf.Variable(decode(F.W0), {name: 'w'});
      const b = new tf.Variable(decode(F.B0), {name: 'b'});
      const loss = tf.reduce_mean(tf.square(tf.matmul(x, w).add(b).sub(y)));
      const gs = new tf.Variable(0, {trainable: false, name: 'global_step', dtype: tf.int32});
      const opt = OPTIMIZERS[c.name](gs);
      const train = c.global_step ? opt.minimize(loss, {global_step: gs}) : opt.minimize(loss);
      const expectedVars = c.global_step ? c.variables : [...c.variables, 'global_step'].sort();
      expect(tf.global_variables().map((v) => v.op.name).sort()).to.deep.equal(expectedVars);
      expect(opt.get_slot_names()).to.deep.equal(c.slot_names);
      for (const [s, names] of Object.entries(c.slots)) expect([w, b].map((v) => opt.get_slot(v, s)!.op.name)).to.deep.equal(names);
      expect(train.name).to.equal(c.train_op);

      using sess = new tf.Session();
      sess.run(tf.global_variables_initializer());
      c.steps.forEach((step, i) => {
        const [, l] = sess.run([train, loss]);
        expectAllClose(l, step.loss, TOL, `${c.name} step ${i} loss`);
        expectAllClose(sess.run(w), decode(step.w), TOL, `${c.name} step ${i} w`);
        expectAllClose(sess.run(b), decode(step.b), TOL, `${c.name} step ${i} b`);
        for (const [s, values] of Object.entries(step.slots)) {
          [w, b].forEach((v, k) => expectAllClose(sess.run(opt.get_slot(v, s)!), decode(values[k]), TOL, `${c.name} step ${i} slot ${s}`));
        }
        if (step.global_step !== undefined) expect(sess.run(gs)).to.equal(step.global_step);
      });
    });
  }

  it('minimize without any gradient is TF\'s ValueError', () => {
    tf.reset_default_graph();
    const v = new tf.Variable(1.0, {name: 'v'});
    const unrelated = tf.constant(2.0);
    expect(() => new tf.train.GradientDescentOptimizer(0.1).minimize(unrelated)).to.throw(tf.errors.ValueError, 'No gradients provided for any variable');
    expect(v.name).to.equal('v:0');
  });

  it('trains without tensor growth over 10 000 steps', function () {
    this.timeout(120000);
    tf.reset_default_graph();
    const x = tf.placeholder(tf.float32, [null, 3], 'x');
    const w = new tf.Variable(decode(F.W0), {name: 'w'});
    const loss = tf.reduce_mean(tf.square(tf.matmul(x, w)));
    const gs = tf.train.get_or_create_global_step();
    const train = new tf.train.AdamOptimizer(0.001).minimize(loss, {global_step: gs});
    const sess = new tf.Session();
    sess.run(tf.global_variables_initializer());
    const batch = decode(F.X);
    sess.run(train, [[x, batch]]);
    const warm = liveTensors();
    for (let i = 0; i < 10000; i++) sess.run(train, [[x, batch]]);
    expect(liveTensors()).to.equal(warm);
    expect(sess.run(gs)).to.equal(10001);
    sess.close();
  });
});
