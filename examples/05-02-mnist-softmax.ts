// Listing 5-2: softmax regression on MNIST, trained and saved with tf.train.Saver.
// The book's restore-and-predict part is disabled (inside a ''' string); --restore runs it.
// Figures (with --restore): pylab.show() writes the two predicted digits to ./plots (or $TF1TS_PLOT_DIR).
import * as tf from '../src';
import {input_data, pylab, type NDArray} from '../src';
import {SHORT, seed_graph} from './flags';

const RESTORE = process.argv.includes('--restore'); // not in the book: runs its disabled restore part

seed_graph(tf);
const mnist = input_data.read_data_sets('MNIST_data/', {one_hot: true});

tf.reset_default_graph();
seed_graph(tf);
// tf Graph Input
const x = tf.placeholder(tf.float32, [null, 784]); // mnist data, 28*28=784
const y = tf.placeholder(tf.float32, [null, 10]); // 0-9 digits, 10 classes

// Set model weights
const W = new tf.Variable(tf.random_normal([784, 10]));
const b = new tf.Variable(tf.zeros([10]));

// Construct model
const pred = tf.nn.softmax(tf.matmul(x, W).add(b)); // Softmax

// Minimize error using cross entropy
const cost = tf.reduce_mean(tf.reduce_sum(y.mul(tf.log(pred)), {reduction_indices: 1}).neg());

// Parameters
const learning_rate = 0.01;
// Gradient Descent
const optimizer = new tf.train.GradientDescentOptimizer(learning_rate).minimize(cost);

const saver = new tf.train.Saver();
const model_path = 'log/521model.ckpt';

const training_epochs = SHORT ? 1 : 25;
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

  // Test model
  const correct_prediction = tf.equal(tf.argmax(pred, 1), tf.argmax(y, 1));
  // Calculate accuracy
  const accuracy = tf.reduce_mean(tf.cast(correct_prediction, tf.float32));
  console.log('Accuracy:', accuracy.eval({feed_dict: [[x, mnist.test.images], [y, mnist.test.labels]]}));

  // Save model weights to disk
  const save_path = saver.save(sess, model_path);
  console.log(`Model saved in file: ${save_path}`);
}

if (RESTORE) { // the book: this part sits in a ''' string
  // Load the model
  console.log('Starting 2nd session...');
  using sess = new tf.Session();
  // Initialize variables
  sess.run(tf.global_variables_initializer());
  // Restore model weights from previously saved model
  saver.restore(sess, model_path);

  // Test model
  const correct_prediction = tf.equal(tf.argmax(pred, 1), tf.argmax(y, 1));
  // Calculate accuracy
  const accuracy = tf.reduce_mean(tf.cast(correct_prediction, tf.float32));
  console.log('Accuracy:', accuracy.eval({feed_dict: [[x, mnist.test.images], [y, mnist.test.labels]]}));

  const output = tf.argmax(pred, 1);
  const [batch_xs, batch_ys] = mnist.train.next_batch(2);
  const [outputval, predv] = sess.run([output, pred], {feed_dict: [[x, batch_xs]]});
  console.log(outputval, predv, batch_ys);

  let im = batch_xs.get(0) as NDArray;
  im = im.reshape(-1, 28);
  pylab.imshow(im);
  pylab.show();

  im = batch_xs.get(1) as NDArray;
  im = im.reshape(-1, 28);
  pylab.imshow(im);
  pylab.show();
}
