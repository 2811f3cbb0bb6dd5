/**
 * The array-op family, one file per kind (each under ~400 lines):
 *   array_ops_basic   placeholder, placeholder_with_default, identity, stop_gradient, check_numerics
 *   array_ops_fill    fill, zeros, ones, zeros_like, ones_like
 *   array_ops_info    shape, size, rank
 *   array_ops_shape   reshape, transpose, expand_dims, squeeze, tile
 *   array_ops_pack    stack's Pack op and TF's auto-packing of lists that hold tensors
 *   array_ops_join    stack, unstack, concat, split
 *   array_ops_index   slice, gather, one_hot
 *   array_ops_strided strided_slice
 *   array_ops_range   range, lin_space / linspace
 *   array_ops_pad     pad
 * Only the public functions are exported from here.
 */
export {placeholder, placeholder_with_default, identity, stop_gradient, check_numerics} from './array_ops_basic';
export type {PlaceholderOptions} from './array_ops_basic';
export {fill, zeros, ones, zeros_like, ones_like} from './array_ops_fill';
export type {FilledOptions, LikeOptions} from './array_ops_fill';
export {shape, size, rank} from './array_ops_info';
export type {ShapeOptions} from './array_ops_info';
export {reshape, transpose, expand_dims, squeeze, tile} from './array_ops_shape';
export type {TransposeOptions, ExpandDimsOptions, SqueezeOptions} from './array_ops_shape';
export {stack, unstack, concat, split} from './array_ops_join';
export type {ConcatOptions, StackOptions, SplitOptions} from './array_ops_join';
export {slice, gather, one_hot} from './array_ops_index';
export type {GatherOptions, OneHotOptions} from './array_ops_index';
export {strided_slice} from './array_ops_strided';
export type {StridedSliceOptions} from './array_ops_strided';
export {range, lin_space, linspace} from './array_ops_range';
export type {RangeOptions} from './array_ops_range';
export {pad} from './array_ops_pad';
export type {PadOptions} from './array_ops_pad';
