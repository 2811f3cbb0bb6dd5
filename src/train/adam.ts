/**
 * `tf.train.AdamOptimizer(learning_rate=0.001, beta1=0.9, beta2=0.999, epsilon=1e-08, …)`,
 * TF1's version: slots `m`, `v` (`<var>/Adam`, `<var>/Adam_1`), the bias corrections through the
 * optimizer's variables `beta1_power`/`beta2_power`, updated after all variables in `_finish`,
 * and epsilon added to sqrt(v) outside the bias correction ("epsilon hat" of the paper).
 */
import {kwargs} from '../framework/args';
import type {Operation} from '../framework/operation';
import type {Tensor} from '../framework/tensor';
import {within} from '../framework/context';
import {get_default_graph} from '../framework/graph';
import {group} from '../ops/control_flow_ops';
import type {Variable} from '../ops/variables';
import {Optimizer, hyperTensor} from './optimizer';
import {training_ops} from './training_ops';
import type {Hyper} from './gradient_descent';

export class AdamOptimizer extends Optimizer {
  private readonly a: {learning_rate: Hyper; beta1: number; beta2: number; epsilon: Hyper};
  private t!: {lr: Tensor; beta1: Tensor; beta2: Tensor; epsilon: Tensor};

  constructor(...args: unknown[]) {
    const a = kwargs('AdamOptimizer', args, ['learning_rate', 'beta1', 'beta2', 'epsilon', 'use_locking', 'name'], {
      learning_rate: 0.001 as Hyper,
      beta1: 0.9,
      beta2: 0.999,
      epsilon: 1e-8 as Hyper,
      use_locking: false,
      name: 'Adam',
    });
    super(a.use_locking, a.name);
    this.a = a;
  }

  protected override _create_slots(vars: Variable[]): void {
    // The beta powers live beside the first variable (sorted by name, as TF1 picks it).
    const first = [...vars].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))[0];
    this._create_non_slot_variable(this.a.beta1, 'beta1_power', first.graph);
    this._create_non_slot_variable(this.a.beta2, 'beta2_power', first.graph);
    for (const v of vars) {
      this._zeros_slot(v, 'm', this._name);
      this._zeros_slot(v, 'v', this._name);
    }
  }

  protected override _prepare(): void {
    this.t = {
      lr: hyperTensor(this.a.learning_rate, 'learning_rate'),
      beta1: hyperTensor(this.a.beta1, 'beta1'),
      beta2: hyperTensor(this.a.beta2, 'beta2'),
      epsilon: hyperTensor(this.a.epsilon, 'epsilon'),
    };
  }

  protected _apply_dense(grad: Tensor, v: Variable): Operation {
    const {lr, beta1, beta2, epsilon} = this.t;
    const b1p = this._get_non_slot_variable('beta1_power', v.graph);
    const b2p = this._get_non_slot_variable('beta2_power', v.graph);
    return training_ops.apply_adam(
      v, this.get_slot_or_throw(v, 'm'), this.get_slot_or_throw(v, 'v'),
      this.hyper(b1p.value(), v), this.hyper(b2p.value(), v),
      this.hyper(lr, v), this.hyper(beta1, v), this.hyper(beta2, v), this.hyper(epsilon, v),
      grad, this._use_locking,
    ).op;
  }

  protected override _finish(updates: readonly (Operation | Tensor)[], name: string): Operation {
    const g = get_default_graph();
    const [b1p, b2p] = [this._get_non_slot_variable('beta1_power', g), this._get_non_slot_variable('beta2_power', g)];
    const [u1, u2] = within(g.control_dependencies(updates.map((u) => ('_isOperation' in u ? u : u.op))), () => [
      b1p.assign(b1p.mul(this.t.beta1), {use_locking: this._use_locking}),
      b2p.assign(b2p.mul(this.t.beta2), {use_locking: this._use_locking}),
    ]);
    return group([...updates, u1, u2], {name});
  }
}
