# Listing 8-14: tf.gradients basics.
import tensorflow.compat.v1 as tf
tf.disable_v2_behavior()

w1 = tf.Variable([[1, 2]])
w2 = tf.Variable([[3, 4]])

y = tf.matmul(w1, [[9], [10]])
# grads = tf.gradients(y, [w1, w2])  # w2 does not feed y: its gradient would be None
grads = tf.gradients(y, [w1])
# Version trap: from TF 1.9 tf.gradients does not backpropagate through int32 tensors, so this is
# [None] (the book's TF 1.8 printed [array([[ 9, 10]], dtype=int32)]) and sess.run(grads) fails.
print(grads)

# The port therefore uses float variables for the run:
w1 = tf.Variable([[1., 2.]])
y = tf.matmul(w1, [[9.], [10.]])
grads = tf.gradients(y, [w1])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    gradval = sess.run(grads)
    print(gradval)
