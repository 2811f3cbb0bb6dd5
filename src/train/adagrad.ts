/**
 * `tf.train.AdagradOptimizer(learning_rate, initial_accumulator_value=0.1, use_locking, name)`:
 * accum += grad²; var -= lr · grad / sqrt(accum). The accumulator slot starts at 0.1, as TF1's.
 */
import {kwargs} from '../framework/args';
import {ValueError} from '../framework/errors';
import type {Operation} from '../framework/operation';
import type {Tensor} from '../framework/tensor';
import {constant_initializer} from '../ops/init_ops';
import type {Variable} from '../ops/variables';
import {Optimizer, hyperTensor} from './optimizer';
import {training_ops} from './training_ops';
import type {Hyper} from './gradient_descent';

export class AdagradOptimizer extends Optimizer {
  private readonly a: {learning_rate: Hyper; initial_accumulator_value: number};
  private lr!: Tensor;

  constructor(learning_rate: Hyper, ...rest: unknown[]) {
    const a = kwargs('AdagradOptimizer', [learning_rate, ...rest], ['learning_rate', 'initial_accumulator_value', 'use_locking', 'name'], {
      learning_rate: undefined as unknown as Hyper,
      initial_accumulator_value: 0.1,
      use_locking: false,
      name: 'Adagrad',
    });
    if (a.initial_accumulator_value <= 0) {
      throw new ValueError(`initial_accumulator_value must be positive: ${a.initial_accumulator_value}`);
    }
    super(a.use_locking, a.name);
    this.a = a;
  }

  protected override _create_slots(vars: Variable[]): void {
    for (const v of vars) {
      const dtype = v.dtype.base_dtype;
      this._get_or_make_slot_with_initializer(v, constant_initializer(this.a.initial_accumulator_value, dtype), dtype, 'accumulator', this._name);
    }
  }

  protected override _prepare(): void {
    this.lr = hyperTensor(this.a.learning_rate, 'learning_rate');
  }

  protected _apply_dense(grad: Tensor, v: Variable): Operation {
    const acc = this.get_slot_or_throw(v, 'accumulator');
    return training_ops.apply_adagrad(v, acc, this.hyper(this.lr, v), grad, this._use_locking).op;
  }
}
