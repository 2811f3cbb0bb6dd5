# Listing 4-1: the smallest graph and session.
import tensorflow.compat.v1 as tf  # the book: import tensorflow as tf (TF 1.x)
tf.disable_v2_behavior()

hello = tf.constant('Hello, TensorFlow!')
sess = tf.Session()
print(sess.run(hello))
sess.close()
