# Listing 8-2: Sobel edge detection with tf.nn.conv2d on a photo, fed into a Variable.
# The book reads its own 3264x2448 photo 'img.jpg' and hard-codes that size; this form reads
# 'img.jpg' when there is one, else the test photo test/fixtures/images/sobel.jpg (64x48), and
# takes the size from the image.
import os
import matplotlib.pyplot as plt  # plt shows the images
import matplotlib.image as mpimg  # mpimg reads them
import numpy as np
import tensorflow.compat.v1 as tf
tf.disable_v2_behavior()

TEST_PHOTO = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "test", "fixtures", "images", "sobel.jpg")

myimg = mpimg.imread('img.jpg' if os.path.exists('img.jpg') else TEST_PHOTO)  # the photo beside the script
plt.imshow(myimg)  # show the photo
plt.axis('off')  # without axes
plt.show()
print(myimg.shape)
height, width = myimg.shape[0], myimg.shape[1]  # the book: 3264, 2448

full = np.reshape(myimg, [1, height, width, 3])
inputfull = tf.Variable(tf.constant(1.0, shape=[1, height, width, 3]))

filter = tf.Variable(tf.constant([[-1.0, -1.0, -1.0], [0, 0, 0], [1.0, 1.0, 1.0],
                                  [-2.0, -2.0, -2.0], [0, 0, 0], [2.0, 2.0, 2.0],
                                  [-1.0, -1.0, -1.0], [0, 0, 0], [1.0, 1.0, 1.0]], shape=[3, 3, 3, 1]))

op = tf.nn.conv2d(inputfull, filter, strides=[1, 1, 1, 1], padding='SAME')  # 3 channels in, 1 feature map
o = tf.cast(((op - tf.reduce_min(op)) / (tf.reduce_max(op) - tf.reduce_min(op))) * 255, tf.uint8)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())

    t, f = sess.run([o, filter], feed_dict={inputfull: full})
    # print(f)
    t = np.reshape(t, [height, width])

    plt.imshow(t, cmap='Greys_r')  # show the edges
    plt.axis('off')  # without axes
    plt.show()
