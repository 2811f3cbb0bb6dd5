// Listing 8-14: tf.gradients basics.
import * as tf from '../src';

let w1 = new tf.Variable([[1, 2]], {dtype: tf.int32}); // Python's ints are int32: JS needs the dtype
const w2 = new tf.Variable([[3, 4]], {dtype: tf.int32});

let y = tf.matmul(w1, tf.constant([[9], [10]], tf.int32));
// let grads = tf.gradients(y, [w1, w2]);  // w2 does not feed y: its gradient would be null
let grads = tf.gradients(y, [w1]);
// Version trap: from TF 1.9 tf.gradients does not backpropagate through int32 tensors, so this is
// [null] (the book's TF 1.8 printed [array([[ 9, 10]], dtype=int32)]) and sess.run(grads) fails.
console.log(grads);

// The port therefore uses float variables for the run:
w1 = new tf.Variable([[1., 2.]]);
y = tf.matmul(w1, [[9.], [10.]]);
grads = tf.gradients(y, [w1]);
{
  using sess = new tf.Session();
  sess.run(tf.global_variables_initializer());
  const gradval = sess.run(grads);
  console.log(gradval);
}
