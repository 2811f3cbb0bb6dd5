// Listing 4-4: listing 3-1's linear regression, saved with tf.train.Saver and restored in a second session.
// Figures: plt.show() writes each to ./plots (or $TF1TS_PLOT_DIR) and prints its path.
import * as tf from '../src';
import {np, plt} from '../src';
import {seed_numpy, seed_graph} from './flags';

const __author__ = '代码医生';
console.log('作者', __author__);

seed_numpy(np);

const plotdata: {batchsize: number[]; loss: number[]; avgloss?: number[]} = {batchsize: [], loss: []};

function moving_average(a: number[], w = 10): number[] {
  if (a.length < w) return [...a];
  return a.map((val, idx) => (idx < w ? val : a.slice(idx - w, idx).reduce((s, v) => s + v, 0) / w));
}

// Data
const train_X = np.linspace(-1, 1, 100);
const train_Y = np.add(np.multiply(2, train_X), np.multiply(np.random.randn(...train_X.shape), 0.3)); // y = 2x, plus noise
plt.plot(train_X, train_Y, 'ro', {label: 'Original data'});
plt.legend();
plt.show();

tf.reset_default_graph();
seed_graph(tf);

// Placeholders
const X = tf.placeholder('float');
const Y = tf.placeholder('float');
// Parameters
const W = new tf.Variable(tf.random_normal([1]), {name: 'weight'});
const b = new tf.Variable(tf.zeros([1]), {name: 'bias'});
// Forward
const z = tf.multiply(X, W).add(b);
// Backward
const cost = tf.reduce_mean(tf.square(Y.sub(z)));
const learning_rate = 0.01;
const optimizer = new tf.train.GradientDescentOptimizer(learning_rate).minimize(cost);

const init = tf.global_variables_initializer();
const training_epochs = 20;
const display_step = 2;
const saver = new tf.train.Saver(); // every variable
const savedir = 'log/';

{
  using sess = new tf.Session();
  sess.run(init);
  for (let epoch = 0; epoch < training_epochs; epoch++) {
    for (let i = 0; i < train_X.size; i++) {
      const [x, y] = [train_X.get(i), train_Y.get(i)];
      sess.run(optimizer, {feed_dict: [[X, x], [Y, y]]});
    }

    if (epoch % display_step === 0) {
      const loss = sess.run(cost, {feed_dict: [[X, train_X], [Y, train_Y]]});
      console.log('Epoch:', epoch + 1, 'cost=', loss, 'W=', sess.run(W), 'b=', sess.run(b));
      plotdata.batchsize.push(epoch);
      plotdata.loss.push(loss);
    }
  }

  console.log(' Finished!');
  saver.save(sess, savedir + 'linermodel.cpkt');
  console.log('cost=', sess.run(cost, {feed_dict: [[X, train_X], [Y, train_Y]]}), 'W=', sess.run(W), 'b=', sess.run(b));

  plt.plot(train_X, train_Y, 'ro', {label: 'Original data'});
  plt.plot(train_X, np.add(np.multiply(sess.run(W), train_X), sess.run(b)), {label: 'Fitted line'});
  plt.legend();
  plt.show();

  plotdata.avgloss = moving_average(plotdata.loss);
  plt.figure(1);
  plt.subplot(211);
  plt.plot(plotdata.batchsize, plotdata.avgloss, 'b--');
  plt.xlabel('Minibatch number');
  plt.ylabel('Loss');
  plt.title('Minibatch run vs. Training loss');
  plt.show();
}

// Restore the model into a second session
{
  using sess2 = new tf.Session();
  sess2.run(tf.global_variables_initializer());
  saver.restore(sess2, savedir + 'linermodel.cpkt');
  console.log('x=0.2，z=', sess2.run(z, {feed_dict: [[X, 0.2]]}));
}
