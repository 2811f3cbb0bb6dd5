/**
 * Compiling a `Session.run` call into a plan, once per (fetches, feeds): prune the graph to what
 * the fetches need (feeds and build-time constants cut it), order the ops, give every tensor a
 * slot, and compute after which step each slot is last read so it is disposed right then
 * (tfjs-converter's model_analysis does the same for its executor).
 *
 * Order is deterministic where TF1 leaves it to thread timing: ops that change state run after
 * every op that does not depend on them, so a read in the same run sees the value from before the
 * run (`run([train_op, loss])` returns the loss before the step). Ties break by creation order.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import {isTensor} from '../framework/graph';
import type {Operation} from '../framework/operation';
import {flatInputSpecs, type KernelArg, type KernelContext, type RegisteredOp} from '../framework/registry';
import type {Tensor} from '../framework/tensor';
import type {NDArray} from '../ndarray/ndarray';
import type {FetchElement} from './fetch_mapper';

/** How a step reads one input slot. */
export const enum InMode {
  /** A tensor; a variable cell is read (its current value). */
  Read,
  /** The values on the host, as an NDArray (an axis, a shape). */
  Host,
  /** The variable cell itself (Assign's `ref`). */
  Ref,
  /** A host value fixed at compile time (from a constant); nothing to read. */
  Fixed,
}

export interface Step {
  readonly op: Operation;
  readonly def: RegisteredOp;
  /** The kernel's arguments, refilled in place every run. */
  readonly args: KernelArg[];
  readonly inSlot: Int32Array;
  readonly inMode: Uint8Array;
  /** Slot of each output, -1 where nothing in the plan reads it (disposed at once). */
  readonly outSlot: Int32Array;
  /** Slots whose last reader is this step. */
  readonly frees: Int32Array;
  readonly ctx: KernelContext;
}

export interface Plan {
  readonly steps: readonly Step[];
  readonly feedSlots: Int32Array;
  /** Slot of each fetched element; -1 for an op (its result is null). */
  readonly fetchSlots: Int32Array;
  readonly fetchTensors: readonly (Tensor | null)[];
  /** Slots holding build-time constants owned by the session (never disposed by a run). */
  readonly constSlots: Int32Array;
  readonly constValues: readonly tfc.Tensor[];
  /** Per-run slot values; all null between runs. */
  readonly slots: (KernelArg | null)[];
  /** 1 where a run may dispose the slot's value (feeds and kernel outputs). */
  readonly owned: Uint8Array;
}

export interface PlanEnv {
  /** Whether a tensor may be computed once per session (constant folding); false disables it. */
  foldable(t: Tensor): boolean;
  /** The folded value of a foldable tensor (computed by the session before compiling). */
  folded(t: Tensor): tfc.Tensor;
  /** The folded value on the host, for inputs a kernel reads on the host. */
  foldedHost(t: Tensor): NDArray;
  contextFor(op: Operation): KernelContext;
}

/** The ops a run needs and the folded tensors it reads. */
export function analyse(fetches: readonly FetchElement[], feeds: readonly Tensor[], env: Pick<PlanEnv, 'foldable'>) {
  const fed = new Set(feeds);
  const needed = new Set<Operation>();
  const frontier = new Set<Tensor>();
  const stack: Operation[] = [];
  const visit = (op: Operation): void => {
    if (!needed.has(op)) {
      needed.add(op);
      stack.push(op);
    }
  };
  const needTensor = (t: Tensor): void => {
    if (fed.has(t)) return;
    if (env.foldable(t)) frontier.add(t);
    else visit(t.op);
  };
  for (const f of fetches) (isTensor(f) ? needTensor(f) : visit(f));
  while (stack.length) {
    const op = stack.pop()!;
    for (const t of op.inputs) needTensor(t);
    for (const c of op.control_inputs) visit(c);
  }
  return {needed, frontier, fed};
}

export function compilePlan(fetches: readonly FetchElement[], feeds: readonly Tensor[], env: PlanEnv): Plan {
  const {needed, frontier, fed} = analyse(fetches, feeds, env);
  const order = schedule(needed, (t) => !fed.has(t) && !frontier.has(t));

  const slotOf = new Map<Tensor, number>();
  const newSlot = (t: Tensor): number => {
    const s = slotOf.size;
    slotOf.set(t, s);
    return s;
  };
  const feedSlots = Int32Array.from(feeds, newSlot);
  const constTensors = [...frontier];
  const constSlots = Int32Array.from(constTensors, newSlot);
  const read = new Set<Tensor>(fetches.filter(isTensor));
  for (const op of order) for (const t of op.inputs) read.add(t);
  for (const op of order) for (const t of op.outputs) if (read.has(t) && !fed.has(t)) newSlot(t);

  const steps = order.map((op) => makeStep(op, slotOf, env));
  const fetchSlots = Int32Array.from(fetches, (f) => (isTensor(f) ? slotOf.get(f)! : -1));

  // A slot is disposed after its last reader, unless it is fetched or owned by the session.
  const lastRead = new Int32Array(slotOf.size).fill(-1);
  steps.forEach((s, i) => s.inSlot.forEach((slot) => (lastRead[slot] = i)));
  for (const slot of fetchSlots) if (slot >= 0) lastRead[slot] = -1;
  for (const slot of constSlots) lastRead[slot] = -1;
  const frees: number[][] = steps.map(() => []);
  lastRead.forEach((step, slot) => step >= 0 && frees[step].push(slot));
  steps.forEach((s, i) => ((s as {frees: Int32Array}).frees = Int32Array.from(frees[i])));

  const owned = new Uint8Array(slotOf.size).fill(1);
  for (const slot of constSlots) owned[slot] = 0;
  return {
    steps,
    feedSlots,
    fetchSlots,
    fetchTensors: fetches.map((f) => (isTensor(f) ? f : null)),
    constSlots,
    constValues: constTensors.map((t) => env.folded(t)),
    slots: new Array<KernelArg | null>(slotOf.size).fill(null),
    owned,
  };
}

function makeStep(op: Operation, slotOf: Map<Tensor, number>, env: PlanEnv): Step {
  const specs = flatInputSpecs(op.def, op.attrs);
  const args: KernelArg[] = new Array(op.inputs.length);
  const inMode = new Uint8Array(op.inputs.length);
  const inSlot: number[] = [];
  op.inputs.forEach((t, i) => {
    const spec = specs[i];
    if (spec.host && env.foldable(t)) {
      inMode[i] = InMode.Fixed;
      args[i] = env.foldedHost(t);
      return;
    }
    inMode[i] = spec.ref ? InMode.Ref : spec.host ? InMode.Host : InMode.Read;
    inSlot.push(slotOf.get(t)!);
  });
  return {
    op,
    def: op.def,
    args,
    inSlot: Int32Array.from(inSlot),
    inMode,
    outSlot: Int32Array.from(op.outputs, (t) => slotOf.get(t) ?? -1),
    frees: new Int32Array(0),
    ctx: env.contextFor(op),
  };
}

/**
 * Topological order by Kahn's algorithm with two ready queues: stateless ops first, state
 * changes only when nothing else is ready; each queue by creation order.
 */
function schedule(needed: Set<Operation>, computed: (t: Tensor) => boolean): Operation[] {
  const pending = new Map<Operation, number>();
  const dependents = new Map<Operation, Operation[]>();
  for (const op of needed) {
    const deps = new Set<Operation>();
    for (const t of op.inputs) if (computed(t) && needed.has(t.op)) deps.add(t.op);
    for (const c of op.control_inputs) if (needed.has(c)) deps.add(c);
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
