/**
 * TensorShape: a static shape that may have unknown dimensions (null) or an unknown rank.
 *
 * Printed as TF1 prints shapes: `(?, 784)`, `()`, `(2,)`, `<unknown>`.
 */
import {ValueError} from './errors';

export type Dim = number | null;
/** What TF1 accepts as a shape: a list with `null`/`undefined`/-1 for unknown dims, or a TensorShape. */
export type ShapeLike = TensorShape | readonly (number | null | undefined)[] | number | null | undefined;

export class TensorShape {
  /** The dimensions, or null when even the rank is unknown. */
  readonly dims: readonly Dim[] | null;

  constructor(dims: readonly Dim[] | null) {
    this.dims = dims;
  }

  static unknown(): TensorShape {
    return UNKNOWN;
  }
  static scalar(): TensorShape {
    return SCALAR;
  }
  static of(dims: readonly number[]): TensorShape {
    return new TensorShape(dims);
  }

  /** Number of dimensions, or null if the rank is unknown. */
  get ndims(): number | null {
    return this.dims === null ? null : this.dims.length;
  }
  get rank(): number | null {
    return this.ndims;
  }

  /** `shape.as_list()`: the dims with null for unknown ones; raises for an unknown rank. */
  as_list(): Dim[] {
    if (this.dims === null) throw new ValueError('as_list() is not defined on an unknown TensorShape.');
    return [...this.dims];
  }

  /** The dim at index i (negative counts from the end), null if unknown. */
  dim(i: number): Dim {
    if (this.dims === null) return null;
    const j = i < 0 ? this.dims.length + i : i;
    if (j < 0 || j >= this.dims.length) throw new ValueError(`Index ${i} out of range for shape ${this}`);
    return this.dims[j];
  }

  is_fully_defined(): this is TensorShape & {dims: readonly number[]} {
    return this.dims !== null && this.dims.every((d) => d !== null);
  }

  num_elements(): number | null {
    if (!this.is_fully_defined()) return null;
    let n = 1;
    for (const d of this.dims) n *= d;
    return n;
  }

  is_compatible_with(other: ShapeLike): boolean {
    const o = as_shape(other);
    if (this.dims === null || o.dims === null) return true;
    if (this.dims.length !== o.dims.length) return false;
    return this.dims.every((d, i) => d === null || o.dims![i] === null || d === o.dims![i]);
  }

  /** The most specific shape compatible with both; ValueError if they conflict. */
  merge_with(other: ShapeLike): TensorShape {
    const o = as_shape(other);
    if (this.dims === null) return o;
    if (o.dims === null) return this;
    if (!this.is_compatible_with(o)) throw new ValueError(`Shapes ${this} and ${o} are not compatible`);
    return new TensorShape(this.dims.map((d, i) => d ?? o.dims![i]));
  }

  with_rank(rank: number): TensorShape {
    if (this.dims === null) return new TensorShape(Array<Dim>(rank).fill(null));
    if (this.dims.length !== rank) throw new ValueError(`Shape ${this} must have rank ${rank}`);
    return this;
  }

  concatenate(other: ShapeLike): TensorShape {
    const o = as_shape(other);
    if (this.dims === null || o.dims === null) return UNKNOWN;
    return new TensorShape([...this.dims, ...o.dims]);
  }

  equals(other: ShapeLike): boolean {
    const o = as_shape(other);
    if (this.dims === null || o.dims === null) return this.dims === o.dims;
    return this.dims.length === o.dims.length && this.dims.every((d, i) => d === o.dims![i]);
  }

  /** `(?, 784)`, as TF1's `str(TensorShape)`. */
  toString(): string {
    if (this.dims === null) return '<unknown>';
    const parts = this.dims.map((d) => (d === null ? '?' : String(d)));
    return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
  }

  /** `[?,784]`, as TF's C++ runtime writes shapes in messages. */
  toBracketString(): string {
    if (this.dims === null) return '<unknown>';
    return `[${this.dims.map((d) => (d === null ? '?' : String(d))).join(',')}]`;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

const UNKNOWN = new TensorShape(null);
const SCALAR = new TensorShape([]);

/** Converts what TF1 accepts as a shape. `undefined`/`null` mean an unknown shape. */
export function as_shape(x: ShapeLike): TensorShape {
  if (x instanceof TensorShape) return x;
  if (x === null || x === undefined) return UNKNOWN;
  if (typeof x === 'number') return new TensorShape([x]);
  return new TensorShape(
    x.map((d) => {
      if (d === null || d === undefined || d === -1) return null;
      if (!Number.isInteger(d) || d < 0) throw new ValueError(`Dimension value must be integer or None or have an __index__ method, got value '${d}'`);
      return d;
    }),
  );
}

/** The concrete shape as numbers; callers check `is_fully_defined` first. */
export function concreteDims(s: TensorShape): number[] {
  if (!s.is_fully_defined()) throw new ValueError(`Shape ${s} is not fully defined`);
  return [...s.dims];
}

/** A runtime shape written as TF writes them: `[2,3]`. */
export function bracket(dims: readonly (number | null)[]): string {
  return `[${dims.map((d) => (d === null ? '?' : d)).join(',')}]`;
}
