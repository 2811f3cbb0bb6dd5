/**
 * Operation: a node of the graph. Immutable once created: its inputs, control inputs and attrs
 * never change, so a Session's compiled plan stays valid while the graph grows.
 */
import type {NDArray} from '../ndarray/ndarray';
import type {Graph} from './graph';
import type {Attrs, AttrValue, OutputSig, RegisteredOp} from './registry';
import {Tensor} from './tensor';
import {Traceback} from './traceback';
import {nodeDefText} from './node_def';
import {getDefaultSession, type FeedLike, type SessionLike} from './default_session';
import {ValueError} from './errors';

export class Operation {
  readonly _isOperation = true;
  readonly outputs: readonly Tensor[];
  /** Where in the user's code the op was created. */
  readonly traceback = new Traceback();
  /** Creation index within the graph (TF's `_id`): the deterministic tie-breaker everywhere. */
  readonly _id: number;
  device = '';
  /** Build-time constant value of each output, filled lazily by constant folding. */
  _constValues: (NDArray | null)[] | undefined;

  constructor(
    readonly graph: Graph,
    readonly def: RegisteredOp,
    readonly name: string,
    readonly inputs: readonly Tensor[],
    readonly control_inputs: readonly Operation[],
    readonly attrs: Readonly<Attrs>,
    outputSigs: readonly OutputSig[],
  ) {
    this._id = graph.version;
    this.outputs = outputSigs.map((s, i) => new Tensor(this, i, s.dtype, s.shape));
    graph._addOp(this);
    for (const t of inputs) t._consumers.push(this);
  }

  get type(): string {
    return this.def.type;
  }

  /** The op's outputs (TF's `op.values()`). */
  values(): readonly Tensor[] {
    return this.outputs;
  }

  get_attr(name: string): AttrValue {
    if (!(name in this.attrs)) throw new ValueError(`Operation '${this.name}' has no attr named '${name}'.`);
    return this.attrs[name];
  }

  /** The NodeDef as a plain object: name, op, inputs (`^ctrl` for control inputs), attrs. */
  get node_def(): {name: string; op: string; input: string[]; device: string; attr: Readonly<Attrs>} {
    return {
      name: this.name,
      op: this.type,
      input: [
        ...this.inputs.map((t) => (t.value_index === 0 ? t.op.name : t.name)),
        ...this.control_inputs.map((c) => `^${c.name}`),
      ],
      device: this.device,
      attr: this.attrs,
    };
  }

  /** Runs the op in a session (the default one unless given): TF's `op.run(feed_dict, session)`. */
  run(feed_dict?: FeedLike | null, session?: SessionLike): void {
    (session ?? getDefaultSession('op.run()')).run(this, feed_dict ?? undefined);
  }

  /** TF1's `str(op)`: the NodeDef in text format. */
  toString(): string {
    return nodeDefText(this);
  }

  /** TF1's `repr(op)`. */
  repr(): string {
    return `<tf.Operation '${this.name}' type=${this.type}>`;
  }

  /** `console.log(op)` prints `str(op)`; inside a list, the repr (as Python prints lists). */
  [Symbol.for('nodejs.util.inspect.custom')](depth: number, options: {depth?: number | null}): string {
    return depth === options.depth ? this.toString() : this.repr();
  }

  _as_graph_element(): Operation {
    return this;
  }
}
