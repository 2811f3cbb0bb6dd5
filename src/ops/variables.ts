/**
 * `tf.Variable` (TF1's RefVariable): a `VariableV2` op holding the value, an `Assign` op that
 * initializes it and an `Identity` op (`name/read`) through which ops read it.
 */
import {as_dtype, type DType, type DTypeLike} from '../framework/dtypes';
import {ValueError} from '../framework/errors';
import {GraphKeys, get_default_graph, type Graph} from '../framework/graph';
import {convert_to_tensor, registerTensorConversion, type TensorLike} from '../framework/constant_op';
import {createOp} from '../framework/op_create';
import type {Operation} from '../framework/operation';
import type {Tensor} from '../framework/tensor';
import {TensorShape} from '../framework/tensor_shape';
import {within} from '../framework/context';
import {getDefaultSession, type SessionLike} from '../framework/default_session';
import {identity} from './array_ops';
import {assign, assign_add, assign_sub, type AssignOptions} from './state_ops';
import {VariableV2} from './state_ops';

export interface VariableOptions {
  trainable?: boolean;
  collections?: readonly string[];
  validate_shape?: boolean;
  name?: string;
  dtype?: DTypeLike;
  expected_shape?: unknown;
}

export type InitialValue = TensorLike | (() => TensorLike);

export class Variable {
  readonly _variable: Tensor;
  readonly _initial_value: Tensor;
  readonly _initializer_op: Operation;
  readonly _snapshot: Tensor;
  readonly trainable: boolean;

  /** `new tf.Variable(initial_value, {trainable, collections, validate_shape, name, dtype})`. */
  constructor(initial_value: InitialValue, options: VariableOptions = {}) {
    if (initial_value === undefined || initial_value === null) throw new ValueError('initial_value must be specified.');
    const g = get_default_graph();
    const validate = options.validate_shape ?? true;
    this.trainable = options.trainable ?? true;
    const collections = [...(options.collections ?? [GraphKeys.GLOBAL_VARIABLES])];
    if (this.trainable && !collections.includes(GraphKeys.TRAINABLE_VARIABLES)) collections.push(GraphKeys.TRAINABLE_VARIABLES);
    const dtype = options.dtype !== undefined ? as_dtype(options.dtype) : undefined;
    // TF1 builds a variable in init_scope: outside any control-dependency block.
    const built = within(g.control_dependencies(null), () =>
      within(g.name_scope(options.name ?? 'Variable'), (scope) => {
        const init = typeof initial_value === 'function'
          ? within(g.name_scope('Initializer'), () => convert_to_tensor(initial_value(), dtype, 'initial_value'))
          : convert_to_tensor(initial_value, dtype, 'initial_value');
        if (validate && !init.shape.is_fully_defined()) {
          throw new ValueError(`initial_value must have a shape specified: ${init}`);
        }
        const shape = validate ? init.shape : TensorShape.unknown();
        const attrs = {shape, dtype: init.dtype.base_dtype, container: '', shared_name: ''};
        const variable = createOp(g, VariableV2, [], attrs, scope.value).outputs[0];
        const initializer = assign(variable, init, {validate_shape: validate}).op;
        const snapshot = identity(variable, 'read');
        return {init, variable, initializer, snapshot};
      }),
    );
    this._initial_value = built.init;
    this._variable = built.variable;
    this._initializer_op = built.initializer;
    this._snapshot = built.snapshot;
    g.add_to_collections(collections, this);
  }

  get name(): string {
    return this._variable.name;
  }
  get op(): Operation {
    return this._variable.op;
  }
  get graph(): Graph {
    return this._variable.graph;
  }
  /** The reference dtype (`float32_ref`), as TF1's RefVariable. */
  get dtype(): DType {
    return this._variable.dtype;
  }
  get shape(): TensorShape {
    return this._variable.shape;
  }
  get_shape(): TensorShape {
    return this._variable.shape;
  }
  get device(): string {
    return this._variable.device;
  }
  get initializer(): Operation {
    return this._initializer_op;
  }
  get initial_value(): Tensor {
    return this._initial_value;
  }

  /** The tensor ops read the variable through (`name/read:0`). */
  value(): Tensor {
    return this._snapshot;
  }
  read_value(): Tensor {
    return identity(this._variable, 'read');
  }
  _ref(): Tensor {
    return this._variable;
  }
  _as_graph_element(): Tensor {
    return this._variable;
  }

  eval(session?: SessionLike): unknown {
    return (session ?? getDefaultSession('eval()')).run(this._variable);
  }

  assign(value: TensorLike, opts: AssignOptions = {}): Tensor {
    return assign(this._variable, value, opts);
  }
  assign_add(value: TensorLike, opts: Omit<AssignOptions, 'validate_shape'> = {}): Tensor {
    return assign_add(this._variable, value, opts);
  }
  assign_sub(value: TensorLike, opts: Omit<AssignOptions, 'validate_shape'> = {}): Tensor {
    return assign_sub(this._variable, value, opts);
  }

  /** Sets the value in a session (TF's `Variable.load`), through the initializer with a feed. */
  load(value: TensorLike, session?: SessionLike): void {
    const s = session ?? getDefaultSession('load()');
    s.run(this._initializer_op, [[this._initial_value, value]]);
  }

  toString(): string {
    return `<tf.Variable '${this.name}' shape=${this.shape} dtype=${this.dtype.name}>`;
  }
  repr(): string {
    return this.toString();
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

registerTensorConversion(
  (x) => x instanceof Variable,
  (v, dtype, _name, asRef) => {
    const variable = v as Variable;
    const t = asRef ? variable._variable : variable._snapshot;
    if (dtype && !dtype.is_compatible_with(t.dtype.base_dtype)) {
      throw new ValueError(`Incompatible type conversion requested to type '${dtype.name}' for variable of type '${t.dtype.name}'`);
    }
    return t;
  },
);

export function global_variables(scope?: string): Variable[] {
  return [...get_default_graph().get_collection<Variable>(GraphKeys.GLOBAL_VARIABLES, scope)];
}
export function trainable_variables(scope?: string): Variable[] {
  return [...get_default_graph().get_collection<Variable>(GraphKeys.TRAINABLE_VARIABLES, scope)];
}
export function local_variables(scope?: string): Variable[] {
  return [...get_default_graph().get_collection<Variable>(GraphKeys.LOCAL_VARIABLES, scope)];
}
export function model_variables(scope?: string): Variable[] {
  return [...get_default_graph().get_collection<Variable>(GraphKeys.MODEL_VARIABLES, scope)];
}

/** `tf.variables_initializer(var_list, name)`: one op that runs every variable's initializer. */
export function variables_initializer(var_list: readonly Variable[], name = 'init'): Operation {
  const g = get_default_graph();
  return within(g.control_dependencies(var_list.map((v) => v.initializer)), () =>
    createOp(g, 'NoOp', [], {}, name),
  );
}

/** `tf.global_variables_initializer()`: initializes every variable of the default graph. */
export function global_variables_initializer(): Operation {
  return variables_initializer(global_variables(), 'init');
}
export function local_variables_initializer(): Operation {
  return variables_initializer(local_variables(), 'init');
}
/** TF1's deprecated alias of `global_variables_initializer`. */
export function initialize_all_variables(): Operation {
  return global_variables_initializer();
}
