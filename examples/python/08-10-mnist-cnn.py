# Listing 8-10: a CNN on MNIST (conv-pool, conv-pool, conv to 10 maps, global average pool).
# --short: the test accuracy on the first 1000 test images (of 10000).
# fixture-args: --short --seed 1
import tensorflow.compat.v1 as tf
tf.disable_v2_behavior()
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


# tf Graph Input
x = tf.placeholder(tf.float32, [None, 784])  # mnist data: 28*28=784
y = tf.placeholder(tf.float32, [None, 10])  # 0-9 => 10 classes

W_conv1 = weight_variable([5, 5, 1, 32])
b_conv1 = bias_variable([32])

x_image = tf.reshape(x, [-1, 28, 28, 1])

h_conv1 = tf.nn.relu(conv2d(x_image, W_conv1) + b_conv1)
h_pool1 = max_pool_2x2(h_conv1)

W_conv2 = weight_variable([5, 5, 32, 64])
b_conv2 = bias_variable([64])

h_conv2 = tf.nn.relu(conv2d(h_pool1, W_conv2) + b_conv2)
h_pool2 = max_pool_2x2(h_conv2)
#########################################################new
W_conv3 = weight_variable([5, 5, 64, 10])
b_conv3 = bias_variable([10])
h_conv3 = tf.nn.relu(conv2d(h_pool2, W_conv3) + b_conv3)

nt_hpool3 = avg_pool_7x7(h_conv3)  # 64
nt_hpool3_flat = tf.reshape(nt_hpool3, [-1, 10])
y_conv = tf.nn.softmax(nt_hpool3_flat)

cross_entropy = -tf.reduce_sum(y * tf.log(y_conv))
train_step = tf.train.AdamOptimizer(1e-4).minimize(cross_entropy)

correct_prediction = tf.equal(tf.argmax(y_conv, 1), tf.argmax(y, 1))
accuracy = tf.reduce_mean(tf.cast(correct_prediction, "float"))

# the session
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for i in range(200):  # 20000
        batch = mnist.train.next_batch(50)  # 50
        if i % 20 == 0:
            train_accuracy = accuracy.eval(feed_dict={
                x: batch[0], y: batch[1]})
            print("step %d, training accuracy %g" % (i, train_accuracy))
        train_step.run(feed_dict={x: batch[0], y: batch[1]})

    print("test accuracy %g" % accuracy.eval(feed_dict={
        x: mnist.test.images[:test_n], y: mnist.test.labels[:test_n]}))
