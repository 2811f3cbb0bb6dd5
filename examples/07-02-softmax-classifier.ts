// Listing 7-2: a linear 3-class softmax classifier, with its decision regions.
// Figures: plt.show() writes each to ./plots (or $TF1TS_PLOT_DIR) and prints its path.
import * as tf from '../src';
import {np, type NDArray} from '../src';
import {plt, colorConverter, ListedColormap} from '../src/plot';
import {onehot, shuffle} from './sklearn';
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

  if (regression === false) { // one-hot
    Y0 = np.reshape(Y0, [-1, 1]);
    Y0 = onehot(Y0.astype(np.int32), 0, num_classes);
  }
  const [X, Y] = shuffle(X0, Y0);
  return [X, Y];
}

np.random.seed(10);

const input_dim = 2;
const num_classes = 3;
const [X, Y] = generate(2000, num_classes, [[3.0], [3.0, 0]], false);
let aa = Array.from({length: Y.shape[0]}, (_, i) => np.argmax(Y.get(i) as NDArray));
let colors = aa.map((l) => (l === 0 ? 'r' : l === 1 ? 'b' : 'y'));

plt.scatter(np.take(X, 0, {axis: 1}), np.take(X, 1, {axis: 1}), {c: colors}); // X[:, 0], X[:, 1]
plt.xlabel('Scaled age (in yrs)');
plt.ylabel('Tumor size (in cm)');
plt.show();

const lab_dim = num_classes;
seed_graph(tf);
// Placeholders
const input_features = tf.placeholder(tf.float32, [null, input_dim]);
const input_lables = tf.placeholder(tf.float32, [null, lab_dim]);
// Parameters
const W = new tf.Variable(tf.random_normal([input_dim, lab_dim]), {name: 'weight'});
const b = new tf.Variable(tf.zeros([lab_dim]), {name: 'bias'});
const output = tf.matmul(input_features, W).add(b);

const z = tf.nn.softmax(output);

const a1 = tf.argmax(tf.nn.softmax(output), {axis: 1}); // the predicted class
const b1 = tf.argmax(input_lables, {axis: 1}); // the true class
const err = tf.count_nonzero(a1.sub(b1)); // the number of errors

const cross_entropy = tf.nn.softmax_cross_entropy_with_logits({labels: input_lables, logits: output});
const loss = tf.reduce_mean(cross_entropy);

const optimizer = new tf.train.AdamOptimizer(0.04);
const train = optimizer.minimize(loss);

const maxEpochs = 50;
const minibatchSize = 25;

// Start the session
{
  using sess = new tf.Session();
  sess.run(tf.global_variables_initializer());

  for (let epoch = 0; epoch < maxEpochs; epoch++) {
    let sumerr = 0;
    let lossval = 0;
    for (let i = 0; i < Math.trunc(Y.shape[0] / minibatchSize); i++) {
      const x1 = X.slice(i * minibatchSize, (i + 1) * minibatchSize);
      const y1 = Y.slice(i * minibatchSize, (i + 1) * minibatchSize);

      let errval: number;
      [, lossval, , errval] = sess.run([train, loss, output, err], {feed_dict: [[input_features, x1], [input_lables, y1]]});
      sumerr = sumerr + errval / minibatchSize;
    }

    console.log('Epoch:', String(epoch + 1).padStart(4, '0'), 'cost=', lossval.toFixed(9), 'err=', sumerr / minibatchSize);
  }

  // Figure 2: the test data and the three lines
  let [train_X, train_Y] = generate(200, num_classes, [[3.0], [3.0, 0]], false);
  aa = Array.from({length: train_Y.shape[0]}, (_, i) => np.argmax(train_Y.get(i) as NDArray));
  colors = aa.map((l) => (l === 0 ? 'r' : l === 1 ? 'b' : 'y'));
  plt.scatter(np.take(train_X, 0, {axis: 1}), np.take(train_X, 1, {axis: 1}), {c: colors});

  const x = np.linspace(-1, 8, 200);

  // y = -x * (W[0][k] / W[1][k]) - b[k] / W[1][k]
  let y = np.subtract(np.multiply(np.negative(x), sess.run(W).get(0, 0) / sess.run(W).get(1, 0)), sess.run(b).get(0) / sess.run(W).get(1, 0));
  plt.plot(x, y, {label: 'first line', lw: 3});

  y = np.subtract(np.multiply(np.negative(x), sess.run(W).get(0, 1) / sess.run(W).get(1, 1)), sess.run(b).get(1) / sess.run(W).get(1, 1));
  plt.plot(x, y, {label: 'second line', lw: 2});

  y = np.subtract(np.multiply(np.negative(x), sess.run(W).get(0, 2) / sess.run(W).get(1, 2)), sess.run(b).get(2) / sess.run(W).get(1, 2));
  plt.plot(x, y, {label: 'third line', lw: 1});

  plt.legend();
  plt.show();
  console.log(sess.run(W), sess.run(b));

  // Figure 3: the decision regions, one sess.run per grid point (not in the short run: 40 000 runs)
  [train_X, train_Y] = generate(200, num_classes, [[3.0], [3.0, 0]], false);
  aa = Array.from({length: train_Y.shape[0]}, (_, i) => np.argmax(train_Y.get(i) as NDArray));
  colors = aa.map((l) => (l === 0 ? 'r' : l === 1 ? 'b' : 'y'));
  plt.scatter(np.take(train_X, 0, {axis: 1}), np.take(train_X, 1, {axis: 1}), {c: colors});

  const nb_of_xs = SHORT ? 2 : 200;
  const xs1 = np.linspace(-1, 8, nb_of_xs);
  const xs2 = np.linspace(-1, 8, nb_of_xs);
  const [xx, yy] = np.meshgrid(xs1, xs2); // a grid
  const classification_plane = np.zeros([nb_of_xs, nb_of_xs]);
  for (let i = 0; i < nb_of_xs; i++) {
    for (let j = 0; j < nb_of_xs; j++) {
      const point = [[xx.get(i, j) as number, yy.get(i, j) as number]];
      (classification_plane.data as Float64Array)[i * nb_of_xs + j] = (sess.run(a1, {feed_dict: [[input_features, point]]}) as NDArray).item() as number;
    }
  }

  const cmap = new ListedColormap([
    colorConverter.to_rgba('r', {alpha: 0.30}),
    colorConverter.to_rgba('b', {alpha: 0.30}),
    colorConverter.to_rgba('y', {alpha: 0.30})]);
  plt.contourf(xx, yy, classification_plane, {cmap});
  plt.show();
}
