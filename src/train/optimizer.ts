/**
 * `tf.train.Optimizer`: TF1's optimizer base. `minimize` = `compute_gradients` +
 * `apply_gradients`; a subclass only says how one variable is updated (`applyDense`, an op) and
 * which slots it needs. Slots and the optimizer's own variables (Adam's `beta1_power` …) are
 * graph variables, named as TF names them, so `global_variables_initializer` initializes them.
 */
import {within} from '../framework/context';
import {ValueError} from '../framework/errors';
import {GraphKeys, get_default_graph, type Graph} from '../framework/graph';
import {convert_to_tensor, type TensorLike} from '../framework/constant_op';
import type {Operation} from '../framework/operation';
import type {Tensor} from '../framework/tensor';
import type {DType} from '../framework/dtypes';
import {gradients} from '../gradients/gradients_impl';
import {group, tuple} from '../ops/control_flow_ops';
import {assign_add} from '../ops/state_ops';
import {Variable, trainable_variables} from '../ops/variables';
import {cast} from '../ops/math_ops';
import {create_slot_with_initializer, create_zeros_slot} from './slot_creator';
import type {InitializerLike} from '../ops/variable_scope';

export type GradAndVar = [Tensor | null, Variable];

export interface MinimizeOptions {
  global_step?: Variable | null;
  var_list?: readonly Variable[] | null;
  gate_gradients?: number;
  aggregation_method?: unknown;
  colocate_gradients_with_ops?: boolean;
  name?: string | null;
  grad_loss?: TensorLike | null;
}

export abstract class Optimizer {
  static readonly GATE_NONE = 0;
  static readonly GATE_OP = 1;
  static readonly GATE_GRAPH = 2;

  /** Slot name → (variable → slot variable). */
  private readonly slots = new Map<string, Map<Variable, Variable>>();
  private readonly nonSlot = new Map<string, Variable>();

  constructor(
    readonly _use_locking: boolean,
    readonly _name: string,
  ) {
    if (!_name) throw new ValueError('Must specify the optimizer name');
  }

  get_name(): string {
    return this._name;
  }

  /** `opt.minimize(loss, {global_step, var_list, …})`: one training step as one op. */
  minimize(loss: Tensor, options: MinimizeOptions = {}): Operation {
    const gv = this.compute_gradients(loss, options);
    if (!gv.some(([g]) => g !== null)) {
      throw new ValueError(
        `No gradients provided for any variable, check your graph for ops that do not support gradients, between variables ${JSON.stringify(gv.map(([, v]) => String(v)))} and loss ${loss}.`,
      );
    }
    return this.apply_gradients(gv, options.global_step ?? null, options.name ?? null);
  }

  /** `opt.compute_gradients(loss, {var_list, gate_gradients, grad_loss})`: [gradient, variable] pairs. */
  compute_gradients(loss: Tensor, options: MinimizeOptions = {}): GradAndVar[] {
    const varList = options.var_list ? [...options.var_list] : trainable_variables();
    if (!varList.length) throw new ValueError('No variables to optimize.');
    const gate = options.gate_gradients ?? Optimizer.GATE_OP;
    let grads = gradients(loss, varList.map((v) => v._ref()), {
      grad_ys: options.grad_loss ?? null,
      gate_gradients: gate === Optimizer.GATE_OP,
    });
    if (gate === Optimizer.GATE_GRAPH) grads = tuple(grads);
    const pairs = grads.map((g, i): GradAndVar => [g, varList[i]]);
    for (const [g, v] of pairs) {
      if (g !== null && !v.dtype.base_dtype.is_floating) {
        throw new ValueError(`Invalid type ${v.dtype.name} for ${v.op.name}, expected: [float16, float32, float64].`);
      }
    }
    return pairs;
  }

  /**
   * `opt.apply_gradients(grads_and_vars, global_step, name)`: the update ops of every variable
   * that has a gradient, then (if given) `global_step += 1`. Returns the step as one op.
   */
  apply_gradients(grads_and_vars: readonly GradAndVar[], global_step: Variable | null = null, name: string | null = null): Operation {
    if (!grads_and_vars.length) throw new ValueError('No variables provided.');
    const withGrad = grads_and_vars.filter(([g]) => g !== null).map(([g, v]): [Tensor, Variable] => [convert_to_tensor(g), v]);
    if (!withGrad.length) {
      throw new ValueError(`No gradients provided for any variable: ${JSON.stringify(grads_and_vars.map(([, v]) => String(v)))}.`);
    }
    const g = get_default_graph();
    // Slots are created as TF's init_scope creates them: outside any control dependency.
    within(g.control_dependencies(null), () => this._create_slots(withGrad.map(([, v]) => v)));
    const scopeName = name ?? this._name;
    return within(g.name_scope(scopeName), (scope) => {
      this._prepare();
      const updates = withGrad.map(([grad, v]) => within(g.name_scope(`update_${v.op.name}`), () => this._apply_dense(grad, v)));
      let step: Operation;
      if (global_step === null) {
        step = this._finish(updates, scope.value);
      } else {
        const finish = this._finish(updates, 'update');
        step = within(g.control_dependencies([finish]), () => assign_add(global_step, 1, {name: scope.value}).op);
      }
      if (!g.get_collection(GraphKeys.TRAIN_OP).includes(step)) g.add_to_collection(GraphKeys.TRAIN_OP, step);
      return step;
    });
  }

  /** `opt.get_slot(var, name)`: the slot variable, or null. */
  get_slot(v: Variable, name: string): Variable | null {
    return this.slots.get(name)?.get(v) ?? null;
  }

  /** `opt.get_slot_names()`, sorted as TF returns them. */
  get_slot_names(): string[] {
    return [...this.slots.keys()].sort();
  }

  variables(): Variable[] {
    const out = [...this.nonSlot.values()];
    for (const m of this.slots.values()) out.push(...m.values());
    return out;
  }

  // ---- for subclasses ---------------------------------------------------------------------

  /** Creates the slots the update needs, for each variable. */
  protected _create_slots(_vars: Variable[]): void {}

  /** Converts hyperparameters to tensors, once per apply_gradients (inside its name scope). */
  protected _prepare(): void {}

  /** The update op of one variable, given its gradient. */
  protected abstract _apply_dense(grad: Tensor, v: Variable): Operation | Tensor;

  /** Groups the updates (Adam also updates its beta powers here). */
  protected _finish(updates: readonly (Operation | Tensor)[], name: string): Operation {
    return group(updates, {name});
  }

  protected _zeros_slot(v: Variable, slotName: string, opName: string): Variable {
    return this.slotFor(slotName, v, () => create_zeros_slot(v, opName));
  }

  protected _get_or_make_slot_with_initializer(v: Variable, init: InitializerLike, dtype: DType, slotName: string, opName: string): Variable {
    return this.slotFor(slotName, v, () => create_slot_with_initializer(v, init, v.shape, dtype, opName));
  }

  protected get_slot_or_throw(v: Variable, name: string): Variable {
    const s = this.get_slot(v, name);
    if (!s) throw new ValueError(`No slot '${name}' for variable ${v.name}`);
    return s;
  }

  /** A variable of the optimizer itself (not per variable), e.g. Adam's `beta1_power`. */
  protected _create_non_slot_variable(initial_value: number, name: string, graph: Graph = get_default_graph()): Variable {
    const key = `${graph._id}/${name}`;
    let v = this.nonSlot.get(key);
    if (!v) {
      v = within(graph.name_scope(null), () => new Variable(initial_value, {name, trainable: false}));
      this.nonSlot.set(key, v);
    }
    return v;
  }

  protected _get_non_slot_variable(name: string, graph: Graph = get_default_graph()): Variable {
    return this.nonSlot.get(`${graph._id}/${name}`)!;
  }

  /** A hyperparameter (a number or a tensor, e.g. a decayed learning rate) in the variable's dtype. */
  protected hyper(t: Tensor, v: Variable): Tensor {
    return cast(t, v.dtype.base_dtype);
  }

  private slotFor(slotName: string, v: Variable, make: () => Variable): Variable {
    let m = this.slots.get(slotName);
    if (!m) this.slots.set(slotName, (m = new Map()));
    let s = m.get(v);
    if (!s) m.set(v, (s = make()));
    return s;
  }
}

/** Converts a hyperparameter given as a number, tensor or function to a tensor named `name`. */
export function hyperTensor(value: number | Tensor | (() => number | Tensor), name: string): Tensor {
  const v = typeof value === 'function' ? value() : value;
  return convert_to_tensor(v, null, name);
}
