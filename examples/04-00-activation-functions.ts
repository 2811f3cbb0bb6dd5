// Section 4.2 (the seed notebook): the activation functions, computed with tf.nn ops in a graph,
// printed at a few points and plotted: a 4x2 grid of subplots, then all of them with a legend.
import * as tf from '../src';
import {np, type NDArray} from '../src';
import {plt} from '../src';
import {seed_numpy, seed_graph} from './flags';

seed_numpy(np);
seed_graph(tf);

const x = np.linspace(-10, 10, 1000);
// Noisy ReLU as the notebook draws it: one Gaussian number (scale = the std of x) added where x > 0
const noise = np.random.normal(0, np.std(x)); // loc=0, scale=np.std(x)

const X = tf.placeholder(tf.float32, [null]);
// Sigmoid
const sigmoid = tf.nn.sigmoid(X);
// Tanh
const tanh = tf.nn.tanh(X);
// ReLU
const relu = tf.nn.relu(X);
// Softplus
const softplus = tf.nn.softplus(X);
// Noisy ReLU
const noisy_relu = tf.where(X.greater(0), X.add(noise), tf.zeros_like(X));
// Leaky ReLU (alpha 0.1, the notebook's 0.1*x for x <= 0)
const leaky_relu = tf.nn.leaky_relu(X, {alpha: 0.1});
// ELU with the notebook's formula (0.1*exp(x) - 1 for x <= 0), and TF's own tf.nn.elu
const elus = tf.where(X.greater(0), X, tf.exp(X).rmul(0.1).sub(1));
const elu = tf.nn.elu(X);
// Swish
const swish = tf.nn.swish(X);

const loss_func_tf = ['sigmoid', 'tanh', 'relu', 'softplus', 'noisy_relu', 'leaky_relu', 'elus', 'swish'];
let loss_func: NDArray[];
let elu_tf: NDArray;
{
  using sess = new tf.Session();
  loss_func = sess.run([sigmoid, tanh, relu, softplus, noisy_relu, leaky_relu, elus, swish], {feed_dict: [[X, x]]});
  elu_tf = sess.run(elu, {feed_dict: [[X, x]]});
}

const points = [0, 250, 499, 500, 750, 999];
console.log('noise:', noise);
console.log('x:', np.take(x, points));
loss_func_tf.forEach((name, i) => console.log(name + ':', np.take(loss_func[i], points)));
console.log('tf.nn.elu:', np.take(elu_tf, points));
const [sigmoid_v, tanh_v, relu_v, softplus_v, , leaky_relu_v, elus_v, swish_v] = loss_func;

const [fig, axes] = plt.subplots(4, 2, {figsize: [5, 10]});
fig.tight_layout();

axes.ravel().forEach((ax, i) => {
  ax.set_title(loss_func_tf[i]);
  ax.grid();
  ax.plot(x, loss_func[i]);
});
plt.show();

plt.figure({figsize: [5, 5]});
plt.grid();
plt.plot(x, sigmoid_v, {label: 'sigmoid'});
plt.plot(x, tanh_v, {label: 'tanh'});
plt.plot(x, relu_v, {label: 'relu'});
plt.plot(x, softplus_v, {label: 'softplus'});
plt.plot(x, leaky_relu_v, {label: 'leaky_relu'});
plt.plot(x, elus_v, {label: 'elus'});
plt.plot(x, swish_v, {label: 'swish'});
plt.legend();
plt.show();
