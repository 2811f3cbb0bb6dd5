/**
 * The TF1 summary ops (core/ops/logging_ops.cc, core/kernels/summary_*.cc): ScalarSummary,
 * HistogramSummary, ImageSummary and MergeSummary. Each outputs a scalar string tensor holding a
 * serialized `Summary` proto, as a binary string (see bytes.ts). None is differentiable
 * (logging_ops.py: `ops.NotDifferentiable`).
 */
import * as tfc from '@tensorflow/tfjs-core';
import {string as dtString, type DType} from '../framework/dtypes';
import {defineOp, type KernelContext} from '../framework/registry';
import {TensorShape} from '../framework/tensor_shape';
import {NDArray} from '../ndarray/ndarray';
import {binaryToBytes, bytesToBinary} from './bytes';
import {Histogram} from './histogram';
import {imageSummaryValues} from './image';
import {decodeSummary, encodeSummary, type SummaryData} from './proto';

/** TF's `realnumbertypes`. */
const REAL_NUMBER_TYPES = ['float32', 'float64', 'int32', 'uint8', 'int16', 'int8', 'int64', 'bfloat16', 'uint16', 'float16', 'uint32', 'uint64'];

const scalarString = (): [{dtype: DType; shape: TensorShape}] => [{dtype: dtString, shape: TensorShape.scalar()}];

/** The kernel's output: the Summary serialized, as a binary string in a scalar string tensor. */
function summaryTensor(s: SummaryData): tfc.Tensor {
  return tfc.tensor([bytesToBinary(encodeSummary(s))], [], 'string');
}

/** TensorShape::DebugString: `[]`, `[2,3]`. */
function debugShape(a: NDArray): string {
  return `[${a.dims.join(',')}]`;
}

/** A tag as the protos hold it; tags are UTF-8 text. */
function tagAt(tags: NDArray, i: number): string {
  return String(tags.data[i]);
}

/** Host values as doubles, as the kernels read them (`static_cast<double>(flat(i))`). */
function valueAt(a: NDArray, i: number): number {
  return Number(a.data[i]);
}

export const ScalarSummary = defineOp<{T: DType}, [NDArray, NDArray]>({
  type: 'ScalarSummary',
  inputs: [
    {name: 'tags', fixed: dtString, host: true},
    {name: 'values', allowed: REAL_NUMBER_TYPES, host: true},
  ],
  infer: scalarString,
  kernel: ([tags, values], _, ctx) => {
    const sameShape = tags.dims.length === values.dims.length && tags.dims.every((d, i) => d === values.dims[i]);
    if (!sameShape) {
      const single = tags.size === 1 ? ` (tag '${tagAt(tags, 0)}')` : '';
      ctx.fail(`tags and values are not the same shape: ${debugShape(tags)} != ${debugShape(values)}${single}`);
    }
    // simple_value is a float: `static_cast<float>(Tvalues(i))`.
    const value = Array.from({length: tags.size}, (_, i) => ({tag: tagAt(tags, i), simple_value: Math.fround(valueAt(values, i))}));
    return [summaryTensor({value})];
  },
  grad: null,
});

export const HistogramSummary = defineOp<{T: DType}, [NDArray, NDArray]>({
  type: 'HistogramSummary',
  inputs: [
    {name: 'tag', fixed: dtString, host: true},
    {name: 'values', allowed: REAL_NUMBER_TYPES, host: true},
  ],
  infer: scalarString,
  kernel: ([tag, values], _, ctx) => {
    if (tag.dims.length !== 0) ctx.fail('tags must be scalar');
    const histo = new Histogram();
    for (let i = 0; i < values.size; i++) {
      const x = valueAt(values, i);
      if (Number.isNaN(x)) ctx.fail(`Nan in summary histogram for: ${ctx.op.name}`);
      if (!Number.isFinite(x)) ctx.fail(`Infinity in Histogram for: ${ctx.op.name}`);
      histo.add(x);
    }
    return [summaryTensor({value: [{tag: tagAt(tag, 0), histo: histo.toProto()}]})];
  },
  grad: null,
});

export interface ImageSummaryAttrs {
  [k: string]: DType | number | NDArray;
  T: DType;
  max_images: number;
  bad_color: NDArray;
}

/** ImageSummary's default `bad_color`: opaque red, uint8 [255, 0, 0, 255]. */
export function defaultBadColor(): NDArray {
  return new NDArray(Int32Array.from([255, 0, 0, 255]), [4], 'uint8');
}

export const ImageSummary = defineOp<ImageSummaryAttrs, [NDArray, NDArray]>({
  type: 'ImageSummary',
  inputs: [
    {name: 'tag', fixed: dtString, host: true},
    {name: 'tensor', allowed: ['uint8', 'float32', 'float16', 'float64'], host: true},
  ],
  infer: (ctx) => {
    // op_def_library's check of `max_images: int >= 1`, made at build time.
    if (ctx.attrs.max_images < 1) {
      ctx.fail(`Attr 'max_images' of 'ImageSummary' Op passed ${ctx.attrs.max_images} less than minimum 1.`);
    }
    return scalarString();
  },
  kernel: ([tag, tensor], {max_images, bad_color}, ctx) => {
    if (tag.dims.length !== 0) ctx.fail('Tags must be a scalar');
    const d = tensor.dims;
    if (d.length !== 4 || ![1, 3, 4].includes(d[3])) {
      ctx.fail(`Tensor must be 4-D with last dim 1, 3, or 4, not ${debugShape(tensor)}`);
    }
    if (d[1] * d[2] >= 2 ** 29) ctx.fail(`Tensor too large for summary ${debugShape(tensor)}`);
    if (d[1] * d[2] <= 0 || d[3] <= 0) {
      ctx.fail(`input tensor must have non-zero dims. Found: [${d[0]}, ${d[1]}, ${d[2]}, ${d[3]}].`);
    }
    if (tensor.dtype !== 'uint8' && bad_color.size < d[3]) {
      ctx.fail(`expected depth <= bad_color.size, got depth = ${d[3]}, bad_color.size = ${bad_color.size}`);
    }
    const batch = {data: tensor.data as ArrayLike<number>, dims: d, dtype: tensor.dtype};
    return [summaryTensor({value: imageSummaryValues(tagAt(tag, 0), batch, max_images, bad_color.data as ArrayLike<number>)})];
  },
  grad: null,
});

/** Checks that the serialized inputs parse and that no tag repeats, as MergeSummary's kernel does. */
function checkMergeInputs(parts: readonly Uint8Array[], ctx: KernelContext): void {
  const tags = new Set<string>();
  for (const bytes of parts) {
    let s: SummaryData;
    try {
      s = decodeSummary(bytes);
    } catch {
      return ctx.fail('Could not parse one of the summary inputs');
    }
    for (const v of s.value ?? []) {
      // An empty tag (a tensor summary's) is never a duplicate.
      if (!v.tag) continue;
      if (tags.has(v.tag)) ctx.fail(`Duplicate tag ${v.tag} found in summary inputs `);
      tags.add(v.tag);
    }
  }
}

export const MergeSummary = defineOp<{N: number}, NDArray[]>({
  type: 'MergeSummary',
  inputs: [{name: 'inputs', list: true, fixed: dtString, host: true}],
  infer: scalarString,
  kernel: (inputs, _, ctx) => {
    const parts = inputs.flatMap((a) => Array.from(a.data as string[], binaryToBytes));
    checkMergeInputs(parts, ctx);
    // A Summary is one repeated field, so concatenating serialized Summaries appends their values:
    // the same bytes TF gets by parsing, appending and re-serializing.
    return [tfc.tensor([parts.map(bytesToBinary).join('')], [], 'string')];
  },
  grad: null,
});
