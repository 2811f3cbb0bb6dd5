/**
 * TF's histogram::Histogram (tsl/lib/histogram/histogram.cc), as HistogramSummary uses it: the
 * default bucket limits, `Add`, and `EncodeToProto(proto, preserve_zero_buckets=false)`.
 * Everything is in doubles and in the same order as TF's, so the proto is bit-identical.
 */
import type {HistogramProtoData} from './proto';

const DBL_MAX = Number.MAX_VALUE;

let defaultLimits: Float64Array | undefined;

/**
 * TF's InitDefaultBucketsInner: limits growing by 10% from 1e-12 up to 1e20, then DBL_MAX;
 * mirrored for negatives; 0 in the middle (1551 limits).
 */
export function defaultBucketLimits(): Float64Array {
  if (defaultLimits) return defaultLimits;
  const pos: number[] = [];
  for (let v = 1.0e-12; v < 1.0e20; v *= 1.1) pos.push(v);
  pos.push(DBL_MAX);
  const neg = pos.map((v) => -v).reverse();
  return (defaultLimits = Float64Array.from([...neg, 0.0, ...pos]));
}

/** std::upper_bound: the first index whose limit is greater than `x`. */
function upperBound(limits: Float64Array, x: number): number {
  let lo = 0;
  let hi = limits.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (limits[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class Histogram {
  private readonly limits = defaultBucketLimits();
  private readonly buckets = new Float64Array(this.limits.length);
  // TF's Clear(): min starts at the last limit (DBL_MAX), max at -DBL_MAX.
  private min = DBL_MAX;
  private max = -DBL_MAX;
  private num = 0;
  private sum = 0;
  private sumSquares = 0;

  add(value: number): void {
    // A value at DBL_MAX would index past the end in TF; it is counted in the last bucket here.
    const b = Math.min(upperBound(this.limits, value), this.buckets.length - 1);
    this.buckets[b] += 1.0;
    if (this.min > value) this.min = value;
    if (this.max < value) this.max = value;
    this.num++;
    this.sum += value;
    this.sumSquares += value * value;
  }

  /** TF's EncodeToProto with preserve_zero_buckets = false: runs of empty buckets collapse into one. */
  toProto(): HistogramProtoData {
    const bucket_limit: number[] = [];
    const bucket: number[] = [];
    const n = this.buckets.length;
    for (let i = 0; i < n; ) {
      let end = this.limits[i];
      let count = this.buckets[i];
      let j = i + 1;
      while (count <= 0 && j < n && this.buckets[j] <= 0) {
        end = this.limits[j];
        count = this.buckets[j];
        j++;
      }
      bucket_limit.push(end);
      bucket.push(count);
      i = j;
    }
    if (bucket.length === 0) {
      bucket_limit.push(DBL_MAX);
      bucket.push(0.0);
    }
    return {min: this.min, max: this.max, num: this.num, sum: this.sum, sum_squares: this.sumSquares, bucket_limit, bucket};
  }
}
