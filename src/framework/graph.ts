/**
 * Graph: the ops, TF1's unique naming, the name-scope and control-dependency stacks, collections,
 * and the default-graph stack.
 *
 * Ops are immutable once created (inputs, control inputs and attrs never change), which is what
 * lets a Session compile a plan once and reuse it while the graph keeps growing.
 * Collections are immer-managed: `get_collection` hands out a frozen snapshot without copying.
 */
import {produce, freeze} from 'immer';
import {KeyError, RuntimeError, ValueError} from './errors';
import type {Operation} from './operation';
import type {Tensor} from './tensor';
import {disposableContext, type ScopeContext} from './context';
import {graphToGraphDef, type AsGraphDefOptions, type GraphDef} from './graph_def';

/** TF1's standard collection names (`tf.GraphKeys`). */
export const GraphKeys = Object.freeze({
  GLOBAL_VARIABLES: 'variables',
  LOCAL_VARIABLES: 'local_variables',
  MODEL_VARIABLES: 'model_variables',
  TRAINABLE_VARIABLES: 'trainable_variables',
  SUMMARIES: 'summaries',
  QUEUE_RUNNERS: 'queue_runners',
  TABLE_INITIALIZERS: 'table_initializer',
  RESOURCES: 'resources',
  LOCAL_RESOURCES: 'local_resources',
  TRAIN_OP: 'train_op',
  UPDATE_OPS: 'update_ops',
  LOSSES: 'losses',
  REGULARIZATION_LOSSES: 'regularization_losses',
  SAVERS: 'savers',
  WEIGHTS: 'weights',
  BIASES: 'biases',
  ACTIVATIONS: 'activations',
  INIT_OP: 'init_op',
  LOCAL_INIT_OP: 'local_init_op',
  READY_OP: 'ready_op',
  SUMMARY_OP: 'summary_op',
  GLOBAL_STEP: 'global_step',
  EVAL_STEP: 'eval_step',
  MOVING_AVERAGE_VARIABLES: 'moving_average_variables',
});

type Collections = Readonly<Record<string, readonly unknown[]>>;

/** One frame of `control_dependencies`: its ops, or null for `control_dependencies(null)`. */
type ControlFrame = readonly Operation[] | null;

let nextGraphId = 1;

export class Graph {
  /** Increases with every op added (TF's `Graph.version`). */
  version = 0;
  /** The graph-level seed (`tf.set_random_seed`). */
  seed: number | null = null;
  readonly _id = nextGraphId++;

  private readonly ops: Operation[] = [];
  private readonly byName = new Map<string, Operation>();
  private readonly namesInUse = new Map<string, number>();
  private collections: Collections = freeze({});
  private finalized = false;
  /** The current name scope, without a trailing slash ('' at the top). */
  _nameStack = '';
  _controlStack: ControlFrame[] = [];
  /** State other modules keep per graph (variable scopes, the gradient-name counter …). */
  readonly _extras = new Map<symbol, unknown>();

  // ---- ops ------------------------------------------------------------------------------------

  /** @internal called by Operation's constructor. */
  _addOp(op: Operation): void {
    this.checkNotFinalized();
    this.ops.push(op);
    this.byName.set(op.name, op);
    this.version++;
  }

  _hasOp(name: string): boolean {
    return this.byName.has(name);
  }

  get_operations(): Operation[] {
    return [...this.ops];
  }

  /** Ops in creation order (a live, read-only view for the library's own walks). */
  get _operations(): readonly Operation[] {
    return this.ops;
  }

  get_operation_by_name(name: string): Operation {
    if (typeof name !== 'string') throw new TypeError(`Operation names are strings (or similar), not ${typeof name}.`);
    const op = this.byName.get(name);
    if (op) return op;
    if (/:\d+$/.test(name)) {
      throw new ValueError(`Name '${name}' appears to refer to a Tensor, not a Operation.`);
    }
    throw new KeyError(`The name '${name}' refers to an Operation not in the graph.`);
  }

  get_tensor_by_name(name: string): Tensor {
    if (typeof name !== 'string') throw new TypeError(`Tensor names are strings (or similar), not ${typeof name}.`);
    return this.tensorByName(name);
  }

  /** Resolves a tensor name ('x:0'), with TF's messages for an op name or an unknown name. */
  private tensorByName(name: string): Tensor {
    const m = /^(.*):(\d+)$/.exec(name);
    if (!m) {
      if (this.byName.has(name)) {
        throw new ValueError(
          `The name '${name}' refers to an Operation, not a Tensor. Tensor names must be of the form "<op_name>:<output_index>".`,
        );
      }
      throw new ValueError(
        `The name '${name}' looks a like a Tensor name, but is not a valid one. Tensor names must be of the form "<op_name>:<output_index>".`,
      );
    }
    const op = this.byName.get(m[1]);
    if (!op) {
      throw new KeyError(
        `The name '${name}' refers to a Tensor which does not exist. The operation, '${m[1]}', does not exist in the graph.`,
      );
    }
    const i = Number(m[2]);
    if (i >= op.outputs.length) {
      throw new KeyError(
        `The name '${name}' refers to a Tensor which does not exist. The operation, '${m[1]}', exists but only has ${op.outputs.length} outputs.`,
      );
    }
    return op.outputs[i];
  }

  /**
   * TF's `as_graph_element`: a Tensor, an Operation, or a name of either; anything with a
   * `_as_graph_element` (a Variable) resolves through it.
   */
  as_graph_element(obj: unknown, allow_tensor = true, allow_operation = true): Tensor | Operation {
    const resolved = resolveGraphElement(obj);
    if (typeof resolved === 'string') {
      if (resolved.includes(':')) {
        if (!allow_tensor) throw new ValueError(`Name '${resolved}' appears to refer to a Tensor, not a Operation.`);
        return this.tensorByName(resolved);
      }
      if (!allow_operation) return this.tensorByName(resolved);
      if (!this.byName.has(resolved)) {
        throw new KeyError(`The name '${resolved}' refers to an Operation not in the graph.`);
      }
      return this.byName.get(resolved)!;
    }
    if (isTensor(resolved)) {
      if (!allow_tensor) throw new TypeError(`Can not convert a Tensor into a Operation.`);
      if (resolved.graph !== this) throw new ValueError(`Tensor ${resolved} is not an element of this graph.`);
      return resolved;
    }
    if (isOperation(resolved)) {
      if (!allow_operation) throw new TypeError(`Can not convert a Operation into a Tensor.`);
      if (resolved.graph !== this) throw new ValueError(`Operation ${resolved} is not an element of this graph.`);
      return resolved;
    }
    const what = allow_tensor && allow_operation ? 'Tensor or Operation' : allow_tensor ? 'Tensor' : 'Operation';
    throw new TypeError(`Can not convert a ${describe(obj)} into a ${what}.`);
  }

  // ---- naming ---------------------------------------------------------------------------------

  /**
   * TF's `Graph.unique_name`: the name under the current scope, suffixed `_1`, `_2` … if taken.
   * Names compare case-insensitively, as TF1's do.
   */
  unique_name(name: string, mark_as_used = true): string {
    let full = this._nameStack ? `${this._nameStack}/${name}` : name;
    const key = full.toLowerCase();
    let i = this.namesInUse.get(key) ?? 0;
    if (mark_as_used) this.namesInUse.set(key, i + 1);
    if (i > 0) {
      const baseKey = key;
      let candidate = `${baseKey}_${i}`;
      while (this.namesInUse.has(candidate)) candidate = `${baseKey}_${++i}`;
      if (mark_as_used) this.namesInUse.set(candidate, 1);
      full = `${full}_${i}`;
    }
    return full;
  }

  /** The current name scope with its trailing slash ('' at the top). */
  get_name_scope(): string {
    return this._nameStack;
  }

  /**
   * `g.name_scope(name)`: '' or null resets to the top, a name ending in '/' is taken as is,
   * any other name is made unique under the current scope. Binds the scope string ('a/').
   */
  name_scope(name: string | null): ScopeContext<string> {
    const saved = this._nameStack;
    let scope: string;
    if (!name) scope = '';
    else if (name.endsWith('/')) scope = name.slice(0, -1);
    else scope = this.unique_name(name);
    this._nameStack = scope;
    return disposableContext(scope ? `${scope}/` : '', () => {
      this._nameStack = saved;
    });
  }

  // ---- control dependencies -------------------------------------------------------------------

  /** Ops created inside depend on `ops` (null clears the outer frames). */
  control_dependencies(ops: readonly (Operation | Tensor)[] | null): ScopeContext<null> {
    const frame = ops === null ? null : ops.map((x) => (isTensor(x) ? x.op : x));
    this._controlStack.push(frame);
    return disposableContext(null, () => {
      const i = this._controlStack.lastIndexOf(frame);
      if (i >= 0) this._controlStack.splice(i, 1);
    });
  }

  /** Control inputs for a new op: the open frames since the last `null`, minus ops already inputs. */
  _currentControlInputs(inputOps: readonly Operation[]): Operation[] {
    const out: Operation[] = [];
    for (let i = this._controlStack.length - 1; i >= 0; i--) {
      const frame = this._controlStack[i];
      if (frame === null) break;
      for (const op of frame) if (!out.includes(op) && !inputOps.includes(op)) out.push(op);
    }
    return out;
  }

  // ---- collections ----------------------------------------------------------------------------

  add_to_collection(name: string, value: unknown): void {
    this.checkNotFinalized();
    this.collections = produce(this.collections, (draft: Record<string, unknown[]>) => {
      (draft[name] ??= []).push(value);
    });
  }

  add_to_collections(names: readonly string[] | string, value: unknown): void {
    for (const n of new Set(typeof names === 'string' ? [names] : names)) this.add_to_collection(n, value);
  }

  /** A frozen snapshot of a collection (optionally only items whose `name` starts with `scope`). */
  get_collection<T = unknown>(name: string, scope?: string | null): readonly T[] {
    const items = (this.collections[name] ?? EMPTY) as readonly T[];
    if (!scope) return items;
    const re = new RegExp(`^${scope}`);
    return items.filter((x) => re.test(String((x as {name?: unknown}).name ?? '')));
  }

  get_all_collection_keys(): string[] {
    return Object.keys(this.collections);
  }

  clear_collection(name: string): void {
    this.collections = produce(this.collections, (draft: Record<string, unknown[]>) => {
      delete draft[name];
    });
  }

  // ---- lifecycle ------------------------------------------------------------------------------

  finalize(): void {
    this.finalized = true;
  }
  get is_finalized(): boolean {
    return this.finalized;
  }
  private checkNotFinalized(): void {
    if (this.finalized) throw new RuntimeError('Graph is finalized and cannot be modified.');
  }

  /** Makes this graph the default inside a block: `using _ = g.as_default()` or `g.as_default(() => …)`. */
  as_default(): ScopeContext<Graph>;
  as_default<T>(fn: () => T): T;
  as_default<T>(fn?: () => T): ScopeContext<Graph> | T {
    graphStack.push(this);
    const ctx = disposableContext<Graph>(this, () => {
      const i = graphStack.lastIndexOf(this);
      if (i >= 0) graphStack.splice(i, 1);
    });
    if (!fn) return ctx;
    try {
      return fn();
    } finally {
      ctx[Symbol.dispose]();
    }
  }

  /** `g.as_graph_def(from_version=None, add_shapes=False)`: the graph as TF's GraphDef (graph_def.ts). */
  as_graph_def(from_version?: number | null | AsGraphDefOptions, add_shapes?: boolean): GraphDef {
    const o = typeof from_version === 'object' && from_version !== null ? from_version : {from_version, add_shapes};
    return graphToGraphDef(this, o);
  }

  toString(): string {
    return `<tf1ts.Graph object #${this._id}>`;
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

const EMPTY: readonly unknown[] = freeze([]);

// ---- the default graph ----------------------------------------------------------------------

let globalDefault = new Graph();
const graphStack: Graph[] = [];

export function get_default_graph(): Graph {
  return graphStack.length ? graphStack[graphStack.length - 1] : globalDefault;
}

/** Clears the default graph stack and starts a new global default graph. */
export function reset_default_graph(): void {
  if (graphStack.length) {
    throw new Error(
      'AssertionError: Do not use tf.reset_default_graph() to clear nested graphs. If you need a ' +
        'cleared graph, exit the nesting and create a new graph.',
    );
  }
  globalDefault = new Graph();
}

// ---- type guards shared by the framework (structural, to keep modules acyclic) --------------

export function isTensor(x: unknown): x is Tensor {
  return typeof x === 'object' && x !== null && (x as {_isTensor?: boolean})._isTensor === true;
}
export function isOperation(x: unknown): x is Operation {
  return typeof x === 'object' && x !== null && (x as {_isOperation?: boolean})._isOperation === true;
}

function resolveGraphElement(obj: unknown): unknown {
  const f = (obj as {_as_graph_element?: () => unknown} | null)?._as_graph_element;
  return typeof f === 'function' ? f.call(obj) : obj;
}

function describe(x: unknown): string {
  if (x === null) return 'None';
  if (Array.isArray(x)) return 'list';
  return typeof x === 'object' ? (x.constructor?.name ?? 'object') : typeof x;
}
