/** The global step: `tf.train.get_or_create_global_step()` and friends, as TF1's training_util. */
import {ValueError} from '../framework/errors';
import {GraphKeys, get_default_graph, type Graph} from '../framework/graph';
import {within} from '../framework/context';
import {int64} from '../framework/dtypes';
import {get_variable} from '../ops/variable_scope';
import {zeros_initializer} from '../ops/init_ops';
import type {Variable} from '../ops/variables';

/** `tf.train.get_global_step(graph)`: the variable in the GLOBAL_STEP collection, or null. */
export function get_global_step(graph: Graph = get_default_graph()): Variable | null {
  const found = graph.get_collection<Variable>(GraphKeys.GLOBAL_STEP);
  if (found.length > 1) throw new ValueError('There must be only one global step, but found more.');
  return found[0] ?? null;
}

/** `tf.train.create_global_step(graph)`: an int64 scalar variable `global_step`, starting at 0. */
export function create_global_step(graph: Graph = get_default_graph()): Variable {
  if (get_global_step(graph)) throw new ValueError('"global_step" already exists.');
  return within(graph.as_default(), () =>
    within(graph.name_scope(null), () =>
      get_variable('global_step', {
        shape: [],
        dtype: int64,
        initializer: zeros_initializer(int64),
        trainable: false,
        collections: [GraphKeys.GLOBAL_VARIABLES, GraphKeys.GLOBAL_STEP],
      }),
    ),
  );
}

/** `tf.train.get_or_create_global_step(graph)`. */
export function get_or_create_global_step(graph: Graph = get_default_graph()): Variable {
  return get_global_step(graph) ?? create_global_step(graph);
}
