/**
 * TF1's learning-rate schedules against real TensorFlow (test/fixtures/learning_rate_decay.json,
 * written by test/fixtures/gen/learning_rate_decay.py): the book's listing 6-3 line for line, and
 * every schedule's graph and its rate at steps 0…40.
 */
import {expect} from 'chai';
import * as tf from '../../src';
import {NDArray} from '../../src/ndarray/ndarray';
import {decode, expectAllClose, freshGraph, liveTensors, loadFixture, type Encoded} from '../helpers/golden';

interface Case {
  name: string;
  fn: string;
  step_dtype: string;
  inputs: {kind: 'const'; value: Encoded}[];
  args: unknown[];
  kwargs: Record<string, unknown>;
  ops?: [string, string][];
  result?: string;
  dtype?: string;
  shape?: string;
  steps?: number[];
  values?: Encoded;
  error?: {class: string; message: string};
}
interface Fixture {
  listing_6_3: {lines: string[]; ops: [string, string][]};
  cases: Case[];
}

const fixture = loadFixture<Fixture>('learning_rate_decay');

type Schedule = (...args: unknown[]) => tf.Tensor;
const SCHEDULES = tf.train as unknown as Record<string, Schedule>;

const ERRORS: Record<string, Function> = {ValueError: tf.errors.ValueError, TypeError};

/** TF 2's schedules fail on a None global_step converting it; TF1 checked it first, as tf1ts does. */
const TF1_MESSAGES: Record<string, string> = {
  'exponential_decay without global_step': 'global_step is required for exponential_decay.',
};

/** `tf.add` is TF1's op 'Add' (TF 2.x's math_ops.add builds 'AddV2'). */
function asTf1ts(ops: [string, string][]): [string, string][] {
  return ops.map(([name, type]) => [name, type === 'AddV2' ? 'Add' : type]);
}

function opsOf(g: tf.Graph): [string, string][] {
  return g.get_operations().map((op) => [op.name, op.type]);
}

/** Listing 6-3, ported line for line; `global_step` as the caller makes it. */
function listing63(global_step: tf.Variable): string[] {
  const initial_learning_rate = 0.1;
  const learning_rate = tf.train.exponential_decay(initial_learning_rate, global_step, {decay_steps: 10, decay_rate: 0.9});
  const add_global = global_step.assign_add(1);
  const lines: string[] = [];
  using sess = new tf.Session();
  tf.global_variables_initializer().run();
  lines.push(String(sess.run(learning_rate)));
  for (let i = 0; i < 20; i++) {
    const [g, rate] = sess.run([add_global, learning_rate]);
    lines.push(`${g} ${rate}`);
  }
  return lines;
}

describe('learning_rate_decay: listing 6-3', () => {
  it("prints TF's lines: 1 0.1, 2 0.09895193 … 20 0.08185793", () =>
    freshGraph(() => {
      expect(listing63(new tf.Variable(0, {trainable: false}))).to.deep.equal(fixture.listing_6_3.lines);
    }));

  it("builds TF's graph for Python's int global step", () =>
    freshGraph(() => {
      const lines = listing63(new tf.Variable(0, {trainable: false, dtype: tf.int32}));
      expect(opsOf(tf.get_default_graph())).to.deep.equal(fixture.listing_6_3.ops);
      expect(lines).to.deep.equal(fixture.listing_6_3.lines);
    }));
});

/** A JSON argument: {global_step: true} is the step Variable, {input: i} the case's i-th input. */
function resolve(arg: unknown, step: tf.Variable, built: tf.Tensor[]): unknown {
  if (Array.isArray(arg)) return arg.map((a) => resolve(a, step, built));
  if (arg !== null && typeof arg === 'object' && 'global_step' in arg) return step;
  if (arg !== null && typeof arg === 'object' && 'input' in arg) return built[(arg as {input: number}).input];
  return arg;
}

function build(c: Case, step: tf.Variable, built: tf.Tensor[]): tf.Tensor {
  const args = c.args.map((a) => resolve(a, step, built));
  const kwargs = Object.entries(c.kwargs).map(([k, v]) => [k, resolve(v, step, built)]);
  if (kwargs.length) args.push(Object.fromEntries(kwargs));
  return SCHEDULES[c.fn](...args);
}

function runCase(c: Case): void {
  const step = new tf.Variable(0, {trainable: false, dtype: c.step_dtype});
  const built = c.inputs.map((s) => tf.constant(decode(s.value)));
  if (c.error) {
    expect(() => build(c, step, built)).to.throw(ERRORS[c.error.class], TF1_MESSAGES[c.name] ?? c.error.message);
    return;
  }
  const rate = build(c, step, built);
  // TF1 picks piecewise_constant's value with tf.case (Switch/Merge); tf1ts with Selects.
  if (!c.fn.startsWith('piecewise_constant')) {
    expect(opsOf(tf.get_default_graph())).to.deep.equal(asTf1ts(c.ops!));
    expect(rate.name).to.equal(c.result);
  }
  expect(rate.dtype.name).to.equal(c.dtype);
  expect(String(rate.shape)).to.equal(c.shape);
  const before = liveTensors();
  const sess = new tf.Session();
  try {
    sess.run(tf.global_variables_initializer());
    const values = c.steps!.map((s) => {
      step.load(s, sess);
      return sess.run(rate) as number;
    });
    expectAllClose(NDArray.from(values, 'float64'), decode(c.values!), {rtol: 1e-5, atol: 1e-8}, c.name);
  } finally {
    sess.close();
  }
  expect(liveTensors(), 'tfjs tensors leaked').to.equal(before);
}

describe('learning_rate_decay: golden schedules from real TF', () => {
  for (const c of fixture.cases) it(c.name, () => freshGraph(() => runCase(c)));
});

describe('learning_rate_decay: arguments', () => {
  it('takes every argument positionally, as keywords, or both', () =>
    freshGraph(() => {
      const gs = new tf.Variable(0, {trainable: false, dtype: tf.int32});
      const rates = [
        tf.train.exponential_decay(0.1, gs, 10, 0.9, true),
        tf.train.exponential_decay(0.1, gs, 10, 0.9, {staircase: true}),
        tf.train.exponential_decay({learning_rate: 0.1, global_step: gs, decay_steps: 10, decay_rate: 0.9, staircase: true}),
      ];
      expect(rates.map((r) => r.name)).to.deep.equal(['ExponentialDecay:0', 'ExponentialDecay_1:0', 'ExponentialDecay_2:0']);
      using sess = new tf.Session();
      sess.run(tf.global_variables_initializer());
      gs.load(25, sess);
      const staircase = fixture.cases.find((c) => c.name === 'exponential_decay staircase=True')!;
      const [a, b, c] = sess.run(rates) as number[];
      expect([b, c]).to.deep.equal([a, a]);
      expectAllClose(a, decode(staircase.values!).data[25] as number, {rtol: 1e-6, atol: 0});
    }));

  it('accepts a tensor as global step and a fed placeholder', () =>
    freshGraph(() => {
      const step = tf.placeholder(tf.int32, []);
      const rate = tf.train.inverse_time_decay(0.1, step, 5, 0.5);
      using sess = new tf.Session();
      expect(sess.run(rate, {feed_dict: [[step, 10]]})).to.equal(0.05);
    }));

  it("raises Python's TypeError for an unknown keyword", () =>
    freshGraph(() => {
      const gs = new tf.Variable(0, {trainable: false});
      const call = () => tf.train.cosine_decay(0.1, gs, 10, {alpha: 0, beta: 1} as tf.train.CosineDecayOptions);
      expect(call).to.throw(TypeError, "cosine_decay() got an unexpected keyword argument 'beta'");
    }));
});
