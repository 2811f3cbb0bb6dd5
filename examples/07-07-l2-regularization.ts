// Listing 7-7: the same problem with L2 regularisation and "more data" (1000 points regenerated
// every step — the same points, since generate() reseeds).
// Figures: the scatter plots and decision regions are left out until tf1ts has its pyplot module.
import * as tf from '../src';
import {np, type NDArray} from '../src';
import {shuffle} from './sklearn';
import {SHORT, seed_graph} from './flags';

function generate(sample_size: number, num_classes: number, diff: number[][], regression = false): [NDArray, NDArray] {
  np.random.seed(10);
  const mean = np.random.randn(2);
  const cov = np.eye(2);

  const samples_per_class = Math.trunc(sample_size / num_classes);

  let X0 = np.random.multivariate_normal(mean, cov, samples_per_class);
  let Y0 = np.zeros(samples_per_class);

  diff.forEach((d, ci) => {
    const X1 = np.random.multivariate_normal(np.add(mean, d), cov, samples_per_class);
    const Y1 = np.multiply(ci + 1, np.ones(samples_per_class));

    X0 = np.concatenate([X0, X1]);
    Y0 = np.concatenate([Y0, Y1]);
  });

  const [X, Y] = shuffle(X0, Y0);
  return [X, Y];
}

// Data: four Gaussians, labelled as XOR
np.random.seed(10);
const input_dim = 2;
const num_classes = 4;
let [X, Y] = generate(120, num_classes, [[3.0, 0], [3.0, 3.0], [0, 3.0]], true);
Y = np.mod(Y, 2);

Y = np.reshape(Y, [-1, 1]);

seed_graph(tf);
const learning_rate = 1e-4;
const n_input = 2;
const n_label = 1;
const n_hidden = 200;

const x = tf.placeholder(tf.float32, [null, n_input]);
const y = tf.placeholder(tf.float32, [null, n_label]);

const weights = {
  h1: new tf.Variable(tf.truncated_normal([n_input, n_hidden], {stddev: 0.1})),
  h2: new tf.Variable(tf.random_normal([n_hidden, n_label], {stddev: 0.1})),
};
const biases = {
  h1: new tf.Variable(tf.zeros([n_hidden])),
  h2: new tf.Variable(tf.zeros([n_label])),
};

const layer_1 = tf.nn.relu(tf.add(tf.matmul(x, weights.h1), biases.h1));
const layer2 = tf.add(tf.matmul(layer_1, weights.h2), biases.h2);
const y_pred = tf.maximum(layer2, layer2.rmul(0.01)); // leaky relu

const reg = 0.01;
const loss = tf.reduce_mean(y_pred.sub(y).pow(2)).add(tf.nn.l2_loss(weights.h1).mul(reg)).add(tf.nn.l2_loss(weights.h2).mul(reg));
const train_step = new tf.train.AdamOptimizer(learning_rate).minimize(loss);

// Session
const sess = new tf.InteractiveSession();
sess.run(tf.global_variables_initializer());

// Training
for (let i = 0; i < (SHORT ? 2000 : 20000); i++) {
  [X, Y] = generate(1000, num_classes, [[3.0, 0], [3.0, 3.0], [0, 3.0]], true);
  Y = np.mod(Y, 2);
  Y = np.reshape(Y, [-1, 1]);

  const [, loss_val] = sess.run([train_step, loss], {feed_dict: [[x, X], [y, Y]]});

  if (i % 1000 === 0) {
    console.log('Step:', i, 'Current loss:', loss_val);
  }
}

// A test set
let [xTrain, yTrain] = generate(12, num_classes, [[3.0, 0], [3.0, 3.0], [0, 3.0]], true);
yTrain = np.mod(yTrain, 2);

yTrain = np.reshape(yTrain, [-1, 1]);
console.log('loss:\n', sess.run(loss, {feed_dict: [[x, xTrain], [y, yTrain]]}));
