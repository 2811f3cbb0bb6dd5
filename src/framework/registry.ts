/**
 * The op registry: one declaration per op type, keyed by TF's op-type name ('MatMul', 'ApplyAdam').
 *
 * A declaration says, in one place, what TF's OpDef and its registrations say across several
 * files: the inputs (and which dtype attr each binds), the attrs, the static shape rule (which
 * validates and raises at build time), the kernel (tfjs-core ops, run by the Session) and the
 * gradient (graph ops), or an explicit `grad: null` for ops that are not differentiable.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import type {NDArray} from '../ndarray/ndarray';
import type {DType} from './dtypes';
import type {TensorShape} from './tensor_shape';
import type {Operation} from './operation';
import type {Tensor} from './tensor';

/** A value of an op attr, as in TF's AttrValue. `float` attrs are declared in `attrTypes`. */
export type AttrValue =
  | number
  | string
  | boolean
  | DType
  | TensorShape
  | NDArray
  | readonly number[]
  | readonly string[]
  | readonly DType[]
  | null;
export type Attrs = Record<string, AttrValue>;

export interface InputSpec {
  readonly name: string;
  /** The type attr this input's dtype binds ('T' unless said otherwise); inputs sharing it share a dtype. */
  readonly typeAttr?: string;
  /** A fixed dtype instead of a type attr (e.g. int32 for a shape). */
  readonly fixed?: DType;
  /** The dtype JS values take when no tensor input fixes the type attr (int32 for an axis). */
  readonly defaultDtype?: DType;
  /** A list input whose length is the attr `numberAttr` ('N' by default): AddN's `inputs`. */
  readonly list?: boolean;
  readonly numberAttr?: string;
  /** Dtypes the input accepts (base names); TypeError otherwise, as TF's op_def_library. */
  readonly allowed?: readonly string[];
  /** The kernel reads this input's values on the host (an axis, a shape, a permutation). */
  readonly host?: boolean;
  /** A variable reference the kernel writes (Assign's `ref`): the kernel receives the VarCell. */
  readonly ref?: boolean;
}

export interface OutputSig {
  readonly dtype: DType;
  readonly shape: TensorShape;
}

/** What a shape rule sees: the inputs' static dtypes and shapes, constant values where known. */
export interface ShapeContext<A extends Attrs = Attrs> {
  readonly opName: string;
  readonly opType: string;
  readonly inputs: readonly Tensor[];
  readonly attrs: A;
  /** The input's value if it is known at build time (a Const, or folded from constants). */
  constValue(i: number): NDArray | null;
  /** Raises TF1's build-time ValueError for this op. */
  fail(message: string): never;
}

/** A variable's storage in a Session: what a `ref` input hands to a kernel. */
export interface VarCell {
  value: tfc.Tensor | null;
  readonly op: Operation;
  /** Stores a new value (the cell keeps its own reference) and releases the old one. */
  set(t: tfc.Tensor): void;
  /** Stores a tensor the caller made for it and hands over, and releases the old value. */
  adopt(t: tfc.Tensor): void;
}

/** A kernel input: a tfjs tensor, a host value (for `host` inputs) or a VarCell (for `ref` inputs). */
export type KernelArg = tfc.Tensor | NDArray | VarCell;

/** What a kernel may need besides its inputs. */
export interface KernelContext {
  readonly op: Operation;
  /** The Session's storage of a variable op (VariableV2's kernel returns it). */
  variable(op: Operation): VarCell;
  /** Raises an InvalidArgumentError (or another OpError class) naming this op. */
  fail(message: string, cls?: 'InvalidArgument' | 'FailedPrecondition' | 'OutOfRange' | 'NotFound' | 'Unimplemented'): never;
  /** A fresh seed for an unseeded random op: different per session, op and call. */
  randomSeed(): number;
  /** State this op keeps in this session across runs (a random generator), made on first use. */
  state<S>(init: () => S): S;
}

/** A gradient function: one gradient per input (null where there is none), built from graph ops. */
export type GradFn = (op: Operation, grads: readonly (Tensor | null)[]) => readonly (Tensor | null)[];

export interface OpDef<A extends Attrs = Attrs, In extends readonly KernelArg[] = readonly any[]> {
  readonly type: string;
  readonly inputs: readonly (string | InputSpec)[];
  /** Number of outputs (1 if omitted); a function of the attrs for ops such as Unpack or Split. */
  readonly outputs?: number | ((attrs: A) => number);
  /** Attrs that are floats even when integral (GraphDef encodes them as `f`). */
  readonly floatAttrs?: readonly string[];
  /** Holds or changes state, or is random: never folded, never run at build time. */
  readonly stateful?: boolean;
  /** Changes a variable: runs after every op of the same run that does not depend on it. */
  readonly mutating?: boolean;
  /**
   * Running it changes state beyond its outputs (a random op advances its generator). Such ops,
   * and mutating ones, are what control dependencies order; a control dependency on an op with
   * no effects, even transitively, orders nothing and is not run for its own sake.
   */
  readonly effects?: boolean;
  /**
   * The inputs broadcast against each other (Add, Mul …). The gradient function then returns
   * gradients of the output's shape, and the gradient builder sums each back to its input's
   * shape — the one place where broadcasting is undone.
   */
  readonly broadcasting?: boolean;
  /** Static shape rule: validates (raising via `ctx.fail`) and returns the outputs' signatures. */
  infer(ctx: ShapeContext<A>): readonly OutputSig[];
  /**
   * The computation, in tfjs-core ops. Returns one tfjs tensor per output (a variable op and
   * the ops that update a variable return its VarCell, TF's "ref" output).
   */
  kernel(inputs: In, attrs: A, ctx: KernelContext): (tfc.Tensor | VarCell)[];
  /**
   * The gradient, or null when the op is not differentiable (TF's NotDifferentiable). Left out,
   * `tf.gradients` raises TF's LookupError ("No gradient defined for operation …").
   */
  readonly grad?: GradFn | null;
}

/** A registered op type, with its inputs normalised. */
export interface RegisteredOp extends OpDef<Attrs> {
  readonly inputSpecs: readonly InputSpec[];
}

const registry = new Map<string, RegisteredOp>();

/** Registers an op type; each type is declared exactly once. */
export function defineOp<A extends Attrs, In extends readonly KernelArg[] = readonly any[]>(
  def: OpDef<A, In>,
): RegisteredOp {
  if (registry.has(def.type)) throw new Error(`op type ${def.type} is declared twice`);
  const inputSpecs = def.inputs.map((s) => (typeof s === 'string' ? {name: s} : s));
  const reg = {...(def as unknown as OpDef<Attrs>), inputSpecs};
  registry.set(def.type, reg);
  return reg;
}

export function lookupOp(type: string): RegisteredOp | undefined {
  return registry.get(type);
}

export function registeredOpTypes(): string[] {
  return [...registry.keys()].sort();
}

/** One spec per flat input: list inputs expanded to their length. */
export function flatInputSpecs(def: RegisteredOp, attrs: Attrs): InputSpec[] {
  const out: InputSpec[] = [];
  for (const s of def.inputSpecs) {
    if (!s.list) out.push(s);
    else for (let i = 0, n = attrs[s.numberAttr ?? 'N'] as number; i < n; i++) out.push(s);
  }
  return out;
}

export function numOutputs(def: RegisteredOp, attrs: Attrs): number {
  const n = def.outputs ?? 1;
  return typeof n === 'number' ? n : n(attrs);
}
