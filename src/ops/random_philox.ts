/**
 * TensorFlow's CPU random number generation, bit for bit: the Philox4x32-10 counter-based
 * generator (tensorflow/core/lib/random/philox_random.h) and the distributions its random
 * kernels draw with (random_distributions.h, random_op_cpu.h), so that a seeded op gives the
 * values real TensorFlow gives.
 *
 * Float results are computed in double and rounded to float32 at each step where TF's C++ works
 * in float; TF's libm (logf, sincosf) may still differ from JS's Math in the last bit.
 */

const W32A = 0x9e3779b9;
const W32B = 0xbb67ae85;
const M4x32A = 0xd2511f53;
const M4x32B = 0xcd9e8d57;
const TWO32 = 2 ** 32;

/** The high 32 bits of the 64-bit product of two uint32s. */
function mulhi(a: number, b: number): number {
  const a0 = a & 0xffff;
  const a1 = a >>> 16;
  const b0 = b & 0xffff;
  const b1 = b >>> 16;
  const m1 = a1 * b0 + ((a0 * b0) >>> 16);
  const m2 = a0 * b1 + (m1 & 0xffff);
  return (a1 * b1 + (m1 >>> 16) + (m2 >>> 16)) >>> 0;
}

/** TF's `random::PhiloxRandom`: a 128-bit counter and a 64-bit key; each call yields 4 uint32s. */
export class Philox {
  private readonly counter = new Uint32Array(4);
  private readonly key = new Uint32Array(2);

  /** `PhiloxRandom(seed_lo, seed_hi)`: the op's `seed` is the key, `seed2` the counter's high half. */
  constructor(seed: number, seed2: number) {
    this.key[0] = seed >>> 0;
    this.key[1] = Math.floor(seed / TWO32) >>> 0;
    this.counter[2] = seed2 >>> 0;
    this.counter[3] = Math.floor(seed2 / TWO32) >>> 0;
  }

  clone(): Philox {
    const p = new Philox(0, 0);
    p.counter.set(this.counter);
    p.key.set(this.key);
    return p;
  }

  /** Advances by `count` 128-bit samples (count < 2^53). */
  skip(count: number): void {
    const lo = count % TWO32;
    let hi = Math.floor(count / TWO32);
    const c = this.counter;
    c[0] += lo;
    if (c[0] < lo) hi++;
    c[1] += hi;
    if (c[1] < hi && ++c[2] === 0) c[3]++;
  }

  /** The next 4 uint32s: ten rounds of the Philox S-box. */
  next(): Uint32Array {
    let [c0, c1, c2, c3] = this.counter;
    let k0 = this.key[0];
    let k1 = this.key[1];
    for (let round = 0; round < 10; round++) {
      const lo0 = Math.imul(M4x32A, c0) >>> 0;
      const hi0 = mulhi(M4x32A, c0);
      const lo1 = Math.imul(M4x32B, c2) >>> 0;
      const hi1 = mulhi(M4x32B, c2);
      c0 = (hi1 ^ c1 ^ k0) >>> 0;
      c1 = lo1;
      c2 = (hi0 ^ c3 ^ k1) >>> 0;
      c3 = lo0;
      k0 = (k0 + W32A) >>> 0;
      k1 = (k1 + W32B) >>> 0;
    }
    this.skip(1);
    return Uint32Array.of(c0, c1, c2, c3);
  }
}

/** TF's `SingleSampleAdapter`: the generator's outputs one uint32 at a time. */
class SingleSample {
  private buf: Uint32Array = new Uint32Array(0);
  private i = 0;
  constructor(private readonly gen: Philox) {}
  next(): number {
    if (this.i === this.buf.length) {
      this.buf = this.gen.next();
      this.i = 0;
    }
    return this.buf[this.i++];
  }
}

/** `Uint32ToFloat`: 23 random mantissa bits, a float32 in [0, 1). */
function uint32ToFloat(x: number): number {
  return (x & 0x7fffff) / 0x800000;
}

/** `Uint64ToDouble`: 52 random mantissa bits (20 from x0, 32 from x1), a double in [0, 1). */
function uint64ToDouble(x0: number, x1: number): number {
  return ((x0 & 0xfffff) * TWO32 + x1) / 2 ** 52;
}

const f32 = Math.fround;
const EPS_F32 = f32(1e-7);

/** `BoxMullerFloat`: two standard normal float32s (sin, cos) from two uint32s. */
function boxMullerFloat(x0: number, x1: number): [number, number] {
  const u1 = Math.max(uint32ToFloat(x0), EPS_F32);
  const v1 = f32(2 * Math.PI * uint32ToFloat(x1));
  const u2 = f32(Math.sqrt(f32(-2 * f32(Math.log(u1)))));
  return [f32(f32(Math.sin(v1)) * u2), f32(f32(Math.cos(v1)) * u2)];
}

/** `BoxMullerDouble`: two standard normal doubles from four uint32s. */
function boxMullerDouble(x0: number, x1: number, x2: number, x3: number): [number, number] {
  const u1 = Math.max(uint64ToDouble(x0, x1), 1e-7);
  const v1 = 2 * Math.PI * uint64ToDouble(x2, x3);
  const u2 = Math.sqrt(-2 * Math.log(u1));
  return [Math.sin(v1) * u2, Math.cos(v1) * u2];
}

/** A distribution as TF declares it: values per group, and how one group is drawn. */
interface Distribution {
  /** `kResultElementCount`. */
  readonly group: number;
  /** `kVariableSamplesPerOutput`: draws a varying number of samples (rejection sampling). */
  readonly variable: boolean;
  draw(next: () => number): number[];
}

/** Which computation a dtype selects: TF's float and double kernels draw differently. */
export type Precision = 'float' | 'double';

function normal(p: Precision): Distribution {
  if (p === 'float') {
    return {group: 4, variable: false, draw: (next) => [...boxMullerFloat(next(), next()), ...boxMullerFloat(next(), next())]};
  }
  return {group: 2, variable: false, draw: (next) => boxMullerDouble(next(), next(), next(), next())};
}

function uniform(p: Precision): Distribution {
  if (p === 'float') return {group: 4, variable: false, draw: (next) => [0, 0, 0, 0].map(() => uint32ToFloat(next()))};
  return {group: 2, variable: false, draw: (next) => [0, 0].map(() => uint64ToDouble(next(), next()))};
}

/** `TruncatedNormalDistribution`: Box-Muller pairs, keeping the values with |x| < 2. */
function truncatedNormal(p: Precision): Distribution {
  const group = p === 'float' ? 4 : 2;
  const pair = p === 'float' ? (next: () => number) => boxMullerFloat(next(), next())
    : (next: () => number) => boxMullerDouble(next(), next(), next(), next());
  return {
    group,
    variable: true,
    draw: (next) => {
      const out: number[] = [];
      while (out.length < group) {
        for (const x of pair(next)) if (Math.abs(x) < 2 && out.length < group) out.push(x);
      }
      return out;
    },
  };
}

/** `UniformDistribution<int32>`: lo + (sample mod (hi - lo)), in uint32 arithmetic. */
function uniformInt32(lo: number, hi: number): Distribution {
  const range = (hi - lo) >>> 0;
  return {group: 4, variable: false, draw: (next) => [0, 0, 0, 0].map(() => (lo + (next() % range)) | 0)};
}

/** `UniformDistribution<int64>`: one 64-bit sample per value. */
function uniformInt64(lo: number, hi: number): Distribution {
  const range = BigInt(hi) - BigInt(lo);
  const draw1 = (next: () => number): number => {
    const x0 = BigInt(next());
    const bits = x0 | (BigInt(next()) << 32n);
    return Number(BigInt(lo) + (bits % range));
  };
  return {group: 2, variable: false, draw: (next) => [draw1(next), draw1(next)]};
}

/** Samples TF reserves per output value of a variable-sample distribution (random_op_cpu.h). */
const RESERVED_SAMPLES_PER_OUTPUT = 256;

/**
 * TF's `FillPhiloxRandom` on CPU: group g of the output draws from the generator advanced by g
 * (for rejection sampling, by g times a fixed reserve), so that the result does not depend on how
 * TF shards the work between threads.
 */
function fill(gen: Philox, size: number, dist: Distribution, out: Float64Array | Float32Array | Int32Array): void {
  // A fixed-sample distribution takes exactly one 128-bit sample (4 uint32s) per group.
  const fixed = dist.variable ? null : new SingleSample(gen);
  const skipPerGroup = (dist.group * RESERVED_SAMPLES_PER_OUTPUT) / 4;
  for (let g = 0, offset = 0; offset < size; g++, offset += dist.group) {
    const source = fixed ?? skipped(gen, g * skipPerGroup);
    const values = dist.draw(() => source.next());
    for (let i = 0; i < dist.group && offset + i < size; i++) out[offset + i] = values[i];
  }
}

function skipped(gen: Philox, count: number): SingleSample {
  const local = gen.clone();
  local.skip(count);
  return new SingleSample(local);
}

export function fillNormal(gen: Philox, size: number, p: Precision): Float32Array {
  return fillFloat(gen, size, normal(p));
}
export function fillUniform(gen: Philox, size: number, p: Precision): Float32Array {
  return fillFloat(gen, size, uniform(p));
}
export function fillTruncatedNormal(gen: Philox, size: number, p: Precision): Float32Array {
  return fillFloat(gen, size, truncatedNormal(p));
}

function fillFloat(gen: Philox, size: number, dist: Distribution): Float32Array {
  const out = new Float64Array(size);
  fill(gen, size, dist, out);
  return Float32Array.from(out);
}

/** `RandomUniformInt`: integers in [lo, hi); `wide` selects TF's int64 kernel. */
export function fillUniformInt(gen: Philox, size: number, lo: number, hi: number, wide: boolean): Int32Array {
  const out = new Int32Array(size);
  fill(gen, size, wide ? uniformInt64(lo, hi) : uniformInt32(lo, hi), out);
  return out;
}

/**
 * RandomShuffle's permutation of n rows: `RandomShuffle(first, last, uniform)` of
 * random_shuffle_op.cc, swapping row i with row i + (sample mod (n - i)).
 */
export function shufflePermutation(gen: Philox, n: number): Int32Array {
  const perm = Int32Array.from({length: n}, (_, i) => i);
  const single = new SingleSample(gen);
  for (let i = 0; i < n - 1; i++) {
    const j = i + (single.next() % (n - i));
    [perm[i], perm[j]] = [perm[j], perm[i]];
  }
  return perm;
}

/**
 * Multinomial's CPU functor as one shard runs it: per row, the unnormalised CDF of exp(logit - max)
 * over the finite logits, in double; each sample, the upper bound of a uniform double times the
 * total. (TF splits large batches between threads, each skipping ahead; its values then depend on
 * the machine's thread count, and only small batches are reproducible, here as there.)
 */
export function multinomialSamples(gen: Philox, logits: Float64Array, batch: number, classes: number, samples: number): Int32Array {
  const out = new Int32Array(batch * samples);
  const single = new SingleSample(gen);
  // `SimplePhilox::RandDouble`: two uint32s, in order.
  const randDouble = (): number => uint64ToDouble(single.next(), single.next());
  const cdf = new Float64Array(classes);
  for (let b = 0; b < batch; b++) {
    const row = logits.subarray(b * classes, (b + 1) * classes);
    let max = -Number.MAX_VALUE;
    for (const x of row) if (Number.isFinite(x)) max = Math.max(max, x);
    let total = 0;
    row.forEach((x, j) => {
      if (Number.isFinite(x)) total += Math.exp(x - max);
      cdf[j] = total;
    });
    for (let s = 0; s < samples; s++) out[b * samples + s] = upperBound(cdf, randDouble() * total);
  }
  return out;
}

/** `std::upper_bound`: the first index whose value is greater than x. */
function upperBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
