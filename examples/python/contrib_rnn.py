"""TF 1.x's tf.contrib.rnn (gone from TF 2), for the Python forms of the listings and the fixture
generators: the book writes `tf.contrib.rnn.BasicLSTMCell`, `from tensorflow.contrib import rnn`
and `rnn.stack_bidirectional_rnn`; these read `contrib_rnn.BasicLSTMCell` and
`import contrib_rnn as rnn` instead.

- The cells and functions TF 1.15's contrib.rnn re-exported from core are TF 2.21's own copies of
  TF 1's (tensorflow/python/keras/layers/legacy_rnn/rnn_cell_impl.py, tf.nn.static_rnn …).
- stack_bidirectional_rnn, stack_bidirectional_dynamic_rnn and LayerNormBasicLSTMCell existed only
  in contrib: rebuilt here from their TF 1.15 definitions (tensorflow/contrib/rnn/python/ops/rnn.py
  and rnn_cell.py, with contrib.layers.layer_norm) out of core ops, statement for statement.
- _linear is TF 1.15's (tensorflow/contrib/rnn/python/ops/core_rnn_cell.py: variables `kernel` and
  `bias`), which listings 9-20…9-22 import from contrib; listings 9-20 and 9-21 were written for
  TF 1.1, whose fourth argument was `bias_start` (a number) where TF 1.2+ takes `bias_initializer`:
  a number there is taken as TF 1.1 did, the bias's initial value.
"""
import numbers

import tensorflow.compat.v1 as tf
from tensorflow.python.keras.layers.legacy_rnn.rnn_cell_impl import (  # noqa: F401 - re-exported
    BasicLSTMCell, BasicRNNCell, DropoutWrapper, GRUCell, LSTMCell, LSTMStateTuple, MultiRNNCell, RNNCell)
from tensorflow.python.ops import array_ops, init_ops, math_ops, nn_ops, rnn
from tensorflow.python.ops import variable_scope as vs
from tensorflow.python.util import nest

static_rnn = rnn.static_rnn
static_bidirectional_rnn = rnn.static_bidirectional_rnn

_BIAS_VARIABLE_NAME = "bias"
_WEIGHTS_VARIABLE_NAME = "kernel"


def _linear(args, output_size, bias, bias_initializer=None, kernel_initializer=None):
    """Linear map: concat(args) * W + b, with W = `kernel` and b = `bias` in the current scope."""
    if args is None or (nest.is_nested(args) and not args):
        raise ValueError("`args` must be specified")
    if not nest.is_nested(args):
        args = [args]

    # Calculate the total size of arguments on dimension 1.
    total_arg_size = 0
    shapes = [a.get_shape() for a in args]
    for shape in shapes:
        if shape.ndims != 2:
            raise ValueError("linear is expecting 2D arguments: %s" % shapes)
        if shape.dims[1].value is None:
            raise ValueError("linear expects shape[1] to be provided for shape %s, but saw %s" % (shape, shape[1]))
        else:
            total_arg_size += shape.dims[1].value

    dtype = [a.dtype for a in args][0]
    if isinstance(bias_initializer, numbers.Number):  # TF 1.1's bias_start
        bias_initializer = init_ops.constant_initializer(bias_initializer, dtype=dtype)

    # Now the computation.
    scope = vs.get_variable_scope()
    with vs.variable_scope(scope) as outer_scope:
        weights = vs.get_variable(_WEIGHTS_VARIABLE_NAME, [total_arg_size, output_size], dtype=dtype,
                                  initializer=kernel_initializer)
        if len(args) == 1:
            res = math_ops.matmul(args[0], weights)
        else:
            res = math_ops.matmul(array_ops.concat(args, 1), weights)
        if not bias:
            return res
        with vs.variable_scope(outer_scope) as inner_scope:
            inner_scope.set_partitioner(None)
            if bias_initializer is None:
                bias_initializer = init_ops.constant_initializer(0.0, dtype=dtype)
            biases = vs.get_variable(_BIAS_VARIABLE_NAME, [output_size], dtype=dtype, initializer=bias_initializer)
        return nn_ops.bias_add(res, biases)


def stack_bidirectional_rnn(cells_fw, cells_bw, inputs, initial_states_fw=None, initial_states_bw=None, dtype=None,
                            sequence_length=None, scope=None):
    """Stacked bidirectional static RNNs: layer i's input is layer i-1's fw and bw outputs,
    depth-concatenated. Returns (outputs, output_states_fw, output_states_bw)."""
    if not cells_fw:
        raise ValueError("Must specify at least one fw cell for BidirectionalRNN.")
    if not cells_bw:
        raise ValueError("Must specify at least one bw cell for BidirectionalRNN.")
    if not isinstance(cells_fw, list):
        raise ValueError("cells_fw must be a list of RNNCells (one per layer).")
    if not isinstance(cells_bw, list):
        raise ValueError("cells_bw must be a list of RNNCells (one per layer).")
    if len(cells_fw) != len(cells_bw):
        raise ValueError("Forward and Backward cells must have the same depth.")
    if (initial_states_fw is not None and (not isinstance(initial_states_fw, list) or
                                           len(initial_states_fw) != len(cells_fw))):
        raise ValueError("initial_states_fw must be a list of state tensors (one per layer).")
    if (initial_states_bw is not None and (not isinstance(initial_states_bw, list) or
                                           len(initial_states_bw) != len(cells_bw))):
        raise ValueError("initial_states_bw must be a list of state tensors (one per layer).")
    states_fw = []
    states_bw = []
    prev_layer = inputs

    with vs.variable_scope(scope or "stack_bidirectional_rnn"):
        for i, (cell_fw, cell_bw) in enumerate(zip(cells_fw, cells_bw)):
            initial_state_fw = None
            initial_state_bw = None
            if initial_states_fw:
                initial_state_fw = initial_states_fw[i]
            if initial_states_bw:
                initial_state_bw = initial_states_bw[i]

            with vs.variable_scope("cell_%d" % i) as cell_scope:
                prev_layer, state_fw, state_bw = rnn.static_bidirectional_rnn(
                    cell_fw, cell_bw, prev_layer, initial_state_fw=initial_state_fw,
                    initial_state_bw=initial_state_bw, sequence_length=sequence_length, dtype=dtype,
                    scope=cell_scope)
            states_fw.append(state_fw)
            states_bw.append(state_bw)

    return prev_layer, tuple(states_fw), tuple(states_bw)


def stack_bidirectional_dynamic_rnn(cells_fw, cells_bw, inputs, initial_states_fw=None, initial_states_bw=None,
                                    dtype=None, sequence_length=None, parallel_iterations=None, time_major=False,
                                    scope=None, swap_memory=False):
    """Stacked bidirectional dynamic RNNs; returns (outputs [batch, time, fw+bw depth] (time-major
    when time_major), output_states_fw, output_states_bw)."""
    if not cells_fw:
        raise ValueError("Must specify at least one fw cell for BidirectionalRNN.")
    if not cells_bw:
        raise ValueError("Must specify at least one bw cell for BidirectionalRNN.")
    if not isinstance(cells_fw, list):
        raise ValueError("cells_fw must be a list of RNNCells (one per layer).")
    if not isinstance(cells_bw, list):
        raise ValueError("cells_bw must be a list of RNNCells (one per layer).")
    if len(cells_fw) != len(cells_bw):
        raise ValueError("Forward and Backward cells must have the same depth.")
    if (initial_states_fw is not None and (not isinstance(initial_states_fw, list) or
                                           len(initial_states_fw) != len(cells_fw))):
        raise ValueError("initial_states_fw must be a list of state tensors (one per layer).")
    if (initial_states_bw is not None and (not isinstance(initial_states_bw, list) or
                                           len(initial_states_bw) != len(cells_bw))):
        raise ValueError("initial_states_bw must be a list of state tensors (one per layer).")

    states_fw = []
    states_bw = []
    prev_layer = inputs

    with vs.variable_scope(scope or "stack_bidirectional_rnn"):
        for i, (cell_fw, cell_bw) in enumerate(zip(cells_fw, cells_bw)):
            initial_state_fw = None
            initial_state_bw = None
            if initial_states_fw:
                initial_state_fw = initial_states_fw[i]
            if initial_states_bw:
                initial_state_bw = initial_states_bw[i]

            with vs.variable_scope("cell_%d" % i):
                outputs, (state_fw, state_bw) = rnn.bidirectional_dynamic_rnn(
                    cell_fw, cell_bw, prev_layer, initial_state_fw=initial_state_fw,
                    initial_state_bw=initial_state_bw, sequence_length=sequence_length,
                    parallel_iterations=parallel_iterations, dtype=dtype, swap_memory=swap_memory,
                    time_major=time_major)
                # Concat the outputs to create the new input.
                prev_layer = array_ops.concat(outputs, 2)
            states_fw.append(state_fw)
            states_bw.append(state_bw)

    return prev_layer, tuple(states_fw), tuple(states_bw)


def layer_norm(inputs, center=True, scale=True, activation_fn=None, reuse=None, trainable=True, begin_norm_axis=1,
               begin_params_axis=-1, scope=None):
    """tf.contrib.layers.layer_norm (TF 1.15): moments over axes begin_norm_axis…, then
    batch_normalization with variance_epsilon 1e-12, offset `beta` (zeros), scale `gamma` (ones)."""
    with vs.variable_scope(scope, "LayerNorm", [inputs], reuse=reuse):
        inputs = tf.convert_to_tensor(inputs)
        inputs_shape = inputs.shape
        inputs_rank = inputs_shape.ndims
        if inputs_rank is None:
            raise ValueError("Inputs %s has undefined rank." % inputs.name)
        dtype = inputs.dtype.base_dtype
        if begin_norm_axis < 0:
            begin_norm_axis = inputs_rank + begin_norm_axis
        if begin_params_axis >= inputs_rank or begin_norm_axis >= inputs_rank:
            raise ValueError("begin_params_axis (%d) and begin_norm_axis (%d) must be < rank(inputs) (%d)"
                             % (begin_params_axis, begin_norm_axis, inputs_rank))
        params_shape = inputs_shape[begin_params_axis:]
        if not params_shape.is_fully_defined():
            raise ValueError("Inputs %s: shape(inputs)[%s:] is not fully defined: %s"
                             % (inputs.name, begin_params_axis, inputs_shape))
        beta, gamma = None, None
        if center:
            beta = tf.get_variable("beta", shape=params_shape, dtype=dtype, initializer=init_ops.zeros_initializer(),
                                   collections=[tf.GraphKeys.GLOBAL_VARIABLES, tf.GraphKeys.MODEL_VARIABLES],
                                   trainable=trainable)
        if scale:
            gamma = tf.get_variable("gamma", shape=params_shape, dtype=dtype, initializer=init_ops.ones_initializer(),
                                    collections=[tf.GraphKeys.GLOBAL_VARIABLES, tf.GraphKeys.MODEL_VARIABLES],
                                    trainable=trainable)
        norm_axes = list(range(begin_norm_axis, inputs_rank))
        mean, variance = tf.nn.moments(inputs, norm_axes, keep_dims=True)
        variance_epsilon = 1e-12 if dtype != tf.float16 else 1e-3
        outputs = tf.nn.batch_normalization(inputs, mean, variance, offset=beta, scale=gamma,
                                            variance_epsilon=variance_epsilon)
        outputs.set_shape(inputs_shape)
        if activation_fn is not None:
            outputs = activation_fn(outputs)
        return outputs


class LayerNormBasicLSTMCell(RNNCell):
    """LSTM unit with layer normalization (applied to i, j, f, o and the new cell state, before the
    nonlinearities) and recurrent dropout on the candidate g (Semeniuta et al.)."""

    def __init__(self, num_units, forget_bias=1.0, input_size=None, activation=math_ops.tanh, layer_norm=True,
                 norm_gain=1.0, norm_shift=0.0, dropout_keep_prob=1.0, dropout_prob_seed=None, reuse=None):
        super(LayerNormBasicLSTMCell, self).__init__(_reuse=reuse)
        if input_size is not None:
            tf.logging.warn("%s: The input_size parameter is deprecated.", self)
        self._num_units = num_units
        self._activation = activation
        self._forget_bias = forget_bias
        self._keep_prob = dropout_keep_prob
        self._seed = dropout_prob_seed
        self._layer_norm = layer_norm
        self._norm_gain = norm_gain
        self._norm_shift = norm_shift
        self._reuse = reuse

    @property
    def state_size(self):
        return LSTMStateTuple(self._num_units, self._num_units)

    @property
    def output_size(self):
        return self._num_units

    def _norm(self, inp, scope, dtype=tf.float32):
        shape = inp.get_shape()[-1:]
        gamma_init = init_ops.constant_initializer(self._norm_gain)
        beta_init = init_ops.constant_initializer(self._norm_shift)
        with vs.variable_scope(scope):
            # Initialize beta and gamma for use by layer_norm.
            vs.get_variable("gamma", shape=shape, initializer=gamma_init, dtype=dtype)
            vs.get_variable("beta", shape=shape, initializer=beta_init, dtype=dtype)
        normalized = layer_norm(inp, reuse=True, scope=scope)
        return normalized

    def _linear(self, args):
        out_size = 4 * self._num_units
        proj_size = args.get_shape()[-1]
        dtype = args.dtype
        weights = vs.get_variable("kernel", [proj_size, out_size], dtype=dtype)
        out = math_ops.matmul(args, weights)
        if not self._layer_norm:
            bias = vs.get_variable("bias", [out_size], dtype=dtype)
            out = nn_ops.bias_add(out, bias)
        return out

    def call(self, inputs, state):
        """LSTM cell with layer normalization and recurrent dropout."""
        c, h = state
        args = array_ops.concat([inputs, h], 1)
        concat = self._linear(args)
        dtype = args.dtype

        i, j, f, o = array_ops.split(value=concat, num_or_size_splits=4, axis=1)
        if self._layer_norm:
            i = self._norm(i, "input", dtype=dtype)
            j = self._norm(j, "transform", dtype=dtype)
            f = self._norm(f, "forget", dtype=dtype)
            o = self._norm(o, "output", dtype=dtype)

        g = self._activation(j)
        if (not isinstance(self._keep_prob, float)) or self._keep_prob < 1:
            g = tf.nn.dropout(g, self._keep_prob, seed=self._seed)

        new_c = (c * math_ops.sigmoid(f + self._forget_bias) + math_ops.sigmoid(i) * g)
        if self._layer_norm:
            new_c = self._norm(new_c, "state", dtype=dtype)
        new_h = self._activation(new_c) * math_ops.sigmoid(o)

        new_state = LSTMStateTuple(new_c, new_h)
        return new_h, new_state
