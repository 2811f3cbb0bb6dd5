/**
 * Running a compiled plan: feeds in, steps in order, each slot disposed after its last reader,
 * fetched values read back. Whatever happens, a run leaves no tfjs tensor behind.
 */
import * as tfc from '@tensorflow/tfjs-core';
import {FailedPreconditionError, InvalidArgumentError, OpError, opError} from '../framework/errors';
import type {KernelArg} from '../framework/registry';
import type {Tensor} from '../framework/tensor';
import type {Operation} from '../framework/operation';
import {fromTfjs, toTfjs} from '../framework/tfjs_values';
import type {NDArray} from '../ndarray/ndarray';
import {shortestFloat32} from '../ndarray/format';
import {InMode, type Plan, type Step} from './plan';
import {isCell} from './variable_store';
import {aliasOf} from '../framework/host_compute';

/** The value `Session.run` returns for one fetched tensor: an NDArray, or a JS scalar for 0-d. */
export type FetchedValue = NDArray | number | boolean | string | null;

export function executePlan(plan: Plan, feeds: readonly {tensor: Tensor; value: NDArray}[]): FetchedValue[] {
  return withRun(plan, feeds, (slots) =>
    Array.from(plan.fetchSlots, (slot, i) => (slot < 0 ? null : fetchedValue(slots[slot], plan.fetchTensors[i]!))),
  );
}

/** Runs a plan and hands the fetched tensors to the caller, who then owns them (folding). */
export function executePlanForTensors(plan: Plan): tfc.Tensor[] {
  return withRun(plan, [], (slots) =>
    Array.from(plan.fetchSlots, (slot) => {
      const v = slots[slot];
      if (isCell(v) || !(v instanceof tfc.Tensor) || !plan.owned[slot]) throw new Error('only computed tensors can be taken');
      slots[slot] = null;
      return v;
    }),
  );
}

function withRun<R>(plan: Plan, feeds: readonly {tensor: Tensor; value: NDArray}[], read: (slots: (KernelArg | null)[]) => R): R {
  const {slots, owned} = plan;
  try {
    feeds.forEach((f, i) => (slots[plan.feedSlots[i]] = toTfjs(f.value, f.tensor.dtype)));
    plan.constSlots.forEach((slot, i) => (slots[slot] = plan.constValues[i]));
    for (const step of plan.steps) runStep(step, slots);
    return read(slots);
  } finally {
    for (let s = 0; s < slots.length; s++) {
      const v = slots[s];
      if (v !== null && owned[s] && v instanceof tfc.Tensor) v.dispose();
      slots[s] = null;
    }
  }
}

function runStep(step: Step, slots: (KernelArg | null)[]): void {
  const {args, inMode, inSlot, op} = step;
  for (let i = 0, k = 0; i < inMode.length; i++) {
    const mode = inMode[i];
    if (mode === InMode.Fixed) continue;
    const v = slots[inSlot[k++]]!;
    if (mode === InMode.Ref) {
      if (!isCell(v)) throw opError(InvalidArgumentError, op, `Input ${i} of '${op.name}' must be a variable reference; a fed value cannot be assigned to.`);
      args[i] = v;
    } else {
      const t = isCell(v) ? readCell(v, step.readVia[i] ?? op) : (v as tfc.Tensor);
      args[i] = mode === InMode.Host ? fromTfjs(t, op.inputs[i].dtype) : t;
    }
  }
  let outs: KernelArg[];
  try {
    outs = tidyKernel(step);
  } catch (e) {
    throw asOpError(e, step);
  } finally {
    // Release this run's values; host values fixed at compile time stay.
    for (let i = 0; i < inMode.length; i++) if (inMode[i] !== InMode.Fixed) args[i] = undefined as never;
  }
  for (let o = 0; o < outs.length; o++) {
    let out: KernelArg = outs[o];
    // A kernel that hands back an input would let the slot be disposed twice: give it its own handle.
    if (inputsInclude(step, out, slots)) out = aliasOf(out as tfc.Tensor);
    const slot = step.outSlot[o];
    if (slot >= 0) slots[slot] = out;
    else if (out instanceof tfc.Tensor) out.dispose();
  }
  for (const slot of step.frees) {
    const v = slots[slot];
    if (v instanceof tfc.Tensor) v.dispose();
    slots[slot] = null;
  }
}

/** Runs a kernel so that its intermediate tfjs tensors are disposed, keeping only its outputs. */
function tidyKernel(step: Step): KernelArg[] {
  tfc.engine().startScope();
  let outs: KernelArg[] = [];
  try {
    outs = step.def.kernel(step.args, step.op.attrs, step.ctx);
  } finally {
    tfc.engine().endScope(outs.filter((o): o is tfc.Tensor => o instanceof tfc.Tensor));
  }
  return outs;
}

function inputsInclude(step: Step, out: KernelArg, slots: (KernelArg | null)[]): boolean {
  if (!(out instanceof tfc.Tensor)) return false;
  for (const s of step.inSlot) {
    const v = slots[s];
    if (v === out || (isCell(v) && v.value === out)) return true;
  }
  return false;
}

/** A variable's current value; the error names the op that reads it (TF names `w/read`). */
function readCell(cell: {value: tfc.Tensor | null; op: {name: string}}, reader: Operation): tfc.Tensor {
  if (cell.value === null) {
    throw opError(FailedPreconditionError, reader, `Attempting to use uninitialized value ${cell.op.name}`);
  }
  return cell.value;
}

/** Errors from a kernel: ours pass through; tfjs's become InvalidArgumentError naming the op. */
function asOpError(e: unknown, step: Step): Error {
  if (e instanceof OpError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  return opError(InvalidArgumentError, step.op, msg);
}

function fetchedValue(v: KernelArg | null, t: Tensor): FetchedValue {
  let value = v as tfc.Tensor;
  if (isCell(v)) {
    if (v.value === null) {
      throw opError(FailedPreconditionError, v.op, `Attempting to use uninitialized value ${v.op.name}`);
    }
    value = v.value;
  }
  const a = fromTfjs(value, t.dtype);
  if (a.dims.length > 0) return a;
  const x = a.scalarAt(0);
  return typeof x === 'number' && a.data instanceof Float32Array ? shortestFloat32(x) : x;
}
