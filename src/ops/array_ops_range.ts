/**
 * Sequences: `tf.range` (Range) and `tf.lin_space`/`tf.linspace` (LinSpace). Both kernels compute
 * on the host, in the op's dtype and in TF's order of operations (Range accumulates `delta`,
 * LinSpace computes `start + step * i`), so float32 results match TF's bit for bit.
 */
import * as tfc from '@tensorflow/tfjs-core';
import {as_dtype, float16, float32, float64, int32, int64, type DType, type DTypeLike} from '../framework/dtypes';
import {convert_to_tensor, type TensorLike} from '../framework/constant_op';
import {within} from '../framework/context';
import {get_default_graph, isTensor} from '../framework/graph';
import {applyOp} from '../framework/op_builder';
import {defineOp, type ShapeContext} from '../framework/registry';
import type {Tensor} from '../framework/tensor';
import {bracket, TensorShape} from '../framework/tensor_shape';
import type {NDArray} from '../ndarray/ndarray';
import {bindArgs} from '../framework/args';
import {cast} from './math_ops';

const FLOAT_TYPES = ['bfloat16', 'float16', 'float32', 'float64'];

/** C++'s default float formatting in TF's messages (`5.5`, `0.1`). */
function fmt(x: number): string {
  return String(Number(x.toPrecision(6)));
}

/** A scalar input's static value, after TF's WithRank(0) check with the input's name as context. */
function scalarValue(ctx: ShapeContext, i: number, what: string): number | null {
  const s = ctx.inputs[i].shape;
  if (s.ndims !== null && s.ndims !== 0) ctx.fail(`Shape must be rank 0 but is rank ${s.ndims}\n\t for '${what}'`);
  const v = ctx.constValue(i);
  return v === null ? null : Number(v.data[0]);
}

/** Rounds to the op's compute precision: float32 for the float types but float64. */
function rounder(dtype: DType): (x: number) => number {
  return dtype.is_floating && dtype !== float64 ? Math.fround : (x) => x;
}

/** TF's RangeSize: the number of elements, or the reason there is none (`fail`). */
function rangeSize(fail: (m: string) => never, start: number, limit: number, delta: number, dtype: DType, atRun: boolean): number {
  if (start > limit && delta > 0) fail(`Requires start <= limit when delta > 0: ${fmt(start)}/${fmt(limit)}`);
  if (start < limit && delta < 0) fail(`Requires start >= limit when delta < 0: ${fmt(start)}/${fmt(limit)}`);
  if (delta === 0) fail(atRun ? `Requires delta != 0: ${fmt(delta)}` : 'Requires delta != 0');
  if (dtype.is_integer) return Math.floor((Math.abs(limit - start) + Math.abs(delta) - 1) / Math.abs(delta));
  const r = rounder(dtype);
  return Math.ceil(Math.abs(r(r(limit - start) / delta)));
}

const Range = defineOp<{Tidx: DType}, [NDArray, NDArray, NDArray]>({
  type: 'Range',
  inputs: ['start', 'limit', 'delta'].map((name) => ({
    name,
    typeAttr: 'Tidx',
    host: true,
    allowed: ['bfloat16', 'float16', 'float32', 'float64', 'int32', 'int64'],
  })),
  infer: (ctx) => {
    const [s, l, d] = ['start', 'limit', 'delta'].map((what, i) => scalarValue(ctx, i, what));
    const dtype = ctx.attrs.Tidx;
    if (s === null || l === null || d === null) return [{dtype, shape: new TensorShape([null])}];
    return [{dtype, shape: new TensorShape([rangeSize((m) => ctx.fail(m), s, l, d, dtype, false)])}];
  },
  kernel: (args, {Tidx}, ctx) => {
    args.forEach((a, i) => a.shape.length !== 0 && ctx.fail(`${['start', 'limit', 'delta'][i]} must be a scalar, not shape ${bracket(a.shape)}`));
    const [start, limit, delta] = args.map((a) => Number(a.data[0]));
    const n = rangeSize((m) => ctx.fail(m), start, limit, delta, Tidx, true);
    const r = rounder(Tidx);
    const out = Tidx.is_integer ? new Int32Array(n) : new Float32Array(n);
    for (let i = 0, v = start; i < n; i++, v = r(v + delta)) out[i] = v;
    return [tfc.tensor1d(out, Tidx.tfjs as 'int32' | 'float32')];
  },
  grad: null,
});

const HIERARCHY = [int32, int64, float16, float32, float64];

export interface RangeOptions {
  limit?: TensorLike | null;
  delta?: TensorLike;
  dtype?: DTypeLike | null;
  name?: string;
}

/**
 * `tf.range(limit)` / `tf.range(start, limit, delta=1, dtype=None, name='range')`. Without a
 * dtype, each JS number converts as Python's literal would (an integer to int32, else float32)
 * and the result takes the widest of the three dtypes, the others cast to it (TF1's hierarchy
 * int32 < int64 < float16 < float32 < float64).
 */
export function range(
  start: TensorLike,
  limit?: TensorLike | null | RangeOptions,
  delta?: TensorLike | RangeOptions,
  dtype?: DTypeLike | null | RangeOptions,
  name?: string | RangeOptions,
): Tensor {
  const o = bindArgs<RangeOptions>('range', ['limit', 'delta', 'dtype', 'name'], [limit, delta, dtype, name]);
  const [s, l] = o.limit === undefined || o.limit === null ? [0, start] : [start, o.limit];
  const want = o.dtype ? as_dtype(o.dtype) : null;
  return within(get_default_graph().name_scope(o.name ?? 'range'), (scope) => {
    const convert = (v: TensorLike, what: string): Tensor => {
      if (isTensor(v)) return v;
      return convert_to_tensor(v, want, what, typeof v === 'number' && Number.isInteger(v) ? int32 : null);
    };
    const args = [convert(s, 'start'), convert(l, 'limit'), convert(o.delta ?? 1, 'delta')];
    const inferred = want ?? widest(args.map((t) => t.dtype.base_dtype));
    return applyOp(Range, args.map((t) => cast(t, inferred)), {}, scope.value).outputs[0];
  });
}

function widest(dtypes: DType[]): DType {
  const rank = (d: DType) => {
    const i = HIERARCHY.indexOf(d);
    if (i < 0) throw new TypeError(`Range does not take ${d.name} arguments; expected one of int32, int64, float16, float32, float64`);
    return i;
  };
  return HIERARCHY[Math.max(...dtypes.map(rank))];
}

const LinSpace = defineOp<{T: DType; Tidx: DType}, [NDArray, NDArray, NDArray]>({
  type: 'LinSpace',
  inputs: [
    {name: 'start', host: true, allowed: FLOAT_TYPES},
    {name: 'stop', host: true, allowed: FLOAT_TYPES},
    {name: 'num', typeAttr: 'Tidx', defaultDtype: int32, host: true, allowed: ['int32', 'int64']},
  ],
  infer: (ctx) => {
    scalarValue(ctx, 0, 'start');
    scalarValue(ctx, 1, 'stop');
    const num = scalarValue(ctx, 2, 'num');
    if (num !== null && num <= 0) ctx.fail(`Requires num > 0: ${num}`);
    return [{dtype: ctx.attrs.T, shape: new TensorShape([num])}];
  },
  kernel: (args, {T}, ctx) => {
    args.forEach((a, i) => a.shape.length !== 0 && ctx.fail(`${['start', 'stop', 'num'][i]} must be a scalar, not shape ${bracket(a.shape)}`));
    const [start, stop, num] = args.map((a) => Number(a.data[0]));
    if (num <= 0) ctx.fail(`Requires num > 0: ${num}`);
    const r = rounder(T);
    const out = new Float32Array(num);
    const step = r(r(stop - start) / (num - 1));
    for (let i = 0; i < num - 1; i++) out[i] = r(start + r(step * i));
    out[num - 1] = num === 1 ? start : stop;
    return [tfc.tensor1d(out, 'float32')];
  },
  grad: null,
});

/** `tf.lin_space(start, stop, num, name=None)`: TF1's LinSpace op, `num` evenly spaced values. */
export function lin_space(start: TensorLike, stop: TensorLike, num: TensorLike, name?: string | {name?: string}): Tensor {
  const o = bindArgs<{name?: string}>('lin_space', ['name'], [name]);
  return applyOp(LinSpace, [start, stop, num], {}, o.name ?? 'LinSpace').outputs[0];
}

/** `tf.linspace`: TF1's other name for `tf.lin_space`. */
export function linspace(start: TensorLike, stop: TensorLike, num: TensorLike, name?: string | {name?: string}): Tensor {
  return lin_space(start, stop, num, name);
}
