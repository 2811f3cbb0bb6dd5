/**
 * ImageSummary's pixels, as TF's SummaryImageOp computes them (core/kernels/summary_image_op.cc):
 * uint8 images are taken as they are; float images are scaled one image at a time —
 *
 *   - all values >= 0: scaled so that the largest is 255 (× 255 / max);
 *   - any value < 0: × 127 / max(|min|, |max|), then + 128, so that 0 lands on 128;
 *   - a max below 1e-6 scales by 0; a pixel with a non-finite channel gets `bad_color`;
 *
 * in the image's own precision (float32 rounding for float, doubles for float64), then truncated
 * to uint8 as C++'s cast does.
 */
import type {SummaryValueData} from './proto';
import {encodePng} from './png';

export interface ImageBatch {
  /** Row-major [batch, height, width, depth] values. */
  readonly data: ArrayLike<number>;
  readonly dims: readonly number[];
  /** TF's dtype name: 'uint8', 'float32', 'float16' or 'float64'. */
  readonly dtype: string;
}

const K_ZERO_THRESHOLD = Math.fround(1e-6);

/** Image `i` of the batch as uint8 pixels (hw × depth). */
function imagePixels(batch: ImageBatch, i: number, badColor: ArrayLike<number>): Uint8Array {
  const [, h, w, depth] = batch.dims;
  const hw = h * w;
  const base = i * hw * depth;
  const out = new Uint8Array(hw * depth);
  if (batch.dtype === 'uint8') {
    for (let k = 0; k < out.length; k++) out[k] = batch.data[base + k];
    return out;
  }
  // TF computes in T: float for float32 (and here for float16, which tfjs holds as float32).
  const r = batch.dtype === 'float64' ? (x: number) => x : Math.fround;
  const finitePixel = (p: number): boolean => {
    for (let j = 0; j < depth; j++) if (!Number.isFinite(batch.data[base + p * depth + j])) return false;
    return true;
  };
  // min/max over pixels whose channels are all finite, in float (TF: `float value(values(i, j))`).
  let min = Infinity;
  let max = -Infinity;
  for (let p = 0; p < hw; p++) {
    if (!finitePixel(p)) continue;
    for (let j = 0; j < depth; j++) {
      const v = Math.fround(batch.data[base + p * depth + j]);
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
  }
  let scale: number;
  let offset: number;
  if (min < 0) {
    const maxVal = Math.max(Math.abs(min), Math.abs(max));
    scale = maxVal < K_ZERO_THRESHOLD ? 0 : Math.fround(127 / maxVal);
    offset = 128;
  } else {
    scale = max < K_ZERO_THRESHOLD ? 0 : Math.fround(255 / max);
    offset = 0;
  }
  for (let p = 0; p < hw; p++) {
    const finite = finitePixel(p);
    for (let j = 0; j < depth; j++) {
      const k = p * depth + j;
      // C++'s float → uint8 cast truncates toward zero.
      out[k] = finite ? Math.trunc(r(r(batch.data[base + k] * scale) + offset)) : badColor[j];
    }
  }
  return out;
}

/**
 * The Summary values of an ImageSummary: `min(max_images, batch)` PNGs tagged `tag/image/i`
 * (or `tag/image` when max_images is 1: the tag depends on the number requested).
 */
export function imageSummaryValues(tag: string, batch: ImageBatch, maxImages: number, badColor: ArrayLike<number>): SummaryValueData[] {
  const [n, h, w, depth] = batch.dims;
  const values: SummaryValueData[] = [];
  for (let i = 0; i < Math.min(maxImages, n); i++) {
    values.push({
      tag: maxImages > 1 ? `${tag}/image/${i}` : `${tag}/image`,
      image: {height: h, width: w, colorspace: depth, encoded_image_string: encodePng(imagePixels(batch, i, badColor), w, h, depth)},
    });
  }
  return values;
}
