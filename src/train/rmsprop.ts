/**
 * `tf.train.RMSPropOptimizer(learning_rate, decay=0.9, momentum=0.0, epsilon=1e-10,
 * use_locking, centered=False, name)`. TF1 starts the mean square at 1 (slot `rms`), not 0;
 * slots are `rms`, (`mg` if centered) and `momentum`.
 */
import {kwargs} from '../framework/args';
import type {Operation} from '../framework/operation';
import type {Tensor} from '../framework/tensor';
import {ones_initializer} from '../ops/init_ops';
import type {Variable} from '../ops/variables';
import {Optimizer, hyperTensor} from './optimizer';
import {training_ops} from './training_ops';
import type {Hyper} from './gradient_descent';

export class RMSPropOptimizer extends Optimizer {
  private readonly a: {learning_rate: Hyper; decay: Hyper; momentum: Hyper; epsilon: Hyper; centered: boolean};
  private t!: {lr: Tensor; decay: Tensor; momentum: Tensor; epsilon: Tensor};

  constructor(learning_rate: Hyper, ...rest: unknown[]) {
    const a = kwargs('RMSPropOptimizer', [learning_rate, ...rest], ['learning_rate', 'decay', 'momentum', 'epsilon', 'use_locking', 'centered', 'name'], {
      learning_rate: undefined as unknown as Hyper,
      decay: 0.9 as Hyper,
      momentum: 0.0 as Hyper,
      epsilon: 1e-10 as Hyper,
      use_locking: false,
      centered: false,
      name: 'RMSProp',
    });
    super(a.use_locking, a.name);
    this.a = a;
  }

  protected override _create_slots(vars: Variable[]): void {
    for (const v of vars) {
      const dtype = v.dtype.base_dtype;
      this._get_or_make_slot_with_initializer(v, ones_initializer(dtype), dtype, 'rms', this._name);
      if (this.a.centered) this._zeros_slot(v, 'mg', this._name);
      this._zeros_slot(v, 'momentum', this._name);
    }
  }

  protected override _prepare(): void {
    this.t = {
      lr: hyperTensor(this.a.learning_rate, 'learning_rate'),
      decay: hyperTensor(this.a.decay, 'decay'),
      momentum: hyperTensor(this.a.momentum, 'momentum'),
      epsilon: hyperTensor(this.a.epsilon, 'epsilon'),
    };
  }

  protected _apply_dense(grad: Tensor, v: Variable): Operation {
    const h = (t: Tensor) => this.hyper(t, v);
    const {lr, decay, momentum, epsilon} = this.t;
    const rms = this.get_slot_or_throw(v, 'rms');
    const mom = this.get_slot_or_throw(v, 'momentum');
    if (this.a.centered) {
      const mg = this.get_slot_or_throw(v, 'mg');
      return training_ops.apply_centered_rms_prop(v, mg, rms, mom, h(lr), h(decay), h(momentum), h(epsilon), grad, this._use_locking).op;
    }
    return training_ops.apply_rms_prop(v, rms, mom, h(lr), h(decay), h(momentum), h(epsilon), grad, this._use_locking).op;
  }
}
