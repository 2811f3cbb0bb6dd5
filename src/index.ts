/**
 * tf1ts: TensorFlow 1.x — graphs, sessions, training — in TypeScript on tfjs-core (WASM).
 *
 *     import * as tf from 'tf1ts';
 *
 * The names and namespaces are TF1's (`tf.placeholder`, `tf.nn.softmax`, `tf.train.exponential_decay`).
 */
// The backend first: every kernel below runs on it.
import './session/backend';

export * from './framework/dtypes';
export {TensorShape, as_shape} from './framework/tensor_shape';
export {Graph, GraphKeys, get_default_graph, reset_default_graph} from './framework/graph';
export {Operation} from './framework/operation';
export {Tensor} from './framework/tensor';
export {constant, convert_to_tensor} from './framework/constant_op';
export type {TensorLike} from './framework/constant_op';
export {name_scope, set_random_seed, get_seed} from './framework/scopes';
export {get_default_session} from './framework/default_session';
export {registeredOpTypes} from './framework/registry';
export * as errors from './framework/errors';
export {NDArray} from './ndarray/ndarray';

export {Session, InteractiveSession} from './session/session';
export {backendName} from './session/backend';

export * from './ops/array_ops';
export * from './ops/control_flow_ops';
export * from './ops/math_ops';
export * from './ops/math_unary_ops';
export * from './ops/compare_ops';
export * from './ops/reduce_ops';
export {broadcast_to, dynamic_stitch, setdiff1d} from './ops/reduce_grad_ops';
export * from './ops/random_ops';
export * from './ops/state_ops';
export * from './ops/variables';
export * from './ops/variable_scope';
export * from './ops/init_ops';
import './ops/operators';
export * as nn from './ops/nn_ops';
export {sigmoid, tanh} from './ops/nn_ops';

export * as train from './train/index';
export {gradients} from './gradients/gradients_impl';

// Files: GraphDefs, events files, checkpoints.
export {GraphDef} from './framework/graph_def';
export {import_graph_def} from './framework/import_graph_def';
export {text_format} from './framework/graph_io';
import {write_graph} from './framework/graph_io';
/** `tf.io.write_graph` (TF1 also has it as `tf.train.write_graph`). */
export const io = {write_graph};
// TF1TS_GRAPH_OUT=<file>: the default graph is written there when the process exits.
import './framework/graph_out';
export * as summary from './summary/index';
import {tf_record_iterator} from './summary/tfrecord';
/** `tf.python_io`: reading TFRecord files. */
export const python_io = {tf_record_iterator};
import * as inspect_checkpoint from './tools/inspect_checkpoint';
/** `tensorflow.python.tools.inspect_checkpoint`, where TF1 kept it. */
export const python = {tools: {inspect_checkpoint}};

import {input_data} from './data/input_data';
export {input_data};
/** `tensorflow.examples.tutorials.mnist.input_data`, where TF1 kept it. */
export const examples = {tutorials: {mnist: {input_data}}};
export {RandomState} from './ndarray/random';
export {np} from './ndarray/numpy';
/** matplotlib.pyplot and pylab, headless: figures go to PNG and SVG files (colormaps and more: src/plot). */
export {plt, pylab} from './plot';
