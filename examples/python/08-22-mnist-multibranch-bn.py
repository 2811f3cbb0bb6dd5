# Listing 8-22: listing 8-23's two-branch MNIST CNN with contrib's batch_norm (always in training
# mode: the book's `train is not None` is true for a placeholder) and a constant decayed rate.
# --short: 20 of the 20000 steps, and the test accuracy on the first 1000 test images.
# fixture-args: --short --seed 1
import tensorflow.compat.v1 as tf
tf.disable_v2_behavior()
import numpy as np
from contrib.layers import batch_norm  # the book: from tensorflow.contrib.layers.python.layers (TF 1.15's, rebuilt)
import input_data  # the book: from tensorflow.examples.tutorials.mnist import input_data
from flags import SHORT, seed_graph

seed_graph(tf)
mnist = input_data.read_data_sets("/data/", one_hot=True)
test_n = None if not SHORT else 1000


def weight_variable(shape):
    initial = tf.truncated_normal(shape, stddev=0.1)
    return tf.Variable(initial)


def bias_variable(shape):
    initial = tf.constant(0.1, shape=shape)
    return tf.Variable(initial)


def conv2d(x, W):
    return tf.nn.conv2d(x, W, strides=[1, 1, 1, 1], padding='SAME')


def max_pool_2x2(x):
    return tf.nn.max_pool(x, ksize=[1, 2, 2, 1],
                          strides=[1, 2, 2, 1], padding='SAME')


def avg_pool_7x7(x):
    return tf.nn.avg_pool(x, ksize=[1, 7, 7, 1],
                          strides=[1, 7, 7, 1], padding='SAME')


def batch_norm_layer(value, train=None, name='batch_norm'):
    if train is not None:
        return batch_norm(value, decay=0.9, updates_collections=None, is_training=True)
    else:
        return batch_norm(value, decay=0.9, updates_collections=None, is_training=False)


# tf Graph Input
x = tf.placeholder(tf.float32, [None, 784])  # mnist data: 28*28=784
y = tf.placeholder(tf.float32, [None, 10])  # 0-9 => 10 classes
train = tf.placeholder(tf.float32)

W_conv1 = weight_variable([5, 5, 1, 32])
b_conv1 = bias_variable([32])

x_image = tf.reshape(x, [-1, 28, 28, 1])
h_conv1 = tf.nn.relu(batch_norm_layer((conv2d(x_image, W_conv1) + b_conv1), train))
h_pool1 = max_pool_2x2(h_conv1)
###################################################### several kernels
W_conv2_5x5 = weight_variable([5, 5, 32, 32])
b_conv2_5x5 = bias_variable([32])
W_conv2_7x7 = weight_variable([7, 7, 32, 32])
b_conv2_7x7 = bias_variable([32])
h_conv2_5x5 = tf.nn.relu(batch_norm_layer((conv2d(h_pool1, W_conv2_5x5) + b_conv2_5x5), train))
h_conv2_7x7 = tf.nn.relu(batch_norm_layer((conv2d(h_pool1, W_conv2_7x7) + b_conv2_7x7), train))
h_conv2 = tf.concat([h_conv2_5x5, h_conv2_7x7], 3)

h_pool2 = max_pool_2x2(h_conv2)
######################################################### new pooling

W_conv3 = weight_variable([5, 5, 64, 10])
b_conv3 = bias_variable([10])
h_conv3 = tf.nn.relu(conv2d(h_pool2, W_conv3) + b_conv3)

nt_hpool3 = avg_pool_7x7(h_conv3)  # 10
nt_hpool3_flat = tf.reshape(nt_hpool3, [-1, 10])
y_conv = tf.nn.softmax(nt_hpool3_flat)

keep_prob = tf.placeholder("float")

cross_entropy = -tf.reduce_sum(y * tf.log(y_conv))

decaylearning_rate = tf.train.exponential_decay(0.04, 20000, 1000, 0.9)
train_step = tf.train.AdamOptimizer(decaylearning_rate).minimize(cross_entropy)

correct_prediction = tf.equal(tf.argmax(y_conv, 1), tf.argmax(y, 1))
accuracy = tf.reduce_mean(tf.cast(correct_prediction, "float"))

# the session
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for i in range(20000 if not SHORT else 20):  # 20000
        batch = mnist.train.next_batch(50)
        if i % 100 == 0:
            train_accuracy = accuracy.eval(feed_dict={
                x: batch[0], y: batch[1], keep_prob: 1.0})
            print("step %d, training accuracy %g" % (i, train_accuracy))
        train_step.run(feed_dict={x: batch[0], y: batch[1], keep_prob: 0.5})

    print("test accuracy %g" % accuracy.eval(feed_dict={
        x: mnist.test.images[:test_n], y: mnist.test.labels[:test_n], keep_prob: 1.0}))
