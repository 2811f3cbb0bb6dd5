/**
 * Compiling a `Session.run` call into a plan, once per (fetches, feeds, fed shapes): prune the
 * graph to what the fetches need (feeds and constants cut it), specialize it to the fed shapes,
 * order the ops, give every tensor a slot, and compute after which step each slot is last read so
 * it is disposed right then (tfjs-converter's model_analysis does the same for its executor).
 */
import * as tfc from '@tensorflow/tfjs-core';
import {isTensor} from '../framework/graph';
import type {Operation} from '../framework/operation';
import {flatInputSpecs, type KernelArg, type KernelContext, type RegisteredOp} from '../framework/registry';
import type {Tensor} from '../framework/tensor';
import {toTfjs} from '../framework/tfjs_values';
import type {NDArray} from '../ndarray/ndarray';
import type {FetchElement} from './fetch_mapper';
import {hasEffects, neededOps, schedule} from './schedule';
import {constant_value} from '../framework/constant_value';
import {specialize, type Specialization} from './specialize';

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
  frees: Int32Array;
  /** For inputs read through a passed-through variable read, that read op (named by errors). */
  readonly readVia: (Operation | undefined)[];
  readonly ctx: KernelContext;
}

export interface Plan {
  readonly steps: readonly Step[];
  readonly feedSlots: Int32Array;
  /** Slot of each fetched element; -1 for an op (its result is null). */
  readonly fetchSlots: Int32Array;
  readonly fetchTensors: readonly (Tensor | null)[];
  /** Slots holding constants (never disposed by a run). */
  readonly constSlots: Int32Array;
  readonly constValues: readonly tfc.Tensor[];
  /** The constants this plan uploaded itself (values specialized to its shapes); disposed with it. */
  readonly ownedConstants: readonly tfc.Tensor[];
  /** Per-run slot values; all null between runs. */
  readonly slots: (KernelArg | null)[];
  /** 1 where a run may dispose the slot's value (feeds and kernel outputs). */
  readonly owned: Uint8Array;
}

export interface PlanEnv {
  /** Whether the graph optimizations are on (folding, specialization, pruning, aliasing). */
  readonly optimize: boolean;
  /** Whether a tensor is a constant the session computes once (constant folding). */
  foldable(t: Tensor): boolean;
  /** The folded value of a foldable tensor (computed by the session before compiling). */
  folded(t: Tensor): tfc.Tensor;
  /** The folded value on the host, for inputs a kernel reads on the host. */
  foldedHost(t: Tensor): NDArray;
  contextFor(op: Operation): KernelContext;
}

export interface FeedSpec {
  readonly tensor: Tensor;
  readonly shape: readonly number[];
}

/** The tensors a plan reads from the session's fold cache (to compute before compiling). */
export function foldedFrontier(fetches: readonly FetchElement[], feeds: readonly FeedSpec[], env: PlanEnv): Tensor[] {
  const fed = new Set(feeds.map((f) => f.tensor));
  const needed = neededOps(fetches, (t) => fed.has(t) || env.foldable(t), env.optimize);
  const frontier = new Set<Tensor>();
  for (const f of fetches) if (isTensor(f) && !fed.has(f) && env.foldable(f)) frontier.add(f);
  for (const op of needed) for (const t of op.inputs) if (!fed.has(t) && env.foldable(t)) frontier.add(t);
  return [...frontier];
}

export function compilePlan(fetches: readonly FetchElement[], feeds: readonly FeedSpec[], env: PlanEnv): Plan {
  const fed = new Set(feeds.map((f) => f.tensor));
  const sessionConst = (t: Tensor) => !fed.has(t) && env.foldable(t);
  let spec: Specialization = {shapes: new Map(), values: new Map()};
  if (env.optimize) {
    const all = neededOps(fetches, (t) => fed.has(t) || sessionConst(t), true);
    const order = schedule(all, (t) => !fed.has(t) && !sessionConst(t), true);
    spec = specialize(order, new Map(feeds.map((f) => [f.tensor, f.shape])));
  }
  const planConst = (t: Tensor) => !fed.has(t) && !sessionConst(t) && spec.values.has(t);
  const known = (t: Tensor) => fed.has(t) || sessionConst(t) || planConst(t);
  const needed = neededOps(fetches, known, env.optimize);
  const order = schedule(needed, (t) => !known(t), env.optimize);

  // Slots: feeds, constants, then each op's outputs that anything reads. An op that only passes
  // its input on (Identity …) shares its input's slot instead of running.
  const slotOf = new Map<Tensor, number>();
  let nSlots = 0;
  const newSlot = (t: Tensor): number => {
    slotOf.set(t, nSlots);
    return nSlots++;
  };
  const feedSlots = Int32Array.from(feeds, (f) => newSlot(f.tensor));
  const constTensors = new Set<Tensor>();
  const read = new Set<Tensor>(fetches.filter(isTensor));
  for (const op of order) for (const t of op.inputs) read.add(t);
  for (const t of read) if (sessionConst(t) || planConst(t)) constTensors.add(t);
  const constList = [...constTensors];
  const constSlots = Int32Array.from(constList, newSlot);
  const ownedConstants: tfc.Tensor[] = [];
  const constValues = constList.map((t) => {
    if (sessionConst(t)) return env.folded(t);
    const v = toTfjs(spec.values.get(t)!, t.dtype);
    ownedConstants.push(v);
    return tfc.keep(v);
  });
  const running: Operation[] = [];
  const written = writtenVariables(order);
  const readVia = new Map<number, Operation>();
  for (const op of order) {
    if (env.optimize && (passesThrough(op, spec, fed) || unchangedRead(op, written, fed))) {
      const slot = slotOf.get(op.inputs[0])!;
      slotOf.set(op.outputs[0], slot);
      if (op.inputs[0].dtype._is_ref_dtype) readVia.set(slot, op);
      continue;
    }
    running.push(op);
    for (const t of op.outputs) if (read.has(t) && !fed.has(t)) newSlot(t);
  }

  const steps = running.map((op) => makeStep(op, slotOf, env, spec, planConst, readVia));
  const fetchSlots = Int32Array.from(fetches, (f) => (isTensor(f) ? slotOf.get(f)! : -1));

  // A slot is disposed after its last reader, unless it is fetched or a constant.
  const lastRead = new Int32Array(nSlots).fill(-1);
  steps.forEach((s, i) => s.inSlot.forEach((slot) => (lastRead[slot] = i)));
  for (const slot of fetchSlots) if (slot >= 0) lastRead[slot] = -1;
  for (const slot of constSlots) lastRead[slot] = -1;
  const frees: number[][] = steps.map(() => []);
  lastRead.forEach((step, slot) => step >= 0 && frees[step].push(slot));
  steps.forEach((s, i) => (s.frees = Int32Array.from(frees[i])));

  const owned = new Uint8Array(nSlots).fill(1);
  for (const slot of constSlots) owned[slot] = 0;
  return {
    steps,
    feedSlots,
    fetchSlots,
    fetchTensors: fetches.map((f) => (isTensor(f) ? f : null)),
    constSlots,
    constValues,
    ownedConstants,
    slots: new Array<KernelArg | null>(nSlots).fill(null),
    owned,
  };
}

/**
 * Ops whose output is their input, unchanged: Identity (not of a variable reference, which reads
 * the variable at a point in the run), StopGradient, an unfed PlaceholderWithDefault, a Cast or
 * Reshape that changes nothing on tfjs's side.
 */
function passesThrough(op: Operation, spec: Specialization, fed: ReadonlySet<Tensor>): boolean {
  // (A control input without effects orders nothing: tf.tuple's Identities pass through.)
  if (op.inputs.length === 0 || op.outputs.length !== 1 || op.control_inputs.some(hasEffects)) return false;
  const [x] = op.inputs;
  const [y] = op.outputs;
  if (x.dtype._is_ref_dtype || y.dtype._is_ref_dtype || fed.has(y)) return false;
  switch (op.type) {
    case 'Identity':
    case 'StopGradient':
    case 'PlaceholderWithDefault':
      return true;
    case 'Cast':
      return x.dtype.tfjs === y.dtype.tfjs && y.dtype.base !== 'bool' && !(x.dtype.is_floating && y.dtype.is_integer);
    case 'Sum':
    case 'Mean':
    case 'Max':
    case 'Min':
    case 'Prod': {
      // A reduction over no axis (the broadcasting gradient of an input that was not broadcast).
      const axes = spec.values.get(op.inputs[1]) ?? constant_value(op.inputs[1]);
      return axes !== null && axes.size === 0;
    }
    case 'Reshape':
    case 'ExpandDims':
    case 'Squeeze': {
      const a = spec.shapes.get(x) ?? (x.shape.is_fully_defined() ? x.shape.dims : null);
      const b = spec.shapes.get(y) ?? (y.shape.is_fully_defined() ? y.shape.dims : null);
      return !!a && !!b && a.length === b.length && a.every((d, i) => d === b[i]);
    }
    default:
      return false;
  }
}

/** The variables (VariableV2 ops) some op of the plan may write (any op given their reference). */
function writtenVariables(order: readonly Operation[]): Set<Operation> {
  const written = new Set<Operation>();
  for (const op of order) {
    flatInputSpecs(op.def, op.attrs).forEach((s, i) => s.ref && written.add(op.inputs[i].op));
  }
  return written;
}

/**
 * A variable's read (`w/read`, an Identity of its reference) in a plan that never writes the
 * variable: reading the variable itself where the value is used gives the same value.
 */
function unchangedRead(op: Operation, written: ReadonlySet<Operation>, fed: ReadonlySet<Tensor>): boolean {
  if (op.type !== 'Identity' || op.control_inputs.some(hasEffects) || fed.has(op.outputs[0])) return false;
  const src = op.inputs[0];
  return src.dtype._is_ref_dtype && src.op.type === 'VariableV2' && !written.has(src.op) && !fed.has(src);
}

function makeStep(
  op: Operation,
  slotOf: Map<Tensor, number>,
  env: PlanEnv,
  spec: Specialization,
  planConst: (t: Tensor) => boolean,
  readVia: ReadonlyMap<number, Operation>,
): Step {
  const specs = flatInputSpecs(op.def, op.attrs);
  const args: KernelArg[] = new Array(op.inputs.length);
  const inMode = new Uint8Array(op.inputs.length);
  const via: (Operation | undefined)[] = new Array(op.inputs.length);
  const inSlot: number[] = [];
  op.inputs.forEach((t, i) => {
    const s = specs[i];
    if (s.host && (planConst(t) || env.foldable(t))) {
      inMode[i] = InMode.Fixed;
      args[i] = planConst(t) ? spec.values.get(t)! : env.foldedHost(t);
      return;
    }
    inMode[i] = s.ref ? InMode.Ref : s.host ? InMode.Host : InMode.Read;
    inSlot.push(slotOf.get(t)!);
    via[i] = readVia.get(slotOf.get(t)!);
  });
  return {
    op,
    def: op.def,
    args,
    inSlot: Int32Array.from(inSlot),
    inMode,
    outSlot: Int32Array.from(op.outputs, (t) => slotOf.get(t) ?? -1),
    frees: new Int32Array(0),
    readVia: via,
    ctx: env.contextFor(op),
  };
}
