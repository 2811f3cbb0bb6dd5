/**
 * A tensor's shape as tensors: `tf.shape`, `tf.size`, `tf.rank`. As TF1 does, these are Consts
 * when the static shape already tells (its `optimize=True`), and Shape/Size/Rank ops otherwise.
 */
import * as tfc from '@tensorflow/tfjs-core';
import {as_dtype, int32, type DType, type DTypeLike} from '../framework/dtypes';
import {constant, convert_to_tensor, type TensorLike} from '../framework/constant_op';
import {within} from '../framework/context';
import {get_default_graph} from '../framework/graph';
import {applyOp} from '../framework/op_builder';
import {defineOp} from '../framework/registry';
import type {Tensor} from '../framework/tensor';
import {TensorShape} from '../framework/tensor_shape';
import {bindArgs} from '../framework/args';

const OUT_TYPES = ['int32', 'int64'];

const Shape = defineOp<{T: DType; out_type: DType}, [tfc.Tensor]>({
  type: 'Shape',
  inputs: ['input'],
  infer: (ctx) => [{dtype: ctx.attrs.out_type, shape: new TensorShape([ctx.inputs[0].shape.ndims])}],
  kernel: ([input]) => [tfc.tensor1d(input.shape, 'int32')],
  grad: null,
});

const Size = defineOp<{T: DType; out_type: DType}, [tfc.Tensor]>({
  type: 'Size',
  inputs: ['input'],
  infer: (ctx) => [{dtype: ctx.attrs.out_type, shape: TensorShape.scalar()}],
  kernel: ([input]) => [tfc.scalar(input.size, 'int32')],
  grad: null,
});

const Rank = defineOp<{T: DType}, [tfc.Tensor]>({
  type: 'Rank',
  inputs: ['input'],
  infer: () => [{dtype: int32, shape: TensorShape.scalar()}],
  kernel: ([input]) => [tfc.scalar(input.rank, 'int32')],
  grad: null,
});

function outType(dtype: DTypeLike | null | undefined): DType {
  const dt = as_dtype(dtype ?? int32).base_dtype;
  if (!OUT_TYPES.includes(dt.name)) {
    throw new TypeError(`Value passed to parameter 'out_type' has DataType ${dt.name} not in list of allowed values: int32, int64`);
  }
  return dt;
}

/**
 * TF's `shape_internal`: inside the name scope, a Const when the shape is fully defined (named
 * `shape_as_tensor` when no out_type is asked, as TF's TensorShape conversion names it), else a
 * Shape op.
 */
export function shapeInternal(input: TensorLike, name: string | null, optimize: boolean, out_type: DType | null): Tensor {
  return within(get_default_graph().name_scope(name ?? 'Shape'), (scope) => {
    const t = convert_to_tensor(input);
    const s = t.shape;
    if (optimize && s.is_fully_defined()) {
      if (out_type === null) return constant(s.dims, int32, null, 'shape_as_tensor');
      return constant(s.dims, out_type, null, scope.value);
    }
    return applyOp(Shape, [t], {out_type: out_type ?? int32}, scope.value).outputs[0];
  });
}

export interface ShapeOptions {
  name?: string;
  out_type?: DTypeLike;
  optimize?: boolean;
}

/** `tf.shape(input, name=None, out_type=tf.int32)`. */
export function shape(input: TensorLike, name?: string | null | ShapeOptions, out_type?: DTypeLike | ShapeOptions): Tensor {
  const o = bindArgs<ShapeOptions>('shape', ['name', 'out_type'], [name, out_type]);
  return shapeInternal(input, o.name ?? null, o.optimize ?? true, outType(o.out_type));
}

/** `tf.size(input, name=None, out_type=tf.int32)`: the number of elements. */
export function size(input: TensorLike, name?: string | null | ShapeOptions, out_type?: DTypeLike | ShapeOptions): Tensor {
  const o = bindArgs<ShapeOptions>('size', ['name', 'out_type'], [name, out_type]);
  const dt = outType(o.out_type);
  return within(get_default_graph().name_scope(o.name ?? 'Size'), (scope) => {
    const t = convert_to_tensor(input);
    const s = t.shape;
    if (o.optimize ?? true) {
      const n = s.num_elements();
      if (n !== null) return constant(n, dt, null, scope.value);
      if (s.dims !== null && s.dims.includes(0)) return constant(0, dt, null, scope.value);
    }
    return applyOp(Size, [t], {out_type: dt}, scope.value).outputs[0];
  });
}

/** `tf.rank(input, name=None)`: the number of dimensions, as an int32 scalar. */
export function rank(input: TensorLike, name?: string | null | ShapeOptions): Tensor {
  const o = bindArgs<ShapeOptions>('rank', ['name'], [name]);
  return within(get_default_graph().name_scope(o.name ?? 'Rank'), (scope) => {
    const t = convert_to_tensor(input);
    const r = t.shape.ndims;
    if ((o.optimize ?? true) && r !== null) return constant(r, int32, null, scope.value);
    return applyOp(Rank, [t], {}, scope.value).outputs[0];
  });
}
