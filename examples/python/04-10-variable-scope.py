# Listing 4-10: the same get_variable name in two variable scopes.
import tensorflow.compat.v1 as tf
tf.disable_v2_behavior()

tf.reset_default_graph()

# var1 = tf.get_variable("firstvar", shape=[2], dtype=tf.float32)
# var2 = tf.get_variable("firstvar", shape=[2], dtype=tf.float32)  # ValueError

with tf.variable_scope("test1"):
    var1 = tf.get_variable("firstvar", shape=[2], dtype=tf.float32)

with tf.variable_scope("test2"):
    var2 = tf.get_variable("firstvar", shape=[2], dtype=tf.float32)

print("var1:", var1.name)
print("var2:", var2.name)
