/** Padding: `tf.pad` (Pad, PadV2 with a constant value, MirrorPad for REFLECT/SYMMETRIC). */
import * as tfc from '@tensorflow/tfjs-core';
import {int32, type DType} from '../framework/dtypes';
import {ValueError} from '../framework/errors';
import {isTensor} from '../framework/graph';
import {defineOp, type KernelContext, type RegisteredOp, type ShapeContext} from '../framework/registry';
import type {Tensor} from '../framework/tensor';
import {bracket, TensorShape, type Dim} from '../framework/tensor_shape';
import type {NDArray} from '../ndarray/ndarray';
import {bindArgs} from '../framework/args';
import type {TensorLike} from '../framework/constant_op';
import {applyOp} from '../framework/op_builder';
import type {Operation} from '../framework/operation';
import {slice} from './array_ops_index';
import {rank, shape} from './array_ops_info';
import {stack} from './array_ops_join';
import {applyPacked} from './array_ops_pack';
import {reshape} from './array_ops_shape';
import {constInts, withRank} from './shape_utils';

const PADDINGS = {name: 'paddings', typeAttr: 'Tpaddings', defaultDtype: int32, host: true, allowed: ['int32', 'int64']} as const;

/**
 * TF's PadShapeFn: each dim grown by its two paddings (all ops of this file share it); with
 * `sign` -1, shrunk by them (MirrorPadGrad).
 */
function padShape(ctx: ShapeContext, sign = 1): TensorShape {
  const p = withRank(ctx, 1, 2).dims!;
  if (p[1] !== null && p[1] !== 2) ctx.fail(`Dimension must be 2 but is ${p[1]}`);
  const input = ctx.inputs[0].shape;
  let n = p[0];
  if (n !== null) withRank(ctx, 0, n);
  else if (input.dims !== null) n = input.dims.length;
  const pads = constInts(ctx, 1);
  if (pads === null) return n === null ? TensorShape.unknown() : new TensorShape(Array<Dim>(n).fill(null));
  const dims = withRank(ctx, 0, pads.length / 2).dims!;
  return new TensorShape(
    dims.map((d, i) => {
      const [a, b] = [pads[2 * i], pads[2 * i + 1]];
      if (a < 0 || b < 0) ctx.fail('Paddings must be non-negative');
      if (d !== null && d + sign * (a + b) < 0) ctx.fail(`Negative dimension size caused by subtracting ${a + b} from ${d}`);
      return d === null ? null : d + sign * (a + b);
    }),
  );
}

/** The paddings as [before, after] pairs, checked as TF's Pad kernels check them. */
function padPairs(ctx: KernelContext, x: tfc.Tensor, paddings: NDArray): [number, number][] {
  const s = paddings.shape;
  if (s.length !== 2 || s[1] !== 2) ctx.fail(`paddings must be a matrix with 2 columns: ${bracket(s)}`);
  if (s[0] !== x.rank) ctx.fail(`The first dimension of paddings must be the rank of inputs${bracket(s)} ${bracket(x.shape)}`);
  const v = Array.from(paddings.data as ArrayLike<number>, Number);
  return x.shape.map((_, i) => {
    const pair: [number, number] = [v[2 * i], v[2 * i + 1]];
    if (pair[0] < 0 || pair[1] < 0) ctx.fail(`Paddings must be non-negative: ${pair[0]} ${pair[1]}`);
    return pair;
  });
}

const Pad = defineOp<{T: DType; Tpaddings: DType}, [tfc.Tensor, NDArray]>({
  type: 'Pad',
  inputs: ['input', PADDINGS],
  infer: (ctx) => [{dtype: ctx.inputs[0].dtype.base_dtype, shape: padShape(ctx)}],
  kernel: ([input, paddings], _, ctx) => [tfc.pad(input, padPairs(ctx, input, paddings))],
  grad: (op, [grad]) => [padGrad(op, grad!), null],
});

/** TF's _PadGrad: the input's part of the gradient, sliced out at the paddings before. */
function padGrad(op: Operation, grad: Tensor): Tensor {
  const [x, paddings] = op.inputs;
  const before = slice(paddings, [0, 0], stack([rank(x), 1]));
  const begin = reshape(before, [-1]);
  return slice(grad, begin, shape(x, {out_type: begin.dtype.base_dtype}));
}

const PadV2 = defineOp<{T: DType; Tpaddings: DType}, [tfc.Tensor, NDArray, NDArray]>({
  type: 'PadV2',
  inputs: ['input', PADDINGS, {name: 'constant_values', host: true}],
  infer: (ctx) => {
    withRank(ctx, 2, 0);
    return [{dtype: ctx.inputs[0].dtype.base_dtype, shape: padShape(ctx)}];
  },
  kernel: ([input, paddings, value], _, ctx) => {
    if (value.shape.length !== 0) ctx.fail(`constant_values must be a scalar. Got: ${bracket(value.shape)}`);
    return [tfc.pad(input, padPairs(ctx, input, paddings), Number(value.data[0]))];
  },
  // As TF, the padding value gets no gradient.
  grad: (op, [grad]) => [padGrad(op, grad!), null, null],
});

const MirrorPad: RegisteredOp = defineOp<{T: DType; Tpaddings: DType; mode: string}, [tfc.Tensor, NDArray]>({
  type: 'MirrorPad',
  inputs: ['input', PADDINGS],
  infer: (ctx) => [{dtype: ctx.inputs[0].dtype.base_dtype, shape: padShape(ctx)}],
  kernel: ([input, paddings], {mode}, ctx) => {
    const pairs = padPairs(ctx, input, paddings);
    pairs.forEach(([a, b], i) => {
      const d = input.shape[i];
      if (mode === 'REFLECT' && (a >= d || b >= d)) ctx.fail(`paddings must be less than the dimension size: ${a}, ${b} not less than ${d}`);
      if (mode === 'SYMMETRIC' && (a > d || b > d)) ctx.fail(`paddings must be no greater than the dimension size: ${a}, ${b} greater than ${d}`);
    });
    return [tfc.mirrorPad(input, pairs, mode === 'REFLECT' ? 'reflect' : 'symmetric')];
  },
  grad: (op, [grad]) => [mirror_pad_grad(grad!, op.inputs[1], op.attrs.mode as string), null],
});

/**
 * The gradient of MirrorPad: the padded gradient folded back, each mirrored part added to the
 * elements it copied, one dimension at a time.
 */
const MirrorPadGrad: RegisteredOp = defineOp<{T: DType; Tpaddings: DType; mode: string}, [tfc.Tensor, NDArray]>({
  type: 'MirrorPadGrad',
  inputs: ['input', PADDINGS],
  infer: (ctx) => [{dtype: ctx.inputs[0].dtype.base_dtype, shape: padShape(ctx, -1)}],
  kernel: ([input, paddings], {mode}, ctx) => {
    const pairs = padPairs(ctx, input, paddings);
    // REFLECT does not repeat the edge, so its mirrored parts land one element further in.
    const off = mode === 'REFLECT' ? 1 : 0;
    let x = input;
    pairs.forEach(([a, b], i) => {
      const d = x.shape[i] - a - b;
      if (a + off > d || b + off > d) ctx.fail(`paddings must be ${off ? 'less than' : 'no greater than'} the dimension size: ${a}, ${b} vs. ${d}`);
      if (a === 0 && b === 0) return;
      const part = (start: number, n: number) => tfc.slice(x, x.shape.map((_, j) => (j === i ? start : 0)), x.shape.map((s, j) => (j === i ? n : s)));
      const along = (t: tfc.Tensor, before: number, after: number) => tfc.pad(t, t.shape.map((_, j): [number, number] => (j === i ? [before, after] : [0, 0])));
      let y = part(a, d);
      if (a > 0) y = tfc.add(y, along(tfc.reverse(part(0, a), i), off, d - a - off));
      if (b > 0) y = tfc.add(y, along(tfc.reverse(part(a + d, b), i), d - b - off, off));
      x = y;
    });
    return [x === input ? tfc.clone(x) : x];
  },
  // TF's _MirrorPadGradGrad: the gradient mirror-padded again.
  grad: (op, [grad]) => [applyOp(MirrorPad, [grad, op.inputs[1]], {mode: op.attrs.mode}, 'MirrorPad').outputs[0], null],
});

/** `gen_array_ops.mirror_pad_grad(input, paddings, mode, name=None)`. */
export function mirror_pad_grad(input: TensorLike, paddings: TensorLike, mode: string, name?: string): Tensor {
  return applyOp(MirrorPadGrad, [input, paddings], {mode}, name ?? 'MirrorPadGrad').outputs[0];
}

export interface PadOptions {
  mode?: string;
  name?: string;
  constant_values?: TensorLike;
}

/**
 * `tf.pad(tensor, paddings, mode='CONSTANT', name=None, constant_values=0)`. As TF1: a zero JS
 * constant pads with Pad, any other value with PadV2.
 */
export function pad(
  tensor: TensorLike,
  paddings: TensorLike,
  mode?: string | PadOptions,
  name?: string | PadOptions,
  constant_values?: TensorLike | PadOptions,
): Tensor {
  const o = bindArgs<PadOptions>('pad', ['mode', 'name', 'constant_values'], [mode, name, constant_values]);
  const m = (o.mode ?? 'CONSTANT').toUpperCase();
  const value = o.constant_values ?? 0;
  if (m === 'CONSTANT') {
    if (!isTensor(value) && value === 0) return applyPacked(Pad, [tensor, paddings], {}, o.name ?? 'Pad').outputs[0];
    return applyPacked(PadV2, [tensor, paddings, value], {}, o.name ?? 'PadV2').outputs[0];
  }
  if (m === 'REFLECT' || m === 'SYMMETRIC') {
    return applyPacked(MirrorPad, [tensor, paddings], {mode: m}, o.name ?? 'MirrorPad').outputs[0];
  }
  throw new ValueError(`Value of argument \`mode\` expected to be one of "CONSTANT", "REFLECT", or "SYMMETRIC". Received \`mode\` = ${m}`);
}

