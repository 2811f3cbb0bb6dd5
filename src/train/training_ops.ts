/**
 * The optimizers' update ops (TF's training_ops): each updates a variable and its slots in place
 * in the session, with TF1's kernel arithmetic in TF1's order of operations, so float32 results
 * match TF's. An optimizer builds one per variable; they run after every op of the step that
 * does not depend on them (they are `mutating`).
 */
import type * as tfc from '@tensorflow/tfjs-core';
import {hostCompute, scalarOf} from '../framework/host_compute';
import {wasmCompute, type WasmKernels} from '../kernels';
import {applyOp} from '../framework/op_builder';
import {defineOp, type KernelContext, type VarCell} from '../framework/registry';
import type {Tensor} from '../framework/tensor';
import {bracket} from '../framework/tensor_shape';

type T = tfc.Tensor;
type F = Float32Array;

/** Scalar hyperparameters by input name, and the gradient (the one full-size value input). */
interface Values {
  readonly s: Record<string, number>;
  readonly g: F;
}

interface ApplySpec {
  type: string;
  /** The variable and its slots, in TF's input order (refs). */
  refs: readonly string[];
  /** Scalar hyperparameters and the gradient, in TF's input order after the refs. */
  values: readonly string[];
  /**
   * Computes the new values of the refs (`out`, one array per ref) from their current values
   * (`cur`) and the inputs, element by element, in TF's kernel order with float32 rounding.
   */
  update: (n: number, cur: F[], out: F[], v: Values, attrs: Record<string, unknown>) => void;
  /**
   * The same update as one SIMD pass of a WASM kernel (src/kernels), where there is one:
   * `cur`, `out` and `grad` are heap offsets, `s` the scalar hyperparameters.
   */
  wasm?: (k: WasmKernels, n: number, cur: number[], out: number[], grad: number, s: Record<string, number>, attrs: Record<string, unknown>) => void;
}

const r = Math.fround;

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
      const current = cells.map((c) => read(c, ctx));
      const grad = inputs[gradIndex] as T;
      if (!sameShape(current[0], grad)) {
        ctx.fail(`var and grad do not have the same shape${bracket(current[0].shape)} ${bracket(grad.shape)}`);
      }
      const s: Record<string, number> = {};
      spec.values.forEach((name, i) => n + i !== gradIndex && (s[name] = scalarOf(inputs[n + i] as T)));
      const outputs = current.map((t) => ({shape: t.shape, dtype: 'float32' as const}));
      const {wasm, update} = spec;
      const next =
        (wasm && wasmCompute([...current, grad], outputs, (k, ins, outs) => wasm(k, grad.size, ins.slice(0, n), outs, ins[n], s, attrs))) ??
        hostCompute([...current, grad], outputs, (ins, outs) => update(grad.size, ins.slice(0, n) as F[], outs as F[], {s, g: ins[n] as F}, attrs));
      next.forEach((t, i) => cells[i].adopt(t));
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

// var -= alpha · delta
const ApplyGradientDescent = defineApply({
  type: 'ApplyGradientDescent',
  refs: ['var'],
  values: ['alpha', 'delta'],
  update: (n, [v], [out], {s: {alpha}, g}) => {
    for (let i = 0; i < n; i++) out[i] = r(v[i] - r(g[i] * alpha));
  },
  wasm: (k, n, [v], [out], g, {alpha}) => k.apply_gradient_descent(v, g, out, n, alpha),
});

// accum = accum · momentum + grad; var -= accum · lr (Nesterov: var -= grad · lr + accum · momentum · lr)
const ApplyMomentum = defineApply({
  type: 'ApplyMomentum',
  refs: ['var', 'accum'],
  values: ['lr', 'grad', 'momentum'],
  update: (n, [v, accum], [out, acc], {s: {lr, momentum}, g}, attrs) => {
    for (let i = 0; i < n; i++) {
      const a = (acc[i] = r(r(accum[i] * momentum) + g[i]));
      out[i] = attrs.use_nesterov ? r(v[i] - r(r(g[i] * lr) + r(r(a * momentum) * lr))) : r(v[i] - r(a * lr));
    }
  },
  wasm: (k, n, [v, accum], [out, acc], g, {lr, momentum}, attrs) => k.apply_momentum(v, accum, g, out, acc, n, lr, momentum, attrs.use_nesterov ? 1 : 0),
});

// accum += grad²; var -= grad · lr · rsqrt(accum)
const ApplyAdagrad = defineApply({
  type: 'ApplyAdagrad',
  refs: ['var', 'accum'],
  values: ['lr', 'grad'],
  update: (n, [v, accum], [out, acc], {s: {lr}, g}) => {
    for (let i = 0; i < n; i++) {
      const a = (acc[i] = r(accum[i] + r(g[i] * g[i])));
      out[i] = r(v[i] - r(r(g[i] * lr) * r(1 / r(Math.sqrt(a)))));
    }
  },
});

// accum = accum·rho + grad²·(1-rho); update = sqrt(accum_update+ε)·rsqrt(accum+ε)·grad;
// var -= update·lr; accum_update = accum_update·rho + update²·(1-rho)
const ApplyAdadelta = defineApply({
  type: 'ApplyAdadelta',
  refs: ['var', 'accum', 'accum_update'],
  values: ['lr', 'rho', 'epsilon', 'grad'],
  update: (n, [v, accum, accumUpdate], [out, acc, accUp], {s: {lr, rho, epsilon}, g}) => {
    const oneMinusRho = r(1 - rho);
    for (let i = 0; i < n; i++) {
      const a = (acc[i] = r(r(accum[i] * rho) + r(r(g[i] * g[i]) * oneMinusRho)));
      const update = r(r(r(Math.sqrt(r(accumUpdate[i] + epsilon))) * r(1 / r(Math.sqrt(r(a + epsilon))))) * g[i]);
      out[i] = r(v[i] - r(update * lr));
      accUp[i] = r(r(accumUpdate[i] * rho) + r(r(update * update) * oneMinusRho));
    }
  },
});

// TF1's bias-corrected Adam step: lr_t = lr·sqrt(1-β2^t)/(1-β1^t);
// m += (g - m)(1-β1); v += (g² - v)(1-β2); var -= m·lr_t / (sqrt(v) + ε)
const ApplyAdam = defineApply({
  type: 'ApplyAdam',
  refs: ['var', 'm', 'v'],
  values: ['beta1_power', 'beta2_power', 'lr', 'beta1', 'beta2', 'epsilon', 'grad'],
  update: (n, [w, m, v], [out, m2, v2], {s, g}, attrs) => {
    const {lrT, c1, c2} = adamScalars(s);
    for (let i = 0; i < n; i++) {
      const mi = (m2[i] = r(m[i] + r(r(g[i] - m[i]) * c1)));
      const vi = (v2[i] = r(v[i] + r(r(r(g[i] * g[i]) - v[i]) * c2)));
      const num = attrs.use_nesterov ? r(r(r(mi * s.beta1) + r(c1 * g[i])) * lrT) : r(mi * lrT);
      out[i] = r(w[i] - r(num / r(r(Math.sqrt(vi)) + s.epsilon)));
    }
  },
  wasm: (k, n, [w, m, v], [out, m2, v2], g, s, attrs) => {
    const {lrT, c1, c2} = adamScalars(s);
    k.apply_adam(w, m, v, g, out, m2, v2, n, lrT, c1, c2, s.epsilon, s.beta1, attrs.use_nesterov ? 1 : 0);
  },
});

function adamScalars(s: Record<string, number>): {lrT: number; c1: number; c2: number} {
  return {lrT: r(r(s.lr * r(Math.sqrt(r(1 - s.beta2_power)))) / r(1 - s.beta1_power)), c1: r(1 - s.beta1), c2: r(1 - s.beta2)};
}

// ms += (g² - ms)(1-ρ); mom = mom·momentum + g·lr/sqrt(ms+ε); var -= mom
const ApplyRMSProp = defineApply({
  type: 'ApplyRMSProp',
  refs: ['var', 'ms', 'mom'],
  values: ['lr', 'rho', 'momentum', 'epsilon', 'grad'],
  update: (n, [v, ms, mom], [out, ms2, mom2], {s, g}) => {
    const oneMinusRho = r(1 - s.rho);
    for (let i = 0; i < n; i++) {
      const msi = (ms2[i] = r(ms[i] + r(r(r(g[i] * g[i]) - ms[i]) * oneMinusRho)));
      const mo = (mom2[i] = r(r(mom[i] * s.momentum) + r(r(g[i] * s.lr) / r(Math.sqrt(r(msi + s.epsilon))))));
      out[i] = r(v[i] - mo);
    }
  },
});

// As RMSProp, with the mean gradient mg subtracted: denominator sqrt(ms - mg² + ε)
const ApplyCenteredRMSProp = defineApply({
  type: 'ApplyCenteredRMSProp',
  refs: ['var', 'mg', 'ms', 'mom'],
  values: ['lr', 'rho', 'momentum', 'epsilon', 'grad'],
  update: (n, [v, mg, ms, mom], [out, mg2, ms2, mom2], {s, g}) => {
    const oneMinusRho = r(1 - s.rho);
    for (let i = 0; i < n; i++) {
      const msi = (ms2[i] = r(ms[i] + r(r(r(g[i] * g[i]) - ms[i]) * oneMinusRho)));
      const mgi = (mg2[i] = r(mg[i] + r(r(g[i] - mg[i]) * oneMinusRho)));
      const denom = r(r(msi - r(mgi * mgi)) + s.epsilon);
      const mo = (mom2[i] = r(r(mom[i] * s.momentum) + r(r(g[i] * s.lr) / r(Math.sqrt(denom)))));
      out[i] = r(v[i] - mo);
    }
  },
});

/** FTRL-proximal (McMahan et al.), TF's ApplyFtrl(V2): `shrinkage` is TF's l2_shrinkage. */
function ftrl(n: number, [v, accum, linear]: F[], [out, acc2, lin2]: F[], s: Record<string, number>, g: F): void {
  const {lr, l1, l2, lr_power: power} = s;
  const shrinkage = s.l2_shrinkage ?? 0;
  const pow = (x: number) => r(power === -0.5 ? Math.sqrt(x) : Math.pow(x, -power));
  for (let i = 0; i < n; i++) {
    const gs = shrinkage ? r(g[i] + r(r(2 * shrinkage) * v[i])) : g[i];
    const na = (acc2[i] = r(accum[i] + r(g[i] * g[i])));
    const sigma = r(r(pow(na) - pow(accum[i])) / lr);
    const lin = (lin2[i] = r(r(linear[i] + gs) - r(sigma * v[i])));
    const quadratic = r(r(pow(na) / lr) + r(2 * l2));
    out[i] = Math.abs(lin) > l1 ? r(r(r(Math.sign(lin) * l1) - lin) / quadratic) : 0;
  }
}

const ApplyFtrl = defineApply({
  type: 'ApplyFtrl',
  refs: ['var', 'accum', 'linear'],
  values: ['grad', 'lr', 'l1', 'l2', 'lr_power'],
  update: (n, cur, out, {s, g}) => ftrl(n, cur, out, s, g),
});

const ApplyFtrlV2 = defineApply({
  type: 'ApplyFtrlV2',
  refs: ['var', 'accum', 'linear'],
  values: ['grad', 'lr', 'l1', 'l2', 'l2_shrinkage', 'lr_power'],
  update: (n, cur, out, {s, g}) => ftrl(n, cur, out, s, g),
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
