/**
 * Elementwise unary math against real TensorFlow: every case of test/fixtures/math_unary_ops.json
 * (written by test/fixtures/gen/math_unary_ops.py) is built with the public API and compared for
 * op names and types, static shape and dtype, values, and errors.
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
  inputs: [InputSpec];
  kwargs: {name?: string};
  atol?: number;
  ops?: [string, string][];
  dtype?: string;
  shape?: string;
  value?: Encoded;
  error?: {class: string; when: 'build' | 'run'; message: string; op?: string | null};
}

const fixture = loadFixture<{cases: Case[]}>('math_unary_ops');

type Unary = (x: unknown, name?: string) => tf.Tensor;
const FNS = {
  negative: tf.negative,
  abs: tf.abs,
  square: tf.square,
  exp: tf.exp,
  log: tf.log,
  sqrt: tf.sqrt,
  rsqrt: tf.rsqrt,
  reciprocal: tf.reciprocal,
  sign: tf.sign,
  floor: tf.floor,
  ceil: tf.ceil,
  round: tf.round,
  sin: tf.sin,
  cos: tf.cos,
  tan: tf.tan,
  log1p: tf.log1p,
  expm1: tf.expm1,
  erf: tf.erf,
  is_nan: tf.is_nan,
  is_inf: tf.is_inf,
  is_finite: tf.is_finite,
} as unknown as Record<string, Unary>;

const ERRORS: Record<string, Function> = {
  ValueError: tf.errors.ValueError,
  TypeError,
  InvalidArgumentError: tf.errors.InvalidArgumentError,
};

type Built = tf.Tensor | NDArray;

function materialize(spec: InputSpec): Built {
  if (spec.kind === 'placeholder') return tf.placeholder(spec.dtype!, spec.shape);
  const value = decode(spec.value!);
  return spec.kind === 'const' ? tf.constant(value) : value;
}

/** A fetched value as numbers (a 0-d bool comes back as a JS boolean). */
function numeric(v: unknown): unknown {
  return typeof v === 'boolean' ? Number(v) : v;
}

function runCase(c: Case): void {
  const x = materialize(c.inputs[0]);
  const build = () => FNS[c.fn](x, c.kwargs.name);
  if (c.error?.when === 'build') {
    expect(build).to.throw(ERRORS[c.error.class], c.error.message);
    return;
  }
  const t = build();
  expect(tf.get_default_graph().get_operations().map((op) => [op.name, op.type])).to.deep.equal(c.ops);
  expect(t.dtype.name).to.equal(c.dtype);
  expect(String(t.shape)).to.equal(c.shape);
  const probe = tf.constant(1.5);
  const feed_dict: [tf.Tensor, NDArray][] = c.inputs[0].kind === 'placeholder' ? [[x as tf.Tensor, decode(c.inputs[0].feed!)]] : [];
  const before = liveTensors();
  const sess = new tf.Session();
  try {
    if (c.error) {
      let err: unknown;
      expect(() => sess.run(t, {feed_dict})).to.throw(ERRORS[c.error.class], c.error.message);
      try {
        sess.run(t, {feed_dict});
      } catch (e) {
        err = e;
      }
      if (c.error.op) expect((err as tf.errors.OpError).op?.name).to.equal(c.error.op);
      expect(sess.run(probe), 'the session works after the error').to.equal(1.5);
    } else {
      const v = sess.run(t, {feed_dict});
      expectAllClose(numeric(v), decode(c.value!), {rtol: 1e-5, atol: c.atol ?? 1e-6}, c.name);
      if (v instanceof NDArray) expect(v.dtype).to.equal(c.dtype);
    }
  } finally {
    sess.close();
  }
  expect(liveTensors(), 'tfjs tensors leaked').to.equal(before);
}

describe('math_unary_ops: golden cases from real TF', () => {
  for (const c of fixture.cases) it(c.name, () => freshGraph(() => runCase(c)));
});

describe('math_unary_ops: operators and gradients declared', () => {
  it("names the ops of Python's unary operators as TF does", () =>
    freshGraph(() => {
      const x = tf.constant([-1.5, 2]);
      expect(x.neg().name).to.equal('Neg:0');
      expect(x.abs().name).to.equal('Abs:0');
    }));

  it('has no tf.neg (TF1 removed it) but tf.negative', () => {
    expect((tf as Record<string, unknown>).neg).to.equal(undefined);
  });

  it('declares gradients (Floor, Ceil, Round give None, as TF) and marks the bool ops not differentiable', () => {
    for (const t of ['Sqrt', 'Rsqrt', 'Reciprocal', 'Sign', 'Floor', 'Ceil', 'Round', 'Sin', 'Cos', 'Tan', 'Log1p', 'Expm1', 'Erf']) {
      expect(lookupOp(t)!.grad, t).to.be.a('function');
    }
    for (const t of ['IsNan', 'IsInf', 'IsFinite']) expect(lookupOp(t)!.grad, t).to.equal(null);
  });
});
