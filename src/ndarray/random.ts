/**
 * numpy's legacy `RandomState`: the Mersenne Twister (MT19937) with numpy's seeding, doubles,
 * Gaussians (the polar method with one cached value) and Fisher–Yates shuffle with masked
 * rejection — so a seeded port draws exactly the numbers the Python listing draws.
 */
import {glibcLog} from './numpy_log';

const N = 624;
const M = 397;

export class RandomState {
  private readonly mt = new Uint32Array(N);
  private pos = N;
  private gauss: number | null = null;

  constructor(seed?: number | null) {
    this.seed(seed);
  }

  /** `np.random.seed(seed)`: numpy's mt19937_seed; no seed means fresh entropy. */
  seed(seed?: number | null): void {
    let s = seed ?? Math.floor(Math.random() * 2 ** 32);
    if (!Number.isInteger(s) || s < 0 || s > 2 ** 32 - 1) throw new RangeError('Seed must be between 0 and 2**32 - 1');
    for (let i = 0; i < N; i++) {
      this.mt[i] = s;
      s = (Math.imul(1812433253, (s ^ (s >>> 30)) >>> 0) + i + 1) >>> 0;
    }
    this.pos = N;
    this.gauss = null;
  }

  /** The next 32-bit output of the generator. */
  uint32(): number {
    if (this.pos >= N) this.twist();
    let y = this.mt[this.pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  private twist(): void {
    const mt = this.mt;
    for (let i = 0; i < N; i++) {
      const y = (mt[i] & 0x80000000) | (mt[(i + 1) % N] & 0x7fffffff);
      mt[i] = mt[(i + M) % N] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
    }
    this.pos = 0;
  }

  /** `random_sample()`: a double in [0, 1) with 53 random bits, as numpy builds it. */
  random(): number {
    const a = this.uint32() >>> 5;
    const b = this.uint32() >>> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
  }

  /** `standard_normal()`: numpy's legacy polar Box–Muller, caching the second value. */
  standardNormal(): number {
    if (this.gauss !== null) {
      const g = this.gauss;
      this.gauss = null;
      return g;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2.0 * this.random() - 1.0;
      x2 = 2.0 * this.random() - 1.0;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 === 0.0);
    // glibc's log, not Math.log: V8's differs in the last bit for ~0.1% of inputs, and so would the draws.
    const f = Math.sqrt((-2.0 * glibcLog(r2)) / r2);
    this.gauss = f * x1;
    return f * x2;
  }

  /** numpy's random_interval: a uniform integer in [0, max] by masked rejection. */
  interval(max: number): number {
    if (max === 0) return 0;
    let mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    let v: number;
    do v = (this.uint32() & mask) >>> 0;
    while (v > max);
    return v;
  }

  /**
   * numpy's random_bounded_uint64 with masked rejection (legacy RandomState): a uniform integer in
   * [0, rng]. Ranges that fit 32 bits draw 32-bit words (as `interval`); wider ranges draw 64-bit
   * words, high word first (mt19937_next64), masked by the smallest all-ones mask >= rng.
   * Exact for rng < 2**53.
   */
  bounded(rng: number): number {
    if (rng <= 0xffffffff) return this.interval(rng);
    const hiRange = Math.floor(rng / 4294967296);
    let hiMask = hiRange;
    for (let s = 1; s <= 16; s *= 2) hiMask |= hiMask >>> s;
    for (;;) {
      const hi = (this.uint32() & hiMask) >>> 0;
      const lo = this.uint32();
      const v = hi * 4294967296 + lo;
      if (v <= rng) return v;
    }
  }

  /** `shuffle(x)` in place along the first axis, numpy's order of swaps. */
  shuffle<T>(x: T[] | Int32Array | Float64Array | Float32Array): void {
    for (let i = x.length - 1; i > 0; i--) {
      const j = this.interval(i);
      const t = x[i];
      x[i] = x[j];
      x[j] = t as never;
    }
  }

  /** `permutation(n)`: a shuffled `arange(n)`. */
  permutation(n: number): Int32Array {
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    this.shuffle(p);
    return p;
  }
}

/**
 * numpy's module-level generator (`np.random.seed`, `np.random.randn`, …): one process-wide
 * RandomState, shared by `np.random` and by modules that, like TF's MNIST DataSet, draw from
 * numpy's global generator. Seeded from entropy until someone calls `seed`.
 */
let globalState: RandomState | undefined;
export function globalRandomState(): RandomState {
  globalState ??= new RandomState();
  return globalState;
}
