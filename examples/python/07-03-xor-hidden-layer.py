# Listing 7-3: XOR with one hidden layer (2-2-1), a leaky-ReLU output.
# fixture-args: --seed 1
import tensorflow.compat.v1 as tf
tf.disable_v2_behavior()
import numpy as np
from flags import seed_graph

seed_graph(tf)
learning_rate = 1e-4
n_input = 2
n_label = 1
n_hidden = 2

x = tf.placeholder(tf.float32, [None, n_input])
y = tf.placeholder(tf.float32, [None, n_label])

weights = {
    'h1': tf.Variable(tf.truncated_normal([n_input, n_hidden], stddev=0.1)),
    'h2': tf.Variable(tf.random_normal([n_hidden, n_label], stddev=0.1))
}
biases = {
    'h1': tf.Variable(tf.zeros([n_hidden])),
    'h2': tf.Variable(tf.zeros([n_label]))
}

layer_1 = tf.nn.relu(tf.add(tf.matmul(x, weights['h1']), biases['h1']))
layer2 = tf.add(tf.matmul(layer_1, weights['h2']), biases['h2'])
y_pred = tf.maximum(layer2, 0.01 * layer2)  # leaky relu

loss = tf.reduce_mean((y_pred - y) ** 2)
train_step = tf.train.AdamOptimizer(learning_rate).minimize(loss)

# Data
X = [[0, 0], [0, 1], [1, 0], [1, 1]]
Y = [[0], [1], [1], [0]]
X = np.array(X).astype('float32')
Y = np.array(Y).astype('int16')

# Session
sess = tf.InteractiveSession()
sess.run(tf.global_variables_initializer())

# Training
for i in range(10000):
    sess.run(train_step, feed_dict={x: X, y: Y})

# Result
print(sess.run(y_pred, feed_dict={x: X}))
# The hidden layer
print(sess.run(layer_1, feed_dict={x: X}))
