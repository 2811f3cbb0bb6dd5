// Listing 4-7: tf.train.MonitoredTrainingSession initializes (or restores) the variables and saves a checkpoint every 2 s.
// The book's loop never ends (stop it with Ctrl-C; the next run resumes from the saved step).
// --short starts afresh and stops after 5 steps, so that the output is always the same.
import * as fs from 'fs';
import * as tf from '../src';
import {SHORT} from './flags';

if (SHORT) fs.rmSync('log/checkpoints', {recursive: true, force: true});

tf.reset_default_graph();
const global_step = tf.train.get_or_create_global_step();
const step = tf.assign_add(global_step, 1);
const hooks = SHORT ? [new tf.train.StopAtStepHook({num_steps: 5})] : null;

// The monitored session initializes the variables itself
{
  using sess = tf.train.MonitoredTrainingSession({checkpoint_dir: 'log/checkpoints', save_checkpoint_secs: 2, hooks});
  console.log(sess.run([global_step]));
  while (!sess.should_stop()) { // runs until interrupted (or, with --short, for 5 steps)
    const i = sess.run(step);
    console.log(i);
  }
}
