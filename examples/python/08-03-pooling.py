# Listing 8-3: tf.nn.max_pool and tf.nn.avg_pool on a constant, and a mean over each channel.
import tensorflow.compat.v1 as tf
tf.disable_v2_behavior()

img = tf.constant([
    [[0.0, 4.0], [0.0, 4.0], [0.0, 4.0], [0.0, 4.0]],
    [[1.0, 5.0], [1.0, 5.0], [1.0, 5.0], [1.0, 5.0]],
    [[2.0, 6.0], [2.0, 6.0], [2.0, 6.0], [2.0, 6.0]],
    [[3.0, 7.0], [3.0, 7.0], [3.0, 7.0], [3.0, 7.0]]
])

img = tf.reshape(img, [1, 4, 4, 2])

pooling = tf.nn.max_pool(img, [1, 2, 2, 1], [1, 2, 2, 1], padding='VALID')
pooling1 = tf.nn.max_pool(img, [1, 2, 2, 1], [1, 1, 1, 1], padding='VALID')
pooling2 = tf.nn.avg_pool(img, [1, 4, 4, 1], [1, 1, 1, 1], padding='SAME')
pooling3 = tf.nn.avg_pool(img, [1, 4, 4, 1], [1, 4, 4, 1], padding='SAME')
nt_hpool2_flat = tf.reshape(tf.transpose(img), [-1, 16])
pooling4 = tf.reduce_mean(nt_hpool2_flat, 1)  # 1: the mean of each row; 0: of each column

with tf.Session() as sess:
    print("image:")
    image = sess.run(img)
    print(image)
    result = sess.run(pooling)
    print("reslut:\n", result)
    result = sess.run(pooling1)
    print("reslut1:\n", result)
    result = sess.run(pooling2)
    print("reslut2:\n", result)
    result = sess.run(pooling3)
    print("reslut3:\n", result)
    flat, result = sess.run([nt_hpool2_flat, pooling4])
    print("reslut4:\n", result)
    print("flat:\n", flat)
