// Listing 7-1: logistic regression on two Gaussian clusters (a linear binary classifier).
// Figures: plt.show() writes each to ./plots (or $TF1TS_PLOT_DIR) and prints its path.
import * as tf from '../src';
import {np, type NDArray} from '../src';
import {plt} from '../src';
import {shuffle} from './sklearn';
import {seed_graph} from './flags';

// Simulated data: two classes
function generate(sample_size: number, mean: NDArray, cov: NDArray, diff: number[], regression: boolean): [NDArray, NDArray] {
  const samples_per_class = Math.trunc(sample_size / 2);

  let X0 = np.random.multivariate_normal(mean, cov, samples_per_class);
  let Y0 = np.zeros(samples_per_class);

  diff.forEach((d, ci) => {
    const X1 = np.random.multivariate_normal(np.add(mean, d), cov, samples_per_class);
    const Y1 = np.multiply(ci + 1, np.ones(samples_per_class));

    X0 = np.concatenate([X0, X1]);
    Y0 = np.concatenate([Y0, Y1]);
  });

  // (The book's one-hot branch, for regression == false, is never taken and is left out.)
  if (!regression) throw new Error('one-hot labels are not used by this listing');
  const [X, Y] = shuffle(X0, Y0);
  return [X, Y];
}

const input_dim = 2;
np.random.seed(10);
const num_classes = 2;
const mean = np.random.randn(num_classes);
const cov = np.eye(num_classes);
const [X, Y] = generate(1000, mean, cov, [3.0], true);
let colors = (Y.tolist() as number[]).map((l) => (l === 0 ? 'r' : 'b'));
plt.scatter(np.take(X, 0, {axis: 1}), np.take(X, 1, {axis: 1}), {c: colors}); // X[:, 0], X[:, 1]
plt.xlabel('Scaled age (in yrs)');
plt.ylabel('Tumor size (in cm)');
plt.show();
const lab_dim = 1;

seed_graph(tf);
// Placeholders
const input_features = tf.placeholder(tf.float32, [null, input_dim]);
const input_lables = tf.placeholder(tf.float32, [null, lab_dim]);
// Parameters
const W = new tf.Variable(tf.random_normal([input_dim, lab_dim]), {name: 'weight'});
const b = new tf.Variable(tf.zeros([lab_dim]), {name: 'bias'});

const output = tf.nn.sigmoid(tf.matmul(input_features, W).add(b));
const cross_entropy = input_lables.mul(tf.log(output)).add(input_lables.rsub(1).mul(tf.log(output.rsub(1)))).neg();
const ser = tf.square(input_lables.sub(output));
const loss = tf.reduce_mean(cross_entropy);
const err = tf.reduce_mean(ser);
const optimizer = new tf.train.AdamOptimizer(0.04); // Adam converges faster than gradient descent here
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
    for (let i = 0; i < Math.trunc(Y.size / minibatchSize); i++) {
      const x1 = X.slice(i * minibatchSize, (i + 1) * minibatchSize);
      const y1 = np.reshape(Y.slice(i * minibatchSize, (i + 1) * minibatchSize), [-1, 1]);
      tf.reshape(y1, [-1, 1]);
      let errval: number;
      [, lossval, , errval] = sess.run([train, loss, output, err], {feed_dict: [[input_features, x1], [input_lables, y1]]});
      sumerr = sumerr + errval;
    }

    console.log('Epoch:', String(epoch + 1).padStart(4, '0'), 'cost=', lossval.toFixed(9), 'err=', sumerr / minibatchSize);
  }

  // Figure: the test data and the fitted line
  const [train_X, train_Y] = generate(100, mean, cov, [3.0], true);
  colors = (train_Y.tolist() as number[]).map((l) => (l === 0 ? 'r' : 'b'));
  plt.scatter(np.take(train_X, 0, {axis: 1}), np.take(train_X, 1, {axis: 1}), {c: colors});
  const x = np.linspace(-1, 8, 200);
  // y = -x * (W[0] / W[1]) - b / W[1]
  const y = np.subtract(np.multiply(np.negative(x), np.divide(sess.run(W).get(0), sess.run(W).get(1))), np.divide(sess.run(b), sess.run(W).get(1)));
  plt.plot(x, y, {label: 'Fitted line'});
  plt.legend();
  plt.show();
}
