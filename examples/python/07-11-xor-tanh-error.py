# Listing 7-11: XOR "error" example 3: a tanh output with a one-sided cross entropy: rows labelled
# 0 add nothing to the gradient, so every output is pushed towards 1.
import tensorflow.compat.v1 as tf
tf.disable_v2_behavior()
import numpy as np

# Network structure: 2-dimensional input --> 2 hidden units --> 1 output
tf.set_random_seed(55)
np.random.seed(55)

input_data = [[0., 0.], [0., 1.], [1., 0.], [1., 1.]]  # XOR input
output_data = [[0.], [1.], [1.], [0.]]  # XOR output

hidden_nodes = 2

n_input = tf.placeholder(tf.float32, shape=[None, 2], name="n_input")
n_output = tf.placeholder(tf.float32, shape=[None, 1], name="n_output")

# Hidden layer
b_hidden = tf.Variable(0.1, name="hidden_bias")  # hidden layer's bias
W_hidden = tf.Variable(tf.random_normal([2, hidden_nodes]), name="hidden_weights")  # hidden layer's weight
hidden = tf.sigmoid(tf.matmul(n_input, W_hidden) + b_hidden)

# Output layer
W_output = tf.Variable(tf.random_normal([hidden_nodes, 1]), name="output_weights")  # output layer's weight
b_output = tf.Variable(0.1, name="output_bias")  # output layer's bias
output = tf.nn.tanh(tf.matmul(hidden, W_output) + b_output)

# Cross entropy
cross_entropy = -tf.reduce_sum(n_output * tf.log(output))
loss = tf.reduce_mean(cross_entropy)
optimizer = tf.train.AdamOptimizer(0.01)
train = optimizer.minimize(loss)

init = tf.global_variables_initializer()
sess = tf.Session()
sess.run(init)

for epoch in range(0, 2001):
    cvalues = sess.run([train, loss, W_hidden, b_hidden, W_output],
                       feed_dict={n_input: input_data, n_output: output_data})
    if epoch % 200 == 0:
        print("")
        print("step: {:>3}".format(epoch))
        print("loss: {}".format(cvalues[1]))

print("")
for i in range(len(input_data)):
    print("input: {} | output: {}".format(input_data[i], sess.run(output, feed_dict={n_input: [input_data[i]]})))
