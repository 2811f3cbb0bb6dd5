/**
 * `tf.train.FtrlOptimizer(learning_rate, learning_rate_power=-0.5, initial_accumulator_value=0.1,
 * l1_regularization_strength=0.0, l2_regularization_strength=0.0, use_locking, name,
 * accum_name, linear_name, l2_shrinkage_regularization_strength=0.0)`: FTRL-proximal, slots
 * `accum` (starting at 0.1) and `linear`.
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

interface FtrlArgs {
  learning_rate: Hyper;
  learning_rate_power: number;
  initial_accumulator_value: number;
  l1_regularization_strength: number;
  l2_regularization_strength: number;
  use_locking: boolean;
  name: string;
  accum_name: string | null;
  linear_name: string | null;
  l2_shrinkage_regularization_strength: number;
}

export class FtrlOptimizer extends Optimizer {
  private readonly a: FtrlArgs;
  private t!: Record<'lr' | 'l1' | 'l2' | 'shrinkage' | 'power', Tensor>;

  constructor(learning_rate: Hyper, ...rest: unknown[]) {
    const a = kwargs<FtrlArgs>('FtrlOptimizer', [learning_rate, ...rest], [
      'learning_rate', 'learning_rate_power', 'initial_accumulator_value', 'l1_regularization_strength',
      'l2_regularization_strength', 'use_locking', 'name', 'accum_name', 'linear_name', 'l2_shrinkage_regularization_strength',
    ], {
      learning_rate: undefined as unknown as Hyper,
      learning_rate_power: -0.5,
      initial_accumulator_value: 0.1,
      l1_regularization_strength: 0.0,
      l2_regularization_strength: 0.0,
      use_locking: false,
      name: 'Ftrl',
      accum_name: null,
      linear_name: null,
      l2_shrinkage_regularization_strength: 0.0,
    });
    const checks: [string, number, boolean][] = [
      ['initial_accumulator_value', a.initial_accumulator_value, a.initial_accumulator_value < 0],
      ['learning_rate_power', a.learning_rate_power, a.learning_rate_power > 0],
      ['l1_regularization_strength', a.l1_regularization_strength, a.l1_regularization_strength < 0],
      ['l2_regularization_strength', a.l2_regularization_strength, a.l2_regularization_strength < 0],
      ['l2_shrinkage_regularization_strength', a.l2_shrinkage_regularization_strength, a.l2_shrinkage_regularization_strength < 0],
    ];
    for (const [name, value, bad] of checks) {
      if (bad) throw new ValueError(`${name} ${value} must be ${name === 'learning_rate_power' ? 'less than or equal to 0.0' : 'greater than or equal to 0.0'}.`);
    }
    super(a.use_locking, a.name);
    this.a = a;
  }

  protected override _create_slots(vars: Variable[]): void {
    for (const v of vars) {
      const dtype = v.dtype.base_dtype;
      this._get_or_make_slot_with_initializer(v, constant_initializer(this.a.initial_accumulator_value, dtype), dtype, 'accum', this.a.accum_name ?? this._name);
      this._zeros_slot(v, 'linear', this.a.linear_name ?? this._name);
    }
  }

  protected override _prepare(): void {
    this.t = {
      lr: hyperTensor(this.a.learning_rate, 'learning_rate'),
      l1: hyperTensor(this.a.l1_regularization_strength, 'l1_regularization_strength'),
      l2: hyperTensor(this.a.l2_regularization_strength, 'l2_regularization_strength'),
      shrinkage: hyperTensor(this.a.l2_shrinkage_regularization_strength, 'l2_shrinkage_regularization_strength'),
      power: hyperTensor(this.a.learning_rate_power, 'learning_rate_power'),
    };
  }

  protected _apply_dense(grad: Tensor, v: Variable): Operation {
    const h = (t: Tensor) => this.hyper(t, v);
    const accum = this.get_slot_or_throw(v, 'accum');
    const linear = this.get_slot_or_throw(v, 'linear');
    const {lr, l1, l2, shrinkage, power} = this.t;
    if (this.a.l2_shrinkage_regularization_strength <= 0) {
      return training_ops.apply_ftrl(v, accum, linear, grad, h(lr), h(l1), h(l2), h(power), this._use_locking).op;
    }
    return training_ops.apply_ftrl_v2(v, accum, linear, grad, h(lr), h(l1), h(l2), h(shrinkage), h(power), this._use_locking).op;
  }
}
