/**
 * Slot variables (an optimizer's per-variable state, e.g. Adam's `m` and `v`), created as TF1's
 * slot_creator does: a non-trainable variable named `<var>/<optimizer>` (`w/Adam`, `w/Adam_1`),
 * through a variable scope with a unique default name, so `global_variables_initializer`
 * initializes it and a Saver saves it.
 */
import type {DType} from '../framework/dtypes';
import type {TensorShape} from '../framework/tensor_shape';
import {within} from '../framework/context';
import {get_variable, variable_scope, type InitializerLike} from '../ops/variable_scope';
import {zeros_initializer} from '../ops/init_ops';
import type {Variable} from '../ops/variables';

/** A slot initialized by `initializer` with the given shape and dtype. */
export function create_slot_with_initializer(
  primary: Variable,
  initializer: InitializerLike,
  shape: TensorShape,
  dtype: DType,
  name: string,
): Variable {
  return within(variable_scope(null, {default_name: `${primary.op.name}/${name}`}), () =>
    // An empty name makes the variable's name the scope's own (`w/Adam`), as in TF1.
    get_variable('', {shape: shape.as_list() as number[], dtype, initializer, trainable: false}),
  );
}

/** A slot of zeros shaped like `primary`. */
export function create_zeros_slot(primary: Variable, name: string): Variable {
  const dtype = primary.dtype.base_dtype;
  return create_slot_with_initializer(primary, zeros_initializer(dtype), primary.shape, dtype, name);
}
