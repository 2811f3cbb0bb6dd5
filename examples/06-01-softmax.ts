// Listing 6-1: softmax and the cross-entropy variants, on constants.
import * as tf from '../src';

let labels: number[][] | number[] = [[0, 0, 1], [0, 1, 0]];
const logits = [[2, 0.5, 6],
                [0.1, 0, 3]];
const logits_scaled = tf.nn.softmax(logits);
const logits_scaled2 = tf.nn.softmax(logits_scaled);

const result1 = tf.nn.softmax_cross_entropy_with_logits({labels, logits});
const result2 = tf.nn.softmax_cross_entropy_with_logits({labels, logits: logits_scaled});
const result3 = tf.reduce_sum(tf.multiply(labels, tf.log(logits_scaled)), 1).neg();

{
  using sess = new tf.Session();
  console.log('scaled=', sess.run(logits_scaled));
  console.log('scaled2=', sess.run(logits_scaled2)); // softmax applied twice: a flatter distribution

  console.log('rel1=', sess.run(result1), '\n'); // the right way
  console.log('rel2=', sess.run(result2), '\n'); // softmaxed logits given as logits: wrong
  console.log('rel3=', sess.run(result3));
}

// Labels that are not one-hot
labels = [[0.4, 0.1, 0.5], [0.3, 0.6, 0.1]];
const result4 = tf.nn.softmax_cross_entropy_with_logits({labels, logits});
{
  using sess = new tf.Session();
  console.log('rel4=', sess.run(result4), '\n');
}

// Sparse labels
labels = [2, 1];
const result5 = tf.nn.sparse_softmax_cross_entropy_with_logits({labels, logits});
{
  using sess = new tf.Session();
  console.log('rel5=', sess.run(result5), '\n');
}

// The loss
const loss = tf.reduce_sum(result1);
{
  using sess = new tf.Session();
  console.log('loss=', sess.run(loss));
}

labels = [[0, 0, 1], [0, 1, 0]];
const loss2 = tf.reduce_sum(tf.multiply(labels, tf.log(logits_scaled))).neg();
{
  using sess = new tf.Session();
  console.log('loss2=', sess.run(loss2));
}
