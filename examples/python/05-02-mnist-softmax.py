# Listing 5-2: softmax regression on MNIST, trained and saved with tf.train.Saver.
# The book's restore-and-predict part is disabled (inside a ''' string); --restore runs it.
# fixture-args: --short --seed 1 --restore
import sys
import tensorflow.compat.v1 as tf
tf.disable_v2_behavior()
import input_data  # the book: from tensorflow.examples.tutorials.mnist import input_data
from flags import SHORT, seed_graph

RESTORE = "--restore" in sys.argv  # not in the book: runs its disabled restore part

seed_graph(tf)
mnist = input_data.read_data_sets("MNIST_data/", one_hot=True)

import pylab

tf.reset_default_graph()
seed_graph(tf)
# tf Graph Input
x = tf.placeholder(tf.float32, [None, 784])  # mnist data, 28*28=784
y = tf.placeholder(tf.float32, [None, 10])  # 0-9 digits, 10 classes

# Set model weights
W = tf.Variable(tf.random_normal([784, 10]))
b = tf.Variable(tf.zeros([10]))

# Construct model
pred = tf.nn.softmax(tf.matmul(x, W) + b)  # Softmax

# Minimize error using cross entropy
cost = tf.reduce_mean(-tf.reduce_sum(y * tf.log(pred), reduction_indices=1))

# Parameters
learning_rate = 0.01
# Gradient Descent
optimizer = tf.train.GradientDescentOptimizer(learning_rate).minimize(cost)

saver = tf.train.Saver()
model_path = "log/521model.ckpt"

training_epochs = 25 if not SHORT else 1
batch_size = 100
display_step = 1

# Start training
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())

    # Training cycle
    for epoch in range(training_epochs):
        avg_cost = 0.
        total_batch = int(mnist.train.num_examples / batch_size) if not SHORT else 50
        # Loop over all batches
        for i in range(total_batch):
            batch_xs, batch_ys = mnist.train.next_batch(batch_size)
            # Run optimization op (backprop) and cost op (to get loss value)
            _, c = sess.run([optimizer, cost], feed_dict={x: batch_xs, y: batch_ys})
            # Compute average loss
            avg_cost += c / total_batch
        # Display logs per epoch step
        if (epoch + 1) % display_step == 0:
            print("Epoch:", '%04d' % (epoch + 1), "cost=", "{:.9f}".format(avg_cost))

    print(" Finished!")

    # Test model
    correct_prediction = tf.equal(tf.argmax(pred, 1), tf.argmax(y, 1))
    # Calculate accuracy
    accuracy = tf.reduce_mean(tf.cast(correct_prediction, tf.float32))
    print("Accuracy:", accuracy.eval({x: mnist.test.images, y: mnist.test.labels}))

    # Save model weights to disk
    save_path = saver.save(sess, model_path)
    print("Model saved in file: %s" % save_path)

if RESTORE:  # the book: this part sits in a ''' string
    # Load the model
    print("Starting 2nd session...")
    with tf.Session() as sess:
        # Initialize variables
        sess.run(tf.global_variables_initializer())
        # Restore model weights from previously saved model
        saver.restore(sess, model_path)

        # Test model
        correct_prediction = tf.equal(tf.argmax(pred, 1), tf.argmax(y, 1))
        # Calculate accuracy
        accuracy = tf.reduce_mean(tf.cast(correct_prediction, tf.float32))
        print("Accuracy:", accuracy.eval({x: mnist.test.images, y: mnist.test.labels}))

        output = tf.argmax(pred, 1)
        batch_xs, batch_ys = mnist.train.next_batch(2)
        outputval, predv = sess.run([output, pred], feed_dict={x: batch_xs})
        print(outputval, predv, batch_ys)

        im = batch_xs[0]
        im = im.reshape(-1, 28)
        pylab.imshow(im)
        pylab.show()

        im = batch_xs[1]
        im = im.reshape(-1, 28)
        pylab.imshow(im)
        pylab.show()
