// Listing 6-4: the "Maxout" network on MNIST. As in the book, the loss uses z, not the maxout
// branch, so the branch (W2, b2, pred) never trains: this is softmax regression at rate 0.04.
// Figure: pylab.show() writes the digit to ./plots (or $TF1TS_PLOT_DIR) and prints its path.
import * as tf from '../src';
import {input_data, type NDArray} from '../src';
import {pylab} from '../src';
import {SHORT, seed_graph} from './flags';

seed_graph(tf);
const mnist = input_data.read_data_sets('MNIST_data/');

console.log('输入数据:', mnist.train.images);
console.log('输入数据打shape:', mnist.train.images.shape);
let im = mnist.train.images.get(1) as NDArray;
im = im.reshape(-1, 28);
pylab.imshow(im);
pylab.show();
console.log('输入数据打shape:', mnist.test.images.shape);
console.log('输入数据打shape:', mnist.validation.images.shape);

tf.reset_default_graph();
seed_graph(tf);
// tf Graph Input
const x = tf.placeholder(tf.float32, [null, 784]); // mnist data, 28*28=784
const y = tf.placeholder(tf.int32, [null]); // 0-9 digits, 10 classes

// Set model weights
const W = new tf.Variable(tf.random_normal([784, 10]));
const b = new tf.Variable(tf.zeros([10]));

const z = tf.matmul(x, W).add(b);
const maxout = tf.reduce_max(z, {axis: 1, keep_dims: true});
// Set model weights
const W2 = new tf.Variable(tf.truncated_normal([1, 10], {stddev: 0.1}));
const b2 = new tf.Variable(tf.zeros([1]));
// Construct model
const pred = tf.nn.softmax(tf.matmul(maxout, W2).add(b2));

// Minimize error using cross entropy
const cost = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits({labels: y, logits: z}));

// Parameters
const learning_rate = 0.04;
// Gradient Descent
const optimizer = new tf.train.GradientDescentOptimizer(learning_rate).minimize(cost);

const training_epochs = SHORT ? 1 : 200;
const batch_size = 100;
const display_step = 1;

// Start training
{
  using sess = new tf.Session();
  sess.run(tf.global_variables_initializer());

  // Training cycle
  for (let epoch = 0; epoch < training_epochs; epoch++) {
    let avg_cost = 0;
    const total_batch = SHORT ? 50 : Math.trunc(mnist.train.num_examples / batch_size);
    // Loop over all batches
    for (let i = 0; i < total_batch; i++) {
      const [batch_xs, batch_ys] = mnist.train.next_batch(batch_size);
      // Run optimization op (backprop) and cost op (to get loss value)
      const [, c] = sess.run([optimizer, cost], {feed_dict: [[x, batch_xs], [y, batch_ys]]});
      // Compute average loss
      avg_cost += c / total_batch;
    }
    // Display logs per epoch step
    if ((epoch + 1) % display_step === 0) {
      console.log('Epoch:', String(epoch + 1).padStart(4, '0'), 'cost=', avg_cost.toFixed(9));
    }
  }

  console.log(' Finished!');
}
