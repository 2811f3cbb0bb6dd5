"""TF 1.x's tf.contrib.layers.fully_connected (gone from TF 2), for the Python forms of the
listings, which write `tf.contrib.layers.fully_connected(x, n, activation_fn=None)`; these read
`contrib_layers.fully_connected(...)`.

Rebuilt from TF 1.15 (tensorflow/contrib/layers/python/layers/layers.py: a tf.layers.Dense named
by the scope, its kernel and bias renamed `weights` and `biases`), with the same variables, ops
and initial values: in variable scope `fully_connected` (uniquified: fully_connected_1, …),
`weights` [in, out] drawn by contrib's xavier_initializer (uniform in ±sqrt(6 / (in + out)),
one RandomUniform op), `biases` [out] zeros, then MatMul (Tensordot for inputs of rank > 2),
BiasAdd, and the activation (ReLU unless activation_fn says otherwise).
"""
import math

import tensorflow.compat.v1 as tf


def xavier_initializer(uniform=True, seed=None, dtype=tf.float32):
    """contrib.layers.xavier_initializer: variance_scaling_initializer(factor=1.0, mode='FAN_AVG',
    uniform=True), computed as contrib computes it (limit = sqrt(3 * factor / n))."""
    def _initializer(shape, dtype=dtype, partition_info=None):
        fan_in = float(shape[-2]) if len(shape) > 1 else float(shape[-1])
        fan_out = float(shape[-1])
        for dim in shape[:-2]:
            fan_in *= float(dim)
            fan_out *= float(dim)
        n = (fan_in + fan_out) / 2.0
        if uniform:
            limit = math.sqrt(3.0 * 1.0 / n)
            return tf.random_uniform(shape, -limit, limit, dtype, seed=seed)
        trunc_stddev = math.sqrt(1.3 * 1.0 / n)
        return tf.truncated_normal(shape, 0.0, trunc_stddev, dtype, seed=seed)
    return _initializer


def fully_connected(inputs, num_outputs, activation_fn=tf.nn.relu, weights_initializer=None,
                    biases_initializer=tf.zeros_initializer(), reuse=None, trainable=True, scope=None):
    if not isinstance(num_outputs, int):
        raise ValueError("num_outputs type should be one of %s, got %s." % (int, type(num_outputs)))
    with tf.variable_scope(scope, "fully_connected", [inputs], reuse=reuse):
        inputs = tf.convert_to_tensor(inputs)
        dtype = inputs.dtype.base_dtype
        kernel = tf.get_variable("weights", [inputs.shape[-1], num_outputs], dtype=dtype,
                                 initializer=weights_initializer or xavier_initializer(), trainable=trainable,
                                 collections=[tf.GraphKeys.GLOBAL_VARIABLES, tf.GraphKeys.MODEL_VARIABLES])
        bias = None
        if biases_initializer is not None:
            bias = tf.get_variable("biases", [num_outputs], dtype=dtype, initializer=biases_initializer,
                                   trainable=trainable,
                                   collections=[tf.GraphKeys.GLOBAL_VARIABLES, tf.GraphKeys.MODEL_VARIABLES])
        rank = inputs.shape.ndims
        if rank > 2:
            outputs = tf.tensordot(inputs, kernel, [[rank - 1], [0]])
            outputs.set_shape(inputs.get_shape().as_list()[:-1] + [num_outputs])
        else:
            outputs = tf.matmul(inputs, kernel)
        if bias is not None:
            outputs = tf.nn.bias_add(outputs, bias)
        if activation_fn is not None:
            outputs = activation_fn(outputs)
        return outputs
