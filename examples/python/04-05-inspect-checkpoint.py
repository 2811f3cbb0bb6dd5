# Listing 4-5: print the checkpoint of listing 4-4, then save variables under swapped names and print it again.
# Needs listing 4-4's checkpoint in log/ (run 04-04 first).
import tensorflow.compat.v1 as tf  # the book: import tensorflow as tf (TF 1.x)
tf.disable_v2_behavior()
from inspect_checkpoint import print_tensors_in_checkpoint_file  # the book: from tensorflow.python.tools.inspect_checkpoint import …

savedir = "log/"
print_tensors_in_checkpoint_file(savedir + "linermodel.cpkt", None, True)

W = tf.Variable(1.0, name="weight")
b = tf.Variable(2.0, name="bias")

# Put the variables in a dict, under each other's names
saver = tf.train.Saver({'weight': b, 'bias': W})

with tf.Session() as sess:
    tf.global_variables_initializer().run()
    saver.save(sess, savedir + "linermodel.cpkt")

print_tensors_in_checkpoint_file(savedir + "linermodel.cpkt", None, True)
