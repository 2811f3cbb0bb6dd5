# Listing 8-6: read CIFAR-10's test file by hand with numpy, and show its first image.
# The book's `from scipy.misc import imsave` is gone from SciPy (and was unused): dropped.
# fixture-args: --data {cifar10}
import numpy as np
from flags import data_dir

filename = data_dir('/tmp/cifar10_data/cifar-10-batches-bin') + '/test_batch.bin'

bytestream = open(filename, "rb")
buf = bytestream.read(10000 * (1 + 32 * 32 * 3))
bytestream.close()

data = np.frombuffer(buf, dtype=np.uint8)
data = data.reshape(10000, 1 + 32 * 32 * 3)
labels_images = np.hsplit(data, [1])
labels = labels_images[0].reshape(10000)
images = labels_images[1].reshape(10000, 32, 32, 3)

img = np.reshape(images[0], (3, 32, 32))  # the first image
img = img.transpose(1, 2, 0)

import pylab
print(labels[0])
pylab.imshow(img)
pylab.show()
