/**
 * tf.gradients semantics against real TF (test/fixtures/gradients.json): listings 8-14 … 8-16,
 * grad_ys, stop_gradient and stop_gradients, unconnected and integer xs.
 */
import {expect} from 'chai';
import * as tf from '../../src';
import {decode, expectAllClose, loadFixture, type Encoded} from '../helpers/golden';

const F = loadFixture<Record<string, any>>('gradients');

describe('tf.gradients', () => {
  beforeEach(() => tf.reset_default_graph());

  it('listing 8-14: no gradient through int32 tensors (null, as TF >= 1.9)', () => {
    const w1 = new tf.Variable([[1, 2]], {dtype: tf.int32});
    const w2 = new tf.Variable([[3, 4]], {dtype: tf.int32});
    const y = tf.matmul(w1, tf.constant([[9], [10]], tf.int32));
    expect(tf.gradients(y, [w1]).map((g) => g === null)).to.deep.equal(F['8_14'].grads);
    expect(tf.gradients(y, [w1, w2]).map((g) => g === null)).to.deep.equal(F['8_14'].with_w2);
  });

  it('listings 8-15 and 8-16: grad_ys, and stop_gradient giving null', () => {
    const [w1, w2, w3, w4] = ['w1', 'w2', 'w3', 'w4'].map((n) => tf.get_variable(n, {shape: [2]}));
    const y1 = w1.add(w2).add(w3);
    const y2 = w3.add(w4);
    const a = w1.add(w2);
    const a_stoped = tf.stop_gradient(a);
    const y3 = a_stoped.add(w3);
    const gradients = tf.gradients([y1, y2], [w1, w2, w3, w4], {grad_ys: [tf.convert_to_tensor([1., 2.]), tf.convert_to_tensor([3., 4.])]});
    const gradients2 = tf.gradients(y3, [w1, w2, w3], {grad_ys: tf.convert_to_tensor([1., 2.])});
    const gradients3 = tf.gradients(y3, [w3], {grad_ys: tf.convert_to_tensor([1., 2.])});
    expect(gradients2.map((g) => g && g.name)).to.deep.equal(F['8_16'].gradients2);
    using sess = new tf.Session();
    sess.run(tf.global_variables_initializer());
    (sess.run(gradients) as tf.NDArray[]).forEach((v, i) => expectAllClose(v, decode(F['8_15'][i])));
    (sess.run(gradients3) as tf.NDArray[]).forEach((v, i) => expectAllClose(v, decode(F['8_16'].gradients3[i])));
  });

  it('sums gradients of several ys, honours stop_gradients, gives null for unconnected xs', () => {
    const s = F.semantics;
    const x = tf.placeholder(tf.float32, [null, 3], 'x');
    const c = tf.constant(2.0, {name: 'c'});
    const h = x.mul(x);
    const z = h.add(c.mul(x));
    const unrelated = tf.constant([1.0, 2.0, 3.0], {name: 'u'});
    const gAll = tf.gradients(z, [x, unrelated]);
    const gStop = tf.gradients(z, x, {stop_gradients: [h]});
    const gSum = tf.gradients([z, h], x);
    expect(gAll[1]).to.equal(null);
    expect(gAll[1] === null).to.equal(s.g_all_unrelated_none);
    using sess = new tf.Session();
    const feed: [tf.Tensor, tf.NDArray][] = [[x, decode(s.feed as Encoded)]];
    expectAllClose(sess.run(gAll[0], feed), decode(s.g_all));
    expectAllClose(sess.run(gStop[0], feed), decode(s.g_stop));
    expectAllClose(sess.run(gSum[0], feed), decode(s.g_sum));
  });
});
