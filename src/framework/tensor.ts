/**
 * Tensor: a symbolic handle to one output of an Operation. It has a static dtype and a static
 * shape (possibly partial); its value exists only inside `Session.run`.
 *
 * TF1's Python operators (`a + b`, `a * b` …) are methods here (`a.add(b)`, `a.mul(b)` …),
 * installed by `ops/operators.ts` exactly as TF1's math_ops installs its operator overloads.
 */
import type {DType} from './dtypes';
import type {Graph} from './graph';
import type {Operation} from './operation';
import {TensorShape, type ShapeLike, as_shape} from './tensor_shape';
import {getDefaultSession, type FeedLike, type SessionLike} from './default_session';
import {ValueError} from './errors';

export class Tensor {
  readonly _isTensor = true;
  /** Ops that read this tensor, in creation order. */
  readonly _consumers: Operation[] = [];
  private _shape: TensorShape;
  private _name: string | undefined;

  constructor(
    readonly op: Operation,
    readonly value_index: number,
    readonly dtype: DType,
    shape: TensorShape,
  ) {
    this._shape = shape;
  }

  /** `op_name:index`, e.g. `Placeholder:0`. */
  get name(): string {
    return (this._name ??= `${this.op.name}:${this.value_index}`);
  }
  get graph(): Graph {
    return this.op.graph;
  }
  get device(): string {
    return this.op.device;
  }
  get shape(): TensorShape {
    return this._shape;
  }
  get_shape(): TensorShape {
    return this._shape;
  }

  /** Refines the static shape (TF's `set_shape`); ValueError if incompatible. */
  set_shape(shape: ShapeLike): void {
    const s = as_shape(shape);
    if (!this._shape.is_compatible_with(s)) {
      throw new ValueError(`Tensor's shape ${this._shape} is not compatible with supplied shape ${s}`);
    }
    this._shape = this._shape.merge_with(s);
  }

  consumers(): Operation[] {
    return [...this._consumers];
  }

  /** Evaluates in a session (the default one unless given): TF's `t.eval(feed_dict, session)`. */
  eval(feed_dict?: FeedLike | null, session?: SessionLike): unknown {
    return (session ?? getDefaultSession('eval()')).run(this, feed_dict ?? undefined);
  }

  /** TF1's `str(t)`: `Tensor("x:0", shape=(?, 784), dtype=float32)`. */
  toString(): string {
    const shape = this._shape.dims === null ? '' : ` shape=${this._shape},`;
    return `Tensor("${this.name}",${shape} dtype=${this.dtype.name})`;
  }

  /** TF1's `repr(t)`: `<tf.Tensor 'x:0' shape=(?, 784) dtype=float32>`. */
  repr(): string {
    return `<tf.Tensor '${this.name}' shape=${this._shape} dtype=${this.dtype.name}>`;
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth: number, options: {depth?: number | null}): string {
    return depth === options.depth ? this.toString() : this.repr();
  }

  _as_graph_element(): Tensor {
    return this;
  }
}
