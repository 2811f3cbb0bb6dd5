/** Grouping and sequencing: `tf.no_op`, `tf.group`, `tf.tuple`, `tf.control_dependencies`. */
import {get_default_graph, isTensor} from '../framework/graph';
import {createOp} from '../framework/op_create';
import type {Operation} from '../framework/operation';
import {defineOp} from '../framework/registry';
import type {Tensor} from '../framework/tensor';
import {within, type ScopeContext} from '../framework/context';
import {identity} from './array_ops';

const NoOp = defineOp({
  type: 'NoOp',
  inputs: [],
  outputs: 0,
  infer: () => [],
  kernel: () => [],
  grad: null,
});

/** `tf.no_op(name)`: does nothing; useful for its control inputs. */
export function no_op(name?: string): Operation {
  return createOp(get_default_graph(), NoOp, [], {}, name ?? 'NoOp');
}

type Groupable = Operation | Tensor | {op: Operation} | null | undefined;

/** `tf.group(*inputs, name=…)`: an op that runs all of `inputs`. The last argument may be `{name}`. */
export function group(...inputs: (Groupable | readonly Groupable[] | {name?: string})[]): Operation {
  let name = 'group_deps';
  const last = inputs[inputs.length - 1];
  if (last && typeof last === 'object' && !Array.isArray(last) && 'name' in last && !('op' in last) && !isTensor(last) && !('_isOperation' in last)) {
    name = (last as {name?: string}).name ?? name;
    inputs = inputs.slice(0, -1);
  }
  const ops = inputs
    .flat()
    .filter((x): x is Operation | Tensor | {op: Operation} => x !== null && x !== undefined)
    .map((x) => ('_isOperation' in x ? (x as Operation) : (x as {op: Operation}).op));
  const g = get_default_graph();
  return within(g.control_dependencies(ops), () => no_op(name));
}

/** `tf.control_dependencies(ops)`: ops created inside run after `ops`. Callback form too. */
export function control_dependencies(ops: readonly (Operation | Tensor)[] | null): ScopeContext<null>;
export function control_dependencies<T>(ops: readonly (Operation | Tensor)[] | null, fn: () => T): T;
export function control_dependencies<T>(ops: readonly (Operation | Tensor)[] | null, fn?: () => T): ScopeContext<null> | T {
  const ctx = get_default_graph().control_dependencies(ops);
  return fn ? within(ctx, fn) : ctx;
}

/** `tf.tuple(tensors)`: the same tensors, each available only after all of them are computed. */
export function tuple(tensors: readonly (Tensor | null)[], name?: string): (Tensor | null)[] {
  const present = tensors.filter((t): t is Tensor => t !== null);
  const g = get_default_graph();
  return within(g.name_scope(name ?? 'tuple'), () => {
    const gate = group(...present);
    // Each through TF's with_dependencies: an Identity named by its scope, `control_dependency`.
    return tensors.map((t) =>
      t === null
        ? null
        : within(g.name_scope('control_dependency'), (scope) => within(g.control_dependencies([gate]), () => identity(t, scope.value))),
    );
  });
}
