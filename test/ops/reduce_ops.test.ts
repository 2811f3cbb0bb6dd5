/**
 * Reductions, argmax/argmin and count_nonzero against real TensorFlow: every case of
 * test/fixtures/reduce_ops.json (written by test/fixtures/gen/reduce_ops.py) is built with the
 * public API, and compared for op names and types, static shape and dtype, values, and errors.
 */
import {expect} from 'chai';
import * as tf from '../../src';
import {lookupOp} from '../../src/framework/registry';
import {NDArray} from '../../src/ndarray/ndarray';
import {decode, expectAllClose, freshGraph, liveTensors, loadFixture, type Encoded} from '../helpers/golden';

interface InputSpec {
  kind: 'const' | 'placeholder' | 'array';
  value?: Encoded;
  dtype?: string;
  shape?: (number | null)[] | null;
  feed?: Encoded;
}
interface Case {
  name: string;
  fn: string;
  inputs: InputSpec[];
  args: unknown[];
  kwargs: Record<string, unknown>;
  program?: string;
  ops?: [string, string][];
  dtype?: string;
  shape?: string;
  value?: Encoded;
  error?: {class: string; when: 'build' | 'run'; message: string};
}

const fixture = loadFixture<{cases: Case[]}>('reduce_ops');

type Fn = (...args: unknown[]) => tf.Tensor;
const FNS = {
  reduce_sum: tf.reduce_sum,
  reduce_mean: tf.reduce_mean,
  reduce_max: tf.reduce_max,
  reduce_min: tf.reduce_min,
  reduce_prod: tf.reduce_prod,
  reduce_all: tf.reduce_all,
  reduce_any: tf.reduce_any,
  reduce_logsumexp: tf.reduce_logsumexp,
  argmax: tf.argmax,
  argmin: tf.argmin,
  count_nonzero: tf.count_nonzero,
} as unknown as Record<string, Fn>;

/** The generator's programs, line for line. */
const PROGRAMS: Record<string, (...inputs: tf.Tensor[]) => tf.Tensor> = {
  // Listing 7-2: err = tf.count_nonzero(a1 - b1) with int64 argmax outputs.
  count_nonzero_of_argmax_diff: (p, labels) => tf.count_nonzero(tf.argmax(p, {axis: 1}).sub(tf.argmax(labels, {axis: 1}))),
};

const ERRORS: Record<string, abstract new (...args: never[]) => Error> = {
  ValueError: tf.errors.ValueError,
  TypeError,
  InvalidArgumentError: tf.errors.InvalidArgumentError,
};

/**
 * Where tf1ts knowingly differs from the TF 2.21 that wrote the fixture (the test expects the
 * rest of the case to match):
 * - `tf.add` is TF1's op 'Add' (TF 2.x's math_ops.add builds 'AddV2').
 * - TF's op_def_library converts an empty list axis twice (first as float32, rejected, then as
 *   int32), leaving a dangling Const 'Sum/reduction_indices' and using 'Sum/reduction_indices_1';
 *   tf1ts's applyOp converts it once.
 */
function asTf1ts(ops: [string, string][]): [string, string][] {
  const out = ops.map(([name, type]): [string, string] => [name, type === 'AddV2' ? 'Add' : type]);
  return out.flatMap(([name, type], i): [string, string][] => {
    if (out[i + 1]?.[0] === `${name}_1` && name.endsWith('/reduction_indices')) return [];
    if (name.endsWith('/reduction_indices_1') && out[i - 1]?.[0] === name.slice(0, -2)) return [[name.slice(0, -2), type]];
    return [[name, type]];
  });
}

type Built = tf.Tensor | NDArray;

function materialize(spec: InputSpec): Built {
  if (spec.kind === 'placeholder') return tf.placeholder(spec.dtype!, spec.shape);
  const value = decode(spec.value!);
  return spec.kind === 'const' ? tf.constant(value) : value;
}

/** A JSON argument: {input: i} is the case's i-th input, {dtype: name} a dtype, anything else itself. */
function resolve(arg: unknown, built: Built[]): unknown {
  if (arg !== null && typeof arg === 'object' && 'input' in arg) return built[(arg as {input: number}).input];
  if (arg !== null && typeof arg === 'object' && 'dtype' in arg) return (arg as {dtype: string}).dtype;
  return arg;
}

function build(c: Case, built: Built[]): tf.Tensor {
  if (c.program) return PROGRAMS[c.program](...(built as tf.Tensor[]));
  const args = c.args.map((a) => resolve(a, built));
  const entries = Object.entries(c.kwargs);
  if (entries.length) args.push(Object.fromEntries(entries.map(([k, v]) => [k, resolve(v, built)])));
  return FNS[c.fn](...args);
}

function feedsOf(c: Case, built: Built[]): [tf.Tensor, NDArray][] {
  return c.inputs.flatMap((s, i) => (s.kind === 'placeholder' ? [[built[i] as tf.Tensor, decode(s.feed!)]] : []));
}

/** A fetched value as numbers (a 0-d bool comes back as a JS boolean). */
function numeric(v: unknown): unknown {
  return typeof v === 'boolean' ? Number(v) : v;
}

function runCase(c: Case): void {
  const built = c.inputs.map(materialize);
  if (c.error?.when === 'build') {
    expect(() => build(c, built)).to.throw(ERRORS[c.error.class], c.error.message);
    return;
  }
  const t = build(c, built);
  const g = tf.get_default_graph();
  expect(g.get_operations().map((op) => [op.name, op.type])).to.deep.equal(asTf1ts(c.ops!));
  expect(t.dtype.name).to.equal(c.dtype);
  expect(String(t.shape)).to.equal(c.shape);
  const probe = tf.constant(1.5);
  const feed_dict = feedsOf(c, built);
  // The Session keeps the constants it folded until it is closed.
  const before = liveTensors();
  const sess = new tf.Session();
  try {
    if (c.error) {
      expect(() => sess.run(t, {feed_dict})).to.throw(ERRORS[c.error.class], c.error.message);
      expect(sess.run(probe), 'the session works after the error').to.equal(1.5);
    } else {
      const v = sess.run(t, {feed_dict});
      expectAllClose(numeric(v), decode(c.value!), {rtol: 1e-5, atol: 1e-6}, c.name);
      if (v instanceof NDArray) expect(v.dtype).to.equal(c.dtype);
    }
  } finally {
    sess.close();
  }
  expect(liveTensors(), 'tfjs tensors leaked').to.equal(before);
}

describe('reduce_ops: golden cases from real TF', () => {
  for (const c of fixture.cases) {
    it(c.name, () => freshGraph(() => runCase(c)));
  }
});

describe('reduce_ops: argument binding', () => {
  it('takes positional arguments and the options object together', () =>
    freshGraph(() => {
      const x = tf.constant([[1, 2, 3], [4, 5, 6]]);
      const a = tf.reduce_sum(x, 1, {keep_dims: true});
      const b = tf.reduce_sum(x, {reduction_indices: [1], keepdims: true, name: 's'});
      expect(String(a.shape)).to.equal('(2, 1)');
      expect(b.name).to.equal('s:0');
      expect(tf.argmax(x, 1, 'am', {output_type: tf.int32}).dtype).to.equal(tf.int32);
    }));

  it("raises Python's TypeError for an argument given twice", () =>
    freshGraph(() => {
      const x = tf.constant([1, 2]);
      expect(() => tf.reduce_sum(x, 0, {axis: 0})).to.throw(TypeError, "reduce_sum() got multiple values for argument 'axis'");
      expect(() => tf.count_nonzero(x, {input: x})).to.throw(tf.errors.ValueError, "Cannot specify both 'input_tensor' and 'input'.");
    }));
});

describe('reduce_ops: gradients declared', () => {
  it('declares the reductions\' gradients and marks the others not differentiable', () => {
    for (const t of ['Sum', 'Mean', 'Max', 'Min', 'Prod']) expect(lookupOp(t)!.grad, t).to.be.a('function');
    for (const t of ['ArgMax', 'ArgMin', 'All', 'Any']) expect(lookupOp(t)!.grad, t).to.equal(null);
  });
});
