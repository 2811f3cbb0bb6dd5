/**
 * Elementwise unary math against real TensorFlow: every case of test/fixtures/math_unary_ops.json
 * (written by test/fixtures/gen/math_unary_ops.py) is built with the public API and compared for
 * op names and types, static shape and dtype, values, and errors.
 */
import {expect} from 'chai';
import * as tf from '../../src';
import {lookupOp} from '../../src/framework/registry';
import {freshGraph, loadFixture} from '../helpers/golden';
import {checkOpCase, materialize, type CheckedCase} from '../helpers/op_cases';

interface Case extends CheckedCase {
  fn: string;
  kwargs: {name?: string};
  atol?: number;
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

describe('math_unary_ops: golden cases from real TF', () => {
  for (const c of fixture.cases) {
    it(c.name, () =>
      freshGraph(() => {
        const x = materialize(c.inputs[0]);
        checkOpCase(c, () => FNS[c.fn](x, c.kwargs.name), {built: [x], atol: c.atol});
      }),
    );
  }
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
