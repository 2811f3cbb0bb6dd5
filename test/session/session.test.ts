/**
 * Session.run semantics, one by one, as DESIGN.md states them (messages from real TF in
 * test/fixtures/framework.json).
 */
import {expect} from 'chai';
import * as tf from '../../src';
import {liveTensors, loadFixture} from '../helpers/golden';

const E = loadFixture<{scenarios: Record<string, any>}>('framework').scenarios.session_errors;

function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

describe('Session.run', () => {
  beforeEach(() => tf.reset_default_graph());

  it('runs only the subgraph the fetches need; feeds cut it', () => {
    const x = tf.placeholder(tf.float32, [null], 'x');
    const unused = tf.placeholder(tf.float32, [], 'unused');
    const counter = new tf.Variable(0.0, {name: 'counter'});
    const bump = counter.assign_add(1);
    const z = x.mul(2);
    const y = z.add(1);
    using sess = new tf.Session();
    sess.run(counter.initializer);
    expect(sess.run(tf.constant(3.0).add(unused.mul(0)), [[unused, 1]])).to.equal(3);
    // Feeding the intermediate z: x is not needed, and the unfetched bump never runs.
    expect((sess.run(y, [[z, [5, 6]]]) as tf.NDArray).tolist()).to.deep.equal([6, 7]);
    expect(sess.run(counter)).to.equal(0);
    sess.run(bump);
    expect(sess.run(counter)).to.equal(1);
    // Any tensor can be fed, a constant or a variable's value included.
    const c = tf.constant(2.0);
    expect(sess.run(c.mul(3), [[c, 5]])).to.equal(15);
    expect(sess.run(counter.value().add(1), [[counter.value(), 41]])).to.equal(42);
  });

  it('checks feeds against the dtype and static shape', () => {
    const x = tf.placeholder(tf.float32, [null, 784], 'x');
    const n = tf.placeholder(tf.int32, [2], 'n');
    using sess = new tf.Session();
    const e = thrown(() => sess.run(x, [[x, new tf.NDArray(new Float32Array(9), [3, 3], 'float32')]]));
    expect(e).to.be.instanceOf(tf.errors.ValueError);
    expect(e.message).to.equal(E.bad_feed_shape.message);
    // numpy's conversion: floats fed to an int placeholder are truncated, as TF does.
    expect((sess.run(n, [[n, [1.7, -2.5]]]) as tf.NDArray).tolist()).to.deep.equal([1, -2]);
    expect(() => sess.run(n, [[n, ['a', 'b']]])).to.throw(TypeError);
  });

  it('raises InvalidArgumentError for an unfed placeholder, with TF1 wording', () => {
    const x = tf.placeholder(tf.float32, [null, 784], 'x');
    using sess = new tf.Session();
    const e = thrown(() => sess.run(x.mul(2)));
    expect(e).to.be.instanceOf(tf.errors.InvalidArgumentError);
    expect(e).to.be.instanceOf(tf.errors.OpError);
    expect(e.message.split('\n')[0]).to.equal(E.unfed.message);
    expect((e as tf.errors.OpError).op!.name).to.equal('x');
    expect(e.message).to.match(/\[\[node x \(Placeholder, defined at test\/session\/session\.test\.ts:\d+\) \]\]/);
  });

  it('raises FailedPreconditionError for an uninitialized variable', () => {
    const x = tf.placeholder(tf.float32, [null, 784], 'x');
    const w = new tf.Variable(tf.zeros([784, 10]), {name: 'weight'});
    const y = tf.matmul(x, w);
    using sess = new tf.Session();
    const e = thrown(() => sess.run(y, [[x, tf.NDArray.zeros([1, 784])]]));
    expect(e).to.be.instanceOf(tf.errors.FailedPreconditionError);
    expect(e.message.split('\n')[0]).to.equal(E.uninitialized.message);
    expect(e.message).to.contain('[[node weight/read (Identity, defined at');
    expect(() => sess.run(w)).to.throw(tf.errors.FailedPreconditionError, 'Attempting to use uninitialized value weight');
  });

  it('keeps variables per session: two sessions on one graph are independent', () => {
    const v = new tf.Variable(1.0, {name: 'v'});
    const inc = v.assign_add(1);
    using s1 = new tf.Session();
    using s2 = new tf.Session();
    s1.run(v.initializer);
    s2.run(v.initializer);
    s1.run(inc);
    s1.run(inc);
    expect([s1.run(v), s2.run(v)]).to.deep.equal([3, 1]);
  });

  it('runs state changes after the ops that do not depend on them', () => {
    const w = new tf.Variable(10.0, {name: 'w'});
    const loss = w.mul(2);
    const train = w.assign_sub(1);
    using sess = new tf.Session();
    sess.run(w.initializer);
    // run([train_op, loss]) returns the loss from before the step, whatever the fetch order.
    expect(sess.run([train, loss])).to.deep.equal([9, 20]);
    expect(sess.run([loss, train])).to.deep.equal([18, 8]);
    // A read that depends on the update (control dependency) sees the new value. As in TF1 it
    // must read the variable itself (read_value), not its snapshot `w/read`, which does not wait.
    const after = tf.control_dependencies([train], () => w.read_value());
    expect(sess.run(after)).to.equal(7);
  });

  it('returns the structure of nested fetches; ops give null; names resolve', () => {
    const a = tf.constant(1.0, {name: 'a'});
    const b = tf.constant([1, 2], tf.int32, null, 'b');
    const init = tf.no_op('init');
    using sess = new tf.Session();
    const r = sess.run([a, {b, again: [a, init], byName: 'a:0'}, 'init', new Map([['k', b]])]);
    expect(r[0]).to.equal(1);
    expect((r[1].b as tf.NDArray).tolist()).to.deep.equal([1, 2]);
    expect(r[1].again).to.deep.equal([1, null]);
    expect(r[1].byName).to.equal(1);
    expect(r[2]).to.equal(null);
    expect((r[3].get('k') as tf.NDArray).dtype).to.equal('int32');
  });

  it('accepts feed dicts as pairs, a Map, an object keyed by name, or {feed_dict}', () => {
    const x = tf.placeholder(tf.float32, [], 'x');
    const y = x.mul(3);
    using sess = new tf.Session();
    expect(sess.run(y, [[x, 2]])).to.equal(6);
    expect(sess.run(y, new Map([[x, 3]]))).to.equal(9);
    expect(sess.run(y, {'x:0': 4})).to.equal(12);
    expect(sess.run(y, {feed_dict: [[x, 5]]})).to.equal(15);
    expect(y.eval({feed_dict: {'x:0': 6}}, sess)).to.equal(18);
    expect(() => sess.run(y, {x: 1})).to.throw(tf.errors.ValueError, "The name 'x' refers to an Operation, not a Tensor");
  });

  it('returns 0-d results as JS values: shortest float32, int, bool, string', () => {
    using sess = new tf.Session();
    expect(sess.run(tf.constant(0.1))).to.equal(0.1);
    expect(sess.run(tf.constant(1.0).div(3.0))).to.equal(0.33333334);
    expect(sess.run(tf.constant(7, tf.int32))).to.equal(7);
    expect(sess.run(tf.constant(true))).to.equal(true);
    expect(sess.run(tf.constant('Hello, TensorFlow!'))).to.equal('Hello, TensorFlow!');
  });

  it('rejects bad fetches with TF wording', () => {
    using sess = new tf.Session();
    expect(() => sess.run(null)).to.throw(TypeError, E.fetch_none.message);
    expect(() => sess.run(3)).to.throw(TypeError, 'must be a string or Tensor');
    const other = new tf.Graph().as_default(() => tf.constant(1.0));
    expect(() => sess.run(other)).to.throw(tf.errors.ValueError, 'is not an element of this graph');
  });

  it('is the default session from construction until closed; closed sessions raise', () => {
    const t = tf.constant(2.0);
    const sess = new tf.Session();
    expect(tf.get_default_session()).to.equal(sess);
    expect(t.eval()).to.equal(2);
    sess.close();
    expect(tf.get_default_session()).to.equal(null);
    expect(() => sess.run(t)).to.throw(tf.errors.RuntimeError, E.closed.message);
    expect(() => t.eval()).to.throw(tf.errors.ValueError, 'No default session is registered');
    {
      using inner = new tf.InteractiveSession();
      expect(tf.get_default_session()).to.equal(inner);
      tf.no_op('noop').run();
    }
    expect(tf.get_default_session()).to.equal(null);
  });

  it('caches one plan per (fetches, feeds), valid while the graph grows', () => {
    const x = tf.placeholder(tf.float32, [2], 'x');
    const y = x.add(1);
    using sess = new tf.Session();
    for (let i = 0; i < 5; i++) {
      sess.run(y, [[x, [i, i]]]);
      tf.constant(i); // the graph grows between runs, as in listing 7-1
    }
    expect(sess._planCount).to.equal(1);
    sess.run([y, x], [[x, [1, 1]]]);
    expect(sess._planCount).to.equal(2);
  });

  it('leaks no tfjs tensor over 1000 runs, including runs that throw', () => {
    const x = tf.placeholder(tf.float32, [null, 3], 'x');
    const w = new tf.Variable([[1.0], [2.0], [3.0]], {name: 'w'});
    const y = tf.matmul(x, w).add(1);
    const step = w.assign_sub(tf.matmul(x, y, {transpose_a: true}).mul(0.001));
    const loose = tf.placeholder(tf.float32, null, 'loose');
    const bad = tf.matmul(loose, w);
    const baseline = liveTensors();
    const sess = new tf.Session();
    sess.run(w.initializer);
    sess.run([step, y], [[x, [[1, 2, 3]]]]);
    const warm = liveTensors();
    for (let i = 0; i < 1000; i++) {
      sess.run([step, y], [[x, [[1, 2, 3], [4, 5, 6]]]]);
      if (i % 100 === 0) {
        expect(() => sess.run(y)).to.throw(tf.errors.InvalidArgumentError);
        expect(() => sess.run(bad, [[loose, [[1, 2]]]])).to.throw(tf.errors.InvalidArgumentError, 'Matrix size-incompatible');
      }
    }
    expect(liveTensors()).to.equal(warm);
    expect(sess.run(y, [[x, [[0, 0, 0]]]])).to.be.instanceOf(tf.NDArray);
    sess.close();
    expect(liveTensors()).to.equal(baseline);
  });
});
