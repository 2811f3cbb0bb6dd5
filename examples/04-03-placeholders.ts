// Listing 4-3: placeholders and feed_dict.
import * as tf from '../src';

const a = tf.placeholder(tf.int16);
const b = tf.placeholder(tf.int16);
const add = tf.add(a, b);
const mul = tf.multiply(a, b);
{
  using sess = new tf.Session();
  console.log('相加: %i', sess.run(add, {feed_dict: [[a, 3], [b, 4]]}));
  console.log('相乘: %i', sess.run(mul, {feed_dict: [[a, 3], [b, 4]]}));
}
