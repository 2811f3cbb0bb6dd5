/**
 * tf1ts's WASM kernels (src/kernels) against their JavaScript or tfjs twins, bit for bit: the
 * optimizer updates, ReLU's gradient, the transpose and the sum over leading axes, on sizes that
 * are not multiples of four (the scalar tails) and on values that round, overflow or are not
 * numbers. The ops' agreement with real TensorFlow is tested elsewhere (optimizers.test.ts,
 * the gradient fixtures) with the kernels on; here the two implementations must agree exactly.
 */
import {expect} from 'chai';
import * as tfc from '@tensorflow/tfjs-core';
import * as tf from '../../src';
import {elementwiseF32, matmulNarrow, matmulWasm, setWasmKernelsEnabled, sumLeadingAxes, transpose2d, wasmKernels} from '../../src/kernels';
import {training_ops} from '../../src/train/training_ops';
import {relu_grad} from '../../src/ops/nn_grad_ops';
import {liveTensors} from '../helpers/golden';

/** Equal as float32 bit patterns, except that any NaN equals any NaN (WASM does not fix NaN bits). */
function expectSameFloats(a: Float32Array, b: Float32Array, what: string): void {
  expect(a.length, what).to.equal(b.length);
  const ua = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const ub = new Uint32Array(b.buffer, b.byteOffset, b.length);
  for (let i = 0; i < a.length; i++) {
    if (Number.isNaN(a[i]) && Number.isNaN(b[i])) continue;
    if (ua[i] !== ub[i]) expect.fail(`${what}[${i}]: ${a[i]} (0x${ua[i].toString(16)}) vs ${b[i]} (0x${ub[i].toString(16)})`);
  }
}

/** Deterministic values of every kind: ordinary, tiny (subnormal), huge, ±0, ±Inf and NaN. */
function values(n: number, seed: number, special = true): Float32Array {
  const rs = new tf.RandomState(seed);
  const out = Float32Array.from({length: n}, () => (rs.random() - 0.5) * 6);
  if (special) {
    const odd = [0, -0, 1e-40, -3e-39, 3e38, -3e38, Infinity, -Infinity, NaN, 1e-20];
    for (let i = 0; i < odd.length && i * 7 < n; i++) out[i * 7] = odd[i];
  }
  return out;
}

const positive = (a: Float32Array) => a.map((x) => (Number.isNaN(x) ? x : Math.abs(x)));

/** Runs `steps` updates of a graph built by `build` and returns the listed variables' values. */
function runUpdates(enabled: boolean, build: () => {update: tf.Operation | tf.Tensor; read: tf.Variable[]}, steps = 3): Float32Array[] {
  setWasmKernelsEnabled(enabled);
  try {
    const g = new tf.Graph();
    return g.as_default(() => {
      const {update, read} = build();
      using sess = new tf.Session({graph: g});
      sess.run(tf.global_variables_initializer());
      for (let i = 0; i < steps; i++) sess.run(update);
      return read.map((v) => (sess.run(v) as tf.NDArray).data as Float32Array);
    });
  } finally {
    setWasmKernelsEnabled(true);
  }
}

describe('WASM kernels', () => {
  it('are in use on the WASM backend (npm install built build/kernels.wasm)', () => {
    expect(tf.backendName()).to.equal('wasm');
    expect(wasmKernels()).to.not.equal(null);
  });

  const N = 1031; // 257 vectors of four and a tail of three
  const variable = (seed: number, f = (a: Float32Array) => a) => new tf.Variable(new tf.NDArray(f(values(N, seed)), [N], 'float32'));
  const grad = () => tf.constant(new tf.NDArray(values(N, 99), [N], 'float32'));

  const cases: Record<string, () => {update: tf.Operation | tf.Tensor; read: tf.Variable[]}> = {
    ApplyGradientDescent: () => {
      const v = variable(1);
      return {update: training_ops.apply_gradient_descent(v, 0.37, grad()), read: [v]};
    },
    ApplyMomentum: () => {
      const [v, a] = [variable(1), variable(2)];
      return {update: training_ops.apply_momentum(v, a, 0.05, grad(), 0.9), read: [v, a]};
    },
    'ApplyMomentum (Nesterov)': () => {
      const [v, a] = [variable(1), variable(2)];
      return {update: training_ops.apply_momentum(v, a, 0.05, grad(), 0.9, false, true), read: [v, a]};
    },
    ApplyAdam: () => {
      const [v, m, s] = [variable(1), variable(2), variable(3, positive)];
      return {update: training_ops.apply_adam(v, m, s, 0.9, 0.999, 0.001, 0.9, 0.999, 1e-8, grad()), read: [v, m, s]};
    },
    'ApplyAdam (Nesterov, other constants)': () => {
      const [v, m, s] = [variable(1), variable(2), variable(3, positive)];
      return {update: training_ops.apply_adam(v, m, s, 0.3, 0.7, 0.05, 0.8, 0.99, 1e-7, grad(), false, true), read: [v, m, s]};
    },
    'AdamOptimizer.minimize on a loss': () => {
      const w = new tf.Variable(new tf.NDArray(values(N, 5, false), [N], 'float32'));
      const loss = tf.reduce_sum(tf.square(tf.subtract(w, tf.constant(new tf.NDArray(values(N, 6, false), [N], 'float32')))));
      const opt = new tf.train.AdamOptimizer(0.01);
      const update = opt.minimize(loss);
      return {update, read: [w, opt.get_slot(w, 'm')!, opt.get_slot(w, 'v')!]};
    },
  };
  for (const [name, build] of Object.entries(cases)) {
    it(`${name}: the WASM kernel equals the JavaScript update`, () => {
      const js = runUpdates(false, build);
      const wasm = runUpdates(true, build);
      js.forEach((a, i) => expectSameFloats(wasm[i], a, `${name} output ${i}`));
    });
  }

  it('ReluGrad: the WASM kernel equals tfjs ops, -0 and NaN gradients included', () => {
    const run = (enabled: boolean) => {
      setWasmKernelsEnabled(enabled);
      try {
        const g = new tf.Graph();
        return g.as_default(() => {
          const out = relu_grad(tf.constant(new tf.NDArray(values(N, 7), [N], 'float32')), tf.constant(new tf.NDArray(values(N, 8), [N], 'float32')));
          using sess = new tf.Session({graph: g});
          return (sess.run(out) as tf.NDArray).data as Float32Array;
        });
      } finally {
        setWasmKernelsEnabled(true);
      }
    };
    expectSameFloats(run(true), run(false), 'ReluGrad');
  });

  it('transpose2d equals tfjs transpose for float32 and int32, on every block remainder', () => {
    const before = liveTensors();
    for (const [r, c] of [[0, 5], [1, 1], [1, 9], [9, 1], [4, 4], [5, 7], [7, 13], [100, 784], [128, 10], [256, 255]]) {
      for (const dtype of ['float32', 'int32'] as const) {
        tfc.tidy(() => {
          const x = dtype === 'float32' ? tfc.tensor2d(values(r * c, r * 31 + c), [r, c]) : tfc.tensor2d(Int32Array.from({length: r * c}, (_, i) => i * 7 - 3), [r, c], 'int32');
          const ours = transpose2d(x);
          expect(ours.shape).to.deep.equal([c, r]);
          expect(ours.dtype).to.equal(dtype);
          const want = tfc.transpose(x).dataSync();
          const got = ours.dataSync();
          if (dtype === 'float32') expectSameFloats(got as Float32Array, want as Float32Array, `transpose ${r}x${c}`);
          else expect(Array.from(got)).to.deep.equal(Array.from(want));
        });
      }
    }
    expect(liveTensors()).to.equal(before);
  });

  it('the sum over leading axes equals tfjs sum, accumulated in the same order', () => {
    for (const [shape, k] of [[[128, 256], 1], [[128, 10], 1], [[3, 5, 7], 1], [[3, 5, 7], 2], [[1000, 3], 1], [[6, 1], 1], [[17], 1]] as [number[], number][]) {
      tfc.tidy(() => {
        const n = shape.reduce((a, b) => a * b, 1);
        const x = tfc.tensor(values(n, n + k, false), shape);
        const axes = Array.from({length: k}, (_, i) => i);
        for (const keep of [false, true]) {
          const ours = sumLeadingAxes(x, k, keep)!;
          const want = tfc.sum(x, axes, keep);
          expect(ours.shape, `${shape} ${k} ${keep}`).to.deep.equal(want.shape);
          expectSameFloats(ours.dataSync() as Float32Array, want.dataSync() as Float32Array, `sum ${shape} over ${k}`);
        }
      });
    }
  });

  it('the narrow matmul equals XNNPACK (tfjs matMul of untransposed operands) bit for bit', () => {
    const before = liveTensors();
    const shapes: [number, number, number][] = [[100, 784, 10], [128, 256, 10], [7, 5, 1], [9, 3, 4], [4, 0, 3], [1, 1, 12], [13, 17, 11], [6, 40, 8], [784, 100, 10], [40, 6, 1], [30, 5, 3], [21, 9, 5]];
    for (const [m, k, n] of shapes) {
      for (const ta of [false, true]) {
        for (const tb of [false, true]) {
          tfc.tidy(() => {
            const a = tfc.tensor2d(values(m * k, m + k, false), ta ? [k, m] : [m, k]);
            const b = tfc.tensor2d(values(k * n, k + n, false), tb ? [n, k] : [k, n]);
            const ours = matmulNarrow(a, b, ta, tb)!;
            expect(ours, `${m}x${k}x${n}`).to.not.equal(null);
            expect(ours.shape).to.deep.equal([m, n]);
            // (With k = 0 XNNPACK refuses the product and tfjs returns garbage; the answer is zeros.)
            const want = k === 0 ? tfc.zeros([m, n]) : tfc.matMul(ta ? tfc.transpose(a) : a, tb ? tfc.transpose(b) : b);
            expectSameFloats(ours.dataSync() as Float32Array, want.dataSync() as Float32Array, `${m}x${k}x${n} ta=${ta} tb=${tb}`);
          });
        }
      }
    }
    expect(liveTensors()).to.equal(before);
  });

  it('the matmul kernel equals XNNPACK on wide products too (several panels of 12 columns)', () => {
    for (const [m, k, n] of [[5, 7, 13], [9, 16, 24], [6, 3, 25], [33, 40, 256]]) {
      for (const [ta, tb] of [[false, false], [true, false], [false, true]]) {
        tfc.tidy(() => {
          const a = tfc.tensor2d(values(m * k, m * k, false), ta ? [k, m] : [m, k]);
          const b = tfc.tensor2d(values(k * n, k * n + 1, false), tb ? [n, k] : [k, n]);
          const want = tfc.matMul(ta ? tfc.transpose(a) : a, tb ? tfc.transpose(b) : b);
          expectSameFloats(matmulWasm(a, b, ta, tb)!.dataSync() as Float32Array, want.dataSync() as Float32Array, `${m}x${k}x${n} ta=${ta} tb=${tb}`);
        });
      }
    }
  });

  it('the narrow matmul leaves wider products to XNNPACK', () => {
    tfc.tidy(() => {
      expect(matmulNarrow(tfc.zeros([4, 4]), tfc.zeros([4, 13]), false, false)).to.equal(null);
    });
  });

  it('tf.matmul with an inner dimension of 0 gives zeros, narrow or wide (XNNPACK refuses it)', () => {
    for (const n of [3, 20]) {
      const g = new tf.Graph();
      g.as_default(() => {
        const c = tf.matmul(tf.zeros([3, 0]), tf.ones([0, n]));
        using sess = new tf.Session({graph: g});
        expect(Array.from((sess.run(c) as tf.NDArray).data as Float32Array)).to.deep.equal(new Array(3 * n).fill(0));
      });
    }
  });

  it('add, sub and mul give float32 arithmetic in the shapes tfjs gives, for same shapes, scalars and trailing broadcasts', () => {
    const before = liveTensors();
    const ops = {add: (a: number, b: number) => a + b, sub: (a: number, b: number) => a - b, mul: (a: number, b: number) => a * b};
    // [x shape, y shape]: y the same, a scalar, x's trailing dimensions, or x inside y (+ and · only).
    const shapes: [number[], number[]][] = [[[100, 10], [100, 10]], [[7], [7]], [[100, 10], []], [[5, 3], [1, 1]], [[100, 10], [10]], [[6, 7], [7]], [[2, 3, 5], [3, 5]], [[], [4, 3]], [[10], [100, 10]]];
    for (const [xs, ys] of shapes) {
      for (const [op, f] of Object.entries(ops) as ['add' | 'sub' | 'mul', (a: number, b: number) => number][]) {
        tfc.tidy(() => {
          const size = (s: number[]) => s.reduce((a, b) => a * b, 1);
          const x = tfc.tensor(values(size(xs), size(xs) + 1), xs);
          const y = tfc.tensor(values(size(ys), size(ys) + 2), ys);
          const ours = elementwiseF32(op, x, y);
          const swapped = size(xs) < size(ys) || xs.length < ys.length;
          if (op === 'sub' && swapped) {
            expect(ours, `${op} ${xs} ${ys}`).to.equal(null);
            return;
          }
          expect(ours, `${op} ${xs} ${ys}`).to.not.equal(null);
          const want = tfc[op](x, y);
          expect(ours!.shape).to.deep.equal(want.shape);
          // The float32 result of each operation, from the broadcast operands.
          const [bx, by] = [tfc.broadcastTo(x, want.shape).dataSync(), tfc.broadcastTo(y, want.shape).dataSync()];
          const exact = Float32Array.from(bx, (v, i) => f(v, by[i]));
          expectSameFloats(ours!.dataSync() as Float32Array, exact, `${op} ${xs} ${ys}`);
        });
      }
    }
    expect(liveTensors()).to.equal(before);
  });
});
