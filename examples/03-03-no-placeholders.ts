// Listing 3-3: the same regression without placeholders: the numpy data is baked into the graph,
// and every sess.run(optimizer) is a full-batch step (2000 of them).
// Figure: plt.show() writes it to ./plots (or $TF1TS_PLOT_DIR) and prints its path.
import * as tf from '../src';
import {np} from '../src';
import {plt} from '../src';
import {seed_numpy, seed_graph} from './flags';

seed_numpy(np);

const train_X = np.linspace(-1, 1, 100).astype(np.float32);
const train_Y = np.add(np.multiply(2, train_X), np.multiply(np.random.randn(...train_X.shape), 0.3)); // y = 2x, plus noise (float64)
plt.plot(train_X, train_Y, 'ro', {label: 'Original data'});
plt.legend();
plt.show();

seed_graph(tf);
const W = new tf.Variable(tf.random_normal([1]), {name: 'weight'});
const b = new tf.Variable(tf.zeros([1]), {name: 'bias'});
const z = tf.multiply(W, train_X).add(b);
const cost = tf.reduce_mean(tf.square(z.rsub(train_Y))); // Python: train_Y - z
const learning_rate = 0.01;
const optimizer = new tf.train.GradientDescentOptimizer(learning_rate).minimize(cost);

const init = tf.global_variables_initializer();
const training_epochs = 20;
const display_step = 2;

{
  using sess = new tf.Session();
  sess.run(init);
  for (let epoch = 0; epoch < training_epochs; epoch++) {
    for (let i = 0; i < train_X.size; i++) {
      sess.run(optimizer);
    }
    if (epoch % display_step === 0) {
      const loss = sess.run(cost);
      console.log('Epoch:', epoch + 1, 'cost=', loss, 'W=', sess.run(W), 'b=', sess.run(b));
    }
  }

  console.log(' Finished!');
  console.log('cost=', sess.run(cost), 'W=', sess.run(W), 'b=', sess.run(b));
}
