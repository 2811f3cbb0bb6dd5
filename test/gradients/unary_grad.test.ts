/**
 * Gradient checks of the elementwise unary ops (math_unary_ops.ts) against float64 references,
 * second-order rows for the *Grad ops TF's gradients build (SqrtGrad, RsqrtGrad, ReciprocalGrad),
 * and the ops whose gradient TF leaves out.
 */
import {expect} from 'chai';
import * as tf from '../../src';
import {checkGradient, type GradCase} from '../helpers/gradient_check';
import * as R from '../helpers/ref64';

/** A unary case: the op on a [2, 3] input drawn from `domain`, against `f` in float64. */
function unary(name: string, build: (x: tf.Tensor) => tf.Tensor, f: (v: number) => number, domain: [number, number] = [-2, 2]): GradCase {
  return {name, inputs: [{shape: [2, 3], domain}], build, ref: (x) => R.map(x, f)};
}

/** The gradient of `fn` with respect to x, along the upstream gradient u: a *Grad op's output. */
function firstGradient(fn: (x: tf.Tensor) => tf.Tensor): (x: tf.Tensor, u: tf.Tensor) => tf.Tensor {
  return (x, u) => tf.gradients(fn(x), x, u)[0]!;
}

const erf = (x: number): number => {
  // Abramowitz-Stegun 7.1.26 is too coarse for a float64 reference: integrate the series instead.
  let sum = 0;
  let term = x;
  for (let n = 0; n < 60; n++) {
    sum += term / (2 * n + 1);
    term *= (-x * x) / (n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
};

const cases: GradCase[] = [
  unary('negative', (x) => tf.negative(x), (v) => -v),
  unary('abs (away from 0)', (x) => tf.abs(x), Math.abs, [0.2, 2]),
  unary('abs of negatives', (x) => tf.abs(x), Math.abs, [-2, -0.2]),
  unary('square', (x) => tf.square(x), (v) => v * v),
  unary('exp', (x) => tf.exp(x), Math.exp),
  unary('log', (x) => tf.log(x), Math.log, [0.5, 2]),
  unary('sqrt (SqrtGrad)', (x) => tf.sqrt(x), Math.sqrt, [0.5, 2]),
  unary('rsqrt (RsqrtGrad)', (x) => tf.rsqrt(x), (v) => 1 / Math.sqrt(v), [0.5, 2]),
  unary('reciprocal (ReciprocalGrad)', (x) => tf.reciprocal(x), (v) => 1 / v, [0.5, 2]),
  unary('sin', (x) => tf.sin(x), Math.sin),
  unary('cos', (x) => tf.cos(x), Math.cos),
  unary('tan', (x) => tf.tan(x), Math.tan, [-1.2, 1.2]),
  unary('log1p', (x) => tf.log1p(x), Math.log1p, [-0.5, 2]),
  unary('expm1', (x) => tf.expm1(x), Math.expm1),
  unary('erf', (x) => tf.erf(x), erf),
  unary('sign (zero gradient)', (x) => tf.sign(x), Math.sign, [0.2, 2]),
  {name: 'exp of a broadcast sum', inputs: [{shape: [2, 3]}, {shape: [3]}], build: (x, y) => tf.exp(tf.add(x, y)), ref: (x, y) => R.map(R.add(x, y), Math.exp)},
  {name: 'Python -x (operator)', inputs: [{shape: [4]}], build: (x) => x.neg(), ref: (x) => R.map(x, (v) => -v)},
  // Second order: the *Grad ops' own gradients, with respect to x and the upstream gradient u.
  {
    name: 'SqrtGrad (gradient of sqrt)',
    inputs: [{shape: [2, 3], domain: [0.5, 2]}, {shape: [2, 3]}],
    build: firstGradient((x) => tf.sqrt(x)),
    ref: (x, u) => R.zip(x, u, (a, b) => (0.5 * b) / Math.sqrt(a)),
  },
  {
    name: 'RsqrtGrad (gradient of rsqrt)',
    inputs: [{shape: [2, 3], domain: [0.5, 2]}, {shape: [2, 3]}],
    build: firstGradient((x) => tf.rsqrt(x)),
    ref: (x, u) => R.zip(x, u, (a, b) => -0.5 * b * a ** -1.5),
  },
  {
    name: 'ReciprocalGrad (gradient of reciprocal)',
    inputs: [{shape: [2, 3], domain: [0.5, 2]}, {shape: [2, 3]}],
    build: firstGradient((x) => tf.reciprocal(x)),
    ref: (x, u) => R.zip(x, u, (a, b) => -b / (a * a)),
  },
  {
    name: 'second derivative of log (through Reciprocal)',
    inputs: [{shape: [3], domain: [0.5, 2]}],
    build: (x) => tf.gradients(tf.log(x), x)[0]!,
    ref: (x) => R.map(x, (v) => 1 / v),
  },
];

describe('gradients of unary math ops (random direction vs float64 central difference)', () => {
  for (const c of cases) it(c.name, () => checkGradient(c));
});

describe('unary ops without a gradient', () => {
  beforeEach(() => tf.reset_default_graph());

  // TF registers _FloorGrad, _CeilGrad and _RoundGrad returning [None].
  for (const [name, f] of [['floor', tf.floor], ['ceil', tf.ceil], ['round', tf.round]] as const) {
    it(`${name}: the gradient is None`, () => {
      const x = tf.placeholder(tf.float32, [3]);
      expect(tf.gradients(tf.reduce_sum(f(x)), x)).to.deep.equal([null]);
    });
    it(`${name}: other paths still carry their gradient`, () => {
      const x = tf.placeholder(tf.float32, [3]);
      const [g] = tf.gradients(tf.reduce_sum(tf.add(f(x), tf.multiply(x, 3))), x);
      using sess = new tf.Session();
      expect(Array.from((sess.run(g!, [[x, [0.4, 1.6, -2.5]]]) as tf.NDArray).data as Float32Array)).to.deep.equal([3, 3, 3]);
    });
  }

  it('sign: zeros shaped like x, as TF', () => {
    const x = tf.placeholder(tf.float32, [null, 2]);
    const [g] = tf.gradients(tf.sign(x), x);
    expect(g!.op.type).to.equal('ZerosLike');
    using sess = new tf.Session();
    const v = sess.run(g!, [[x, [[1, -2], [0, 3]]]]) as tf.NDArray;
    expect(v.shape).to.deep.equal([2, 2]);
    expect(Array.from(v.data as Float32Array)).to.deep.equal([0, 0, 0, 0]);
  });

  it('is_nan, is_inf, is_finite are not differentiable (bool outputs, grad null)', () => {
    for (const type of ['IsNan', 'IsInf', 'IsFinite']) {
      const x = tf.placeholder(tf.float32, [3]);
      const y = {IsNan: tf.is_nan, IsInf: tf.is_inf, IsFinite: tf.is_finite}[type]!(x);
      expect(y.op.def.grad, type).to.equal(null);
    }
  });

  it('the gradient ops are built with TF’s op types and names', () => {
    const x = tf.placeholder(tf.float32, [3], 'x');
    const [gs, gr, gi] = [tf.sqrt(x), tf.rsqrt(x), tf.reciprocal(x)].map((y) => tf.gradients(y, x)[0]!);
    expect([gs.op.type, gr.op.type, gi.op.type]).to.deep.equal(['SqrtGrad', 'RsqrtGrad', 'ReciprocalGrad']);
    expect(gs.op.name).to.equal('gradients/Sqrt_grad/SqrtGrad');
    const [ge] = tf.gradients(tf.exp(x), x);
    expect(ge!.op.name).to.equal('gradients_3/Exp_grad/mul');
  });
});
