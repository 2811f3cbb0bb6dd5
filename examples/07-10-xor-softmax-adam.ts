// Listing 7-10: XOR "error" example 2: a softmax output with Adam — switching the optimizer does
// not fix a single-unit softmax.
import * as tf from '../src';
import {np} from '../src';

// Network structure: 2-dimensional input --> 2 hidden units --> 1 output
tf.set_random_seed(55);
np.random.seed(55);

const input_data = [[0., 0.], [0., 1.], [1., 0.], [1., 1.]]; // XOR input
const output_data = [[0.], [1.], [1.], [0.]]; // XOR output

const hidden_nodes = 2;

const n_input = tf.placeholder(tf.float32, [null, 2], 'n_input');
const n_output = tf.placeholder(tf.float32, [null, 1], 'n_output');

// Hidden layer
const b_hidden = new tf.Variable(0.1, {name: 'hidden_bias'}); // hidden layer's bias
const W_hidden = new tf.Variable(tf.random_normal([2, hidden_nodes]), {name: 'hidden_weights'}); // hidden layer's weight
const hidden = tf.sigmoid(tf.matmul(n_input, W_hidden).add(b_hidden));

// Output layer
const W_output = new tf.Variable(tf.random_normal([hidden_nodes, 1]), {name: 'output_weights'}); // output layer's weight
const b_output = new tf.Variable(0.1, {name: 'output_bias'}); // output layer's bias
let output = tf.nn.tanh(tf.matmul(hidden, W_output).add(b_output));
const y = tf.matmul(hidden, W_output).add(b_output); // the logits (never used)
output = tf.nn.softmax(tf.matmul(hidden, W_output).add(b_output));

// Cross entropy
const cross_entropy = n_output.mul(tf.log(output)).add(n_output.rsub(1).mul(tf.log(output.rsub(1)))).neg();
const loss = cross_entropy;
const optimizer = new tf.train.AdamOptimizer(0.01);
const train = optimizer.minimize(loss);

const init = tf.global_variables_initializer();
const sess = new tf.Session();
sess.run(init);

for (let epoch = 0; epoch < 2001; epoch++) {
  const cvalues = sess.run([train, loss, W_hidden, b_hidden, W_output], {feed_dict: [[n_input, input_data], [n_output, output_data]]});
  if (epoch % 200 === 0) {
    console.log('');
    console.log(`step: ${String(epoch).padStart(3)}`);
    console.log(`loss: ${cvalues[1]}`);
  }
}

console.log('');
for (let i = 0; i < input_data.length; i++) {
  console.log(`input: [${input_data[i].map((v) => v.toFixed(1)).join(', ')}] | output: ${sess.run(output, {feed_dict: [[n_input, [input_data[i]]]]})}`);
}
