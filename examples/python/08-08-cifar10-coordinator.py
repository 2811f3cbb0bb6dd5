# Listing 8-8: listing 8-5's read inside a with-session, the queue threads under a Coordinator.
# (Not in the book's code bundle: written from the book's text.)
# fixture-args: --short --data {cifar10}
import cifar10_input  # the local cifar10_input.py (tensorflow/models' 2017 version)
import tensorflow.compat.v1 as tf
tf.disable_v2_behavior()
import pylab
from flags import data_dir as data_dir_flag

# the data
batch_size = 12
data_dir = data_dir_flag('/tmp/cifar10_data/cifar-10-batches-bin')
images_test, labels_test = cifar10_input.inputs(eval_data=True, data_dir=data_dir, batch_size=batch_size)

with tf.Session() as sess:
    tf.global_variables_initializer().run()

    coord = tf.train.Coordinator()
    threads = tf.train.start_queue_runners(sess, coord)

    image_batch, label_batch = sess.run([images_test, labels_test])
    print("__\n", image_batch[0])

    print("__\n", label_batch[0])
    pylab.imshow(image_batch[0])
    pylab.show()
    coord.request_stop()
