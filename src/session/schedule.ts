/**
 * The order a plan runs its ops in, and which ops it needs at all.
 *
 * Order is deterministic where TF1 leaves it to thread timing: ops that change state run after
 * every op that does not depend on them, so a read in the same run sees the value from before the
 * run (`run([train_op, loss])` returns the loss before the step). Ties break by creation order.
 */
import {isTensor} from '../framework/graph';
import type {Operation} from '../framework/operation';
import type {Tensor} from '../framework/tensor';
import type {FetchElement} from './fetch_mapper';

/**
 * The ops a run needs: from the fetches back through inputs and control inputs, stopping at
 * tensors whose value the plan already has (`known`: fed or constant). With `pruneOrderless`, a
 * control dependency on an op without effects (even transitively) is not followed: it orders
 * nothing — e.g. the gradient of an input nothing reads, gated by tf.tuple.
 */
export function neededOps(
  fetches: readonly FetchElement[],
  known: (t: Tensor) => boolean,
  pruneOrderless: boolean,
): Set<Operation> {
  const needed = new Set<Operation>();
  const stack: Operation[] = [];
  const visit = (op: Operation): void => {
    if (!needed.has(op)) {
      needed.add(op);
      stack.push(op);
    }
  };
  const needTensor = (t: Tensor): void => {
    if (!known(t)) visit(t.op);
  };
  for (const f of fetches) (isTensor(f) ? needTensor(f) : visit(f));
  while (stack.length) {
    const op = stack.pop()!;
    for (const t of op.inputs) needTensor(t);
    for (const c of op.control_inputs) if (!pruneOrderless || hasEffects(c)) visit(c);
  }
  return needed;
}

const effectsMemo = new WeakMap<Operation, boolean>();

/** Whether running an op, or anything it depends on, changes state (a variable, a generator). */
export function hasEffects(root: Operation): boolean {
  const known = effectsMemo.get(root);
  if (known !== undefined) return known;
  // Iterative post-order over inputs and control inputs (graphs may be deep chains).
  const stack: Operation[] = [root];
  while (stack.length) {
    const op = stack[stack.length - 1];
    if (effectsMemo.has(op)) {
      stack.pop();
      continue;
    }
    const deps = [...op.inputs.map((t) => t.op), ...op.control_inputs];
    const pending = deps.filter((d) => !effectsMemo.has(d));
    if (pending.length) {
      stack.push(...pending);
      continue;
    }
    stack.pop();
    effectsMemo.set(op, !!(op.def.mutating || op.def.effects) || deps.some((d) => effectsMemo.get(d)));
  }
  return effectsMemo.get(root)!;
}

/**
 * Topological order by Kahn's algorithm with two ready queues: stateless ops first, state
 * changes only when nothing else is ready; each queue by creation order. `computed(t)` says
 * whether t is produced in the plan (not fed, not constant), i.e. whether it orders its reader.
 */
export function schedule(needed: Set<Operation>, computed: (t: Tensor) => boolean, pruneOrderless: boolean): Operation[] {
  const pending = new Map<Operation, number>();
  const dependents = new Map<Operation, Operation[]>();
  for (const op of needed) {
    const deps = new Set<Operation>();
    for (const t of op.inputs) if (computed(t) && needed.has(t.op)) deps.add(t.op);
    for (const c of op.control_inputs) if (needed.has(c) && (!pruneOrderless || hasEffects(c))) deps.add(c);
    pending.set(op, deps.size);
    for (const d of deps) {
      const list = dependents.get(d);
      if (list) list.push(op);
      else dependents.set(d, [op]);
    }
  }
  const pure = new OpHeap();
  const mutating = new OpHeap();
  const push = (op: Operation) => (op.def.mutating ? mutating : pure).push(op);
  for (const [op, n] of pending) if (n === 0) push(op);
  const order: Operation[] = [];
  while (pure.size || mutating.size) {
    const op = pure.size ? pure.pop() : mutating.pop();
    order.push(op);
    for (const d of dependents.get(op) ?? []) {
      const n = pending.get(d)! - 1;
      pending.set(d, n);
      if (n === 0) push(d);
    }
  }
  return order;
}

/** A binary min-heap of ops by creation index. */
class OpHeap {
  private readonly a: Operation[] = [];
  get size(): number {
    return this.a.length;
  }
  push(op: Operation): void {
    const a = this.a;
    let i = a.push(op) - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p]._id <= op._id) break;
      a[i] = a[p];
      i = p;
    }
    a[i] = op;
  }
  pop(): Operation {
    const a = this.a;
    const top = a[0];
    const last = a.pop()!;
    if (a.length) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= a.length) break;
        const c = l + 1 < a.length && a[l + 1]._id < a[l]._id ? l + 1 : l;
        if (a[c]._id >= last._id) break;
        a[i] = a[c];
        i = c;
      }
      a[i] = last;
    }
    return top;
  }
}
