/**
 * The gradient check of every differentiable op (JAX's check_grads, in one random direction):
 * tf1ts's symbolic gradient of sum(u · f(x)) along a random direction v is compared with a
 * central difference of a float64 reference implementation of f. O(1) evaluations per case.
 */
import {expect} from 'chai';
import * as tf from '../../src';
import {RandomState} from '../../src/ndarray/random';
import {A, arr} from './ref64';

export interface GradInput {
  shape: number[];
  /** Where x is drawn (uniformly); default [-2, 2]. Use (0.5, 2) for log, sqrt … */
  domain?: [number, number];
  /** A fixed value instead of a random one (e.g. labels). */
  value?: number[];
  /** Integer inputs (indices, labels) are fed but not differentiated. */
  dtype?: 'float32' | 'int32';
}

export interface GradCase {
  name: string;
  inputs: GradInput[];
  build: (...xs: tf.Tensor[]) => tf.Tensor;
  /** The forward computation in float64. */
  ref: (...xs: A[]) => A;
  rtol?: number;
  atol?: number;
  eps?: number;
  /** Forward tolerance (float32 result vs float64 reference). */
  forwardRtol?: number;
}

function draw(rs: RandomState, input: GradInput): A {
  if (input.value) return new A(Float64Array.from(input.value), input.shape);
  const [lo, hi] = input.domain ?? [-2, 2];
  return arr(input.shape, () => (input.dtype === 'int32' ? Math.floor(lo + (hi - lo) * rs.random()) : lo + (hi - lo) * rs.random()));
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Runs the check; throws (a chai assertion) if the gradient is wrong. */
export function checkGradient(c: GradCase, seed = 1): void {
  const rs = new RandomState(seed);
  const xs = c.inputs.map((i) => draw(rs, i));
  const ref0 = c.ref(...xs);
  const u = arr(ref0.shape, () => rs.standardNormal());
  const vs = c.inputs.map((i) => (i.dtype === 'int32' || i.value ? null : arr(i.shape, () => rs.standardNormal())));

  tf.reset_default_graph();
  const ph = c.inputs.map((i, k) => tf.placeholder(i.dtype ?? 'float32', i.shape, `x${k}`));
  const y = c.build(...ph);
  expect(y.shape.is_compatible_with(ref0.shape), `${c.name}: static shape ${y.shape} vs [${ref0.shape}]`).to.equal(true);
  const loss = tf.reduce_sum(tf.multiply(y, tf.constant(Float32Array.from(u.data), null, u.shape as number[])));
  const differentiable = ph.filter((_, k) => vs[k] !== null);
  const grads = tf.gradients(loss, differentiable);
  grads.forEach((g, k) => {
    expect(g, `${c.name}: no gradient for input ${k}`).to.not.equal(null);
    expect(g!.shape.is_compatible_with(differentiable[k].shape), `${c.name}: gradient shape ${g!.shape}`).to.equal(true);
  });
  using sess = new tf.Session();
  const feed = ph.map((p, k) => [p, new tf.NDArray(c.inputs[k].dtype === 'int32' ? Int32Array.from(xs[k].data) : Float32Array.from(xs[k].data), xs[k].shape, c.inputs[k].dtype ?? 'float32')] as const);
  const [yv, ...gv] = sess.run([y, ...grads], feed) as tf.NDArray[];

  // The forward value first: the reference must describe the op.
  const yData = yv instanceof tf.NDArray ? yv.data : [yv as unknown as number];
  const fr = c.forwardRtol ?? 1e-4;
  for (let i = 0; i < ref0.size; i++) {
    const ok = Math.abs(Number(yData[i]) - ref0.data[i]) <= 1e-5 + fr * Math.abs(ref0.data[i]);
    expect(ok, `${c.name}: forward[${i}] ${yData[i]} vs reference ${ref0.data[i]}`).to.equal(true);
  }

  // The symbolic directional derivative vs a central difference in float64.
  let symbolic = 0;
  let scale = 0;
  let k = 0;
  vs.forEach((v) => {
    if (!v) return;
    const g = gv[k++];
    const gd = g instanceof tf.NDArray ? g.data : [g as unknown as number];
    symbolic += dot(gd as ArrayLike<number>, v.data);
    scale += Math.sqrt(dot(gd as ArrayLike<number>, gd as ArrayLike<number>) * dot(v.data, v.data));
  });
  const eps = c.eps ?? 1e-5;
  const at = (sign: number) => dot(u.data, c.ref(...xs.map((x, i) => (vs[i] ? new A(x.data.map((xv, j) => xv + sign * eps * vs[i]!.data[j]), x.shape) : x))).data);
  const numeric = (at(1) - at(-1)) / (2 * eps);
  const tol = (c.atol ?? 1e-5) + (c.rtol ?? 1e-3) * Math.max(scale, Math.abs(numeric));
  expect(Math.abs(symbolic - numeric), `${c.name}: symbolic ${symbolic} vs numeric ${numeric} (tol ${tol})`).to.be.at.most(tol);
}
