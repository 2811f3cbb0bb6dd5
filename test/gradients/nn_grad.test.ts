/**
 * Gradients of tf.nn: a random-direction check of every differentiable op against a float64
 * reference, TF's *Grad ops and their own gradients, and golden gradients from real TensorFlow
 * (test/fixtures/nn_grad.json, from test/fixtures/gen/nn_grad.py).
 */
import {expect} from 'chai';
import * as tf from '../../src';
import type {NDArray} from '../../src/ndarray/ndarray';
import {checkGradient, type GradCase} from '../helpers/gradient_check';
import {decode, expectAllClose, loadFixture, type Encoded} from '../helpers/golden';
import * as R from '../helpers/ref64';
import {softplus_grad} from '../../src/ops/nn_grad_ops';

const SELU_ALPHA = 1.6732632423543772848170429916717;
const SELU_SCALE = 1.0507009873554804934193349852946;
const sig = (v: number): number => 1 / (1 + Math.exp(-v));
const unary = (f: (v: number) => number) => (x: R.A) => R.map(x, f);

/** sum(labels · -log_softmax(logits)) over the last axis. */
const xentRef = (labels: R.A, logits: R.A): R.A => R.sum(R.mul(labels, R.map(R.logSoftmax(logits), (v) => -v)), [-1]);
/** The one-hot rows of integer labels (stored as float64 by the check). */
const oneHot = (labels: R.A, classes: number): R.A => R.arr([labels.size, classes], (i) => (labels.data[Math.floor(i / classes)] === i % classes ? 1 : 0));
/** max(x, 0) - x·z + log(1 + exp(-|x|)). */
const sigmoidXentRef = (labels: R.A, logits: R.A): R.A => R.zip(logits, labels, (x, z) => Math.max(x, 0) - x * z + Math.log1p(Math.exp(-Math.abs(x))));
const biasRef = (value: R.A, bias: R.A, channel: number): R.A => R.add(value, R.reshape(bias, value.shape.map((d, i) => (i === channel ? d : 1))));

/** Fixed labels that are a probability distribution per row (inputs that are not differentiated). */
function softLabels(rows: number, cols: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < rows; r++) {
    const row = Array.from({length: cols}, (_, j) => 1 + (((r * cols + j) * 7) % 5));
    const total = row.reduce((a, b) => a + b, 0);
    out.push(...row.map((v) => v / total));
  }
  return out;
}

/** An input of unknown batch size, as a placeholder [None, …] fed from x (TF's placeholder_with_default). */
const unknownBatch = (x: tf.Tensor): tf.Tensor => tf.placeholder_with_default(x, [null, ...x.shape.dims!.slice(1)]);

const activations: GradCase[] = [
  {name: 'sigmoid', inputs: [{shape: [3, 4]}], build: (x) => tf.nn.sigmoid(x), ref: unary(sig)},
  {name: 'tanh', inputs: [{shape: [3, 4]}], build: (x) => tf.tanh(x), ref: unary(Math.tanh)},
  {name: 'relu', inputs: [{shape: [3, 4]}], build: (x) => tf.nn.relu(x), ref: unary((v) => Math.max(v, 0))},
  {name: 'relu6 (both kinks in range)', inputs: [{shape: [3, 5], domain: [-3, 9]}], build: (x) => tf.nn.relu6(x), ref: unary((v) => Math.min(Math.max(v, 0), 6))},
  {name: 'elu', inputs: [{shape: [3, 4]}], build: (x) => tf.nn.elu(x), ref: unary((v) => (v < 0 ? Math.expm1(v) : v))},
  {name: 'selu', inputs: [{shape: [3, 4]}], build: (x) => tf.nn.selu(x), ref: unary((v) => SELU_SCALE * (v < 0 ? SELU_ALPHA * Math.expm1(v) : v))},
  {name: 'softplus', inputs: [{shape: [3, 4], domain: [-5, 5]}], build: (x) => tf.nn.softplus(x), ref: unary((v) => Math.log1p(Math.exp(v)))},
  {name: 'softsign', inputs: [{shape: [3, 4]}], build: (x) => tf.nn.softsign(x), ref: unary((v) => v / (1 + Math.abs(v)))},
  {name: 'leaky_relu (alpha 0.2)', inputs: [{shape: [3, 4]}], build: (x) => tf.nn.leaky_relu(x), ref: unary((v) => (v > 0 ? v : 0.2 * v))},
  {name: 'leaky_relu (alpha 0.05)', inputs: [{shape: [3, 4]}], build: (x) => tf.nn.leaky_relu(x, {alpha: 0.05}), ref: unary((v) => (v > 0 ? v : 0.05 * v))},
  {name: 'swish (composite)', inputs: [{shape: [3, 4]}], build: (x) => tf.nn.swish(x), ref: unary((v) => v * sig(v))},
  {name: 'relu (unknown batch)', inputs: [{shape: [3, 4]}], build: (x) => tf.nn.relu(unknownBatch(x)), ref: unary((v) => Math.max(v, 0))},
];

const softmaxes: GradCase[] = [
  {name: 'softmax', inputs: [{shape: [3, 4]}], build: (x) => tf.nn.softmax(x), ref: (x) => R.softmax(x)},
  {name: 'softmax (vector)', inputs: [{shape: [5]}], build: (x) => tf.nn.softmax(x), ref: (x) => R.softmax(x)},
  {name: 'softmax axis 0', inputs: [{shape: [3, 4]}], build: (x) => tf.nn.softmax(x, 0), ref: (x) => R.softmax(x, 0)},
  {name: 'softmax axis 1 of 3', inputs: [{shape: [2, 3, 4]}], build: (x) => tf.nn.softmax(x, {axis: 1}), ref: (x) => R.softmax(x, 1)},
  {name: 'softmax (unknown batch)', inputs: [{shape: [3, 4]}], build: (x) => tf.nn.softmax(unknownBatch(x)), ref: (x) => R.softmax(x)},
  {name: 'log_softmax', inputs: [{shape: [3, 4]}], build: (x) => tf.nn.log_softmax(x), ref: (x) => R.logSoftmax(x)},
  {name: 'log_softmax axis 0', inputs: [{shape: [3, 4]}], build: (x) => tf.nn.log_softmax(x, 0), ref: (x) => R.logSoftmax(x, 0)},
  {name: 'log_softmax (unknown batch)', inputs: [{shape: [3, 4]}], build: (x) => tf.nn.log_softmax(unknownBatch(x)), ref: (x) => R.logSoftmax(x)},
];

const losses: GradCase[] = [
  {name: 'l2_loss', inputs: [{shape: [3, 4]}], build: (t) => tf.nn.l2_loss(t), ref: (t) => R.map(R.sum(R.mul(t, t)), (v) => v / 2)},
  {name: 'l2_loss (unknown batch)', inputs: [{shape: [3, 4]}], build: (t) => tf.nn.l2_loss(unknownBatch(t)), ref: (t) => R.map(R.sum(R.mul(t, t)), (v) => v / 2)},
  {name: 'bias_add', inputs: [{shape: [3, 4]}, {shape: [4]}], build: (v, b) => tf.nn.bias_add(v, b), ref: (v, b) => biasRef(v, b, 1)},
  {name: 'bias_add rank 3', inputs: [{shape: [2, 3, 4]}, {shape: [4]}], build: (v, b) => tf.nn.bias_add(v, b), ref: (v, b) => biasRef(v, b, 2)},
  {name: 'bias_add NCHW', inputs: [{shape: [2, 3, 4, 5]}, {shape: [3]}], build: (v, b) => tf.nn.bias_add(v, b, 'NCHW'), ref: (v, b) => biasRef(v, b, 1)},
  {name: 'bias_add (unknown batch)', inputs: [{shape: [3, 4]}, {shape: [4]}], build: (v, b) => tf.nn.bias_add(unknownBatch(v), b), ref: (v, b) => biasRef(v, b, 1)},
  // TF's logits gradient, softmax - labels, holds for labels that sum to 1: the differentiated
  // labels here are the softmax of an input.
  {
    name: 'softmax_cross_entropy_with_logits_v2 (logits and labels)',
    inputs: [{shape: [3, 5]}, {shape: [3, 5]}],
    build: (raw, logits) => tf.nn.softmax_cross_entropy_with_logits_v2({labels: tf.nn.softmax(raw), logits}),
    ref: (raw, logits) => xentRef(R.softmax(raw), logits),
  },
  {
    name: 'softmax_cross_entropy_with_logits_v2 axis 0',
    inputs: [{shape: [5, 3]}, {shape: [5, 3]}],
    build: (raw, logits) => tf.nn.softmax_cross_entropy_with_logits_v2({labels: tf.nn.softmax(raw, 0), logits, axis: 0}),
    ref: (raw, logits) => xentRef(R.transpose(R.softmax(raw, 0)), R.transpose(logits)),
  },
  {
    name: 'softmax_cross_entropy_with_logits_v2 (unknown batch)',
    inputs: [{shape: [3, 5]}, {shape: [3, 5]}],
    build: (raw, logits) => tf.nn.softmax_cross_entropy_with_logits_v2({labels: tf.nn.softmax(unknownBatch(raw)), logits: unknownBatch(logits)}),
    ref: (raw, logits) => xentRef(R.softmax(raw), logits),
  },
  {
    name: 'softmax_cross_entropy_with_logits (labels stopped)',
    inputs: [{shape: [3, 5], value: softLabels(3, 5)}, {shape: [3, 5]}],
    build: (labels, logits) => tf.nn.softmax_cross_entropy_with_logits({labels, logits}),
    ref: xentRef,
  },
  {
    name: 'reduce_mean of softmax_cross_entropy_with_logits (the book\'s loss)',
    inputs: [{shape: [4, 3], value: softLabels(4, 3)}, {shape: [4, 3]}],
    build: (labels, logits) => tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits({labels, logits})),
    ref: (labels, logits) => R.mean(xentRef(labels, logits)),
  },
  {
    name: 'sparse_softmax_cross_entropy_with_logits',
    inputs: [{shape: [4], value: [2, 0, 4, 1], dtype: 'int32'}, {shape: [4, 5]}],
    build: (labels, logits) => tf.nn.sparse_softmax_cross_entropy_with_logits({labels, logits}),
    ref: (labels, logits) => xentRef(oneHot(labels, 5), logits),
  },
  {
    name: 'sparse_softmax_cross_entropy_with_logits (unknown batch)',
    inputs: [{shape: [4], value: [2, 0, 4, 1], dtype: 'int32'}, {shape: [4, 5]}],
    build: (labels, logits) => tf.nn.sparse_softmax_cross_entropy_with_logits({labels: unknownBatch(labels), logits: unknownBatch(logits)}),
    ref: (labels, logits) => xentRef(oneHot(labels, 5), logits),
  },
  {
    name: 'sigmoid_cross_entropy_with_logits (logits and labels)',
    inputs: [{shape: [3, 4], domain: [0, 1]}, {shape: [3, 4], domain: [-4, 4]}],
    build: (labels, logits) => tf.nn.sigmoid_cross_entropy_with_logits({labels, logits}),
    ref: sigmoidXentRef,
  },
];

/**
 * The *Grad ops and their own gradients (second derivatives), through tf.gradients with the
 * upstream gradient `d` as grad_ys: d(x) · f'(x) is differentiated in x and in d.
 */
const backward = (f: (x: tf.Tensor) => tf.Tensor) => (x: tf.Tensor, d: tf.Tensor): tf.Tensor => tf.gradients(f(x), x, d)[0]!;
const times = (df: (v: number) => number) => (x: R.A, d: R.A): R.A => R.zip(x, d, (v, g) => g * df(v));
const gradOps: GradCase[] = [
  {name: 'ReluGrad', inputs: [{shape: [3, 4]}, {shape: [3, 4]}], build: backward((x) => tf.nn.relu(x)), ref: times((v) => (v > 0 ? 1 : 0))},
  {name: 'Relu6Grad', inputs: [{shape: [3, 4], domain: [-3, 9]}, {shape: [3, 4]}], build: backward((x) => tf.nn.relu6(x)), ref: times((v) => (v > 0 && v < 6 ? 1 : 0))},
  {name: 'LeakyReluGrad', inputs: [{shape: [3, 4]}, {shape: [3, 4]}], build: backward((x) => tf.nn.leaky_relu(x, 0.3)), ref: times((v) => (v > 0 ? 1 : 0.3))},
  {name: 'EluGrad', inputs: [{shape: [3, 4]}, {shape: [3, 4]}], build: backward((x) => tf.nn.elu(x)), ref: times((v) => (v < 0 ? Math.exp(v) : 1))},
  {name: 'SeluGrad', inputs: [{shape: [3, 4]}, {shape: [3, 4]}], build: backward((x) => tf.nn.selu(x)), ref: times((v) => SELU_SCALE * (v < 0 ? SELU_ALPHA * Math.exp(v) : 1))},
  {name: 'SoftplusGrad', inputs: [{shape: [3, 4]}, {shape: [3, 4]}], build: (x, d) => softplus_grad(d, x), ref: times(sig)},
  {name: 'SigmoidGrad', inputs: [{shape: [3, 4]}, {shape: [3, 4]}], build: backward((x) => tf.nn.sigmoid(x)), ref: times((v) => sig(v) * (1 - sig(v)))},
  {name: 'TanhGrad', inputs: [{shape: [3, 4]}, {shape: [3, 4]}], build: backward((x) => tf.tanh(x)), ref: times((v) => 1 - Math.tanh(v) ** 2)},
  {
    name: 'BiasAddGrad',
    inputs: [{shape: [2, 3, 4], value: Array(24).fill(0.5)}, {shape: [4], value: [1, 2, 3, 4]}, {shape: [2, 3, 4]}],
    build: (v, b, d) => tf.gradients(tf.nn.bias_add(v, b), b, d)[0]!,
    ref: (_, __, d) => R.sum(d, [0, 1]),
  },
  {
    name: 'BiasAddGrad NCHW',
    inputs: [{shape: [2, 3, 4], value: Array(24).fill(0.5)}, {shape: [3], value: [1, 2, 3]}, {shape: [2, 3, 4]}],
    build: (v, b, d) => tf.gradients(tf.nn.bias_add(v, b, 'NCHW'), b, d)[0]!,
    ref: (_, __, d) => R.sum(d, [0, 2]),
  },
  {
    name: 'SoftmaxCrossEntropyWithLogits backprop output (second order)',
    inputs: [{shape: [3, 5], value: softLabels(3, 5)}, {shape: [3, 5]}],
    build: (labels, logits) => tf.gradients(tf.nn.softmax_cross_entropy_with_logits({labels, logits}), logits)[0]!,
    ref: (labels, logits) => R.sub(R.softmax(logits), labels),
  },
];

describe('gradients of tf.nn ops (random direction vs float64 central difference)', () => {
  for (const c of [...activations, ...softmaxes, ...losses]) it(c.name, () => checkGradient(c));
});

describe('tf.nn *Grad ops and their gradients (second derivatives)', () => {
  for (const c of gradOps) it(c.name, () => checkGradient(c));

  it('SoftsignGrad has no gradient, as in TF: tf.gradients raises LookupError', () => {
    tf.reset_default_graph();
    const x = tf.placeholder('float32', [3]);
    const dx = tf.gradients(tf.nn.softsign(x), x)[0]!;
    expect(dx.op.type).to.equal('SoftsignGrad');
    expect(() => tf.gradients(dx, x)).to.throw(/No gradient defined for operation.*SoftsignGrad/);
  });

  it('the backward graph is TF\'s: a *Grad op of the output (or input) and the incoming gradient', () => {
    tf.reset_default_graph();
    const x = tf.placeholder('float32', [null, 5], 'x');
    const kinds: [tf.Tensor, string, string[]][] = [
      [tf.nn.relu(x), 'ReluGrad', ['gradients/grad_ys_0:0', 'Relu:0']],
      [tf.nn.elu(x), 'EluGrad', ['gradients_1/grad_ys_0:0', 'Elu:0']],
      [tf.nn.sigmoid(x), 'SigmoidGrad', ['Sigmoid:0', 'gradients_2/grad_ys_0:0']],
      [tf.nn.softsign(x), 'SoftsignGrad', ['gradients_3/grad_ys_0:0', 'x:0']],
    ];
    for (const [y, type, inputs] of kinds) {
      const dx = tf.gradients(y, x)[0]!;
      expect([dx.op.type, dx.op.inputs.map((t) => t.name), String(dx.shape)]).to.deep.equal([type, inputs, '(?, 5)']);
    }
  });
});

describe('dropout\'s gradient (composite): mask / keep_prob, the same mask as the forward pass', () => {
  it('keep_prob 0.6 on [unknown, 50]', () => {
    tf.reset_default_graph();
    const x = tf.placeholder('float32', [null, 50]);
    const y = tf.nn.dropout(x, 0.6, null, 7);
    const [dx] = tf.gradients(y, x);
    expect(String(dx!.shape)).to.equal('(?, 50)');
    const xs = new tf.NDArray(Float32Array.from({length: 200}, (_, i) => 1 + (i % 13)), [4, 50], 'float32');
    using sess = new tf.Session();
    const [yv, gv] = sess.run([y, dx!], {feed_dict: [[x, xs]]}) as NDArray[];
    const kept = Array.from(yv.data as Float32Array, (v) => v !== 0);
    expect(kept.filter((k) => k).length).to.be.within(80, 160);
    Array.from(gv.data as Float32Array).forEach((g, i) => expect(g, `dx[${i}]`).to.be.closeTo(kept[i] ? 1 / 0.6 : 0, 1e-6));
  });
});

// ---- Golden gradients from real TensorFlow ----

interface Input {
  arg: string;
  value: Encoded;
  ph: (number | null)[] | null;
  kw: boolean;
}
interface Case {
  name: string;
  fn: string;
  kwargs: Record<string, unknown>;
  wrt: string[];
  inputs: Input[];
  grad_ys: Encoded | null;
  grads: (Encoded | null)[];
  shapes: (string | null)[];
  ops: [string, string][];
}

const {cases} = loadFixture<{cases: Case[]}>('nn_grad');

type Builder = (pos: tf.Tensor[], kw: Record<string, any>) => tf.Tensor;
const BUILDERS: Record<string, Builder> = {
  softmax_cross_entropy_with_logits: (_, kw) => tf.nn.softmax_cross_entropy_with_logits(kw),
  softmax_cross_entropy_with_logits_v2: (_, kw) => tf.nn.softmax_cross_entropy_with_logits_v2(kw),
  reduce_mean_softmax_cross_entropy_with_logits_v2: (_, kw) => tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(kw)),
  sparse_softmax_cross_entropy_with_logits: (_, kw) => tf.nn.sparse_softmax_cross_entropy_with_logits(kw),
  sigmoid_cross_entropy_with_logits: (_, kw) => tf.nn.sigmoid_cross_entropy_with_logits(kw),
  softmax: ([x], kw) => tf.nn.softmax(x, kw),
  log_softmax: ([x], kw) => tf.nn.log_softmax(x, kw),
  relu: ([x]) => tf.nn.relu(x),
  relu6: ([x]) => tf.nn.relu6(x),
  elu: ([x]) => tf.nn.elu(x),
  selu: ([x]) => tf.nn.selu(x),
  softplus: ([x]) => tf.nn.softplus(x),
  softsign: ([x]) => tf.nn.softsign(x),
  leaky_relu: ([x], kw) => tf.nn.leaky_relu(x, kw),
  sigmoid: ([x]) => tf.sigmoid(x),
  tanh: ([x]) => tf.tanh(x),
  swish: ([x]) => tf.nn.swish(x),
  l2_loss: ([x]) => tf.nn.l2_loss(x),
  bias_add: ([v, b], kw) => tf.nn.bias_add(v, b, kw.data_format),
};

/**
 * TF's swish is a custom_gradient function (its own gradient ops, the result shaped like grad_ys);
 * TF1's graph of swish is kept here (Sigmoid and mul), differentiated through those ops, so only
 * the values compare (the static shape is x's: compatible with TF's).
 */
const GRAPH_DIFFERS = new Set(['swish']);

/** The op types whose gradients this family declares: their `<op>_grad` scopes are compared op for op. */
const NN_TYPES = new Set(['Sigmoid', 'Tanh', 'Relu', 'Relu6', 'Elu', 'Selu', 'Softplus', 'Softsign', 'LeakyRelu', 'Softmax',
  'LogSoftmax', 'L2Loss', 'BiasAdd', 'SoftmaxCrossEntropyWithLogits', 'SparseSoftmaxCrossEntropyWithLogits']);

/**
 * The ops inside `gradients/<op>_grad/` scopes of this family's ops. TF's builder creates the
 * zeros for an output that got no gradient outside that scope (`gradients/zeros_like`); ours
 * inside it: those are left out.
 */
function nnGradOps(ops: [string, string][]): [string, string][] {
  const g = tf.get_default_graph();
  return ops.filter(([name]) => {
    const m = /^gradients\/(.*)_grad\/(.*)$/.exec(name);
    if (!m || /^zeros_like(_\d+)?$/.test(m[2])) return false;
    const op = g.get_operations().find((o) => o.name === m[1]);
    return op !== undefined && NN_TYPES.has(op.type);
  });
}

describe('tf.nn gradients vs TF (golden values)', () => {
  for (const c of cases) {
    it(`${c.name}: d/d(${c.wrt.join(', ')})`, () => {
      tf.reset_default_graph();
      const g = tf.get_default_graph();
      const feeds: [tf.Tensor, NDArray][] = [];
      const named: Record<string, tf.Tensor> = {};
      const pos: tf.Tensor[] = [];
      const kw: Record<string, unknown> = {...c.kwargs};
      c.inputs.forEach((inp, i) => {
        const value = decode(inp.value);
        const t = inp.ph === null ? tf.constant(value, null, null, 'xyzw'[i]) : tf.placeholder(value.dtype, inp.ph, 'xyzw'[i]);
        if (inp.ph !== null) feeds.push([t, value]);
        named[inp.arg] = t;
        if (inp.kw) kw[inp.arg] = t;
        else pos.push(t);
      });
      const out = BUILDERS[c.fn](pos, kw);
      const gradYs = c.grad_ys === null ? null : tf.constant(decode(c.grad_ys), null, null, 'grad_ys');
      const before = g.get_operations().length;
      const grads = tf.gradients(out, c.wrt.map((w) => named[w]), gradYs);
      const added: [string, string][] = g.get_operations().slice(before).map((o) => [o.name, o.type]);

      const shapes = grads.map((x) => (x === null ? null : String(x.shape)));
      if (GRAPH_DIFFERS.has(c.name)) {
        grads.forEach((x, i) => expect(x!.shape.is_compatible_with(named[c.wrt[i]].shape), 'static shape').to.equal(true));
      } else {
        expect(shapes, 'static shapes (null: no gradient)').to.deep.equal(c.shapes);
        expect(nnGradOps(added), 'ops of the nn gradients').to.deep.equal(nnGradOps(c.ops));
      }
      using sess = new tf.Session();
      const fetched = sess.run(grads.filter((x) => x !== null) as tf.Tensor[], {feed_dict: feeds}) as NDArray[];
      let k = 0;
      c.grads.forEach((e, i) => {
        if (e !== null) expectAllClose(fetched[k++], decode(e), {rtol: 1e-5, atol: 1e-6}, `${c.name} d/d${c.wrt[i]}`);
      });
    });
  }
});
