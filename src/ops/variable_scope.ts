/**
 * `tf.variable_scope` and `tf.get_variable`: variables named by variable scope (not by name
 * scope) and shared through a per-graph store, with TF1's reuse rules and messages.
 */
import {as_dtype, float32, type DType, type DTypeLike} from '../framework/dtypes';
import {ValueError} from '../framework/errors';
import {GraphKeys, get_default_graph, isTensor, type Graph} from '../framework/graph';
import {within} from '../framework/context';
import {as_shape, type ShapeLike} from '../framework/tensor_shape';
import {isArrayLike, type TensorLike} from '../framework/constant_op';
import type {Tensor} from '../framework/tensor';
import {Initializer, zeros_initializer} from './init_ops';
import {Variable} from './variables';

/** `tf.AUTO_REUSE`: get the variable if it exists, create it otherwise. */
export const AUTO_REUSE = Symbol('AUTO_REUSE');
export type Reuse = boolean | typeof AUTO_REUSE | null | undefined;

/** Builds a variable's initial value: an Initializer, a function (shape, dtype) → value, or a value. */
export type InitializerLike = Initializer | ((shape: readonly number[], dtype: DType) => TensorLike) | TensorLike;
export type Regularizer = (v: Variable) => Tensor | null;

/** The initializer used when neither get_variable nor any scope gives one (set by random init ops). */
let defaultFloatInitializer: (() => Initializer) | null = null;

/** @internal init_ops registers glorot_uniform here, TF1's default for float variables. */
export function setDefaultFloatInitializer(f: () => Initializer): void {
  defaultFloatInitializer = f;
}

export class VariableScope {
  /** The name scope this variable scope was first opened with ('test1/'). */
  original_name_scope: string;

  constructor(
    public reuse: boolean | typeof AUTO_REUSE,
    readonly name = '',
    readonly initializer: InitializerLike | null = null,
    readonly regularizer: Regularizer | null = null,
    name_scope = '',
    readonly dtype: DType = float32,
  ) {
    this.original_name_scope = name_scope;
  }

  /** `scope.reuse_variables()`: from now on, get_variable in this scope reuses. */
  reuse_variables(): void {
    this.reuse = true;
  }

  toString(): string {
    return `<tf.VariableScope '${this.name}'>`;
  }
}

/** What `with tf.variable_scope(...) as scope` binds: the entered scope, disposable. */
export class VariableScopeContext extends VariableScope implements Disposable {
  private exit: (() => void) | null = null;

  /** @internal */
  _setExit(exit: () => void): void {
    this.exit = exit;
  }

  [Symbol.dispose](): void {
    const exit = this.exit;
    this.exit = null;
    exit?.();
  }
}

interface ScopeState {
  current: VariableScope;
  vars: Map<string, {variable: Variable; site: string}>;
  /** How many times each scope name was opened with `default_name`, for unique names. */
  defaultNames: Map<string, number>;
}

const STATE = Symbol('variable_scope');

function state(g: Graph): ScopeState {
  let s = g._extras.get(STATE) as ScopeState | undefined;
  if (!s) {
    s = {current: new VariableScope(false), vars: new Map(), defaultNames: new Map()};
    g._extras.set(STATE, s);
  }
  return s;
}

/** `tf.get_variable_scope()`. */
export function get_variable_scope(): VariableScope {
  return state(get_default_graph()).current;
}

export interface VariableScopeOptions {
  default_name?: string;
  values?: unknown;
  initializer?: InitializerLike;
  regularizer?: Regularizer;
  reuse?: Reuse;
  dtype?: DTypeLike;
  auxiliary_name_scope?: boolean;
}

/**
 * `tf.variable_scope(name_or_scope, {default_name, initializer, reuse, dtype, …})`: opens a
 * variable scope and a name scope. `using scope = tf.variable_scope('a')`, or the callback form
 * `tf.variable_scope('a', () => …)`. A scope entered by name inherits reuse, initializer and dtype.
 */
export function variable_scope(name_or_scope: string | VariableScope | null, options?: VariableScopeOptions): VariableScopeContext;
export function variable_scope<T>(name_or_scope: string | VariableScope | null, fn: (scope: VariableScopeContext) => T): T;
export function variable_scope<T>(name_or_scope: string | VariableScope | null, options: VariableScopeOptions, fn: (scope: VariableScopeContext) => T): T;
export function variable_scope<T>(
  name_or_scope: string | VariableScope | null,
  a?: VariableScopeOptions | ((s: VariableScopeContext) => T),
  b?: (s: VariableScopeContext) => T,
): VariableScopeContext | T {
  const options = typeof a === 'function' ? {} : (a ?? {});
  const fn = typeof a === 'function' ? a : b;
  const ctx = enter(name_or_scope, options);
  return fn ? within(ctx, fn) : ctx;
}

function enter(name_or_scope: string | VariableScope | null, o: VariableScopeOptions): VariableScopeContext {
  const g = get_default_graph();
  const st = state(g);
  const parent = st.current;
  let nameOrScope = name_or_scope;
  // The name scope TF1 opens alongside: the given name, the default name, or for a scope object
  // the last component of its name.
  let relative: string;
  if (nameOrScope === null || nameOrScope === undefined) {
    if (!o.default_name) throw new TypeError('If default_name is None then name_or_scope is required');
    if (o.reuse === true) throw new ValueError('reuse=True cannot be used without a name_or_scope');
    relative = o.default_name;
    nameOrScope = uniqueScopeName(st, parent, o.default_name);
  } else {
    relative = nameOrScope instanceof VariableScope ? nameOrScope.name.split('/').pop()! : nameOrScope;
  }
  const byObject = nameOrScope instanceof VariableScope;
  const ns = o.auxiliary_name_scope === false || !relative ? null : g.name_scope(relative);
  const nameScope = ns ? ns.value : g.get_name_scope() ? `${g.get_name_scope()}/` : '';
  let scope: VariableScopeContext;
  if (byObject) {
    const old = nameOrScope as VariableScope;
    scope = new VariableScopeContext(
      o.reuse ? o.reuse : old.reuse,
      old.name,
      o.initializer ?? old.initializer,
      o.regularizer ?? old.regularizer,
      old.original_name_scope,
      o.dtype !== undefined ? as_dtype(o.dtype) : old.dtype,
    );
  } else {
    const name = parent.name ? `${parent.name}/${nameOrScope}` : (nameOrScope as string);
    scope = new VariableScopeContext(
      o.reuse ? o.reuse : parent.reuse,
      name,
      o.initializer ?? parent.initializer,
      o.regularizer ?? parent.regularizer,
      nameScope,
      o.dtype !== undefined ? as_dtype(o.dtype) : parent.dtype,
    );
  }
  st.current = scope;
  scope._setExit(() => {
    st.current = parent;
    ns?.[Symbol.dispose]();
  });
  return scope;
}

function uniqueScopeName(st: ScopeState, parent: VariableScope, base: string): string {
  const full = parent.name ? `${parent.name}/${base}` : base;
  const n = st.defaultNames.get(full) ?? 0;
  st.defaultNames.set(full, n + 1);
  return n === 0 ? base : `${base}_${n}`;
}

export interface GetVariableOptions {
  shape?: ShapeLike;
  dtype?: DTypeLike;
  initializer?: InitializerLike;
  regularizer?: Regularizer;
  trainable?: boolean;
  collections?: readonly string[];
  validate_shape?: boolean;
}

/**
 * `tf.get_variable(name, shape, dtype, initializer, …)`: the positional arguments in TF1's
 * order, or `tf.get_variable(name, {shape, dtype, initializer, …})`.
 */
export function get_variable(
  name: string,
  shapeOrOptions?: ShapeLike | GetVariableOptions,
  dtype?: DTypeLike | null,
  initializer?: InitializerLike | null,
  options: GetVariableOptions = {},
): Variable {
  const o: GetVariableOptions = isOptions(shapeOrOptions)
    ? shapeOrOptions
    : {...options, shape: shapeOrOptions as ShapeLike, dtype: dtype ?? options.dtype, initializer: initializer ?? options.initializer};
  const g = get_default_graph();
  const st = state(g);
  const scope = st.current;
  const fullName = scope.name ? `${scope.name}/${name}` : name;
  const found = st.vars.get(fullName);
  const reuse = scope.reuse;
  if (found) {
    if (reuse === false) {
      throw new ValueError(
        `Variable ${fullName} already exists, disallowed. Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in VarScope? Originally defined at:\n\n  ${found.site}`,
      );
    }
    return checkShared(found.variable, fullName, o);
  }
  if (reuse === true) {
    throw new ValueError(
      `Variable ${fullName} does not exist, or was not created with tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE in VarScope?`,
    );
  }
  const variable = create(g, scope, fullName, o);
  st.vars.set(fullName, {variable, site: variable.op.traceback.site});
  return variable;
}

function isOptions(x: unknown): x is GetVariableOptions {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && !(x as {dims?: unknown}).dims && !ArrayBuffer.isView(x);
}

function checkShared(v: Variable, fullName: string, o: GetVariableOptions): Variable {
  if (o.shape !== undefined && o.shape !== null) {
    const want = as_shape(o.shape);
    if (!want.is_compatible_with(v.shape)) {
      throw new ValueError(`Trying to share variable ${fullName}, but specified shape ${want} and found shape ${v.shape}.`);
    }
  }
  if (o.dtype !== undefined && o.dtype !== null && as_dtype(o.dtype) !== v.dtype.base_dtype) {
    throw new ValueError(`Trying to share variable ${fullName}, but specified dtype ${as_dtype(o.dtype).name} and found dtype ${v.dtype.name}.`);
  }
  return v;
}

function create(g: Graph, scope: VariableScope, fullName: string, o: GetVariableOptions): Variable {
  const dtype = o.dtype !== undefined && o.dtype !== null ? as_dtype(o.dtype) : scope.dtype;
  let init: InitializerLike | null = o.initializer ?? scope.initializer;
  const fromValue = init !== null && (isTensor(init) || isArrayLike(init));
  const shape = o.shape === undefined || o.shape === null ? null : as_shape(o.shape);
  if (fromValue && shape !== null) {
    throw new ValueError('If initializer is a constant, do not specify shape.');
  }
  if (!fromValue && (shape === null || !shape.is_fully_defined())) {
    throw new ValueError(`Shape of a new variable (${fullName}) must be fully defined, but instead was ${shape ?? '<unknown>'}.`);
  }
  if (init === null) {
    if (dtype.is_floating) {
      if (!defaultFloatInitializer) throw new ValueError('no default initializer is registered for float variables');
      init = defaultFloatInitializer();
    } else if (dtype.is_integer || dtype.is_bool || dtype.base === 'string') {
      init = zeros_initializer(dtype);
    } else {
      throw new ValueError(`An initializer for variable ${fullName} of ${dtype.name} is required`);
    }
  }
  const initFn = initialValueFn(init, shape?.dims as number[] | undefined, dtype);
  // Variable names depend on the variable scope only: create it at the top name scope.
  const variable = within(g.name_scope(null), () =>
    new Variable(initFn, {
      name: fullName,
      dtype: fromValue ? undefined : dtype,
      trainable: o.trainable ?? true,
      collections: o.collections,
      validate_shape: o.validate_shape ?? true,
    }),
  );
  const regularizer = o.regularizer ?? scope.regularizer;
  if (regularizer) {
    within(g.name_scope(`${variable.op.name}/Regularizer/`), () => {
      const loss = regularizer(variable);
      if (loss) g.add_to_collection(GraphKeys.REGULARIZATION_LOSSES, loss);
    });
  }
  return variable;
}

function initialValueFn(init: InitializerLike, shape: number[] | undefined, dtype: DType): () => TensorLike {
  if (init instanceof Initializer) return () => init.call(shape!, dtype);
  if (typeof init === 'function') return () => (init as (s: readonly number[], d: DType) => TensorLike)(shape!, dtype);
  return () => init as TensorLike;
}
