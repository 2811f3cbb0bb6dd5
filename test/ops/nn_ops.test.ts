/**
 * tf.nn against real TensorFlow (test/fixtures/nn_ops.json, from test/fixtures/gen/nn_ops.py):
 * values, dtypes, static shapes, op names and errors; dropout by its statistics.
 */
import {expect} from 'chai';
import * as tf from '../../src';
import type {NDArray} from '../../src/ndarray/ndarray';
import {decode, expectAllClose, freshGraph, liveTensors, loadFixture, type Encoded} from '../helpers/golden';

interface Input {
  arg: string;
  value: Encoded;
  /** Placeholder shape ('?': unknown rank), or null for a constant. */
  ph: (number | null)[] | '?' | null;
  kw: boolean;
}
interface Case {
  name: string;
  fn: string;
  inputs: Input[];
  kwargs: Record<string, unknown>;
  out?: Encoded;
  dtype?: string;
  shape?: string;
  tensor?: string;
  ops?: [string, string][];
  error?: {type: string; message: string; when: 'build' | 'run'};
}

const {cases} = loadFixture<{cases: Case[]}>('nn_ops');

type Arg = tf.TensorLike;
interface Call {
  pos: Arg[];
  kw: Record<string, any>;
}

const BUILDERS: Record<string, (c: Call) => tf.Tensor> = {
  sigmoid: ({pos}) => tf.nn.sigmoid(pos[0]),
  tanh: ({pos}) => tf.nn.tanh(pos[0]),
  relu: ({pos}) => tf.nn.relu(pos[0]),
  relu6: ({pos}) => tf.nn.relu6(pos[0]),
  softplus: ({pos}) => tf.nn.softplus(pos[0]),
  softsign: ({pos}) => tf.nn.softsign(pos[0]),
  elu: ({pos}) => tf.nn.elu(pos[0]),
  selu: ({pos}) => tf.nn.selu(pos[0]),
  leaky_relu: ({pos, kw}) => (kw.alpha === undefined ? tf.nn.leaky_relu(pos[0]) : tf.nn.leaky_relu(pos[0], kw.alpha)),
  swish: ({pos}) => tf.nn.swish(pos[0]),
  softmax: ({pos, kw}) => tf.nn.softmax(pos[0], kw),
  log_softmax: ({pos, kw}) => tf.nn.log_softmax(pos[0], kw),
  l2_loss: ({pos}) => tf.nn.l2_loss(pos[0]),
  bias_add: ({pos, kw}) => tf.nn.bias_add(pos[0], pos[1], kw.data_format),
  softmax_cross_entropy_with_logits: ({kw}) => tf.nn.softmax_cross_entropy_with_logits(kw),
  softmax_cross_entropy_with_logits_v2: ({kw}) => tf.nn.softmax_cross_entropy_with_logits_v2(kw),
  sparse_softmax_cross_entropy_with_logits: ({kw}) => tf.nn.sparse_softmax_cross_entropy_with_logits(kw),
  sigmoid_cross_entropy_with_logits: ({kw}) => tf.nn.sigmoid_cross_entropy_with_logits(kw),
};

/**
 * Cases whose graph is not TF's op for op (values and static shapes still are): swish is a
 * custom_gradient function in TF (beta, Identity, IdentityN); sparse cross entropy of rank > 2
 * flattens the logits with `_flatten_outer_dims`'s ops instead of TF's strided slice of the
 * shape, and without TF's assert_equal of the label and logit shapes.
 */
const GRAPH_DIFFERS = new Set(['swish', 'swish_const', 'sparse_softmax_cross_entropy_with_logits_rank3']);

/** TF 2 emits AddV2 where TF 1.x's `math_ops.add` and `+` emitted Add. */
function tf1Type(type: string): string {
  return type === 'AddV2' ? 'Add' : type;
}

function build(c: Case): {out: tf.Tensor; feeds: [tf.Tensor, NDArray][]} {
  const feeds: [tf.Tensor, NDArray][] = [];
  const call: Call = {pos: [], kw: {...c.kwargs}};
  c.inputs.forEach((inp, i) => {
    const value = decode(inp.value);
    let t: Arg = value;
    if (inp.ph !== null) {
      const p = tf.placeholder(value.dtype, inp.ph === '?' ? null : inp.ph, 'xyzw'[i]);
      feeds.push([p, value]);
      t = p;
    }
    if (inp.kw) call.kw[inp.arg] = t;
    else call.pos.push(t);
  });
  return {out: BUILDERS[c.fn](call), feeds};
}

function opList(): [string, string][] {
  return tf.get_default_graph().get_operations().map((o) => [o.name, o.type]);
}

/** TF 2's build-time messages end in its own node description; the part before it is TF1's too. */
function keyPart(message: string): string {
  return message.split(" for '{{node")[0];
}

function caught(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

describe('tf.nn (vs TF)', () => {
  beforeEach(() => tf.reset_default_graph());

  for (const c of cases.filter((k) => !k.error)) {
    it(`${c.name}: value, dtype, shape and graph`, () => {
      const {out, feeds} = build(c);
      expect(out.dtype.name, 'dtype').to.equal(c.dtype);
      expect(String(out.shape), 'static shape').to.equal(c.shape);
      if (!GRAPH_DIFFERS.has(c.name)) {
        expect(out.name, 'tensor name').to.equal(c.tensor);
        expect(opList(), 'ops').to.deep.equal(c.ops!.map(([n, t]) => [n, tf1Type(t)]));
      }
      using sess = new tf.Session();
      expectAllClose(sess.run(out, {feed_dict: feeds}), decode(c.out!), {rtol: 2e-6, atol: 1e-6}, c.name);
    });
  }

  for (const c of cases.filter((k) => k.error?.when === 'build')) {
    it(`${c.name}: raises TF's ${c.error!.type} while building`, () => {
      const e = caught(() => build(c));
      expect(e.name).to.equal(c.error!.type);
      expect(e.message).to.contain(keyPart(c.error!.message));
    });
  }

  for (const c of cases.filter((k) => k.error?.when === 'run')) {
    it(`${c.name}: raises TF's ${c.error!.type} when run, leaks nothing, session still works`, () => {
      const {out, feeds} = build(c);
      using sess = new tf.Session();
      const e = caught(() => sess.run(out, {feed_dict: feeds}));
      expect(e).to.be.instanceOf(tf.errors.InvalidArgumentError);
      expect(e.name).to.equal(c.error!.type);
      expect(e.message).to.contain(c.error!.message);
      // The first run folded the graph's constants, which the session keeps; a failing run keeps nothing.
      const before = liveTensors();
      caught(() => sess.run(out, {feed_dict: feeds}));
      expect(liveTensors(), 'live tensors').to.equal(before);
      expectAllClose(sess.run(tf.nn.relu([-1, 2])), [0, 2]);
    });
  }
});

describe('tf.nn: the book and TF1 calling conventions', () => {
  beforeEach(() => tf.reset_default_graph());

  // The notebook's printout of listing 6-1, digit for digit. (TF 2.21 with oneDNN/AVX kernels
  // differs from it in a last digit or two; the fixture cases above compare with that to 2e-6.)
  it('listing 6-1 prints TF\'s numbers', () => {
    const labels = [[0, 0, 1], [0, 1, 0]];
    const logits = [[2, 0.5, 6], [0.1, 0, 3]];
    const scaled = tf.nn.softmax(logits);
    const scaled2 = tf.nn.softmax(scaled);
    const rel1 = tf.nn.softmax_cross_entropy_with_logits({labels, logits});
    const rel2 = tf.nn.softmax_cross_entropy_with_logits({labels, logits: scaled});
    const rel4 = tf.nn.softmax_cross_entropy_with_logits({labels: [[0.4, 0.1, 0.5], [0.3, 0.6, 0.1]], logits});
    const rel5 = tf.nn.sparse_softmax_cross_entropy_with_logits({labels: [2, 1], logits});
    using sess = new tf.Session();
    const [s1, s2, r1, r2, r4, r5] = sess.run([scaled, scaled2, rel1, rel2, rel4, rel5]);
    expect(String(s1)).to.equal('[[0.01791432 0.00399722 0.97808844]\n [0.04980332 0.04506391 0.90513283]]');
    expect(String(s2)).to.equal('[[0.21747023 0.21446465 0.56806517]\n [0.2300214  0.22893383 0.5410447 ]]');
    expect(String(r1)).to.equal('[0.02215516 3.0996735 ]');
    expect(String(r2)).to.equal('[0.56551915 1.4743223 ]');
    expect(String(r4)).to.equal('[2.1721554 2.7696736]');
    expect(String(r5)).to.equal(String(r1));
  });

  it('softmax takes axis positionally and dim as TF1\'s older keyword', () => {
    const x = tf.constant([[1, 2, 3], [4, 6, 8]]);
    using sess = new tf.Session();
    const [a, b, c] = sess.run([tf.nn.softmax(x, 0), tf.nn.softmax(x, {dim: 0}), tf.nn.softmax(x, -1, 'last')]);
    expectAllClose(a, b);
    expect(tf.get_default_graph().get_operation_by_name('last').type).to.equal('Softmax');
    expectAllClose(c, sess.run(tf.nn.softmax(x)));
    expect(caught(() => tf.nn.softmax(x, {axis: 0, dim: 0})).message).to.equal("Cannot specify both 'dim' and 'axis'.");
  });

  it('keyword arguments go in a trailing options object, positional ones in TF1\'s order', () => {
    const x = tf.constant([[-1, 2, 3]]);
    expect(tf.nn.relu(x, {name: 'r'}).name).to.equal('r:0');
    expect(tf.nn.sigmoid(x, 's').name).to.equal('s:0');
    expect(tf.nn.l2_loss(x, {name: 'l2'}).name).to.equal('l2:0');
    const lr = tf.nn.leaky_relu(x, 0.1, 'lr');
    expect([lr.name, lr.op.get_attr('alpha')]).to.deep.equal(['lr:0', 0.1]);
    expect(tf.nn.leaky_relu(x, {name: 'lr2'}).op.get_attr('alpha')).to.equal(0.2);
    expect(tf.nn.bias_add(x, [1, 2, 3], {name: 'b'}).name).to.equal('b:0');
    expect(tf.nn.bias_add(x, [1, 2, 3], null, 'b2').name).to.equal('b2:0');
    expect(tf.nn.log_softmax(x, {name: 'ls'}).name).to.equal('ls:0');
    expect(tf.nn.dropout(x, {keep_prob: 0.5, name: 'drop'}).name).to.equal('drop/mul:0');
    expect(() => tf.nn.dropout(x)).to.throw(TypeError, "missing 1 required positional argument: 'keep_prob'");
    expect(() => tf.nn.relu(x, {nme: 'r'} as never)).to.throw(TypeError, "unexpected keyword argument 'nme'");
  });

  it('the cross-entropy functions want named labels and logits, as TF1', () => {
    const e1 = caught(() => tf.nn.softmax_cross_entropy_with_logits({logits: [[1, 2]]}));
    expect(e1).to.be.instanceOf(tf.errors.ValueError);
    expect(e1.message).to.contain('Both `labels` and `logits` must be provided');
    const e2 = caught(() => tf.nn.sparse_softmax_cross_entropy_with_logits(tf.constant([1]) as never));
    expect(e2).to.be.instanceOf(tf.errors.ValueError);
    expect(e2.message).to.contain('named arguments');
  });

  it('sparse labels must be integers', () => {
    const e = caught(() => tf.nn.sparse_softmax_cross_entropy_with_logits({labels: [0.5, 1], logits: [[1, 2], [3, 4]]}));
    expect(e).to.be.instanceOf(TypeError);
    expect(e.message).to.contain("Value passed to parameter 'labels' has DataType float32 not in list of allowed values: int32, int64");
  });

  it('leaky_relu records alpha as a float attr; bias_add names its inputs as TF', () => {
    const y = tf.nn.leaky_relu(tf.constant([[-2, 3]]), {alpha: 1});
    expect(y.op.get_attr('alpha')).to.equal(1);
    expect(() => tf.nn.bias_add(tf.constant([[1, 2]]), [1, 2], 'HWNC')).to.throw(tf.errors.ValueError, '`data_format` must be of the form');
  });
});

describe('tf.nn.dropout (TF 1.x graph; statistics, as TF\'s random stream is not reproduced)', () => {
  beforeEach(() => tf.reset_default_graph());

  it('builds TF 1.x\'s ops and static shape', () => {
    const x = tf.placeholder(tf.float32, [null, 4], 'x');
    const y = tf.nn.dropout(x, 0.5);
    expect(y.name).to.equal('dropout/mul:0');
    expect(String(y.shape)).to.equal('(?, 4)');
    const names = tf.get_default_graph().get_operations().map((o) => o.name);
    expect(names).to.include.members(['dropout/keep_prob', 'dropout/Shape', 'dropout/add', 'dropout/Floor', 'dropout/div', 'dropout/mul']);
    expect(names.some((n) => n.startsWith('dropout/random_uniform'))).to.equal(true);
  });

  it('keeps elements with probability keep_prob, scaled by 1/keep_prob', () => {
    const n = 20000;
    const keep = tf.placeholder(tf.float32, null, 'keep_prob');
    const y = tf.nn.dropout(tf.ones([n]), keep);
    using sess = new tf.Session();
    for (const p of [0.25, 0.8]) {
      const v = Array.from((sess.run(y, {feed_dict: [[keep, p]]}) as NDArray).data as Float32Array);
      const kept = v.filter((e) => e !== 0);
      expect(kept.every((e) => Math.abs(e - 1 / p) < 1e-6), 'kept values are 1/keep_prob').to.equal(true);
      expect(Math.abs(kept.length / n - p), `fraction kept for ${p}`).to.be.below(0.02);
    }
  });

  it('draws a fresh mask on every run; a seed repeats the sequence in a new session', () => {
    tf.set_random_seed(7);
    const y = tf.nn.dropout(tf.ones([64]), 0.5, {seed: 3});
    const runs = (): string[] => {
      using sess = new tf.Session();
      return [String(sess.run(y)), String(sess.run(y))];
    };
    const [a1, a2] = runs();
    const [b1, b2] = runs();
    expect(a1).to.not.equal(a2);
    expect([b1, b2]).to.deep.equal([a1, a2]);
  });

  it('noise_shape shares one decision along the broadcast dims', () => {
    const y = tf.nn.dropout(tf.ones([50, 3]), 0.5, [50, 1]);
    using sess = new tf.Session();
    const v = sess.run(y) as NDArray;
    for (let i = 0; i < 50; i++) {
      const row = [0, 1, 2].map((j) => v.get(i, j));
      expect(new Set(row).size, `row ${i}`).to.equal(1);
    }
  });

  it('keep_prob = 1 returns x itself; keep_prob outside (0, 1] and integer x are ValueErrors', () => {
    const x = tf.constant([1, 2, 3]);
    expect(tf.nn.dropout(x, 1.0)).to.equal(x);
    expect(() => tf.nn.dropout(x, 1.5)).to.throw(tf.errors.ValueError, 'keep_prob must be a scalar tensor or a float in the range (0, 1], got 1.5');
    expect(() => tf.nn.dropout(x, 0)).to.throw(tf.errors.ValueError, 'got 0');
    expect(() => tf.nn.dropout(tf.constant([1, 2], tf.int32), 0.5)).to.throw(tf.errors.ValueError, 'x has to be a floating point tensor');
  });

  it('leaks no tensors across runs', () => {
    const y = tf.nn.dropout(tf.ones([10]), 0.5);
    using sess = new tf.Session();
    sess.run(y);
    const before = liveTensors();
    sess.run(y);
    expect(liveTensors()).to.equal(before);
  });
});

describe('tf.nn kernels keep no tensors', () => {
  it('a run of every forward case leaks nothing', () => {
    freshGraph(() => {
      const built = cases.filter((k) => !k.error && k.fn !== 'swish').map(build);
      using sess = new tf.Session();
      const run = (): void => void built.forEach(({out, feeds}) => sess.run(out, {feed_dict: feeds}));
      run();
      const before = liveTensors();
      run();
      expect(liveTensors()).to.equal(before);
    });
  });
});
