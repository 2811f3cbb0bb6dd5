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
export {Saver, SaverDef} from './saver';
export type {SaverOptions, SaveOptions, SaverVarList} from './saver';
export {
  CheckpointState, latest_checkpoint, get_checkpoint_state, checkpoint_exists, update_checkpoint_state,
  generate_checkpoint_state_proto, get_checkpoint_mtimes, remove_checkpoint, meta_graph_filename,
} from './checkpoint_management';
export {CheckpointReader, NewCheckpointReader, load_checkpoint, list_variables, load_variable} from './checkpoint_reader';
export {MonitoredTrainingSession, MonitoredSession, Scaffold, ChiefSessionCreator} from './monitored_session';
export type {MonitoredTrainingSessionOptions, MonitoredSessionOptions, ScaffoldOptions} from './monitored_session';
export {
  SessionRunHook, SessionRunArgs, SessionRunContext, SessionRunValues, SecondOrStepTimer,
  CheckpointSaverHook, CheckpointSaverListener, StopAtStepHook,
} from './checkpoint_saver_hook';
