"""The `cifar10_input` module the book's CIFAR-10 listings import: tensorflow/models'
tutorials/image/cifar10/cifar10_input.py as it was in 2017 (TF 1.x, queue based), rewritten op
for op: the same functions, constants, ops in the same order and queue settings.

`inputs(eval_data, data_dir, batch_size)` reads data_batch_1..5.bin (or test_batch.bin),
crops the 32x32 images to their central 24x24, standardizes each and batches them in file order
with tf.train.batch. `distorted_inputs(data_dir, batch_size)` crops at random, flips, changes
brightness and contrast, and batches through a shuffling queue (tf.train.shuffle_batch); no
listing of the book calls it.

One adaptation (not in the original): with --short the queues are fed by one preprocessing thread
instead of 16. Sixteen threads enqueue records in the order they finish, which differs from run
to run; one thread enqueues them in file order, so a short run prints the same numbers every time.
"""
import os

import tensorflow.compat.v1 as tf
from flags import SHORT

# The size the images are cropped to (the files hold 32x32).
IMAGE_SIZE = 24

# The data set.
NUM_CLASSES = 10
NUM_EXAMPLES_PER_EPOCH_FOR_TRAIN = 50000
NUM_EXAMPLES_PER_EPOCH_FOR_EVAL = 10000


def read_cifar10(filename_queue):
    """One record of the binary files: a label byte, then 3072 image bytes, channel-major.

    Returns an object with height, width, depth (32, 32, 3), key (file:record), label (int32,
    shape [1]) and uint8image ([32, 32, 3] uint8, height-width-channel).
    """

    class CIFAR10Record(object):
        pass

    result = CIFAR10Record()

    label_bytes = 1
    result.height = 32
    result.width = 32
    result.depth = 3
    image_bytes = result.height * result.width * result.depth
    # Records have a fixed size and the files no header or footer.
    record_bytes = label_bytes + image_bytes

    reader = tf.FixedLengthRecordReader(record_bytes=record_bytes)
    result.key, value = reader.read(filename_queue)

    record_bytes = tf.decode_raw(value, tf.uint8)

    # Byte 0 is the label.
    result.label = tf.cast(tf.strided_slice(record_bytes, [0], [label_bytes]), tf.int32)

    # Then the image, stored [depth, height, width]; the listings want [height, width, depth].
    depth_major = tf.reshape(
        tf.strided_slice(record_bytes, [label_bytes], [label_bytes + image_bytes]),
        [result.depth, result.height, result.width])
    result.uint8image = tf.transpose(depth_major, [1, 2, 0])

    return result


def _generate_image_and_label_batch(image, label, min_queue_examples, batch_size, shuffle):
    """Batches of `batch_size` images [batch, 24, 24, 3] and labels [batch] from a queue that keeps
    at least `min_queue_examples` records (shuffling) or holds up to that many plus 3 batches."""
    num_preprocess_threads = 16 if not SHORT else 1
    if shuffle:
        images, label_batch = tf.train.shuffle_batch(
            [image, label],
            batch_size=batch_size,
            num_threads=num_preprocess_threads,
            capacity=min_queue_examples + 3 * batch_size,
            min_after_dequeue=min_queue_examples)
    else:
        images, label_batch = tf.train.batch(
            [image, label],
            batch_size=batch_size,
            num_threads=num_preprocess_threads,
            capacity=min_queue_examples + 3 * batch_size)

    # For TensorBoard.
    tf.summary.image('images', images)

    return images, tf.reshape(label_batch, [batch_size])


def distorted_inputs(data_dir, batch_size):
    """Training batches with random distortions: crop, flip, brightness, contrast."""
    filenames = [os.path.join(data_dir, 'data_batch_%d.bin' % i) for i in range(1, 6)]
    for f in filenames:
        if not tf.gfile.Exists(f):
            raise ValueError('Failed to find file: ' + f)

    filename_queue = tf.train.string_input_producer(filenames)

    read_input = read_cifar10(filename_queue)
    reshaped_image = tf.cast(read_input.uint8image, tf.float32)

    height = IMAGE_SIZE
    width = IMAGE_SIZE

    distorted_image = tf.random_crop(reshaped_image, [height, width, 3])
    distorted_image = tf.image.random_flip_left_right(distorted_image)
    # (The order of these two matters; per_image_standardization undoes most of both.)
    distorted_image = tf.image.random_brightness(distorted_image, max_delta=63)
    distorted_image = tf.image.random_contrast(distorted_image, lower=0.2, upper=1.8)

    float_image = tf.image.per_image_standardization(distorted_image)

    float_image.set_shape([height, width, 3])
    read_input.label.set_shape([1])

    # The shuffling queue keeps 40% of an epoch, for good mixing.
    min_fraction_of_examples_in_queue = 0.4
    min_queue_examples = int(NUM_EXAMPLES_PER_EPOCH_FOR_TRAIN * min_fraction_of_examples_in_queue)
    print('Filling queue with %d CIFAR images before starting to train. '
          'This will take a few minutes.' % min_queue_examples)

    return _generate_image_and_label_batch(float_image, read_input.label, min_queue_examples,
                                           batch_size, shuffle=True)


def inputs(eval_data, data_dir, batch_size):
    """Batches of the training files (eval_data False) or of the test file, cropped to the central
    24x24, standardized, in file order."""
    if not eval_data:
        filenames = [os.path.join(data_dir, 'data_batch_%d.bin' % i) for i in range(1, 6)]
        num_examples_per_epoch = NUM_EXAMPLES_PER_EPOCH_FOR_TRAIN
    else:
        filenames = [os.path.join(data_dir, 'test_batch.bin')]
        num_examples_per_epoch = NUM_EXAMPLES_PER_EPOCH_FOR_EVAL

    for f in filenames:
        if not tf.gfile.Exists(f):
            raise ValueError('Failed to find file: ' + f)

    filename_queue = tf.train.string_input_producer(filenames)

    read_input = read_cifar10(filename_queue)
    reshaped_image = tf.cast(read_input.uint8image, tf.float32)

    height = IMAGE_SIZE
    width = IMAGE_SIZE

    resized_image = tf.image.resize_image_with_crop_or_pad(reshaped_image, height, width)

    float_image = tf.image.per_image_standardization(resized_image)

    float_image.set_shape([height, width, 3])
    read_input.label.set_shape([1])

    min_fraction_of_examples_in_queue = 0.4
    min_queue_examples = int(num_examples_per_epoch * min_fraction_of_examples_in_queue)

    return _generate_image_and_label_batch(float_image, read_input.label, min_queue_examples,
                                           batch_size, shuffle=False)
