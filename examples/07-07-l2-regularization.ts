// Listing 7-7: the same problem with L2 regularisation and "more data" (1000 points regenerated
// every step — the same points, since generate() reseeds).
// Figures: plt.show() writes each to ./plots (or $TF1TS_PLOT_DIR) and prints its path.
import * as tf from '../src';
import {np, type NDArray} from '../src';
import {plt, colorConverter, ListedColormap} from '../src/plot';
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
let colors = (np.ravel(Y).tolist() as number[]).map((l) => (l === 0.0 ? 'r' : 'b'));
plt.scatter(np.take(X, 0, {axis: 1}), np.take(X, 1, {axis: 1}), {c: colors}); // X[:, 0], X[:, 1]
plt.xlabel('Scaled age (in yrs)');
plt.ylabel('Tumor size (in cm)');
plt.show();

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

function plot_plane(lo: number, hi: number): void {
  const nb_of_xs = 200;
  const xs1 = np.linspace(lo, hi, nb_of_xs);
  const xs2 = np.linspace(lo, hi, nb_of_xs);
  const [xx, yy] = np.meshgrid(xs1, xs2);
  const classification_plane = np.zeros([nb_of_xs, nb_of_xs]);
  for (let i = 0; i < nb_of_xs; i++) {
    for (let j = 0; j < nb_of_xs; j++) {
      const point = [[xx.get(i, j) as number, yy.get(i, j) as number]];
      // int(…): truncation toward zero
      (classification_plane.data as Float64Array)[i * nb_of_xs + j] = Math.trunc(sess.run(y_pred, {feed_dict: [[x, point]]}).get(0, 0));
    }
  }
  const cmap = new ListedColormap([colorConverter.to_rgba('r', {alpha: 0.30}), colorConverter.to_rgba('b', {alpha: 0.30})]);
  plt.contourf(xx, yy, classification_plane, {cmap});
  plt.show();
}

// Figure 2: the training data and the learned regions (not in the short run: 40 000 runs)
colors = (np.ravel(Y).tolist() as number[]).map((l) => (l === 0.0 ? 'r' : 'b'));
plt.scatter(np.take(X, 0, {axis: 1}), np.take(X, 1, {axis: 1}), {c: colors}); // X[:, 0], X[:, 1]
plt.xlabel('Scaled age (in yrs)');
plt.ylabel('Tumor size (in cm)');
if (!SHORT) {
  plot_plane(-1, 8);
}

// A test set
let [xTrain, yTrain] = generate(12, num_classes, [[3.0, 0], [3.0, 3.0], [0, 3.0]], true);
yTrain = np.mod(yTrain, 2);
let xr_: number[][] = [];
let xb_: number[][] = [];
(np.ravel(yTrain).tolist() as number[]).forEach((l, i) => {
  const k = xTrain.get(i) as NDArray;
  if (l === 0.0) xr_.push([k.get(0) as number, k.get(1) as number]);
  else xb_.push([k.get(0) as number, k.get(1) as number]);
});
let xr = np.array(xr_);
let xb = np.array(xb_);
plt.scatter(np.take(xr, 0, {axis: 1}), np.take(xr, 1, {axis: 1}), {c: 'r', marker: '+'}); // xr[:, 0], xr[:, 1]
plt.scatter(np.take(xb, 0, {axis: 1}), np.take(xb, 1, {axis: 1}), {c: 'b', marker: 'o'});

yTrain = np.reshape(yTrain, [-1, 1]);
console.log('loss:\n', sess.run(loss, {feed_dict: [[x, xTrain], [y, yTrain]]}));

if (!SHORT) {
  plot_plane(-1, 8);
}
