// Listing 6-3: exponential learning-rate decay.
// TF1 races the read of global_step against assign_add; tf1ts runs the update after the
// independent read, so each line shows the rate from before the increment (as TF does today).
import * as tf from '../src';

const global_step = new tf.Variable(0, {trainable: false});
const initial_learning_rate = 0.1;
const learning_rate = tf.train.exponential_decay(initial_learning_rate, global_step, {
  decay_steps: 10,
  decay_rate: 0.9,
});
const opt = new tf.train.GradientDescentOptimizer(learning_rate);
const add_global = global_step.assign_add(1);
{
  using sess = new tf.Session();
  tf.global_variables_initializer().run();
  console.log(sess.run(learning_rate));
  for (let i = 0; i < 20; i++) {
    const [g, rate] = sess.run([add_global, learning_rate]);
    console.log(g, rate);
  }
}
