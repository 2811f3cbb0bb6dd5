// Listing 4-5: print the checkpoint of listing 4-4, then save variables under swapped names and print it again.
// Needs listing 4-4's checkpoint in log/ (run 04-04 first).
import * as tf from '../src';

const {print_tensors_in_checkpoint_file} = tf.python.tools.inspect_checkpoint;

const savedir = 'log/';
print_tensors_in_checkpoint_file(savedir + 'linermodel.cpkt', null, true);

const W = new tf.Variable(1.0, {name: 'weight'});
const b = new tf.Variable(2.0, {name: 'bias'});

// Put the variables in a dict, under each other's names
const saver = new tf.train.Saver({weight: b, bias: W});

{
  using sess = new tf.Session();
  tf.global_variables_initializer().run();
  saver.save(sess, savedir + 'linermodel.cpkt');
}

print_tensors_in_checkpoint_file(savedir + 'linermodel.cpkt', null, true);
