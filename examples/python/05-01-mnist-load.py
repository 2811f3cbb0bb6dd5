# Listing 5-1: load MNIST and look at it.
import input_data  # the book: from tensorflow.examples.tutorials.mnist import input_data
mnist = input_data.read_data_sets("MNIST_data/", one_hot=True)

print('输入数据:', mnist.train.images)
print('输入数据打shape:', mnist.train.images.shape)

import pylab
im = mnist.train.images[1]
im = im.reshape(-1, 28)
pylab.imshow(im)
pylab.show()

print('输入数据打shape:', mnist.test.images.shape)
print('输入数据打shape:', mnist.validation.images.shape)
