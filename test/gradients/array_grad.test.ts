/**
 * Gradients of the array ops (array_ops_*.ts) and of Select/SelectV2: a random-direction check
 * against a float64 reference per op and attribute, TF's own gradient values for gather, concat,
 * strided_slice, tile and slice (test/fixtures/array_grad.json), and the ops TF declares not
 * differentiable.
 */
import {expect} from 'chai';
import * as tf from '../../src';
import {lookupOp} from '../../src/framework/registry';
import {unsorted_segment_sum} from '../../src/ops/array_ops_grad_ops';
import {mirror_pad_grad} from '../../src/ops/array_ops_pad';
import {strided_slice_grad} from '../../src/ops/array_ops_strided';
import {checkGradient, type GradCase} from '../helpers/gradient_check';
import {decode, expectAllClose, loadFixture, type Encoded} from '../helpers/golden';
import * as R from '../helpers/ref64';
import type {A} from '../helpers/ref64';

/** x seen through a placeholder_with_default of a less known shape (null: an unknown batch size). */
const dyn = (x: tf.Tensor, shape: (number | null)[] | null) => tf.placeholder_with_default(x, shape);

const id = (x: A) => x;
const asShape = (shape: number[]) => (x: A) => R.reshape(x, shape);
/** x's element at idx with idx[axis] replaced by index[idx[axis]]. */
const takeAlong = (x: A, indices: number[], axis: number) =>
  R.pick(x, x.shape.map((d, i) => (i === axis ? indices.length : d)), (idx) => idx.map((v, i) => (i === axis ? indices[v] : v)));
const tileRef = (reps: number[]) => (x: A) => R.pick(x, x.shape.map((d, i) => d * reps[i]), (idx) => idx.map((v, i) => v % x.shape[i]));
const sliceRef = (begin: number[], size: number[]) => (x: A) => R.pick(x, size, (idx) => idx.map((v, i) => v + begin[i]));
/** A strided slice along each dim (no masks): the elements begin + k * stride, `count` of them. */
const stridedRef = (begin: number[], stride: number[], count: number[], outShape?: number[]) => (x: A) =>
  R.reshape(R.pick(x, count, (idx) => idx.map((v, i) => begin[i] + v * stride[i])), outShape ?? count);
const padRef = (pads: [number, number][]) => (x: A) =>
  R.pick(x, x.shape.map((d, i) => d + pads[i][0] + pads[i][1]), (idx) => {
    const src = idx.map((v, i) => v - pads[i][0]);
    return src.every((v, i) => v >= 0 && v < x.shape[i]) ? src : null;
  });
const mirror = (p: number, d: number, before: number, reflect: boolean) => {
  const q = p - before;
  if (q < 0) return reflect ? -q : -q - 1;
  if (q >= d) return reflect ? 2 * (d - 1) - q : 2 * d - 1 - q;
  return q;
};
const mirrorPadRef = (pads: [number, number][], reflect: boolean) => (x: A) =>
  R.pick(x, x.shape.map((d, i) => d + pads[i][0] + pads[i][1]), (idx) => idx.map((v, i) => mirror(v, x.shape[i], pads[i][0], reflect)));
const select = (c: A, x: A, y: A) => R.add(R.mul(R.map(c, (v) => (v > 0 ? 1 : 0)), x), R.mul(R.map(c, (v) => (v > 0 ? 0 : 1)), y));

const GATHER_B2 = [[[0, 4, 4, 1], [2, 2, 3, 0], [1, 0, 4, 3]], [[3, 3, 3, 2], [0, 1, 2, 4], [4, 0, 0, 0]]];

const cases: GradCase[] = [
  {name: 'identity', inputs: [{shape: [2, 3]}], build: (x) => tf.identity(x), ref: id},
  {name: 'placeholder_with_default', inputs: [{shape: [2, 3]}], build: (x) => dyn(x, [null, 3]), ref: id},
  {name: 'check_numerics', inputs: [{shape: [3, 2]}], build: (x) => tf.check_numerics(x, 'bad'), ref: id},
  {name: 'reshape', inputs: [{shape: [2, 3, 4]}], build: (x) => tf.reshape(x, [4, 6]), ref: asShape([4, 6])},
  {name: 'reshape (-1)', inputs: [{shape: [2, 6]}], build: (x) => tf.reshape(x, [-1, 3, 2]), ref: asShape([2, 3, 2])},
  {name: 'reshape (unknown batch)', inputs: [{shape: [3, 4]}], build: (x) => tf.reshape(dyn(x, [null, 4]), [-1, 2, 2]), ref: asShape([3, 2, 2])},
  {name: 'reshape (unknown rank)', inputs: [{shape: [3, 4]}], build: (x) => tf.reshape(dyn(x, null), [2, 6]), ref: asShape([2, 6])},
  {name: 'reshape (two unknown dims)', inputs: [{shape: [3, 4]}], build: (x) => tf.reshape(dyn(x, [null, null]), [12]), ref: asShape([12])},
  {name: 'expand_dims', inputs: [{shape: [2, 3]}], build: (x) => tf.expand_dims(x, 1), ref: asShape([2, 1, 3])},
  {name: 'expand_dims (-1, unknown batch)', inputs: [{shape: [2, 3]}], build: (x) => tf.expand_dims(dyn(x, [null, 3]), -1), ref: asShape([2, 3, 1])},
  {name: 'squeeze', inputs: [{shape: [2, 1, 3, 1]}], build: (x) => tf.squeeze(x), ref: asShape([2, 3])},
  {name: 'squeeze (axis)', inputs: [{shape: [2, 1, 3, 1]}], build: (x) => tf.squeeze(x, [3]), ref: asShape([2, 1, 3])},
  {name: 'transpose', inputs: [{shape: [2, 3, 4]}], build: (x) => tf.transpose(x, [1, 2, 0]), ref: (x) => R.transpose(x, [1, 2, 0])},
  {name: 'transpose (default perm)', inputs: [{shape: [2, 3, 4]}], build: (x) => tf.transpose(x), ref: (x) => R.transpose(x)},
  {name: 'transpose (unknown rank)', inputs: [{shape: [2, 3]}], build: (x) => tf.transpose(dyn(x, null)), ref: (x) => R.transpose(x)},
  {name: 'tile', inputs: [{shape: [2, 3]}], build: (x) => tf.tile(x, [3, 2]), ref: tileRef([3, 2])},
  {name: 'tile (rank 3, ones)', inputs: [{shape: [2, 3, 4]}], build: (x) => tf.tile(x, [1, 2, 1]), ref: tileRef([1, 2, 1])},
  {name: 'tile (unknown batch)', inputs: [{shape: [2, 3]}], build: (x) => tf.tile(dyn(x, [null, 3]), [2, 4]), ref: tileRef([2, 4])},
  {name: 'stack (axis 0)', inputs: [{shape: [2, 3]}, {shape: [2, 3]}], build: (a, b) => tf.stack([a, b]), ref: (a, b) => R.concat([R.reshape(a, [1, 2, 3]), R.reshape(b, [1, 2, 3])], 0)},
  {name: 'stack (axis -1)', inputs: [{shape: [2, 3]}, {shape: [2, 3]}, {shape: [2, 3]}], build: (a, b, c) => tf.stack([a, b, c], -1),
    ref: (a, b, c) => R.concat([a, b, c].map((x) => R.reshape(x, [2, 3, 1])), 2)},
  {name: 'unstack (all outputs)', inputs: [{shape: [2, 3, 4]}], build: (x) => tf.concat(tf.unstack(x, {axis: 1}).reverse(), 0),
    ref: (x) => R.concat([2, 1, 0].map((j) => R.reshape(takeAlong(x, [j], 1), [2, 4])), 0)},
  {name: 'unstack (one output used)', inputs: [{shape: [2, 3, 4]}], build: (x) => tf.unstack(x, {axis: -1})[2], ref: (x) => R.reshape(takeAlong(x, [2], 2), [2, 3])},
  {name: 'concat (axis 0)', inputs: [{shape: [2, 3]}, {shape: [4, 3]}], build: (a, b) => tf.concat([a, b], 0), ref: (a, b) => R.concat([a, b], 0)},
  {name: 'concat (axis 1, three)', inputs: [{shape: [2, 3]}, {shape: [2, 1]}, {shape: [2, 4]}], build: (a, b, c) => tf.concat([a, b, c], 1), ref: (a, b, c) => R.concat([a, b, c], 1)},
  {name: 'concat (axis -1, unknown batch)', inputs: [{shape: [3, 2]}, {shape: [3, 4]}], build: (a, b) => tf.concat([dyn(a, [null, 2]), dyn(b, [null, 4])], -1), ref: (a, b) => R.concat([a, b], 1)},
  {name: 'concat (one input)', inputs: [{shape: [2, 3]}], build: (a) => tf.concat([a], 1), ref: id},
  {name: 'concat (17 inputs: split)', inputs: Array.from({length: 17}, (_, i) => ({shape: [2, 1 + (i % 3)]})), build: (...xs) => tf.concat(xs, 1), ref: (...xs) => R.concat(xs, 1)},
  {name: 'split (num)', inputs: [{shape: [2, 6]}], build: (x) => tf.add_n(tf.split(x, 3, 1).map((p, i) => tf.multiply(p, i + 1))),
    ref: (x) => [0, 1, 2].map((i) => R.map(sliceRef([0, 2 * i], [2, 2])(x), (v) => v * (i + 1))).reduce(R.add)},
  {name: 'split (one piece used)', inputs: [{shape: [4, 3]}], build: (x) => tf.split(x, 2)[1], ref: sliceRef([2, 0], [2, 3])},
  {name: 'split (sizes, -1)', inputs: [{shape: [3, 7]}], build: (x) => tf.concat(tf.split(x, [1, -1, 2], 1).reverse(), 1),
    ref: (x) => R.concat([sliceRef([0, 5], [3, 2])(x), sliceRef([0, 1], [3, 4])(x), sliceRef([0, 0], [3, 1])(x)], 1)},
  {name: 'slice', inputs: [{shape: [4, 5]}], build: (x) => tf.slice(x, [1, 2], [2, -1]), ref: sliceRef([1, 2], [2, 3])},
  {name: 'slice (unknown batch)', inputs: [{shape: [4, 5]}], build: (x) => tf.slice(dyn(x, [null, 5]), [1, 0], [-1, 3]), ref: sliceRef([1, 0], [3, 3])},
  {name: 'strided_slice (unit strides)', inputs: [{shape: [4, 5]}], build: (x) => tf.strided_slice(x, [1, 1], [3, 4]), ref: stridedRef([1, 1], [1, 1], [2, 3])},
  {name: 'strided_slice (negative stride)', inputs: [{shape: [5, 6]}], build: (x) => tf.strided_slice(x, [4, 0], [0, 0], [-2, -1], {begin_mask: 2, end_mask: 2}),
    ref: stridedRef([4, 5], [-2, -1], [2, 6])},
  {name: 'strided_slice (shrink, new axis)', inputs: [{shape: [4, 5, 6]}],
    build: (x) => tf.strided_slice(x, [1, 0, 2, 0], [3, 0, 3, 0], [1, 1, 1, -3], {begin_mask: 8, end_mask: 8, new_axis_mask: 2, shrink_axis_mask: 4}),
    ref: stridedRef([1, 2, 5], [1, 1, -3], [2, 1, 2])},
  {name: 'strided_slice (ellipsis, stride 2)', inputs: [{shape: [3, 4, 5]}], build: (x) => tf.strided_slice(x, [0, 1], [0, 4], [1, 2], {ellipsis_mask: 1}),
    ref: stridedRef([0, 0, 1], [1, 1, 2], [3, 4, 2])},
  {name: 'strided_slice (unknown batch)', inputs: [{shape: [4, 6]}], build: (x) => tf.strided_slice(dyn(x, [null, 6]), [0, 1], [0, 6], [1, 2], {begin_mask: 1, end_mask: 1}),
    ref: stridedRef([0, 1], [1, 2], [4, 3])},
  {name: 'gather (repeated indices)', inputs: [{shape: [5, 3]}], build: (x) => tf.gather(x, [1, 3, 1, 4, 1]), ref: (x) => takeAlong(x, [1, 3, 1, 4, 1], 0)},
  {name: 'gather (indices fed)', inputs: [{shape: [5, 3]}, {shape: [4], dtype: 'int32', value: [2, 0, 2, 2]}], build: (x, i) => tf.gather(x, i), ref: (x) => takeAlong(x, [2, 0, 2, 2], 0)},
  {name: 'gather (2-D indices)', inputs: [{shape: [4, 3]}], build: (x) => tf.gather(x, [[0, 2], [2, 2]]), ref: (x) => R.reshape(takeAlong(x, [0, 2, 2, 2], 0), [2, 2, 3])},
  {name: 'gather (axis 1)', inputs: [{shape: [3, 5, 2]}], build: (x) => tf.gather(x, [4, 0, 4], {axis: 1}), ref: (x) => takeAlong(x, [4, 0, 4], 1)},
  {name: 'gather (axis -1)', inputs: [{shape: [3, 2]}], build: (x) => tf.gather(x, [1, 1, 0], {axis: -1}), ref: (x) => takeAlong(x, [1, 1, 0], 1)},
  {name: 'gather (unknown rows)', inputs: [{shape: [6, 3]}], build: (x) => tf.gather(dyn(x, [null, 3]), [5, 0, 5]), ref: (x) => takeAlong(x, [5, 0, 5], 0)},
  {name: 'gather (batch_dims 1)', inputs: [{shape: [2, 4, 3]}], build: (x) => tf.gather(x, [[0, 3, 3], [1, 1, 2]], {axis: 1, batch_dims: 1}),
    ref: (x) => R.pick(x, [2, 3, 3], ([b, j, k]) => [b, [[0, 3, 3], [1, 1, 2]][b][j], k])},
  {name: 'gather (axis 2, batch_dims 1)', inputs: [{shape: [2, 3, 5, 4]}], build: (x) => tf.gather(x, [[4, 0, 2, 4, 1, 3], [1, 1, 3, 0, 0, 2]], {axis: 2, batch_dims: 1}),
    ref: (x) => R.pick(x, [2, 3, 6, 4], ([b, o, j, k]) => [b, o, [[4, 0, 2, 4, 1, 3], [1, 1, 3, 0, 0, 2]][b][j], k])},
  {name: 'gather (batch_dims 2)', inputs: [{shape: [2, 3, 5]}], build: (x) => tf.gather(x, GATHER_B2, {axis: 2, batch_dims: 2}),
    ref: (x) => R.pick(x, [2, 3, 4], ([b, c, j]) => [b, c, GATHER_B2[b][c][j]])},
  {name: 'gather (batch_dims -1)', inputs: [{shape: [2, 5]}], build: (x) => tf.gather(x, [[4, 4, 0], [2, 1, 2]], {axis: 1, batch_dims: -1}),
    ref: (x) => R.pick(x, [2, 3], ([b, j]) => [b, [[4, 4, 0], [2, 1, 2]][b][j]])},
  {name: 'pad', inputs: [{shape: [2, 3]}], build: (x) => tf.pad(x, [[1, 2], [0, 3]]), ref: padRef([[1, 2], [0, 3]])},
  {name: 'pad (unknown batch)', inputs: [{shape: [2, 3]}], build: (x) => tf.pad(dyn(x, [null, 3]), [[2, 0], [1, 1]]), ref: padRef([[2, 0], [1, 1]])},
  {name: 'pad (constant_values: PadV2)', inputs: [{shape: [3, 2]}], build: (x) => tf.pad(x, [[0, 1], [2, 0]], {constant_values: 0.5}),
    ref: (x) => R.arr([4, 4], (k) => (k < 12 && k % 4 >= 2 ? x.data[Math.floor(k / 4) * 2 + (k % 4) - 2] : 0.5))},
  {name: 'mirror_pad (REFLECT)', inputs: [{shape: [3, 4]}], build: (x) => tf.pad(x, [[2, 1], [1, 3]], 'REFLECT'), ref: mirrorPadRef([[2, 1], [1, 3]], true)},
  {name: 'mirror_pad (SYMMETRIC)', inputs: [{shape: [3, 4]}], build: (x) => tf.pad(x, [[3, 1], [0, 4]], 'SYMMETRIC'), ref: mirrorPadRef([[3, 1], [0, 4]], false)},
  {name: 'fill', inputs: [{shape: []}], build: (v) => tf.fill([2, 3], v), ref: (v) => R.broadcastTo(v, [2, 3])},
  {name: 'select', inputs: [{shape: [2, 3], value: [1, -1, 1, -1, -1, 1]}, {shape: [2, 3]}, {shape: [2, 3]}],
    build: (c, x, y) => tf.where(tf.greater(c, 0), x, y), ref: select},
  {name: 'select (vector condition: rows)', inputs: [{shape: [3], value: [1, -1, 1]}, {shape: [3, 2]}, {shape: [3, 2]}],
    build: (c, x, y) => tf.where(tf.greater(c, 0), x, y), ref: (c, x, y) => select(R.reshape(c, [3, 1]), x, y)},
  {name: 'select_v2 (broadcast)', inputs: [{shape: [3, 1], value: [1, -1, 1]}, {shape: [4]}, {shape: [3, 4]}],
    build: (c, x, y) => tf.where_v2(tf.greater(c, 0), x, y), ref: select},
  {name: 'select_v2 (scalar branch)', inputs: [{shape: [2, 3], value: [-1, 1, 1, -1, 1, -1]}, {shape: [2, 3]}, {shape: []}],
    build: (c, x, y) => tf.where_v2(tf.greater(c, 0), x, y), ref: select},
  // The ops the gradients build, checked as ops in turn (their gradients are the forward ops).
  {name: 'StridedSliceGrad', inputs: [{shape: [2, 3]}], build: (dy) => strided_slice_grad([5, 6], [4, 0], [0, 0], [-2, -2], dy, {begin_mask: 2, end_mask: 2}),
    ref: (dy) => R.pick(dy, [5, 6], ([i, j]) => ((4 - i) % 2 === 0 && i > 0 && j % 2 === 1 ? [(4 - i) / 2, (5 - j) / 2] : null))},
  {name: 'MirrorPadGrad (REFLECT)', inputs: [{shape: [6, 8]}], build: (g) => mirror_pad_grad(g, [[2, 1], [1, 3]], 'REFLECT'),
    ref: (g) => foldMirror(g, [[2, 1], [1, 3]], true)},
  {name: 'MirrorPadGrad (SYMMETRIC)', inputs: [{shape: [7, 8]}], build: (g) => mirror_pad_grad(g, [[3, 1], [0, 4]], 'SYMMETRIC'),
    ref: (g) => foldMirror(g, [[3, 1], [0, 4]], false)},
  {name: 'UnsortedSegmentSum (negative ids dropped)', inputs: [{shape: [5, 2]}], build: (x) => unsorted_segment_sum(x, [2, 0, -1, 2, 3], 4),
    ref: (x) => R.arr([4, 2], (k) => [0, 1, 2, 3, 4].filter((r) => [2, 0, -1, 2, 3][r] === Math.floor(k / 2)).reduce((s, r) => s + x.data[r * 2 + (k % 2)], 0))},
];

/** MirrorPadGrad in float64: each element of the padded gradient added to the element it copied. */
function foldMirror(g: A, pads: [number, number][], reflect: boolean): A {
  const shape = g.shape.map((d, i) => d - pads[i][0] - pads[i][1]);
  const out = new Float64Array(R.size(shape));
  const st = R.strides(shape);
  for (let k = 0; k < g.size; k++) {
    const idx = R.unravel(k, g.shape);
    out[idx.reduce((acc, v, i) => acc + mirror(v, shape[i], pads[i][0], reflect) * st[i], 0)] += g.data[k];
  }
  return new R.A(out, shape);
}

describe('gradients of array ops (random direction vs float64 central difference)', () => {
  for (const c of cases) it(c.name, () => checkGradient(c));
});

interface GoldenCase {
  name: string;
  inputs: {shape: (number | null)[]; feed: Encoded}[];
  y_shape: (number | null)[];
  grad_ys: Encoded;
  grads: Encoded[];
  grad_shapes: ((number | null)[] | null)[];
}

// The programs of test/fixtures/gen/array_grad.py, line for line.
const PROGRAMS: Record<string, (...xs: tf.Tensor[]) => tf.Tensor> = {
  gather_repeated: (p) => tf.gather(p, [1, 3, 1, 4, 1]),
  gather_repeated_2d_indices: (p) => tf.gather(p, [[0, 2], [2, 2]]),
  gather_axis1: (p) => tf.gather(p, [4, 0, 4], {axis: 1}),
  gather_axis_last: (p) => tf.gather(p, [1, 1, 0], {axis: -1}),
  gather_batch_dims: (p) => tf.gather(p, [[0, 3, 3], [1, 1, 2]], {axis: 1, batch_dims: 1}),
  gather_unknown_rows: (p) => tf.gather(p, [5, 0, 5]),
  concat_axis1_three: (a, b, c) => tf.concat([a, b, c], 1),
  concat_unknown_batch: (a, b) => tf.concat([a, b], -1),
  strided_slice_negative: (x) => tf.strided_slice(x, [4, 0], [0, 0], [-2, -1], {begin_mask: 2, end_mask: 2}),
  strided_slice_shrink_newaxis: (x) =>
    tf.strided_slice(x, [1, 0, 2, 0], [3, 0, 3, 0], [1, 1, 1, -3], {begin_mask: 8, end_mask: 8, new_axis_mask: 2, shrink_axis_mask: 4}),
  strided_slice_ellipsis: (x) => tf.strided_slice(x, [0, 1], [0, 4], [1, 2], {ellipsis_mask: 1}),
  tile: (x) => tf.tile(x, [3, 2]),
  tile_unknown_batch: (x) => tf.tile(x, [2, 1, 3]),
  slice: (x) => tf.slice(x, [1, 2], [2, -1]),
  slice_unknown_batch: (x) => tf.slice(x, [1, 0], [-1, 3]),
};

describe('gradients of array ops: TF\'s values (array_grad.json)', () => {
  const F = loadFixture<{cases: GoldenCase[]}>('array_grad');
  it('covers every program of the generator', () => {
    expect(F.cases.map((c) => c.name)).to.deep.equal(Object.keys(PROGRAMS));
  });
  for (const c of F.cases) {
    it(c.name, () => {
      tf.reset_default_graph();
      const xs = c.inputs.map((i) => tf.placeholder(tf.float32, i.shape));
      const y = PROGRAMS[c.name](...xs);
      expect(y.shape.as_list(), 'y static shape').to.deep.equal(c.y_shape);
      const grads = tf.gradients(y, xs, {grad_ys: tf.constant(decode(c.grad_ys))});
      grads.forEach((g, i) => expect(g!.shape.dims, `static shape of gradient ${i}`).to.deep.equal(c.grad_shapes[i]));
      using sess = new tf.Session();
      const feed = xs.map((x, i) => [x, decode(c.inputs[i].feed)] as const);
      const values = sess.run(grads as tf.Tensor[], feed) as tf.NDArray[];
      values.forEach((v, i) => expectAllClose(v, decode(c.grads[i]), {rtol: 1e-6, atol: 1e-6}, `gradient ${i}`));
    });
  }
});

describe('array ops without a gradient', () => {
  it('are declared not differentiable, as TF declares them', () => {
    const types = ['Shape', 'ShapeN', 'Size', 'Rank', 'ZerosLike', 'OnesLike', 'OneHot', 'Range', 'LinSpace', 'StopGradient', 'InvertPermutation', 'ConcatOffset', 'Placeholder'];
    for (const t of types) expect(lookupOp(t)!.grad, t).to.equal(null);
  });

  it('stop_gradient blocks the gradient: d(stop_gradient(x) * 2)/dx is [null]', () => {
    tf.reset_default_graph();
    const x = tf.placeholder(tf.float32, [3]);
    const y = tf.multiply(tf.stop_gradient(x), 2);
    expect(tf.gradients(y, x)).to.deep.equal([null]);
  });

  it('check_numerics checks the gradient too, with TF\'s message', () => {
    tf.reset_default_graph();
    const x = tf.placeholder(tf.float32, [2]);
    const [g] = tf.gradients(tf.check_numerics(x, 'in x'), x, {grad_ys: tf.constant([1, NaN])});
    expect(g!.op.type).to.equal('CheckNumerics');
    using sess = new tf.Session();
    expect(() => sess.run(g!, [[x, [1, 2]]])).to.throw('Not a number (NaN) or infinity (Inf) values detected in gradient. in x : Tensor had NaN values');
  });

  it('gather gives no gradient to its indices, nor select to its condition', () => {
    tf.reset_default_graph();
    const p = tf.placeholder(tf.float32, [4, 2]);
    const i = tf.placeholder(tf.int32, [3]);
    expect(tf.gradients(tf.gather(p, i), i)).to.deep.equal([null]);
    const c = tf.placeholder(tf.bool, [4, 2]);
    const [gc, gp] = tf.gradients(tf.where(c, p, p), [c, p]);
    expect(gc).to.equal(null);
    expect(gp).to.not.equal(null);
  });
});
