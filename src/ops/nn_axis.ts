/**
 * How TF1's nn functions bring a class axis to where their kernels want it: moved last by a
 * transpose, outer dimensions flattened by a reshape. Built from graph ops exactly as TF's
 * nn_ops.py builds them (`_wrap_2d_function`, `_move_dim_to_end`, `_flatten_outer_dims`), so
 * the graphs, and the names in them, are TF's.
 */
import type {Tensor} from '../framework/tensor';
import type {TensorLike} from '../framework/constant_op';
import {InvalidArgumentError} from '../framework/errors';
import {get_default_graph} from '../framework/graph';
import {within} from '../framework/context';
import {subtract} from './math_ops';
import {concat, range, rank, reshape, shape, slice, transpose} from './array_ops';
import {autopack} from './array_ops_pack';

type Name = string | null | undefined;

/**
 * `tf.concat(values, axis)` where elements of `values` may be lists holding tensors: TF converts
 * each such element by auto-packing it, as `concat/values_<i>` (array_ops' concat converts JS
 * values in the list, not lists holding tensors, so they are packed here, in its scope).
 */
function concatPacked(values: readonly unknown[], axis: number): Tensor {
  return within(get_default_graph().name_scope('concat'), (scope) => {
    const packed = values.map((v, i) => autopack(v, `values_${i}`)) as TensorLike[];
    return concat(packed, axis, scope.value);
  });
}

/** TF's `_swap_axis`: the permutation exchanging `dim` and `last`. */
function swapAxis(x: Tensor, dim: number | Tensor, last: Tensor, name?: Name): Tensor {
  const perm = concatPacked([range(dim), [last], range(typeof dim === 'number' ? dim + 1 : dim.add(1), last), [dim]], 0);
  return transpose(x, perm, name ?? undefined);
}

/**
 * TF's `_wrap_2d_function`: `compute` runs on the last axis; any other `dim` is swapped with the
 * last one before and after (the result keeps the input's static shape). An out-of-range `dim`
 * is TF's InvalidArgumentError, raised while building.
 */
export function moveAxisAndApply(x: Tensor, dim: number, name: Name, compute: (x: Tensor, name: Name) => Tensor): Tensor {
  const staticShape = x.shape;
  const ndims = staticShape.ndims;
  if (dim === -1 || (ndims !== null && dim === ndims - 1)) return compute(x, name);
  if (ndims === null) throw new TypeError('softmax along an axis other than the last needs a tensor of known rank');
  if (dim < -ndims || dim >= ndims) {
    throw new InvalidArgumentError(
      null,
      null,
      `\`dim\` must be in the range [${-ndims}, ${ndims}) where ${ndims} is the number of dimensions in the input. Received: dim=${dim}`,
    );
  }
  // TF adds the rank tensor to a negative dim (`dim += ndims`), then takes it modulo the static rank.
  const ndimsTensor = rank(x);
  const shifted = dim < 0 ? ndimsTensor.radd(dim) : dim;
  const inputRank = rank(x);
  const dimAxis = typeof shifted === 'number' ? shifted % ndims : shifted.mod(ndims);
  const swapped = swapAxis(x, dimAxis, subtract(inputRank, 1));
  const out = swapAxis(compute(swapped, null), dimAxis, subtract(inputRank, 1), name);
  out.set_shape(staticShape);
  return out;
}

/** TF's `_move_dim_to_end`: transposes axis `dim` to the end. */
export function moveAxisToEnd(x: Tensor, dim: number, inputRank: Tensor): Tensor {
  return transpose(x, concat([range(dim), range(dim + 1, inputRank), [dim]], 0));
}

/** TF's `_flatten_outer_dims`: reshapes to [-1, last dim], with the static shape where known. */
export function flattenOuterDims(x: Tensor): Tensor {
  const r = rank(x);
  const lastDimSize = slice(shape(x), [subtract(r, 1)], [1]);
  const out = reshape(x, concat([[-1], lastDimSize], 0));
  const dims = x.shape.dims;
  if (dims !== null && dims.slice(0, -1).every((d) => d !== null)) {
    const product = (dims.slice(0, -1) as number[]).reduce((a, b) => a * b, 1);
    out.set_shape([product, dims[dims.length - 1]]);
  }
  return out;
}
