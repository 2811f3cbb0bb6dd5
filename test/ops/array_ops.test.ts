/**
 * The array ops against real TensorFlow: each case of test/fixtures/array_ops.json (written by
 * test/fixtures/gen/array_ops.py) is rebuilt with tf1ts's public API from the same expression,
 * then its graph (op names and types), outputs (names, dtypes, static shapes), values and errors
 * are compared with what TF built, inferred, computed and raised.
 */
import {expect} from 'chai';
import * as tf from '../../src';
import {applyOp} from '../../src/framework/op_builder';
import {lookupOp} from '../../src/framework/registry';
import type {NDArray} from '../../src/ndarray/ndarray';
import {decode, expectAllClose, liveTensors, loadFixture, type Encoded} from '../helpers/golden';

interface Input {
  name: string;
  kind: 'placeholder' | 'const';
  shape?: (number | null)[] | null;
  value: Encoded;
}
interface Call {
  call: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
}
interface Output {
  name: string;
  dtype: string;
  shape: string;
  value?: Encoded;
}
interface Case {
  id: string;
  inputs: Input[];
  expr: Call;
  ops: [string, string][];
  list?: boolean;
  outputs?: Output[];
  error?: {when: 'build' | 'run'; class: string; message: string};
}

const {cases} = loadFixture<{cases: Case[]}>('array_ops');

/** Cases whose graph differs from TF's, and why (neither is the array ops' doing). */
const OTHER_GRAPH: Record<string, string> = {
  'reshape to scalar': "TF's op_def_library converts `[]` twice (first as float32, left dangling as Reshape/shape)",
};

type Fn = (...args: unknown[]) => unknown;

/** Names the generator maps to TF1's raw ops. */
const RAW: Record<string, Fn> = {
  raw_OnesLike: (x) => applyOp(lookupOp('OnesLike')!, [x], {}, 'OnesLike').outputs[0],
};

/** Evaluates a fixture expression: `{in}` an input, `{dtype}` a DType, `{call}` a tf function (kwargs last). */
function evaluate(v: unknown, inputs: ReadonlyMap<string, tf.Tensor>): unknown {
  if (Array.isArray(v)) return v.map((x) => evaluate(x, inputs));
  if (v === null || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  if ('call' in o) {
    const c = o as unknown as Call;
    const fn = RAW[c.call] ?? (tf as unknown as Record<string, Fn>)[c.call];
    expect(fn, `tf.${c.call}`).to.be.a('function');
    const args = c.args.map((a) => evaluate(a, inputs));
    const kw = Object.entries(c.kwargs);
    if (kw.length > 0) args.push(Object.fromEntries(kw.map(([k, x]) => [k, evaluate(x, inputs)])));
    return fn(...args);
  }
  if ('in' in o) return inputs.get(o.in as string);
  return tf.as_dtype(o.dtype as string);
}

function buildInputs(c: Case): {tensors: Map<string, tf.Tensor>; feed: [tf.Tensor, NDArray][]} {
  const tensors = new Map<string, tf.Tensor>();
  const feed: [tf.Tensor, NDArray][] = [];
  for (const i of c.inputs) {
    const value = decode(i.value);
    if (i.kind === 'const') {
      tensors.set(i.name, tf.constant(value, null, null, i.name));
    } else {
      const t = tf.placeholder(value.dtype, i.shape, i.name);
      tensors.set(i.name, t);
      feed.push([t, value]);
    }
  }
  return {tensors, feed};
}

function errorClass(name: string): new (...args: never[]) => Error {
  if (name === 'ValueError') return tf.errors.ValueError;
  if (name === 'TypeError') return TypeError;
  if (name === 'InvalidArgumentError') return tf.errors.InvalidArgumentError;
  throw new Error(`no error class for ${name}`);
}

function expectGraph(c: Case): void {
  const ops = tf.get_default_graph().get_operations().map((op) => [op.name, op.type]);
  if (!(c.id in OTHER_GRAPH)) expect(ops, 'ops (name, type)').to.deep.equal(c.ops);
}

/** Array ops move values without arithmetic, and Range/LinSpace compute in TF's order: exact. */
function expectValue(actual: unknown, o: Output): void {
  const expected = decode(o.value!);
  if (expected.shape.length > 0) expect((actual as NDArray).dtype, `${o.name} dtype`).to.equal(o.dtype);
  // A float32 scalar comes back as its shortest decimal, which rounds back to the same float32.
  const value = typeof actual === 'number' && o.dtype === 'float32' ? Math.fround(actual) : actual;
  expectAllClose(value, expected, {rtol: 0, atol: 0}, o.name);
}

/**
 * A failed run raises TF's error and leaks nothing (a second failure leaves the count as the first
 * did), and the session goes on working.
 */
function expectRunError(c: Case, sess: tf.Session, outs: tf.Tensor[], feed: [tf.Tensor, NDArray][]): void {
  expect(() => sess.run(outs, feed)).to.throw(errorClass(c.error!.class), c.error!.message);
  const after = liveTensors();
  expect(() => sess.run(outs, feed)).to.throw(errorClass(c.error!.class), c.error!.message);
  expect(liveTensors(), 'tensors leaked by a failed run').to.equal(after);
  const probe = feed.length > 0 ? tf.identity(feed[0][0]) : tf.constant(1.5);
  expectAllClose(sess.run(probe, feed), feed.length > 0 ? feed[0][1] : 1.5);
}

describe('array ops, against TensorFlow', () => {
  for (const c of cases) {
    it(c.id, () => {
      tf.reset_default_graph();
      const {tensors, feed} = buildInputs(c);
      if (c.error?.when === 'build') {
        expect(() => evaluate(c.expr, tensors)).to.throw(errorClass(c.error.class), c.error.message);
        expectGraph(c);
        return;
      }
      const result = evaluate(c.expr, tensors);
      expect(Array.isArray(result), 'returns a list').to.equal(!!c.list);
      const outs = (Array.isArray(result) ? result : [result]) as tf.Tensor[];
      expectGraph(c);
      expect(outs.map((t) => t.name)).to.deep.equal(c.outputs!.map((o) => o.name));
      expect(outs.map((t) => t.dtype.name), 'dtypes').to.deep.equal(c.outputs!.map((o) => o.dtype));
      expect(outs.map((t) => String(t.shape)), 'static shapes').to.deep.equal(c.outputs!.map((o) => o.shape));
      // A session may keep constants on the backend while open; once closed, nothing is left.
      const before = liveTensors();
      const sess = new tf.Session();
      try {
        if (c.error) expectRunError(c, sess, outs, feed);
        else (sess.run(outs, feed) as unknown[]).forEach((v, i) => expectValue(v, c.outputs![i]));
      } finally {
        sess.close();
      }
      expect(liveTensors(), 'tensors leaked').to.equal(before);
    });
  }
});

describe('array ops, TF1 calling conventions', () => {
  beforeEach(() => tf.reset_default_graph());

  it('takes keywords from any optional position on, in a trailing options object', () => {
    const x = tf.placeholder(tf.float32, [2, 3, 4], 'x');
    expect(String(tf.stack([x, x], 1).shape)).to.equal('(2, 2, 3, 4)');
    expect(String(tf.stack([x, x], {axis: -1}).shape)).to.equal('(2, 3, 4, 2)');
    expect(tf.split(x, 2, 2, {name: 'halves'})[1].name).to.equal('halves:1');
    expect(tf.range(3, {dtype: tf.float32}).dtype).to.equal(tf.float32);
    expect(tf.transpose(x, {name: 't'}).name).to.equal('t:0');
  });

  it("raises Python's TypeError for an argument given both ways", () => {
    const x = tf.placeholder(tf.float32, [2, 3], 'x');
    expect(() => tf.stack([x, x], 1, {axis: 0} as never)).to.throw(TypeError, "stack() got multiple values for argument 'axis'");
    expect(() => tf.expand_dims(x, {axis: 0, dim: 0})).to.throw(tf.errors.ValueError, "Cannot specify both 'dim' and 'axis'.");
  });

  it('auto-packs Variables in a shape list, as TF1 converts them', () => {
    const v = new tf.Variable(6, {dtype: tf.int32, name: 'n'});
    const x = tf.placeholder(tf.float32, [null, 3], 'x');
    const y = tf.reshape(x, [-1, v]);
    expect(String(y.shape)).to.equal('(?, ?)');
    expect(y.op.inputs[1].op.type).to.equal('Pack');
  });
});
