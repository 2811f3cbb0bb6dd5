/**
 * Random ops and random initializers against real TensorFlow (test/fixtures/random_ops.json, from
 * test/fixtures/gen/random_ops.py): the graph TF builds (names, types, seeds), static shapes and
 * dtypes, TF's errors, and, since tf1ts runs TF's own generator, the values of seeded ops run
 * after run. Then the properties that hold whatever the seed: distributions, fresh values per run
 * when unseeded, the same sequence in every session when seeded.
 */
import {expect} from 'chai';
import * as tf from '../../src';
import {decode, expectAllClose, freshGraph, liveTensors, loadFixture, type Encoded} from '../helpers/golden';

interface Case {
  id: string;
  fn: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
  graph_seed: number | null;
  fetch?: 'tensor' | 'variable';
  dtype?: string;
  shape?: string;
  ops?: [string, string][];
  seeds?: Record<string, [number, number]>;
  runs?: Encoded[];
  error?: {stage: 'build' | 'run'; class: string; message: string; key: string};
}

const {cases} = loadFixture<{cases: Case[]}>('random_ops');

type Fn = (...args: unknown[]) => unknown;
type Feeds = [tf.Tensor, tf.NDArray][];

function fnOf(name: string): Fn {
  if (name === 'sequence') return sequence;
  const f = (tf as unknown as Record<string, unknown>)[name];
  if (typeof f !== 'function') throw new Error(`tf.${name} is missing`);
  return f as Fn;
}

/** Calls tf.<fn>(...args, kwargs) as the generator called TF; no options object when there are no keywords. */
function call(fn: string, args: unknown[], kwargs: Record<string, unknown>, feeds: Feeds): unknown {
  const kw = arg(kwargs, feeds) as Record<string, unknown>;
  const all = arg(args, feeds) as unknown[];
  return fnOf(fn)(...all, ...(Object.keys(kw).length ? [kw] : []));
}

function sequence(...calls: unknown[]): unknown {
  let out: unknown;
  for (const [fn, args, kwargs] of calls as [string, unknown[], Record<string, unknown>][]) out = fnOf(fn)(...args, ...(Object.keys(kwargs).length ? [kwargs] : []));
  return out;
}

interface PlaceholderSpec {
  dtype: string;
  shape: (number | null)[] | null;
}
/** The generator's argument encoding (see random_ops.py). */
interface EncodedArg {
  array?: Encoded;
  placeholder?: PlaceholderSpec;
  shape_of?: PlaceholderSpec;
  feed?: Encoded;
  init?: string;
  args?: unknown[];
  kwargs?: Record<string, unknown>;
}

function arg(v: unknown, feeds: Feeds): unknown {
  if (Array.isArray(v)) return v.map((x) => arg(x, feeds));
  if (typeof v !== 'object' || v === null) return v;
  const o = v as EncodedArg;
  if (o.array) return decode(o.array);
  const spec = o.placeholder ?? o.shape_of;
  if (spec) {
    const p = tf.placeholder(spec.dtype, spec.shape);
    feeds.push([p, decode(o.feed!)]);
    return o.placeholder ? p : (fnOf('shape')(p) as tf.Tensor);
  }
  if (o.init) return call(o.init, o.args ?? [], o.kwargs ?? {}, feeds);
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, arg(x, feeds)]));
}

function build(c: Case): {out: unknown; feeds: Feeds} {
  if (c.graph_seed !== null) tf.set_random_seed(c.graph_seed);
  const feeds: Feeds = [];
  return {out: call(c.fn, c.args, c.kwargs, feeds), feeds};
}

function resultTensor(out: unknown): tf.Tensor {
  return out instanceof tf.Variable ? out.value() : (out as tf.Tensor);
}

/** TF 2.x's math_ops.add builds AddV2; TF 1.x's built Add, as tf1ts does. */
function tf1Type(type: string): string {
  return type === 'AddV2' ? 'Add' : type;
}

const ERROR_CLASSES: Record<string, new (...args: never[]) => Error> = {
  ValueError: tf.errors.ValueError,
  TypeError,
  InvalidArgumentError: tf.errors.InvalidArgumentError,
};

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

/** The values of `runs` successive runs in a new session (a variable re-initialized each time). */
function runValues(out: unknown, feeds: Feeds, runs: number): unknown[] {
  using sess = new tf.Session();
  const t = resultTensor(out);
  return Array.from({length: runs}, () => {
    if (out instanceof tf.Variable) sess.run(out.initializer, {feed_dict: feeds});
    return sess.run(t, {feed_dict: feeds});
  });
}

describe('random ops and initializers vs TensorFlow', () => {
  for (const c of cases) {
    it(c.id, () => {
      freshGraph(() => {
        if (c.error?.stage === 'build') {
          const e = thrown(() => build(c));
          expect(e, e.message).to.be.instanceOf(ERROR_CLASSES[c.error.class]);
          expect(e.message).to.contain(c.error.key);
          return;
        }
        const {out, feeds} = build(c);
        const t = resultTensor(out);
        expect(t.dtype.name, 'dtype').to.equal(c.dtype);
        expect(String(t.shape), 'static shape').to.equal(c.shape);
        const ops = tf.get_default_graph().get_operations();
        expect(ops.map((op) => `${op.name} ${op.type}`), 'ops').to.deep.equal(c.ops!.map(([n, type]) => `${n} ${tf1Type(type)}`));
        const seeds = Object.fromEntries(ops.filter((op) => 'seed2' in op.attrs).map((op) => [op.name, [op.attrs.seed, op.attrs.seed2]]));
        expect(seeds, 'seeds').to.deep.equal(c.seeds);
        if (c.error?.stage === 'run') return expectRunError(c, out, feeds);
        const runs = c.runs ?? [];
        runValues(out, feeds, runs.length).forEach((v, r) => expectValues(v, runs[r], `run ${r + 1}`));
        // A seeded graph gives the same sequence in every session.
        if (runs.length) expectValues(runValues(out, feeds, 1)[0], runs[0], 'first run, second session');
      });
    });
  }
});

function expectValues(actual: unknown, expected: Encoded, what: string): void {
  if (expected.dtype !== 'string') return expectAllClose(actual, decode(expected), {}, what);
  expect((actual as tf.NDArray).tolist(), what).to.deep.equal(decode(expected).tolist());
}

/**
 * A runtime error: TF's class and message; the session still works and a failing run leaks
 * nothing (counted from the second run: the first one leaves the session's folded constants).
 */
function expectRunError(c: Case, out: unknown, feeds: Feeds): void {
  using sess = new tf.Session();
  const ok = tf.constant(2.0).mul(3);
  const fail = (): Error => thrown(() => sess.run(resultTensor(out), {feed_dict: feeds}));
  const e = fail();
  expect(e, e.message).to.be.instanceOf(ERROR_CLASSES[c.error!.class]);
  expect(e.message).to.contain(c.error!.key);
  const before = liveTensors();
  fail();
  expect(liveTensors(), 'leaked tensors').to.equal(before);
  expect(sess.run(ok)).to.equal(6);
}

function sample(t: tf.Tensor, sess?: tf.Session): Float64Array {
  const s = sess ?? new tf.Session();
  try {
    const v = s.run(t) as tf.NDArray;
    return Float64Array.from(v.data as ArrayLike<number>);
  } finally {
    if (!sess) s.close();
  }
}

function meanStd(x: Float64Array): [number, number] {
  const m = x.reduce((a, b) => a + b, 0) / x.length;
  const v = x.reduce((a, b) => a + (b - m) ** 2, 0) / x.length;
  return [m, Math.sqrt(v)];
}

const N = 100_000;

describe('random ops: distributions and seeding', () => {
  beforeEach(() => tf.reset_default_graph());

  it('random_normal has the requested mean and stddev', () => {
    const [m, s] = meanStd(sample(tf.random_normal([N], {mean: 2, stddev: 3, seed: 1})));
    expect(m).to.be.closeTo(2, 0.03);
    expect(s).to.be.closeTo(3, 0.03);
  });

  it('truncated_normal redraws values beyond two stddevs', () => {
    const x = sample(tf.truncated_normal([N], 1, 0.5, tf.float32, 2));
    expect(Math.min(...x)).to.be.greaterThan(0);
    expect(Math.max(...x)).to.be.lessThan(2);
    const [m, s] = meanStd(x);
    expect(m).to.be.closeTo(1, 0.01);
    // The stddev of a standard normal truncated to [-2, 2].
    expect(s / 0.5).to.be.closeTo(0.87962566, 0.01);
  });

  it('random_uniform covers [minval, maxval)', () => {
    const x = sample(tf.random_uniform([N], -1, 3, {seed: 3}));
    expect(Math.min(...x)).to.be.at.least(-1);
    expect(Math.max(...x)).to.be.lessThan(3);
    expect(meanStd(x)[0]).to.be.closeTo(1, 0.03);
  });

  it('random_uniform of ints draws every integer of [minval, maxval)', () => {
    const x = sample(tf.random_uniform([10_000], -2, 5, tf.int32, 4));
    expect([...new Set(x)].sort((a, b) => a - b)).to.deep.equal([-2, -1, 0, 1, 2, 3, 4]);
  });

  it('float64 ops draw with double precision and compute in float32', () => {
    const [m, s] = meanStd(sample(tf.random_normal([N], {dtype: tf.float64, seed: 5})));
    expect(m).to.be.closeTo(0, 0.01);
    expect(s).to.be.closeTo(1, 0.01);
  });

  it('an unseeded op draws new values each run and in each session', () => {
    const t = tf.random_normal([8]);
    using sess = new tf.Session();
    const a = sample(t, sess);
    const b = sample(t, sess);
    expect(a).to.not.deep.equal(b);
    expect(sample(t)).to.not.deep.equal(a);
  });

  it('a seeded op draws new values each run, the same sequence in every session', () => {
    tf.set_random_seed(7);
    const t = tf.random_uniform([6]);
    const first = new tf.Session();
    const second = new tf.Session();
    const a = [sample(t, first), sample(t, first)];
    const b = [sample(t, second), sample(t, second)];
    first.close();
    second.close();
    expect(a[0]).to.not.deep.equal(a[1]);
    expect(b).to.deep.equal(a);
  });

  it('two ops of a seeded graph draw different values', () => {
    tf.set_random_seed(7);
    const a = tf.random_normal([6]);
    const b = tf.random_normal([6]);
    expect(sample(a)).to.not.deep.equal(sample(b));
  });

  it('random_shuffle permutes the rows', () => {
    const rows = tf.NDArray.from(Int32Array.from({length: 2000}, (_, i) => i)).reshape([1000, 2]);
    const v = sample(tf.random_shuffle(rows, 1));
    const firsts = Array.from({length: 1000}, (_, i) => v[2 * i]);
    expect(firsts).to.not.deep.equal([...firsts].sort((a, b) => a - b));
    expect([...firsts].sort((a, b) => a - b)).to.deep.equal(Array.from({length: 1000}, (_, i) => 2 * i));
    firsts.forEach((f, i) => expect(v[2 * i + 1]).to.equal(f + 1));
  });

  it('multinomial draws classes with the softmax probabilities', () => {
    const p = [0.2, 0.5, 0.3];
    const x = sample(tf.multinomial([p.map(Math.log)], 20_000, 6));
    p.forEach((pi, k) => expect(x.filter((v) => v === k).length / x.length).to.be.closeTo(pi, 0.015));
  });

  it('runs leak no tensors', () => {
    const ts = [tf.random_normal([5], {seed: 1}), tf.truncated_normal([5]), tf.random_uniform([5], 0, 9, tf.int32), tf.random_shuffle([1, 2, 3]), tf.multinomial([[0, 1]], 3)];
    using sess = new tf.Session();
    sess.run(ts);
    const before = liveTensors();
    sess.run(ts);
    expect(liveTensors()).to.equal(before);
  });
});
