/**
 * Specializing a plan to the shapes of its feeds (as XLA specializes to shapes). Once the fed
 * shapes are known, every op's shape rule gives concrete output shapes, and whatever depends
 * only on shapes and constants — `tf.shape(x)`, the reduction axes of a broadcasting gradient
 * (BroadcastGradientArgs), a mean's divisor — is computed once, when the plan is compiled,
 * instead of on every run. Plans are cached per feed shapes, so a last, smaller batch gets its
 * own plan.
 */
import {constant_value, evaluateOnHost} from '../framework/constant_value';
import type {Operation} from '../framework/operation';
import {flatInputSpecs, type ShapeContext} from '../framework/registry';
import type {Tensor} from '../framework/tensor';
import {TensorShape} from '../framework/tensor_shape';
import type {NDArray} from '../ndarray/ndarray';
import {NDArray as ND} from '../ndarray/ndarray';

/** Values larger than this are not computed at compile time. */
const HOST_LIMIT = 1 << 16;

export interface Specialization {
  /** Concrete shapes of tensors whose shape is known for this plan. */
  readonly shapes: Map<Tensor, number[]>;
  /** Values known when the plan is compiled (shapes and what is computed from them). */
  readonly values: Map<Tensor, NDArray>;
}

/** Ops whose value follows from their input's shape alone. */
const SHAPE_OPS: Record<string, (dims: number[]) => NDArray> = {
  Shape: (dims) => new ND(Int32Array.from(dims), [dims.length], 'int32'),
  Size: (dims) => new ND(Int32Array.of(dims.reduce((a, b) => a * b, 1)), [], 'int32'),
  Rank: (dims) => new ND(Int32Array.of(dims.length), [], 'int32'),
};

/**
 * Walks the ops in order: concrete output shapes from the shape rules, and host values for
 * pure ops whose inputs are all known (and small).
 */
export function specialize(order: readonly Operation[], feedShapes: ReadonlyMap<Tensor, readonly number[]>): Specialization {
  const shapes = new Map<Tensor, number[]>();
  const values = new Map<Tensor, NDArray>();
  for (const [t, s] of feedShapes) shapes.set(t, [...s]);
  const shapeOf = (t: Tensor): number[] | null => shapes.get(t) ?? (t.shape.is_fully_defined() ? [...t.shape.dims] : null);
  const valueOf = (t: Tensor): NDArray | null => values.get(t) ?? (feedShapes.has(t) ? null : constant_value(t));

  for (const op of order) {
    const inShapes = op.inputs.map(shapeOf);
    const value = pureOp(op) ? hostValue(op, inShapes, valueOf) : null;
    if (value) value.forEach((v, i) => v && values.set(op.outputs[i], v));
    const outShapes = value ? value.map((v) => (v ? [...v.shape] : null)) : inferShapes(op, inShapes, valueOf);
    outShapes.forEach((s, i) => s && !feedShapes.has(op.outputs[i]) && shapes.set(op.outputs[i], s));
  }
  return {shapes, values};
}

function pureOp(op: Operation): boolean {
  if (op.def.stateful || op.def.mutating || op.def.effects || op.control_inputs.length) return false;
  return !flatInputSpecs(op.def, op.attrs).some((s) => s.ref);
}

function hostValue(op: Operation, inShapes: (number[] | null)[], valueOf: (t: Tensor) => NDArray | null): (NDArray | null)[] | null {
  const fromShape = SHAPE_OPS[op.type];
  if (fromShape) return inShapes[0] ? [fromShape(inShapes[0])] : null;
  if (!op.inputs.length) return null;
  const inputs = op.inputs.map(valueOf);
  if (inputs.some((v) => v === null || v.size > HOST_LIMIT)) return null;
  if (op.outputs.some((o) => o.dtype.base === 'string')) return null;
  return evaluateOnHost(op, inputs as NDArray[]);
}

/** The op's shape rule run on concrete input shapes; null for outputs it leaves partial. */
function inferShapes(op: Operation, inShapes: (number[] | null)[], valueOf: (t: Tensor) => NDArray | null): (number[] | null)[] {
  const none = op.outputs.map(() => null);
  if (inShapes.every((s, i) => s === null || op.inputs[i].shape.is_fully_defined())) {
    // Nothing became more concrete than at build time.
    return op.outputs.map((o) => (o.shape.is_fully_defined() ? [...o.shape.dims] : null));
  }
  const views = op.inputs.map((t, i) => withShape(t, inShapes[i]));
  const ctx: ShapeContext = {
    opName: op.name,
    opType: op.type,
    inputs: views,
    attrs: op.attrs,
    constValue: (i) => valueOf(op.inputs[i]),
    fail: (message) => {
      throw new Error(message);
    },
  };
  try {
    return op.def.infer(ctx).map((sig) => (sig.shape.is_fully_defined() ? [...sig.shape.dims] : null));
  } catch {
    // The kernel will report the problem, with its message, when it runs.
    return none;
  }
}

/** A view of a tensor with a more specific shape, for re-running shape rules. */
function withShape(t: Tensor, dims: number[] | null): Tensor {
  if (!dims) return t;
  const shape = TensorShape.of(dims);
  return Object.create(t, {shape: {value: shape}, _shape: {value: shape}, get_shape: {value: () => shape}}) as Tensor;
}
