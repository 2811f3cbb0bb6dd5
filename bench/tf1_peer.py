"""The benchmarks' peer in real TensorFlow 1.x graph mode (tf.compat.v1), one thread, driven by
bench/run.ts over stdin/stdout so that its rounds interleave with the TypeScript ones.

Commands (one per line): `<name> <iterations>`; answers one JSON line {"ms": per-iteration}.
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
rng = np.random.RandomState(0)


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
    feed = {x: rng.rand(100, 784).astype(np.float32), y: rng.randint(0, 10, 100)}
    return lambda: sess.run([train, cost], feed)


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
    feed = {x: rng.rand(128, 784).astype(np.float32), y: np.eye(10)[rng.randint(0, 10, 128)]}
    return lambda: sess.run([train, cost], feed)


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
