# Listing 9-9: listing 9-8's LSTM-then-GRU MultiRNNCell run by dynamic_rnn; outputs transposed to
# time-major to take the last.
# fixture-args: --short --seed 1
import numpy as np
import tensorflow.compat.v1 as tf  # the book: import tensorflow as tf (TF 1.x)
tf.disable_v2_behavior()
import contrib_layers  # the book: tf.contrib.layers (TF 1.x)
import contrib_rnn  # the book: tf.contrib.rnn (TF 1.x)
from flags import SHORT, seed_graph

seed_graph(tf)
# Import the MNIST data
import input_data  # the book: from tensorflow.examples.tutorials.mnist import input_data
mnist = input_data.read_data_sets("/data/", one_hot=True)

n_input = 28  # MNIST data input (img shape: 28*28)
n_steps = 28  # timesteps
n_hidden = 128  # hidden layer num of features
n_classes = 10  # MNIST classes (0-9 digits, 10 classes)
batch_size = 128


tf.reset_default_graph()
seed_graph(tf)
# tf Graph input
x = tf.placeholder("float", [None, n_steps, n_input])
y = tf.placeholder("float", [None, n_classes])


gru = contrib_rnn.GRUCell(n_hidden*2)
lstm_cell = contrib_rnn.LSTMCell(n_hidden)
mcell = contrib_rnn.MultiRNNCell([lstm_cell,gru])

outputs,states  = tf.nn.dynamic_rnn(mcell,x,dtype=tf.float32)#(?, 28, 256)
outputs = tf.transpose(outputs, [1, 0, 2])#(28, ?, 256): 28 time steps, the last is outputs[-1]=(?,256)
pred = contrib_layers.fully_connected(outputs[-1],n_classes,activation_fn = None)


learning_rate = 0.001
# Define loss and optimizer
cost = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(logits=pred, labels=y))
optimizer = tf.train.AdamOptimizer(learning_rate=learning_rate).minimize(cost)

# Evaluate model
correct_pred = tf.equal(tf.argmax(pred,1), tf.argmax(y,1))
accuracy = tf.reduce_mean(tf.cast(correct_pred, tf.float32))


training_iters = 100000 if not SHORT else 2688  # --short: 20 steps

display_step = 10

# Launch the session
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    step = 1
    # Keep training until reach max iterations
    while step * batch_size < training_iters:
        batch_x, batch_y = mnist.train.next_batch(batch_size)
        # Reshape data to get 28 seq of 28 elements
        batch_x = batch_x.reshape((batch_size, n_steps, n_input))
        # Run optimization op (backprop)
        sess.run(optimizer, feed_dict={x: batch_x, y: batch_y})
        if step % display_step == 0:
            # the accuracy on this batch
            acc = sess.run(accuracy, feed_dict={x: batch_x, y: batch_y})
            # Calculate batch loss
            loss = sess.run(cost, feed_dict={x: batch_x, y: batch_y})
            print ("Iter " + str(step*batch_size) + ", Minibatch Loss= " + \
                  "{:.6f}".format(loss) + ", Training Accuracy= " + \
                  "{:.5f}".format(acc))
        step += 1
    print (" Finished!")

    # the accuracy on the first 100 MNIST test images
    test_len = 100
    test_data = mnist.test.images[:test_len].reshape((-1, n_steps, n_input))
    test_label = mnist.test.labels[:test_len]
    print ("Testing Accuracy:", \
        sess.run(accuracy, feed_dict={x: test_data, y: test_label}))
