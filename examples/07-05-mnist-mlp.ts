// Listing 7-5: a multilayer perceptron on MNIST (784-256-256-10, ReLU, Adam).
import * as tf from '../src';
import {input_data} from '../src';
import {SHORT, seed_graph} from './flags';

seed_graph(tf);
const mnist = input_data.read_data_sets('/data/', {one_hot: true});

// Parameters
const learning_rate = 0.001;
const training_epochs = SHORT ? 1 : 25;
const batch_size = 100;
const display_step = 1;

// Network Parameters
const n_hidden_1 = 256; // 1st layer number of features
const n_hidden_2 = 256; // 2nd layer number of features
const n_input = 784; // MNIST data input (img shape: 28*28)
const n_classes = 10; // MNIST total classes (0-9 digits)

// tf Graph input
const x = tf.placeholder('float', [null, n_input]);
const y = tf.placeholder('float', [null, n_classes]);

// Create model
function multilayer_perceptron(x: tf.Tensor, weights: Record<string, tf.Variable>, biases: Record<string, tf.Variable>): tf.Tensor {
  // Hidden layer with RELU activation
  let layer_1 = tf.add(tf.matmul(x, weights.h1), biases.b1);
  layer_1 = tf.nn.relu(layer_1);
  // Hidden layer with RELU activation
  let layer_2 = tf.add(tf.matmul(layer_1, weights.h2), biases.b2);
  layer_2 = tf.nn.relu(layer_2);
  // Output layer with linear activation
  const out_layer = tf.matmul(layer_2, weights.out).add(biases.out);
  return out_layer;
}

// Store layers weight & bias
const weights = {
  h1: new tf.Variable(tf.random_normal([n_input, n_hidden_1])),
  h2: new tf.Variable(tf.random_normal([n_hidden_1, n_hidden_2])),
  out: new tf.Variable(tf.random_normal([n_hidden_2, n_classes])),
};
const biases = {
  b1: new tf.Variable(tf.random_normal([n_hidden_1])),
  b2: new tf.Variable(tf.random_normal([n_hidden_2])),
  out: new tf.Variable(tf.random_normal([n_classes])),
};

// Construct model
const pred = multilayer_perceptron(x, weights, biases);

// Define loss and optimizer
const cost = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits({logits: pred, labels: y}));
const optimizer = new tf.train.AdamOptimizer({learning_rate}).minimize(cost);

// Initializing the variables
const init = tf.global_variables_initializer();

// Launch the graph
{
  using sess = new tf.Session();
  sess.run(init);

  // Training cycle
  for (let epoch = 0; epoch < training_epochs; epoch++) {
    let avg_cost = 0;
    const total_batch = SHORT ? 50 : Math.trunc(mnist.train.num_examples / batch_size);
    // Loop over all batches
    for (let i = 0; i < total_batch; i++) {
      const [batch_x, batch_y] = mnist.train.next_batch(batch_size);
      // Run optimization op (backprop) and cost op (to get loss value)
      const [, c] = sess.run([optimizer, cost], {feed_dict: [[x, batch_x], [y, batch_y]]});
      // Compute average loss
      avg_cost += c / total_batch;
    }
    // Display logs per epoch step
    if (epoch % display_step === 0) {
      console.log('Epoch:', String(epoch + 1).padStart(4, '0'), 'cost=', avg_cost.toFixed(9));
    }
  }
  console.log(' Finished!');

  // Test model
  const correct_prediction = tf.equal(tf.argmax(pred, 1), tf.argmax(y, 1));
  // Calculate accuracy
  const accuracy = tf.reduce_mean(tf.cast(correct_prediction, 'float'));
  console.log('Accuracy:', accuracy.eval({feed_dict: [[x, mnist.test.images], [y, mnist.test.labels]]}));
}
