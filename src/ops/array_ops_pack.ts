/**
 * Stacking: the Pack op, and TF's auto-packing, by which a JS list that holds tensors (a shape
 * `[4, tf.size(x)]`) converts to a Pack of its elements.
 */
import * as tfc from '@tensorflow/tfjs-core';
import {int32, type DType} from '../framework/dtypes';
import {constant, convert_to_tensor, isArrayLike, registerTensorConversion} from '../framework/constant_op';
import {within} from '../framework/context';
import {get_default_graph, isTensor} from '../framework/graph';
import {applyOp} from '../framework/op_builder';
import type {Operation} from '../framework/operation';
import {defineOp, type Attrs, type RegisteredOp, type ShapeContext} from '../framework/registry';
import type {Tensor} from '../framework/tensor';
import {bracket, TensorShape, type Dim} from '../framework/tensor_shape';
import {unstack} from './array_ops_join';
import {cast} from './math_ops';
import {mergeShapes} from './shape_utils';

/** TF's TF_RETURN_WITH_CONTEXT_IF_ERROR: the shape rule's messages get a context line. */
function withContext(ctx: ShapeContext, context: string): ShapeContext {
  return {...ctx, constValue: (i) => ctx.constValue(i), fail: (m) => ctx.fail(`${m}\n\t${context}`)};
}

/** TF's GetAxisForPackAndUnpack. */
export function packAxis(ctx: ShapeContext, axis: number, rank: number): number {
  if (axis < -rank || axis >= rank) ctx.fail(`Invalid axis: ${axis}; must be in [${-rank},${rank})`);
  return axis < 0 ? axis + rank : axis;
}

export const Pack = defineOp<{N: number; T: DType; axis: number}, tfc.Tensor[]>({
  type: 'Pack',
  inputs: [{name: 'values', list: true}],
  infer: (ctx) => {
    const n = ctx.inputs.length;
    let cur = ctx.inputs[n - 1].shape;
    for (let i = n - 2; i >= 0; i--) {
      cur = mergeShapes(withContext(ctx, `From merging shape ${i} with other shapes.`), ctx.inputs[i].shape, cur);
    }
    const dtype = ctx.inputs[0].dtype.base_dtype;
    if (cur.dims === null) return [{dtype, shape: TensorShape.unknown()}];
    const dims: Dim[] = [...cur.dims];
    dims.splice(packAxis(ctx, ctx.attrs.axis, dims.length + 1), 0, n);
    return [{dtype, shape: new TensorShape(dims)}];
  },
  kernel: (values, {axis}, ctx) => {
    for (let i = 1; i < values.length; i++) {
      if (values[i].shape.join() !== values[0].shape.join()) {
        ctx.fail(`Shapes of all inputs must match: values[0].shape = ${bracket(values[0].shape)} != values[${i}].shape = ${bracket(values[i].shape)}`);
      }
    }
    return [tfc.stack(values, axis < 0 ? axis + values[0].rank + 1 : axis)];
  },
  // TF's _PackGrad: the gradient unstacked along the packing axis.
  grad: ({attrs}, [grad]) => unstack(grad!, {num: attrs.N as number, axis: attrs.axis as number}),
});

/** A JS list holding a tensor (or a Variable, or anything else converting to one) at some depth. */
export function holdsTensor(x: unknown): x is unknown[] {
  return Array.isArray(x) && !isArrayLike(x);
}

/** The dtype of the first tensor in a nested list, depth first (TF's _get_dtype_from_nested_lists). */
function nestedDtype(list: readonly unknown[]): DType | null {
  for (const e of list) {
    if (Array.isArray(e)) {
      const d = nestedDtype(e);
      if (d) return d;
    } else if (!isArrayLike(e)) {
      return convert_to_tensor(e).dtype.base_dtype;
    }
  }
  return null;
}

/**
 * TF's auto-packing (`_autopacking_helper`): a JS list holding tensors becomes a Pack named `name`
 * of its elements, tensors as they are, nested lists packed the same way (under the scope `i`),
 * JS values as constants `i` of the tensors' dtype. Any other value is returned as it is.
 */
export function autopack(value: unknown, name: string, dtype?: DType | null): unknown {
  if (!holdsTensor(value)) return value;
  return packList(value, dtype ?? nestedDtype(value) ?? int32, name);
}

function packList(list: readonly unknown[], dtype: DType, name: string): Tensor | unknown[] {
  return within(get_default_graph().name_scope(name), (scope) => {
    let mustPack = false;
    const elems = list.map((e, i) => {
      if (Array.isArray(e)) {
        const p = packList(e, dtype, String(i));
        if (!Array.isArray(p)) mustPack = true;
        return p;
      }
      if (isArrayLike(e)) return e;
      mustPack = true;
      const t = convert_to_tensor(e);
      if (t.dtype.base_dtype !== dtype) {
        throw new TypeError(`Cannot convert a list containing a tensor of dtype ${t.dtype} to ${dtype} (Tensor is: ${t.repr()})`);
      }
      return t;
    });
    if (!mustPack) return elems;
    const tensors = elems.map((e, i) => (isArrayLike(e) || Array.isArray(e) ? constant(e as never, dtype, null, String(i)) : (e as Tensor)));
    return applyOp(Pack, [tensors], {axis: 0}, scope.value).outputs[0];
  });
}

/** TF's _cast_nested_seqs_to_dtype: the tensors of a nested list cast to `dtype`. */
function castNested(list: readonly unknown[], dtype: DType): unknown[] {
  return list.map((e) => {
    if (Array.isArray(e)) return castNested(e, dtype);
    if (isArrayLike(e)) return e;
    const t = convert_to_tensor(e);
    return t.dtype.base_dtype === dtype ? t : cast(t, dtype);
  });
}

// TF's _autopacking_conversion_function: `tf.convert_to_tensor([n, 3])`, and any op input given a
// list holding tensors, packs it (named `packed` unless the input names it); a requested dtype
// casts the tensors of another dtype first.
registerTensorConversion(holdsTensor, (value, dtype, name) => {
  const list = value as unknown[];
  const inferred = nestedDtype(list) ?? int32;
  const target = dtype?.base_dtype ?? inferred;
  return autopack(target === inferred ? list : castNested(list, target), name ?? 'packed', target) as Tensor;
});

/**
 * `applyOp` for functions whose inputs may be JS lists holding tensors (a shape `[4, tf.size(x)]`):
 * inside the op's name scope, the inputs convert in order, as TF's op_def_library converts them,
 * those lists auto-packed and named after the input, JS values taking the dtype their type attr
 * gets from the other inputs.
 */
export function applyPacked(def: RegisteredOp, inputs: readonly unknown[], attrs: Attrs, name: string): Operation {
  const specs = def.inputSpecs;
  const packs = (x: unknown, i: number) => !specs[i].list && holdsTensor(x);
  if (!inputs.some(packs)) return applyOp(def, inputs, attrs, name);
  const bound = new Map<string, DType>();
  inputs.forEach((x, i) => {
    const dtype = isTensor(x) ? x.dtype.base_dtype : packs(x, i) ? nestedDtype(x as unknown[]) : null;
    if (dtype && !specs[i].fixed) bound.set(specs[i].typeAttr ?? 'T', dtype);
  });
  return within(get_default_graph().name_scope(name), (scope) => {
    const converted = inputs.map((x, i) => {
      const spec = specs[i];
      if (packs(x, i)) return autopack(x, spec.name);
      if (spec.list || !isArrayLike(x)) return x;
      return convert_to_tensor(x, spec.fixed ?? bound.get(spec.typeAttr ?? 'T') ?? null, spec.name, spec.defaultDtype ?? null);
    });
    return applyOp(def, converted, attrs, scope.value);
  });
}
