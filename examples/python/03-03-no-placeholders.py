# Listing 3-3: the same regression without placeholders: the numpy data is baked into the graph,
# and every sess.run(optimizer) is a full-batch step (2000 of them).
# fixture-args: --seed 1
import numpy as np
import matplotlib.pyplot as plt
import tensorflow.compat.v1 as tf
tf.disable_v2_behavior()
from flags import seed_numpy, seed_graph

seed_numpy(np)

train_X = np.float32(np.linspace(-1, 1, 100))
train_Y = 2 * train_X + np.random.randn(*train_X.shape) * 0.3  # y = 2x, plus noise (float64)
plt.plot(train_X, train_Y, 'ro', label='Original data')
plt.legend()
plt.show()

seed_graph(tf)
W = tf.Variable(tf.random_normal([1]), name="weight")
b = tf.Variable(tf.zeros([1]), name="bias")
z = tf.multiply(W, train_X) + b
cost = tf.reduce_mean(tf.square(train_Y - z))
learning_rate = 0.01
optimizer = tf.train.GradientDescentOptimizer(learning_rate).minimize(cost)

init = tf.global_variables_initializer()
training_epochs = 20
display_step = 2

with tf.Session() as sess:
    sess.run(init)
    for epoch in range(training_epochs):
        for (x, y) in zip(train_X, train_Y):
            sess.run(optimizer)
        if epoch % display_step == 0:
            loss = sess.run(cost)
            print("Epoch:", epoch + 1, "cost=", loss, "W=", sess.run(W), "b=", sess.run(b))

    print(" Finished!")
    print("cost=", sess.run(cost), "W=", sess.run(W), "b=", sess.run(b))
