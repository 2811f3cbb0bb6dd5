/**
 * The optimizers' update ops (TF's training_ops): each updates a variable and its slots in place
 * in the session, with TF1's kernel arithmetic in TF1's order of operations, so float32 results
 * match TF's. An optimizer builds one per variable; they run after every op of the step that
 * does not depend on them (they are `mutating`).
 */
import * as tfc from '@tensorflow/tfjs-core';
import {applyOp} from '../framework/op_builder';
import {defineOp, type KernelContext, type VarCell} from '../framework/registry';
import type {Tensor} from '../framework/tensor';
import {bracket} from '../framework/tensor_shape';

type T = tfc.Tensor;

interface ApplySpec {
  type: string;
  /** The variable and its slots, in TF's input order (refs). */
  refs: readonly string[];
  /** Scalar hyperparameters and the gradient, in TF's input order after the refs. */
  values: readonly string[];
  /** New values of the refs, from their current values and the other inputs. */
  update: (refs: T[], values: T[], attrs: Record<string, unknown>) => T[];
}

function defineApply(spec: ApplySpec) {
  const n = spec.refs.length;
  // Where the gradient is among the inputs (TF's order puts it in different places).
  const gradIndex = n + spec.values.findIndex((v) => v === 'grad' || v === 'delta');
  return defineOp<{use_locking: boolean}, (VarCell | T)[]>({
    type: spec.type,
    inputs: [...spec.refs.map((name) => ({name, ref: true})), ...spec.values],
    stateful: true,
    mutating: true,
    infer: (ctx) => {
      const v = ctx.inputs[0];
      for (let i = 1; i < n; i++) {
        if (!v.shape.is_compatible_with(ctx.inputs[i].shape)) ctx.fail(`Shapes must be equal rank, but are ${v.shape.ndims} and ${ctx.inputs[i].shape.ndims}`);
      }
      const grad = ctx.inputs[gradIndex];
      if (!v.shape.is_compatible_with(grad.shape)) {
        ctx.fail(`Shapes must be equal rank, but are ${v.shape.ndims} and ${grad.shape.ndims}`);
      }
      return [{dtype: v.dtype, shape: v.shape}];
    },
    kernel: (inputs, attrs, ctx) => {
      const cells = inputs.slice(0, n) as VarCell[];
      const values = inputs.slice(n) as T[];
      const current = cells.map((c) => read(c, ctx));
      const grad = inputs[gradIndex] as T;
      if (!sameShape(current[0], grad)) {
        ctx.fail(`var and grad do not have the same shape${bracket(current[0].shape)} ${bracket(grad.shape)}`);
      }
      const next = spec.update(current, values, attrs);
      next.forEach((t, i) => cells[i].set(t));
      return [cells[0]];
    },
    grad: null,
  });
}

function read(c: VarCell, ctx: KernelContext): T {
  return c.value ?? ctx.fail(`Attempting to use uninitialized value ${c.op.name}`, 'FailedPrecondition');
}

function sameShape(a: T, b: T): boolean {
  return a.shape.length === b.shape.length && a.shape.every((d, i) => d === b.shape[i]);
}

const {add, sub, mul, div, sqrt, rsqrt, square} = tfc;

// var -= alpha * delta
const ApplyGradientDescent = defineApply({
  type: 'ApplyGradientDescent',
  refs: ['var'],
  values: ['alpha', 'delta'],
  update: ([v], [alpha, delta]) => [sub(v, mul(delta, alpha))],
});

// accum = accum * momentum + grad; var -= lr * accum (Nesterov: grad * lr + accum * momentum * lr)
const ApplyMomentum = defineApply({
  type: 'ApplyMomentum',
  refs: ['var', 'accum'],
  values: ['lr', 'grad', 'momentum'],
  update: ([v, accum], [lr, grad, momentum], attrs) => {
    const a = add(mul(accum, momentum), grad);
    const step = attrs.use_nesterov ? add(mul(grad, lr), mul(mul(a, momentum), lr)) : mul(a, lr);
    return [sub(v, step), a];
  },
});

// accum += grad²; var -= lr * grad / sqrt(accum)
const ApplyAdagrad = defineApply({
  type: 'ApplyAdagrad',
  refs: ['var', 'accum'],
  values: ['lr', 'grad'],
  update: ([v, accum], [lr, grad]) => {
    const a = add(accum, square(grad));
    return [sub(v, mul(mul(grad, lr), rsqrt(a))), a];
  },
});

// accum = rho·accum + (1-rho)·g²; update = sqrt(accum_update+ε)·rsqrt(accum+ε)·g;
// var -= lr·update; accum_update = rho·accum_update + (1-rho)·update²
const ApplyAdadelta = defineApply({
  type: 'ApplyAdadelta',
  refs: ['var', 'accum', 'accum_update'],
  values: ['lr', 'rho', 'epsilon', 'grad'],
  update: ([v, accum, accumUpdate], [lr, rho, eps, grad]) => {
    const oneMinusRho = sub(1, rho);
    const a = add(mul(accum, rho), mul(square(grad), oneMinusRho));
    const update = mul(mul(sqrt(add(accumUpdate, eps)), rsqrt(add(a, eps))), grad);
    const u = add(mul(accumUpdate, rho), mul(square(update), oneMinusRho));
    return [sub(v, mul(update, lr)), a, u];
  },
});

// TF1's bias-corrected Adam step: lr_t = lr·sqrt(1-β2^t)/(1-β1^t);
// m += (g - m)(1-β1); v += (g² - v)(1-β2); var -= lr_t·m / (sqrt(v) + ε)
const ApplyAdam = defineApply({
  type: 'ApplyAdam',
  refs: ['var', 'm', 'v'],
  values: ['beta1_power', 'beta2_power', 'lr', 'beta1', 'beta2', 'epsilon', 'grad'],
  update: ([v, m, s], [b1p, b2p, lr, b1, b2, eps, grad], attrs) => {
    const lrT = div(mul(lr, sqrt(sub(1, b2p))), sub(1, b1p));
    const m2 = add(m, mul(sub(grad, m), sub(1, b1)));
    const s2 = add(s, mul(sub(square(grad), s), sub(1, b2)));
    const step = attrs.use_nesterov
      ? div(mul(add(mul(m2, b1), mul(grad, sub(1, b1))), lrT), add(sqrt(s2), eps))
      : div(mul(m2, lrT), add(sqrt(s2), eps));
    return [sub(v, step), m2, s2];
  },
});

// ms += (g² - ms)(1-ρ); mom = mom·momentum + lr·g/sqrt(ms+ε); var -= mom
const ApplyRMSProp = defineApply({
  type: 'ApplyRMSProp',
  refs: ['var', 'ms', 'mom'],
  values: ['lr', 'rho', 'momentum', 'epsilon', 'grad'],
  update: ([v, ms, mom], [lr, rho, momentum, eps, grad]) => {
    const ms2 = add(ms, mul(sub(square(grad), ms), sub(1, rho)));
    const mom2 = add(mul(mom, momentum), div(mul(grad, lr), sqrt(add(ms2, eps))));
    return [sub(v, mom2), ms2, mom2];
  },
});

// As RMSProp, with the mean gradient mg subtracted: denominator sqrt(ms - mg² + ε)
const ApplyCenteredRMSProp = defineApply({
  type: 'ApplyCenteredRMSProp',
  refs: ['var', 'mg', 'ms', 'mom'],
  values: ['lr', 'rho', 'momentum', 'epsilon', 'grad'],
  update: ([v, mg, ms, mom], [lr, rho, momentum, eps, grad]) => {
    const oneMinusRho = sub(1, rho);
    const ms2 = add(ms, mul(sub(square(grad), ms), oneMinusRho));
    const mg2 = add(mg, mul(sub(grad, mg), oneMinusRho));
    const denom = add(sub(ms2, square(mg2)), eps);
    const mom2 = add(mul(mom, momentum), div(mul(grad, lr), sqrt(denom)));
    return [sub(v, mom2), mg2, ms2, mom2];
  },
});

/** FTRL-proximal (McMahan et al.), TF's ApplyFtrlV2: `shrinkage` is TF's l2_shrinkage. */
function ftrlUpdate([v, accum, linear]: T[], grad: T, lr: T, l1: T, l2: T, shrinkage: T | null, lrPower: T): T[] {
  const gradShrunk = shrinkage ? add(grad, mul(mul(shrinkage, 2), v)) : grad;
  const newAccum = add(accum, square(grad));
  const negPower = tfc.neg(lrPower);
  const sigma = div(sub(tfc.pow(newAccum, negPower), tfc.pow(accum, negPower)), lr);
  const newLinear = sub(add(linear, gradShrunk), mul(sigma, v));
  const quadratic = add(div(tfc.pow(newAccum, negPower), lr), mul(l2, 2));
  const x = sub(mul(tfc.sign(newLinear), l1), newLinear);
  const newVar = tfc.where(tfc.greater(tfc.abs(newLinear), l1), div(x, quadratic), tfc.zerosLike(v));
  return [newVar, newAccum, newLinear];
}

const ApplyFtrl = defineApply({
  type: 'ApplyFtrl',
  refs: ['var', 'accum', 'linear'],
  values: ['grad', 'lr', 'l1', 'l2', 'lr_power'],
  update: (refs, [grad, lr, l1, l2, lrPower]) => ftrlUpdate(refs, grad, lr, l1, l2, null, lrPower),
});

const ApplyFtrlV2 = defineApply({
  type: 'ApplyFtrlV2',
  refs: ['var', 'accum', 'linear'],
  values: ['grad', 'lr', 'l1', 'l2', 'l2_shrinkage', 'lr_power'],
  update: (refs, [grad, lr, l1, l2, shrinkage, lrPower]) => ftrlUpdate(refs, grad, lr, l1, l2, shrinkage, lrPower),
});

type In = Tensor | unknown;

function apply(def: ReturnType<typeof defineApply>, inputs: In[], attrs: Record<string, boolean>, name: string): Tensor {
  return applyOp(def, inputs, attrs, name).outputs[0];
}

/** `training_ops.apply_*`: the update ops, with TF's names and input order. */
export const training_ops = {
  apply_gradient_descent: (v: In, alpha: In, delta: In, use_locking = false) =>
    apply(ApplyGradientDescent, [v, alpha, delta], {use_locking}, 'ApplyGradientDescent'),
  apply_momentum: (v: In, accum: In, lr: In, grad: In, momentum: In, use_locking = false, use_nesterov = false) =>
    apply(ApplyMomentum, [v, accum, lr, grad, momentum], {use_locking, use_nesterov}, 'ApplyMomentum'),
  apply_adagrad: (v: In, accum: In, lr: In, grad: In, use_locking = false) =>
    apply(ApplyAdagrad, [v, accum, lr, grad], {use_locking, update_slots: true}, 'ApplyAdagrad'),
  apply_adadelta: (v: In, accum: In, accumUpdate: In, lr: In, rho: In, epsilon: In, grad: In, use_locking = false) =>
    apply(ApplyAdadelta, [v, accum, accumUpdate, lr, rho, epsilon, grad], {use_locking}, 'ApplyAdadelta'),
  apply_adam: (v: In, m: In, s: In, b1p: In, b2p: In, lr: In, b1: In, b2: In, eps: In, grad: In, use_locking = false, use_nesterov = false) =>
    apply(ApplyAdam, [v, m, s, b1p, b2p, lr, b1, b2, eps, grad], {use_locking, use_nesterov}, 'ApplyAdam'),
  apply_rms_prop: (v: In, ms: In, mom: In, lr: In, rho: In, momentum: In, epsilon: In, grad: In, use_locking = false) =>
    apply(ApplyRMSProp, [v, ms, mom, lr, rho, momentum, epsilon, grad], {use_locking}, 'ApplyRMSProp'),
  apply_centered_rms_prop: (v: In, mg: In, ms: In, mom: In, lr: In, rho: In, momentum: In, epsilon: In, grad: In, use_locking = false) =>
    apply(ApplyCenteredRMSProp, [v, mg, ms, mom, lr, rho, momentum, epsilon, grad], {use_locking}, 'ApplyCenteredRMSProp'),
  apply_ftrl: (v: In, accum: In, linear: In, grad: In, lr: In, l1: In, l2: In, lrPower: In, use_locking = false) =>
    apply(ApplyFtrl, [v, accum, linear, grad, lr, l1, l2, lrPower], {use_locking, multiply_linear_by_lr: false}, 'ApplyFtrl'),
  apply_ftrl_v2: (v: In, accum: In, linear: In, grad: In, lr: In, l1: In, l2: In, shrinkage: In, lrPower: In, use_locking = false) =>
    apply(ApplyFtrlV2, [v, accum, linear, grad, lr, l1, l2, shrinkage, lrPower], {use_locking, multiply_linear_by_lr: false}, 'ApplyFtrlV2'),
};
