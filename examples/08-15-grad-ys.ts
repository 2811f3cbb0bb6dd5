// Listing 8-15: tf.gradients with grad_ys, and tf.stop_gradient.
import * as tf from '../src';

tf.reset_default_graph();
const w1 = tf.get_variable('w1', {shape: [2]});
const w2 = tf.get_variable('w2', {shape: [2]});

const w3 = tf.get_variable('w3', {shape: [2]});
const w4 = tf.get_variable('w4', {shape: [2]});

const y1 = w1.add(w2).add(w3);
const y2 = w3.add(w4);

const a = w1.add(w2);
const a_stoped = tf.stop_gradient(a);
const y3 = a_stoped.add(w3);

const gradients = tf.gradients([y1, y2], [w1, w2, w3, w4], {
  grad_ys: [tf.convert_to_tensor([1., 2.]), tf.convert_to_tensor([3., 4.])],
});

{
  using sess = new tf.Session();
  sess.run(tf.global_variables_initializer());
  console.log(sess.run(gradients));
}
