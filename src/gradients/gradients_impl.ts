/**
 * `tf.gradients`: builds the backward graph as TF1's gradients_util does. Ops between `xs` and
 * `ys` are visited in reverse with pending counts; each op's registered gradient turns the
 * gradients of its outputs into gradients of its inputs; partial gradients of one tensor are
 * summed with AddN; everything is created under a `gradients/` name scope.
 *
 * Only float tensors carry gradients (as TF ≥ 1.9): an `x` reached only through integer tensors,
 * or not at all, or only through `stop_gradient`/`stop_gradients`, gets null.
 */
import {within} from '../framework/context';
import {LookupError} from '../framework/errors';
import {get_default_graph, type Graph} from '../framework/graph';
import type {Operation} from '../framework/operation';
import type {Tensor} from '../framework/tensor';
import {convert_to_tensor, constant, type TensorLike} from '../framework/constant_op';
import {add_n} from '../ops/math_ops';
import {fill, identity, shape as shapeOf, zeros_like} from '../ops/array_ops';
import {tuple} from '../ops/control_flow_ops';
import {reduceToShape} from './broadcast';

export interface GradientsOptions {
  grad_ys?: TensorLike | null | readonly (TensorLike | null)[];
  name?: string;
  /** Gates each op's input gradients with `tf.tuple` (the optimizers' GATE_OP). */
  gate_gradients?: boolean;
  stop_gradients?: unknown;
  colocate_gradients_with_ops?: boolean;
  aggregation_method?: unknown;
}

/** Whether gradients flow through a tensor of this dtype (TF's _IsBackpropagatable). */
function backpropagatable(t: Tensor): boolean {
  return t.dtype.base_dtype.is_floating;
}

/**
 * `tf.gradients(ys, xs, grad_ys, name='gradients', …)`: the symbolic partial derivatives of
 * sum(ys) with respect to each x, null where there is none. Positional `grad_ys` or options.
 */
export function gradients(
  ys: TensorLike | readonly TensorLike[],
  xs: unknown | readonly unknown[],
  grad_ys_or_options?: GradientsOptions | TensorLike | readonly (TensorLike | null)[] | null,
): (Tensor | null)[] {
  const o: GradientsOptions = isOptions(grad_ys_or_options) ? grad_ys_or_options : {grad_ys: grad_ys_or_options ?? null};
  const yList = (Array.isArray(ys) ? ys : [ys]).map((y) => convert_to_tensor(y));
  const xList = (Array.isArray(xs) ? xs : [xs]).map((x) => convert_to_tensor(x, null, null, null, true));
  const g = yList[0]?.graph ?? get_default_graph();
  const gradYs = o.grad_ys === null || o.grad_ys === undefined ? yList.map(() => null)
    : Array.isArray(o.grad_ys) && !isNumberList(o.grad_ys) ? [...o.grad_ys] : [o.grad_ys as TensorLike];
  if (gradYs.length !== yList.length) {
    throw new Error(`ValueError: Passed ${gradYs.length} grad_ys for ${yList.length} ys`);
  }
  const stops = new Set((toList(o.stop_gradients)).map((t) => convert_to_tensor(t).op));
  return within(g.as_default(), () =>
    within(g.name_scope(o.name ?? 'gradients'), () => build(g, yList, xList, gradYs, stops, !!o.gate_gradients)),
  );
}

function isOptions(x: unknown): x is GradientsOptions {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && !ArrayBuffer.isView(x)
    && !('_isTensor' in x) && ['grad_ys', 'name', 'gate_gradients', 'stop_gradients', 'colocate_gradients_with_ops', 'aggregation_method'].some((k) => k in x);
}

function isNumberList(x: readonly unknown[]): boolean {
  return x.length > 0 && x.every((v) => typeof v === 'number' || Array.isArray(v));
}

function toList(x: unknown): unknown[] {
  if (x === undefined || x === null) return [];
  return Array.isArray(x) ? x : [x];
}

function build(
  g: Graph,
  ys: Tensor[],
  xs: Tensor[],
  gradYs: (TensorLike | null)[],
  stopOps: Set<Operation>,
  gate: boolean,
): (Tensor | null)[] {
  const between = opsBetween(xs.map((x) => x.op), ys.map((y) => y.op));
  const pending = pendingCounts(between);
  // Ops none of whose inputs lead back to xs start nothing; user stop ops pass nothing on.
  const grads = new Map<Tensor, Tensor[]>();
  const addGrad = (t: Tensor, grad: Tensor) => {
    const list = grads.get(t);
    if (list) list.push(grad);
    else grads.set(t, [grad]);
  };
  ys.forEach((y, i) => {
    const gy = gradYs[i];
    if (!backpropagatable(y)) return;
    // A given grad_y enters the gradient's scope through an Identity (`gradients/grad_ys_0`), as TF.
    addGrad(y, gy === null ? defaultGradY(y, i) : identity(convert_to_tensor(gy, y.dtype.base_dtype), `grad_ys_${i}`));
  });

  const queue: Operation[] = [];
  const queued = new Set<Operation>();
  for (const y of ys) {
    if (between.has(y.op) && (pending.get(y.op) ?? 0) === 0 && !queued.has(y.op)) {
      queue.push(y.op);
      queued.add(y.op);
    }
  }
  // TF's _StopOps: an x whose inputs do not lead back to any x is where the walk ends.
  for (const x of xs) if (!x.op.inputs.some((t) => between.has(t.op))) stopOps.add(x.op);
  while (queue.length) {
    const op = queue.shift()!;
    const outGrads = op.outputs.map(aggregate);
    if (!stopOps.has(op) && outGrads.some((x) => x !== null)) {
      const inGrads = opGradients(g, op, outGrads, gate);
      op.inputs.forEach((t, i) => {
        const gi = inGrads[i];
        if (gi && backpropagatable(t) && between.has(t.op)) addGrad(t, gi);
      });
    }
    for (const t of op.inputs) {
      if (!between.has(t.op)) continue;
      const n = pending.get(t.op)! - 1;
      pending.set(t.op, n);
      if (n === 0 && !queued.has(t.op)) {
        queue.push(t.op);
        queued.add(t.op);
      }
    }
  }
  return xs.map(aggregate);

  /** The gradient of t: its partial gradients summed once (AddN), or null if it has none. */
  function aggregate(t: Tensor): Tensor | null {
    const list = grads.get(t);
    if (!list || list.length === 0) return null;
    if (list.length === 1) return list[0];
    const sum = add_n(list);
    grads.set(t, [sum]);
    return sum;
  }
}

/** The gradient of each input of `op`, under `gradients/<op>_grad/`, reduced to each input's shape. */
function opGradients(g: Graph, op: Operation, outGrads: (Tensor | null)[], gate: boolean): (Tensor | null)[] {
  const fn = op.def.grad;
  if (fn === undefined) {
    throw new LookupError(`No gradient defined for operation '${op.name}' (op type: ${op.type}). In general every operation must have an associated \`@ops.RegisterGradient\` for correct autodiff, which this op is lacking.`);
  }
  if (fn === null) return op.inputs.map(() => null);
  // An output that received no gradient contributes zeros: a ZerosLike op in the gradients scope
  // itself, as TF's ZerosLikeOutsideLoop builds it.
  const filled = outGrads.map((d, i) => d ?? (backpropagatable(op.outputs[i]) ? zeros_like(op.outputs[i], {optimize: false}) : null));
  return within(g.name_scope(`${op.name}_grad`), () => {
    let inGrads = [...fn(op, filled)];
    if (inGrads.length !== op.inputs.length) {
      throw new Error(`gradient of ${op.type} returned ${inGrads.length} values for ${op.inputs.length} inputs`);
    }
    inGrads = inGrads.map((d, i) => (d && op.def.broadcasting ? reduceToShape(d, op.inputs[i]) : d));
    if (gate && inGrads.filter((d) => d !== null).length > 1) inGrads = tuple(inGrads);
    inGrads.forEach((d, i) => d?.set_shape(op.inputs[i].shape));
    return inGrads;
  });
}

/** `grad_ys_<i>`: ones shaped like y, as TF builds it (Shape, a scalar Const, Fill). */
function defaultGradY(y: Tensor, i: number): Tensor {
  const s = y.shape.is_fully_defined() ? constant(Int32Array.from(y.shape.dims), null, null, 'Shape') : shapeOf(y);
  return within(get_default_graph().name_scope(`grad_ys_${i}`), (scope) =>
    fill(s, constant(1, y.dtype.base_dtype), scope.value),
  );
}

/**
 * Ops on a path from an op of `from` to an op of `to` through float tensors (TF's reached ops
 * intersected with the ops `to` depends on).
 */
function opsBetween(from: Operation[], to: Operation[]): Set<Operation> {
  const reached = new Set<Operation>();
  const queue = [...from];
  while (queue.length) {
    const op = queue.shift()!;
    if (reached.has(op)) continue;
    reached.add(op);
    for (const t of op.outputs) if (backpropagatable(t)) queue.push(...t._consumers);
  }
  const between = new Set<Operation>();
  const stack = to.filter((op) => reached.has(op));
  while (stack.length) {
    const op = stack.pop()!;
    if (between.has(op)) continue;
    between.add(op);
    for (const t of op.inputs) if (reached.has(t.op)) stack.push(t.op);
  }
  return between;
}

/** For each op between, how many input edges of ops between read its outputs. */
function pendingCounts(between: Set<Operation>): Map<Operation, number> {
  const pending = new Map<Operation, number>();
  for (const op of between) for (const t of op.inputs) if (between.has(t.op)) pending.set(t.op, (pending.get(t.op) ?? 0) + 1);
  return pending;
}
