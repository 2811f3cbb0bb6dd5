/**
 * Variable ops: `VariableV2` (whose output is the variable itself, TF's ref) and the ops that
 * write it. Their values live in the Session (session/variable_store.ts).
 */
import * as tfc from '@tensorflow/tfjs-core';
import {bool, type DType} from '../framework/dtypes';
import {applyOp} from '../framework/op_builder';
import {defineOp, type KernelContext, type VarCell} from '../framework/registry';
import type {Tensor} from '../framework/tensor';
import type {TensorLike} from '../framework/constant_op';
import {bracket, TensorShape} from '../framework/tensor_shape';

export const VariableV2 = defineOp<{shape: TensorShape; dtype: DType; container: string; shared_name: string}>({
  type: 'VariableV2',
  inputs: [],
  stateful: true,
  infer: ({attrs}) => [{dtype: attrs.dtype._as_ref, shape: attrs.shape}],
  kernel: (_, __, ctx) => [ctx.variable(ctx.op)],
  grad: null,
});

function initialized(cell: VarCell, ctx: KernelContext): tfc.Tensor {
  return cell.value ?? ctx.fail(`Attempting to use uninitialized value ${cell.op.name}`, 'FailedPrecondition');
}

function refShape(ref: Tensor, value: Tensor, validate: boolean, ctx: {fail(m: string): never}): TensorShape {
  if (!validate) return value.shape;
  if (ref.shape.ndims !== null && value.shape.ndims !== null && ref.shape.ndims !== value.shape.ndims) {
    ctx.fail(`Shapes must be equal rank, but are ${ref.shape.ndims} and ${value.shape.ndims}`);
  }
  if (!ref.shape.is_compatible_with(value.shape)) {
    const d = ref.shape.dims!.findIndex((x, i) => x !== null && value.shape.dims![i] !== null && x !== value.shape.dims![i]);
    ctx.fail(`Dimension ${d} in both shapes must be equal, but are ${ref.shape.dims![d]} and ${value.shape.dims![d]}`);
  }
  return ref.shape.merge_with(value.shape);
}

const Assign = defineOp<{validate_shape: boolean; use_locking: boolean}, [VarCell, tfc.Tensor]>({
  type: 'Assign',
  inputs: [{name: 'ref', ref: true}, 'value'],
  stateful: true,
  mutating: true,
  infer: (ctx) => [{dtype: ctx.inputs[0].dtype, shape: refShape(ctx.inputs[0], ctx.inputs[1], ctx.attrs.validate_shape, ctx)}],
  kernel: ([ref, value], {validate_shape}, ctx) => {
    if (validate_shape) {
      const declared = ref.value?.shape ?? (ref.op.attrs.shape as TensorShape).dims;
      const known = declared !== null && declared.every((d) => d !== null);
      if (known && (declared.length !== value.shape.length || declared.some((d, i) => d !== value.shape[i]))) {
        ctx.fail(`Assign requires shapes of both tensors to match. lhs shape= ${bracket(declared)} rhs shape= ${bracket(value.shape)}`);
      }
    }
    ref.set(value);
    return [ref];
  },
  grad: null,
});

function updateOp(type: 'AssignAdd' | 'AssignSub', f: (a: tfc.Tensor, b: tfc.Tensor) => tfc.Tensor) {
  return defineOp<{use_locking: boolean}, [VarCell, tfc.Tensor]>({
    type,
    inputs: [{name: 'ref', ref: true}, 'value'],
    stateful: true,
    mutating: true,
    infer: (ctx) => [{dtype: ctx.inputs[0].dtype, shape: refShape(ctx.inputs[0], ctx.inputs[1], true, ctx)}],
    kernel: ([ref, value], _, ctx) => {
      const old = initialized(ref, ctx);
      if (old.shape.length !== value.shape.length || old.shape.some((d, i) => d !== value.shape[i])) {
        ctx.fail(`Cannot update variable with shape ${bracket(old.shape)} using a Tensor with shape ${bracket(value.shape)}, shapes must be equal.`);
      }
      ref.set(f(old, value));
      return [ref];
    },
    grad: null,
  });
}

const AssignAdd = updateOp('AssignAdd', tfc.add);
const AssignSub = updateOp('AssignSub', tfc.sub);

const IsVariableInitialized = defineOp<Record<string, never>, [VarCell]>({
  type: 'IsVariableInitialized',
  inputs: [{name: 'ref', ref: true, typeAttr: 'dtype'}],
  stateful: true,
  infer: () => [{dtype: bool, shape: TensorShape.scalar()}],
  kernel: ([ref]) => [tfc.scalar(ref.value !== null, 'bool')],
  grad: null,
});

export interface AssignOptions {
  validate_shape?: boolean;
  use_locking?: boolean;
  name?: string;
}

/** `tf.assign(ref, value, validate_shape, use_locking, name)`: returns the variable after the update. */
export function assign(ref: unknown, value: TensorLike, opts: AssignOptions = {}): Tensor {
  const attrs = {validate_shape: opts.validate_shape ?? true, use_locking: opts.use_locking ?? true};
  return applyOp(Assign, [ref, value], attrs, opts.name ?? 'Assign').outputs[0];
}

/** `tf.assign_add(ref, value, use_locking, name)`. */
export function assign_add(ref: unknown, value: TensorLike, opts: Omit<AssignOptions, 'validate_shape'> = {}): Tensor {
  return applyOp(AssignAdd, [ref, value], {use_locking: opts.use_locking ?? false}, opts.name ?? 'AssignAdd').outputs[0];
}

/** `tf.assign_sub(ref, value, use_locking, name)`. */
export function assign_sub(ref: unknown, value: TensorLike, opts: Omit<AssignOptions, 'validate_shape'> = {}): Tensor {
  return applyOp(AssignSub, [ref, value], {use_locking: opts.use_locking ?? false}, opts.name ?? 'AssignSub').outputs[0];
}

/** `tf.is_variable_initialized(variable)`. */
export function is_variable_initialized(ref: unknown, name?: string): Tensor {
  return applyOp(IsVariableInitialized, [ref], {}, name ?? 'IsVariableInitialized').outputs[0];
}
