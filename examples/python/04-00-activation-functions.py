# Section 4.2 (the seed notebook): the activation functions, computed with tf.nn ops in a graph,
# printed at a few points and plotted: a 4x2 grid of subplots, then all of them with a legend.
# fixture-args: --seed 1
import numpy as np
import matplotlib.pyplot as plt
import tensorflow.compat.v1 as tf
tf.disable_v2_behavior()
from flags import seed_numpy, seed_graph

seed_numpy(np)
seed_graph(tf)

x = np.linspace(-10, 10, 1000)
# Noisy ReLU as the notebook draws it: one Gaussian number (scale = the std of x) added where x > 0
noise = np.random.normal(loc=0, scale=np.std(x))

X = tf.placeholder(tf.float32, [None])
# Sigmoid
sigmoid = tf.nn.sigmoid(X)
# Tanh
tanh = tf.nn.tanh(X)
# ReLU
relu = tf.nn.relu(X)
# Softplus
softplus = tf.nn.softplus(X)
# Noisy ReLU
noisy_relu = tf.where(X > 0, X + noise, tf.zeros_like(X))
# Leaky ReLU (alpha 0.1, the notebook's 0.1*x for x <= 0)
leaky_relu = tf.nn.leaky_relu(X, alpha=0.1)
# ELU with the notebook's formula (0.1*exp(x) - 1 for x <= 0), and TF's own tf.nn.elu
elus = tf.where(X > 0, X, 0.1 * tf.exp(X) - 1)
elu = tf.nn.elu(X)
# Swish
swish = tf.nn.swish(X)

loss_func_tf = ['sigmoid', 'tanh', 'relu', 'softplus', 'noisy_relu', 'leaky_relu', 'elus', 'swish']
with tf.Session() as sess:
    loss_func = sess.run([sigmoid, tanh, relu, softplus, noisy_relu, leaky_relu, elus, swish], feed_dict={X: x})
    elu_tf = sess.run(elu, feed_dict={X: x})

points = [0, 250, 499, 500, 750, 999]
print('noise:', noise)
print('x:', x[points])
for name, values in zip(loss_func_tf, loss_func):
    print(name + ':', values[points])
print('tf.nn.elu:', elu_tf[points])
[sigmoid, tanh, relu, softplus, noisy_relu, leaky_relu, elus, swish] = loss_func

fig, axes = plt.subplots(4, 2, figsize=(5, 10))
fig.tight_layout()

for loss_func, loss_func_tf, ax in zip(loss_func, loss_func_tf, axes.ravel()):
    ax.set_title(loss_func_tf)
    ax.grid()
    ax.plot(x, loss_func)
plt.show()

plt.figure(figsize=(5, 5))
plt.grid()
plt.plot(x, sigmoid, label='sigmoid')
plt.plot(x, tanh, label='tanh')
plt.plot(x, relu, label='relu')
plt.plot(x, softplus, label='softplus')
plt.plot(x, leaky_relu, label='leaky_relu')
plt.plot(x, elus, label='elus')
plt.plot(x, swish, label='swish')
plt.legend()
plt.show()
