/** `tf.train.GradientDescentOptimizer(learning_rate, use_locking, name)`: var -= lr · grad. */
import {kwargs} from '../framework/args';
import type {Operation} from '../framework/operation';
import type {Tensor} from '../framework/tensor';
import type {Variable} from '../ops/variables';
import {Optimizer, hyperTensor} from './optimizer';
import {training_ops} from './training_ops';

export type Hyper = number | Tensor | (() => number | Tensor);

export class GradientDescentOptimizer extends Optimizer {
  private readonly learningRate: Hyper;
  private lrTensor!: Tensor;

  constructor(learning_rate: Hyper, ...rest: unknown[]) {
    const a = kwargs('GradientDescentOptimizer', [learning_rate, ...rest], ['learning_rate', 'use_locking', 'name'], {
      learning_rate: undefined as unknown as Hyper,
      use_locking: false,
      name: 'GradientDescent',
    });
    super(a.use_locking, a.name);
    this.learningRate = a.learning_rate;
  }

  protected override _prepare(): void {
    this.lrTensor = hyperTensor(this.learningRate, 'learning_rate');
  }

  protected _apply_dense(grad: Tensor, v: Variable): Operation {
    return training_ops.apply_gradient_descent(v, this.hyper(this.lrTensor, v), grad, this._use_locking).op;
  }
}
