/**
 * Build-time constant values (TF's `tensor_util.constant_value`), for shape rules that need an
 * input's value: Reshape's shape, a reduction's axis, Fill's dims …
 *
 * Beyond TF's handful of special cases, any stateless op whose inputs are all constant is
 * evaluated by its own kernel, once, and the result kept on the op.
 */
import * as tfc from '@tensorflow/tfjs-core';
import {NDArray} from '../ndarray/ndarray';
import {ValueError} from './errors';
import {flatInputSpecs, type KernelContext} from './registry';
import type {Tensor} from './tensor';
import type {Operation} from './operation';
import {fromTfjs, toTfjs} from './tfjs_values';

/** Values larger than this are not folded at build time (they would only cost memory). */
const FOLD_LIMIT = 1 << 16;

export function constant_value(t: Tensor): NDArray | null {
  const op = t.op;
  if (!op._constValues) op._constValues = foldOp(t);
  return op._constValues[t.value_index];
}

function foldOp(t: Tensor): (NDArray | null)[] {
  const op = t.op;
  const none = op.outputs.map(() => null);
  switch (op.type) {
    case 'Const':
      return [op.attrs.value as NDArray];
    case 'Shape': {
      const s = op.inputs[0].shape;
      return s.is_fully_defined() ? [NDArray.from(Int32Array.from(s.dims))] : none;
    }
    case 'Size': {
      const n = op.inputs[0].shape.num_elements();
      return n === null ? none : [new NDArray(Int32Array.of(n), [], 'int32')];
    }
    case 'Rank': {
      const r = op.inputs[0].shape.ndims;
      return r === null ? none : [new NDArray(Int32Array.of(r), [], 'int32')];
    }
  }
  const specs = flatInputSpecs(op.def, op.attrs);
  if (op.def.stateful || op.def.mutating || specs.some((s) => s.ref)) return none;
  if (op.outputs.some((o) => o.dtype.base === 'string')) return none;
  const values = op.inputs.map(constant_value);
  if (values.some((v) => v === null || v.size > FOLD_LIMIT)) return none;
  return evaluateOnHost(op, values as NDArray[]);
}

/** Runs a stateless op's kernel on host values (null outputs if the kernel fails on them). */
export function evaluateOnHost(op: Operation, values: readonly NDArray[]): (NDArray | null)[] {
  const specs = flatInputSpecs(op.def, op.attrs);
  const ctx: KernelContext = {
    op,
    variable: () => {
      throw new ValueError('no variables at build time');
    },
    fail: (message) => {
      throw new ValueError(message);
    },
    randomSeed: () => {
      throw new ValueError('no random values at build time');
    },
    state: () => {
      throw new ValueError('no op state at build time');
    },
  };
  let outs: tfc.Tensor[];
  try {
    outs = tfc.tidy(() =>
      op.def.kernel(values.map((v, i) => (specs[i].host ? v : toTfjs(v, op.inputs[i].dtype))), op.attrs, ctx) as tfc.Tensor[],
    );
  } catch {
    // A kernel that fails on these values fails again, with its message, when the graph runs.
    return op.outputs.map(() => null);
  }
  try {
    return outs.map((o, i) => fromTfjs(o, op.outputs[i].dtype));
  } finally {
    tfc.dispose(outs);
  }
}
