# Listing 8-5: one test batch of CIFAR-10 through cifar10_input's queues (no coordinator).
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


# sess = tf.InteractiveSession()
# tf.global_variables_initializer().run()
# tf.train.start_queue_runners()
# image_batch, label_batch = sess.run([images_test, labels_test])
# print("__\n",image_batch[0])
#
# print("__\n",label_batch[0])
# pylab.imshow(image_batch[0])
# pylab.show()
#

sess = tf.Session()
tf.global_variables_initializer().run(session=sess)
tf.train.start_queue_runners(sess=sess)
image_batch, label_batch = sess.run([images_test, labels_test])
print("__\n", image_batch[0])

print("__\n", label_batch[0])
pylab.imshow(image_batch[0])
pylab.show()
