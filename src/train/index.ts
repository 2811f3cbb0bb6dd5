/** `tf.train`: optimizers, learning-rate schedules, the global step. */
export * from './learning_rate_decay';
export {Optimizer} from './optimizer';
export type {GradAndVar, MinimizeOptions} from './optimizer';
export {GradientDescentOptimizer} from './gradient_descent';
export {MomentumOptimizer} from './momentum';
export {AdagradOptimizer} from './adagrad';
export {AdadeltaOptimizer} from './adadelta';
export {AdamOptimizer} from './adam';
export {RMSPropOptimizer} from './rmsprop';
export {FtrlOptimizer} from './ftrl';
export {write_graph} from '../framework/graph_io';
export {get_global_step, create_global_step, get_or_create_global_step} from './training_util';
export {summary_iterator} from '../summary/event_reader';
