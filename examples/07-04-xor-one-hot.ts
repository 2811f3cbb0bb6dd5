// Listing 7-4: XOR with one-hot targets (2-100-2), a sigmoid output.
import * as tf from '../src';
import {np} from '../src';
import {seed_graph} from './flags';

seed_graph(tf);
const learning_rate = 1e-4;
const n_input = 2;
const n_label = 2;
const n_hidden = 100;

const x = tf.placeholder(tf.float32, [null, n_input]);
const y = tf.placeholder(tf.float32, [null, n_label]);

const weights = {
  h1: new tf.Variable(tf.truncated_normal([n_input, n_hidden], {stddev: 0.1})),
  h2: new tf.Variable(tf.truncated_normal([n_hidden, n_label], {stddev: 0.1})),
};
const biases = {
  h1: new tf.Variable(tf.zeros([n_hidden])),
  h2: new tf.Variable(tf.zeros([n_label])),
};

const layer_1 = tf.nn.relu(tf.add(tf.matmul(x, weights.h1), biases.h1));
const y_pred = tf.nn.sigmoid(tf.add(tf.matmul(layer_1, weights.h2), biases.h2));

const loss = tf.reduce_mean(y_pred.sub(y).pow(2));
const train_step = new tf.train.AdamOptimizer(learning_rate).minimize(loss);

// Data
let X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]]);
let Y = np.array([[1, 0], [0, 1], [0, 1], [1, 0]]);
X = X.astype('float32');
Y = Y.astype('int16');

// Session
const sess = new tf.InteractiveSession();
sess.run(tf.global_variables_initializer());

// Training
for (let i = 0; i < 10000; i++) {
  sess.run(train_step, {feed_dict: [[x, X], [y, Y]]});
}

// Result
console.log(sess.run(y_pred, {feed_dict: [[x, X]]}));
