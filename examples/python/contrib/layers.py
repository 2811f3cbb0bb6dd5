"""tf.contrib.layers as TF 1.15 defined the functions the book uses (conv2d, max_pool2d,
avg_pool2d, fully_connected, flatten, batch_norm, xavier_initializer), rebuilt on TF 2.21's core
ops and its copy of TF 1.x's tf.layers classes (tensorflow.python.keras.legacy_tf_layers), so that
the graph (variable names, initializers, op names) is the one TF 1.15 built:

    conv2d            variable_scope 'Conv' (then Conv_1 …): Conv/weights [kh, kw, in, out]
                      (Xavier uniform), Conv/biases [out] (zeros); ops Conv/Conv2D, Conv/BiasAdd,
                      Conv/Relu
    fully_connected   scope 'fully_connected': weights [in, out], biases [out]; ops MatMul, BiasAdd
    max_pool2d        name_scope 'MaxPool2D': MaxPool2D/MaxPool (defaults: stride 2, 'VALID')
    avg_pool2d        name_scope 'AvgPool2D': AvgPool2D/AvgPool
    flatten           name_scope 'Flatten': Flatten/flatten/Reshape
    batch_norm        scope 'BatchNorm': beta (zeros), moving_mean (zeros), moving_variance (ones),
                      gamma only with scale=True; FusedBatchNormV3 when fused (the default) and
                      updates_collections is not UPDATE_OPS, as the book calls it

Weights and biases also go to the MODEL_VARIABLES collection, as TF 1.15's model_variable put them.
"""
import math

import tensorflow.compat.v1 as tf
from tensorflow.python.framework import tensor_util
from tensorflow.python.keras.legacy_tf_layers import convolutional as convolutional_layers
from tensorflow.python.keras.legacy_tf_layers import core as core_layers
from tensorflow.python.keras.legacy_tf_layers import pooling as pooling_layers
from tensorflow.python.ops import init_ops
from tensorflow.python.training import moving_averages

DATA_FORMAT_NCHW = 'NCHW'
DATA_FORMAT_NHWC = 'NHWC'


# contrib/layers/python/layers/initializers.py
def variance_scaling_initializer(factor=2.0, mode='FAN_IN', uniform=False, seed=None, dtype=tf.float32):
    if not dtype.is_floating:
        raise TypeError('Cannot create initializer for non-floating point type.')
    if mode not in ['FAN_IN', 'FAN_OUT', 'FAN_AVG']:
        raise TypeError('Unknown mode %s [FAN_IN, FAN_OUT, FAN_AVG]', mode)

    def _initializer(shape, dtype=dtype, partition_info=None):
        if not dtype.is_floating:
            raise TypeError('Cannot create initializer for non-floating point type.')
        if partition_info is not None:
            shape = partition_info.full_shape
        # fan_in: the kernel's inputs (all dims but the last); fan_out: its outputs times the window
        if shape:
            fan_in = float(shape[-2]) if len(shape) > 1 else float(shape[-1])
            fan_out = float(shape[-1])
        else:
            fan_in = 1.0
            fan_out = 1.0
        for dim in shape[:-2]:
            fan_in *= float(dim)
            fan_out *= float(dim)
        if mode == 'FAN_IN':
            n = fan_in
        elif mode == 'FAN_OUT':
            n = fan_out
        else:
            n = (fan_in + fan_out) / 2.0
        if uniform:
            limit = math.sqrt(3.0 * factor / n)
            return tf.random_uniform(shape, -limit, limit, dtype, seed=seed)
        trunc_stddev = math.sqrt(1.3 * factor / n)
        return tf.truncated_normal(shape, 0.0, trunc_stddev, dtype, seed=seed)

    return _initializer


def xavier_initializer(uniform=True, seed=None, dtype=tf.float32):
    return variance_scaling_initializer(factor=1.0, mode='FAN_AVG', uniform=uniform, seed=seed, dtype=dtype)


# contrib/framework/python/ops/variables.py
def model_variable(name, shape=None, dtype=tf.float32, initializer=None, regularizer=None, trainable=True,
                   collections=None, caching_device=None, device=None, partitioner=None, custom_getter=None,
                   use_resource=None, **kwargs):
    collections = list(collections or [])
    collections += [tf.GraphKeys.GLOBAL_VARIABLES, tf.GraphKeys.MODEL_VARIABLES]
    collections = list(dict.fromkeys(collections))
    getter = tf.get_variable
    if custom_getter is not None:
        getter = lambda *a, **k: custom_getter(*a, reuse=tf.get_variable_scope().reuse, **k)  # noqa: E731
    with tf.device(device or ''):
        return getter(name, shape=shape, dtype=dtype, initializer=initializer, regularizer=regularizer,
                      trainable=trainable, collections=collections, caching_device=caching_device,
                      partitioner=partitioner, use_resource=use_resource, **kwargs)


# contrib/layers/python/layers/utils.py
def constant_value(value_or_tensor_or_var):
    if isinstance(value_or_tensor_or_var, tf.Tensor):
        return tensor_util.constant_value(value_or_tensor_or_var)
    if isinstance(value_or_tensor_or_var, tf.Variable):
        return None
    return value_or_tensor_or_var


def smart_cond(pred, fn1, fn2, name=None):
    pred_value = constant_value(pred)
    if pred_value is not None:
        return fn1() if pred_value else fn2()
    return tf.cond(pred, fn1, fn2, name=name)


def get_variable_collections(variables_collections, name):
    if isinstance(variables_collections, dict):
        return variables_collections.get(name, None)
    return variables_collections


def collect_named_outputs(collections, alias, outputs):
    if collections:
        tf.add_to_collections(collections, outputs)
    return outputs


# contrib/layers/python/layers/layers.py
def _model_variable_getter(getter, name, shape=None, dtype=None, initializer=None, regularizer=None,
                           trainable=True, collections=None, caching_device=None, partitioner=None,
                           rename=None, use_resource=None, **_):
    """Creates the layer's variables with model_variable, renamed (kernel → weights, bias → biases)."""
    short_name = name.split('/')[-1]
    if rename and short_name in rename:
        name_components = name.split('/')
        name_components[-1] = rename[short_name]
        name = '/'.join(name_components)
    return model_variable(name, shape=shape, dtype=dtype, initializer=initializer, regularizer=regularizer,
                          collections=collections, trainable=trainable, caching_device=caching_device,
                          partitioner=partitioner, custom_getter=getter, use_resource=use_resource)


def _build_variable_getter(rename=None):
    def layer_variable_getter(getter, *args, **kwargs):
        kwargs['rename'] = rename
        return _model_variable_getter(getter, *args, **kwargs)

    return layer_variable_getter


def _add_variable_to_collections(variable, collections_set, collections_name):
    collections = get_variable_collections(collections_set, collections_name) or []
    for collection in collections:
        if variable not in tf.get_collection(collection):
            tf.add_to_collection(collection, variable)


def avg_pool2d(inputs, kernel_size, stride=2, padding='VALID', data_format=DATA_FORMAT_NHWC,
               outputs_collections=None, scope=None):
    if data_format not in (DATA_FORMAT_NCHW, DATA_FORMAT_NHWC):
        raise ValueError('data_format has to be either NCHW or NHWC.')
    with tf.name_scope(scope, 'AvgPool2D', [inputs]) as sc:
        inputs = tf.convert_to_tensor(inputs)
        df = 'channels_first' if data_format and data_format.startswith('NC') else 'channels_last'
        layer = pooling_layers.AveragePooling2D(pool_size=kernel_size, strides=stride, padding=padding,
                                                data_format=df, _scope=sc)
        outputs = layer.apply(inputs)
        return collect_named_outputs(outputs_collections, sc, outputs)


def max_pool2d(inputs, kernel_size, stride=2, padding='VALID', data_format=DATA_FORMAT_NHWC,
               outputs_collections=None, scope=None):
    if data_format not in (DATA_FORMAT_NCHW, DATA_FORMAT_NHWC):
        raise ValueError('data_format has to be either NCHW or NHWC.')
    with tf.name_scope(scope, 'MaxPool2D', [inputs]) as sc:
        inputs = tf.convert_to_tensor(inputs)
        df = 'channels_first' if data_format and data_format.startswith('NC') else 'channels_last'
        layer = pooling_layers.MaxPooling2D(pool_size=kernel_size, strides=stride, padding=padding,
                                            data_format=df, _scope=sc)
        outputs = layer.apply(inputs)
        return collect_named_outputs(outputs_collections, sc, outputs)


def convolution2d(inputs, num_outputs, kernel_size, stride=1, padding='SAME', data_format=None, rate=1,
                  activation_fn=tf.nn.relu, normalizer_fn=None, normalizer_params=None,
                  weights_initializer=xavier_initializer(), weights_regularizer=None,
                  biases_initializer=init_ops.zeros_initializer(), biases_regularizer=None, reuse=None,
                  variables_collections=None, outputs_collections=None, trainable=True, scope=None):
    if data_format not in [None, 'NWC', 'NCW', 'NHWC', 'NCHW', 'NDHWC', 'NCDHW']:
        raise ValueError('Invalid data_format: %r' % (data_format,))
    layer_variable_getter = _build_variable_getter({'bias': 'biases', 'kernel': 'weights'})
    with tf.variable_scope(scope, 'Conv', [inputs], reuse=reuse, custom_getter=layer_variable_getter) as sc:
        inputs = tf.convert_to_tensor(inputs)
        input_rank = inputs.get_shape().ndims
        if input_rank != 4:
            raise ValueError('Convolution expects input with rank %d, got %d' % (4, input_rank))
        df = 'channels_first' if data_format and data_format.startswith('NC') else 'channels_last'
        layer = convolutional_layers.Conv2D(
            filters=num_outputs, kernel_size=kernel_size, strides=stride, padding=padding, data_format=df,
            dilation_rate=rate, activation=None, use_bias=not normalizer_fn and biases_initializer,
            kernel_initializer=weights_initializer, bias_initializer=biases_initializer,
            kernel_regularizer=weights_regularizer, bias_regularizer=biases_regularizer,
            activity_regularizer=None, trainable=trainable, name=sc.name, dtype=inputs.dtype.base_dtype,
            _scope=sc, _reuse=reuse)
        outputs = layer.apply(inputs)

        _add_variable_to_collections(layer.kernel, variables_collections, 'weights')
        if layer.use_bias:
            _add_variable_to_collections(layer.bias, variables_collections, 'biases')

        if normalizer_fn is not None:
            normalizer_params = normalizer_params or {}
            outputs = normalizer_fn(outputs, **normalizer_params)

        if activation_fn is not None:
            outputs = activation_fn(outputs)
        return collect_named_outputs(outputs_collections, sc.name, outputs)


def flatten(inputs, outputs_collections=None, scope=None):
    with tf.name_scope(scope, 'Flatten', [inputs]) as sc:
        inputs = tf.convert_to_tensor(inputs)
        outputs = core_layers.flatten(inputs)
        return collect_named_outputs(outputs_collections, sc, outputs)


def fully_connected(inputs, num_outputs, activation_fn=tf.nn.relu, normalizer_fn=None, normalizer_params=None,
                    weights_initializer=xavier_initializer(), weights_regularizer=None,
                    biases_initializer=init_ops.zeros_initializer(), biases_regularizer=None, reuse=None,
                    variables_collections=None, outputs_collections=None, trainable=True, scope=None):
    if not isinstance(num_outputs, int):
        raise ValueError('num_outputs type should be one of %s, got %s.' % ([int], type(num_outputs)))
    layer_variable_getter = _build_variable_getter({'bias': 'biases', 'kernel': 'weights'})
    with tf.variable_scope(scope, 'fully_connected', [inputs], reuse=reuse,
                           custom_getter=layer_variable_getter) as sc:
        inputs = tf.convert_to_tensor(inputs)
        layer = core_layers.Dense(
            units=num_outputs, activation=None, use_bias=not normalizer_fn and biases_initializer,
            kernel_initializer=weights_initializer, bias_initializer=biases_initializer,
            kernel_regularizer=weights_regularizer, bias_regularizer=biases_regularizer,
            activity_regularizer=None, trainable=trainable, name=sc.name, dtype=inputs.dtype.base_dtype,
            _scope=sc, _reuse=reuse)
        outputs = layer.apply(inputs)

        _add_variable_to_collections(layer.kernel, variables_collections, 'weights')
        if layer.bias is not None:
            _add_variable_to_collections(layer.bias, variables_collections, 'biases')

        if normalizer_fn is not None:
            outputs = normalizer_fn(outputs, **(normalizer_params or {}))

        if activation_fn is not None:
            outputs = activation_fn(outputs)
        return collect_named_outputs(outputs_collections, sc.name, outputs)


def _fused_batch_norm(inputs, decay=0.999, center=True, scale=False, epsilon=0.001, activation_fn=None,
                      param_initializers=None, param_regularizers=None,
                      updates_collections=tf.GraphKeys.UPDATE_OPS, is_training=True, reuse=None,
                      variables_collections=None, outputs_collections=None, trainable=True,
                      data_format=DATA_FORMAT_NHWC, zero_debias_moving_mean=False, scope=None):
    if data_format not in (DATA_FORMAT_NCHW, DATA_FORMAT_NHWC):
        raise ValueError('data_format has to be either NCHW or NHWC.')
    with tf.variable_scope(scope, 'BatchNorm', [inputs], reuse=reuse) as sc:
        inputs = tf.convert_to_tensor(inputs)
        original_shape = inputs.get_shape()
        original_inputs = inputs
        original_rank = original_shape.ndims
        if original_rank is None:
            raise ValueError('Inputs %s has undefined rank' % inputs.name)
        elif original_rank not in [2, 4]:
            raise ValueError('Inputs %s has unsupported rank.'
                             ' Expected 2 or 4 but got %d' % (inputs.name, original_rank))
        if original_rank == 2:
            channels = inputs.get_shape().dims[-1].value
            if channels is None:
                raise ValueError('`C` dimension must be known but is None')
            new_shape = [-1, 1, 1, channels]
            if data_format == DATA_FORMAT_NCHW:
                new_shape = [-1, channels, 1, 1]
            inputs = tf.reshape(inputs, new_shape)
        inputs_shape = inputs.get_shape()
        if data_format == DATA_FORMAT_NHWC:
            params_shape = inputs_shape[-1:]
        else:
            params_shape = inputs_shape[1:2]
        if not params_shape.is_fully_defined():
            raise ValueError('Inputs %s has undefined `C` dimension %s.' % (inputs.name, params_shape))

        beta_collections = get_variable_collections(variables_collections, 'beta')
        # float32 parameters, also for float16 inputs
        variable_dtype = tf.float32
        param_initializers = param_initializers or {}
        param_regularizers = param_regularizers or {}
        beta_regularizer = param_regularizers.get('beta')
        gamma_regularizer = param_regularizers.get('gamma')

        if center:
            beta_initializer = param_initializers.get('beta', init_ops.zeros_initializer())
            beta = model_variable('beta', shape=params_shape, dtype=variable_dtype, initializer=beta_initializer,
                                  regularizer=beta_regularizer, collections=beta_collections, trainable=trainable)
        else:
            beta = tf.constant(0.0, dtype=variable_dtype, shape=params_shape)

        if scale:
            gamma_collections = get_variable_collections(variables_collections, 'gamma')
            gamma_initializer = param_initializers.get('gamma', init_ops.ones_initializer())
            gamma = model_variable('gamma', shape=params_shape, dtype=variable_dtype, initializer=gamma_initializer,
                                   regularizer=gamma_regularizer, collections=gamma_collections, trainable=trainable)
        else:
            gamma = tf.constant(1.0, dtype=variable_dtype, shape=params_shape)

        # (TF 1.15 opened the current scope again here to switch partitioning off.)
        with tf.variable_scope(tf.get_variable_scope()) as local_scope:
            local_scope.set_partitioner(None)
            moving_mean_collections = get_variable_collections(variables_collections, 'moving_mean')
            moving_mean_initializer = param_initializers.get('moving_mean', init_ops.zeros_initializer())
            moving_mean = model_variable('moving_mean', shape=params_shape, dtype=variable_dtype,
                                         initializer=moving_mean_initializer, trainable=False,
                                         collections=moving_mean_collections)
            moving_variance_collections = get_variable_collections(variables_collections, 'moving_variance')
            moving_variance_initializer = param_initializers.get('moving_variance', init_ops.ones_initializer())
            moving_variance = model_variable('moving_variance', shape=params_shape, dtype=variable_dtype,
                                             initializer=moving_variance_initializer, trainable=False,
                                             collections=moving_variance_collections)

        def _fused_batch_norm_training():
            return tf.nn.fused_batch_norm(inputs, gamma, beta, epsilon=epsilon, data_format=data_format)

        def _fused_batch_norm_inference():
            return tf.nn.fused_batch_norm(inputs, gamma, beta, mean=moving_mean, variance=moving_variance,
                                          epsilon=epsilon, is_training=False, data_format=data_format)

        outputs, mean, variance = smart_cond(is_training, _fused_batch_norm_training, _fused_batch_norm_inference)

        # A tensor `is_training` has no constant value: the updates are then built too.
        is_training_value = constant_value(is_training)
        need_updates = is_training_value is None or is_training_value
        if need_updates:
            if updates_collections is None:
                no_updates = lambda: outputs  # noqa: E731

                def _force_updates():
                    update_moving_mean = moving_averages.assign_moving_average(
                        moving_mean, mean, decay, zero_debias=zero_debias_moving_mean)
                    update_moving_variance = moving_averages.assign_moving_average(
                        moving_variance, variance, decay, zero_debias=False)
                    with tf.control_dependencies([update_moving_mean, update_moving_variance]):
                        return tf.identity(outputs)

                outputs = smart_cond(is_training, _force_updates, no_updates)
            else:
                moving_vars_fn = lambda: (moving_mean, moving_variance)  # noqa: E731

                def _delay_updates():
                    update_moving_mean = moving_averages.assign_moving_average(
                        moving_mean, mean, decay, zero_debias=zero_debias_moving_mean)
                    update_moving_variance = moving_averages.assign_moving_average(
                        moving_variance, variance, decay, zero_debias=False)
                    return update_moving_mean, update_moving_variance

                update_mean, update_variance = smart_cond(is_training, _delay_updates, moving_vars_fn)
                tf.add_to_collections(updates_collections, update_mean)
                tf.add_to_collections(updates_collections, update_variance)

        outputs.set_shape(inputs_shape)
        if original_shape.ndims == 2:
            outputs = tf.reshape(outputs, tf.shape(original_inputs))
        if activation_fn is not None:
            outputs = activation_fn(outputs)
        return collect_named_outputs(outputs_collections, sc.name, outputs)


def batch_norm(inputs, decay=0.999, center=True, scale=False, epsilon=0.001, activation_fn=None,
               param_initializers=None, param_regularizers=None, updates_collections=tf.GraphKeys.UPDATE_OPS,
               is_training=True, reuse=None, variables_collections=None, outputs_collections=None,
               trainable=True, batch_weights=None, fused=None, data_format=DATA_FORMAT_NHWC,
               zero_debias_moving_mean=False, scope=None, renorm=False, renorm_clipping=None,
               renorm_decay=0.99, adjustment=None):
    """TF 1.15's batch_norm where it fuses (fused None or True, rank 2 or 4, no batch_weights, renorm
    or adjustment): FusedBatchNormV3 with the batch's mean and variance when training, the moving
    ones otherwise, and the moving averages updated with the op's (Bessel-corrected) variance,
    either in place (updates_collections=None, the book's) or by ops put in updates_collections.

    One difference: with the default updates_collections (UPDATE_OPS) and rank-4 inputs TF 1.15
    went through tf.layers' BatchNormalization instead, which makes the same variables
    (BatchNorm/beta, moving_mean, moving_variance), the same numbers and update ops, under other
    op names (keras's 'BatchNorm/FusedBatchNormV3', 'BatchNorm/AssignMovingAvg' …). TF 2.21 has no
    copy of that class; this rebuild builds the contrib path for it too."""
    if fused is None:
        fused = True
    inputs = tf.convert_to_tensor(inputs)
    rank = inputs.get_shape().ndims
    possible_to_fuse = batch_weights is None and not renorm and rank in [2, 4] and adjustment is None
    if fused and possible_to_fuse:
        return _fused_batch_norm(
            inputs, decay=decay, center=center, scale=scale, epsilon=epsilon, activation_fn=activation_fn,
            param_initializers=param_initializers, param_regularizers=param_regularizers,
            updates_collections=updates_collections, is_training=is_training, reuse=reuse,
            variables_collections=variables_collections, outputs_collections=outputs_collections,
            trainable=trainable, data_format=data_format, zero_debias_moving_mean=zero_debias_moving_mean,
            scope=scope)
    raise NotImplementedError('batch_norm without fusing (batch_weights, renorm, rank 3) is not rebuilt')


conv2d = convolution2d
