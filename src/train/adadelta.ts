/**
 * `tf.train.AdadeltaOptimizer(learning_rate=0.001, rho=0.95, epsilon=1e-08, use_locking, name)`
 * (slots `accum` and `accum_update`: `<var>/Adadelta`, `<var>/Adadelta_1`).
 */
import {kwargs} from '../framework/args';
import type {Operation} from '../framework/operation';
import type {Tensor} from '../framework/tensor';
import type {Variable} from '../ops/variables';
import {Optimizer, hyperTensor} from './optimizer';
import {training_ops} from './training_ops';
import type {Hyper} from './gradient_descent';

export class AdadeltaOptimizer extends Optimizer {
  private readonly a: {learning_rate: Hyper; rho: Hyper; epsilon: Hyper};
  private t!: {lr: Tensor; rho: Tensor; epsilon: Tensor};

  constructor(...args: unknown[]) {
    const a = kwargs('AdadeltaOptimizer', args, ['learning_rate', 'rho', 'epsilon', 'use_locking', 'name'], {
      learning_rate: 0.001 as Hyper,
      rho: 0.95 as Hyper,
      epsilon: 1e-8 as Hyper,
      use_locking: false,
      name: 'Adadelta',
    });
    super(a.use_locking, a.name);
    this.a = a;
  }

  protected override _create_slots(vars: Variable[]): void {
    for (const v of vars) {
      this._zeros_slot(v, 'accum', this._name);
      this._zeros_slot(v, 'accum_update', this._name);
    }
  }

  protected override _prepare(): void {
    this.t = {
      lr: hyperTensor(this.a.learning_rate, 'lr'),
      rho: hyperTensor(this.a.rho, 'rho'),
      epsilon: hyperTensor(this.a.epsilon, 'epsilon'),
    };
  }

  protected _apply_dense(grad: Tensor, v: Variable): Operation {
    const {lr, rho, epsilon} = this.t;
    return training_ops.apply_adadelta(
      v, this.get_slot_or_throw(v, 'accum'), this.get_slot_or_throw(v, 'accum_update'),
      this.hyper(lr, v), this.hyper(rho, v), this.hyper(epsilon, v), grad, this._use_locking,
    ).op;
  }
}
