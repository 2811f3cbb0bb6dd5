/**
 * `tf.train.MomentumOptimizer(learning_rate, momentum, use_locking, name, use_nesterov)`:
 * accum = momentum · accum + grad; var -= lr · accum (slot `momentum`, named `<var>/Momentum`).
 */
import {kwargs} from '../framework/args';
import type {Operation} from '../framework/operation';
import type {Tensor} from '../framework/tensor';
import type {Variable} from '../ops/variables';
import {Optimizer, hyperTensor} from './optimizer';
import {training_ops} from './training_ops';
import type {Hyper} from './gradient_descent';

export class MomentumOptimizer extends Optimizer {
  private readonly a: {learning_rate: Hyper; momentum: Hyper; use_nesterov: boolean};
  private lr!: Tensor;
  private mom!: Tensor;

  constructor(learning_rate: Hyper, ...rest: unknown[]) {
    const a = kwargs('MomentumOptimizer', [learning_rate, ...rest], ['learning_rate', 'momentum', 'use_locking', 'name', 'use_nesterov'], {
      learning_rate: undefined as unknown as Hyper,
      momentum: undefined as unknown as Hyper,
      use_locking: false,
      name: 'Momentum',
      use_nesterov: false,
    });
    if (a.momentum === undefined) throw new TypeError("MomentumOptimizer() missing 1 required positional argument: 'momentum'");
    super(a.use_locking, a.name);
    this.a = a;
  }

  protected override _create_slots(vars: Variable[]): void {
    for (const v of vars) this._zeros_slot(v, 'momentum', this._name);
  }

  protected override _prepare(): void {
    this.lr = hyperTensor(this.a.learning_rate, 'learning_rate');
    this.mom = hyperTensor(this.a.momentum, 'momentum');
  }

  protected _apply_dense(grad: Tensor, v: Variable): Operation {
    const accum = this.get_slot_or_throw(v, 'momentum');
    return training_ops.apply_momentum(v, accum, this.hyper(this.lr, v), grad, this.hyper(this.mom, v), this._use_locking, this.a.use_nesterov).op;
  }
}
