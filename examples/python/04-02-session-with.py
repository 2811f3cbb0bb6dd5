# Listing 4-2: the session as a context manager; arithmetic on constants.
import tensorflow.compat.v1 as tf
tf.disable_v2_behavior()

a = tf.constant(3)
b = tf.constant(4)
with tf.Session() as sess:
    print("相加: %i" % sess.run(a + b))
    print("相乘: %i" % sess.run(a * b))
