// Listing 4-2: the session as a context manager (`using`); arithmetic on constants.
import * as tf from '../src';

const a = tf.constant(3);
const b = tf.constant(4);
{
  using sess = new tf.Session();
  console.log('相加: %i', sess.run(a.add(b)));
  console.log('相乘: %i', sess.run(a.mul(b)));
}
