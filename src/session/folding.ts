/**
 * Which tensors a session may compute once and keep (constant folding): those computed from
 * constants alone — no placeholder, variable, random or other stateful op, no control input —
 * and not downstream of a fed tensor in the run at hand.
 */
import type {Operation} from '../framework/operation';
import {flatInputSpecs} from '../framework/registry';
import type {Tensor} from '../framework/tensor';

const structural = new WeakMap<Operation, boolean>();

/** Whether an op's outputs depend on constants only (a property of the graph, cached per op). */
export function constantDerived(root: Operation): boolean {
  const known = structural.get(root);
  if (known !== undefined) return known;
  // Iterative post-order: graphs of thousands of chained ops must not exhaust the stack.
  const stack: Operation[] = [root];
  while (stack.length) {
    const op = stack[stack.length - 1];
    if (structural.has(op)) {
      stack.pop();
      continue;
    }
    const pending = op.inputs.map((t) => t.op).filter((p) => !structural.has(p));
    if (pending.length && ownFoldable(op)) {
      stack.push(...pending);
      continue;
    }
    stack.pop();
    structural.set(op, ownFoldable(op) && op.inputs.every((t) => structural.get(t.op)));
  }
  return structural.get(root)!;
}

function ownFoldable(op: Operation): boolean {
  if (op.def.stateful || op.def.mutating || op.control_inputs.length) return false;
  if (op.type !== 'Const' && op.inputs.length === 0) return false;
  return !flatInputSpecs(op.def, op.attrs).some((s) => s.ref);
}

/** A folding predicate for one run: constant-derived and not cut by a feed. */
export function foldablePredicate(fed: ReadonlySet<Tensor>): (t: Tensor) => boolean {
  // Feeding a constant-derived tensor is rare; only then do feeds affect foldability.
  const fedConstants = [...fed].filter((t) => constantDerived(t.op));
  if (!fedConstants.length) return (t) => !fed.has(t) && constantDerived(t.op);
  const memo = new Map<Tensor, boolean>();
  const ok = (t: Tensor): boolean => {
    let r = memo.get(t);
    if (r === undefined) {
      r = !fed.has(t) && constantDerived(t.op) && t.op.inputs.every(ok);
      memo.set(t, r);
    }
    return r;
  };
  return ok;
}
