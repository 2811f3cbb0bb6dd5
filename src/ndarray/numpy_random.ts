/**
 * `np.random`: numpy's legacy RandomState API (the module-level functions share one global
 * generator) on the bit-exact MT19937 port in ./random — seeded draws equal numpy's.
 */
import {NDArray, type DtypeName} from './ndarray';
import {globalRandomState, RandomState} from './random';
import {
  asarray, broadcastShapes, fromFn, indexer, isOptions, nums, toShape, type ArrayInput,
} from './numpy_core';
import {randint as boundedInts, type RandintOptions} from './numpy_randint';
import {multivariateNormal, type MvnOptions} from './numpy_mvn';

/** numpy's `size` argument: None (one draw), an int or a shape tuple. */
export type Size = number | readonly number[] | null | undefined;
export interface SizeOptions {
  size?: Size;
}
type SizeArg = Size | SizeOptions;

function sizeShape(arg: SizeArg): number[] | null {
  const size = isOptions(arg) ? (arg as SizeOptions).size : (arg as Size);
  return size === undefined || size === null ? null : toShape(size);
}

type Draw = (params: number[]) => number;

/**
 * numpy's legacy `cont()`: one draw per output element in C order. Without a size, scalar
 * parameters give one JS number and array parameters their broadcast shape; with a size, the
 * parameters must broadcast to it.
 */
function cont(params: ArrayInput[], size: SizeArg, draw: Draw): NDArray | number {
  const shape = sizeShape(size);
  const arrs = params.map((p) => asarray(p, 'float64'));
  const scalar = params.every((p) => typeof p === 'number');
  if (shape === null && scalar) return draw(arrs.map((a) => a.data[0] as number));
  const pshape = broadcastShapes(...arrs.map((a) => a.shape));
  const out = shape ?? pshape;
  if (shape !== null && broadcastShapes(pshape, shape).join() !== shape.join()) {
    throw new Error('shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape ' +
      `(${pshape.join(', ')}) and arg 1 with shape (${shape.join(', ')}).`);
  }
  const idx = arrs.map((a) => indexer(a.shape, out));
  const data = arrs.map(nums);
  return fromFn('float64', out, (k) => draw(data.map((d, i) => d[idx[i](k)])));
}

export type ScalarOrArray = {
  (): number;
  (size: null | undefined | {size?: null}): number;
  (size: Size | SizeOptions): NDArray;
};
export type TwoParam = {
  (a?: number, b?: number, size?: null | {size?: null}): number;
  (a?: ArrayInput, b?: ArrayInput, size?: SizeArg): NDArray;
};
export type Randint = {
  (low: number, high?: number | null, size?: null | {size?: null; dtype?: DtypeName}, opts?: RandintOptions): number;
  (low: ArrayInput, high?: ArrayInput | null, size?: Size | RandintOptions, opts?: RandintOptions): NDArray;
};
export type Permutation = {
  (x: number | ArrayInput): NDArray;
};
export type Mvn = (mean: ArrayInput, cov: ArrayInput, size?: Size | MvnOptions, opts?: MvnOptions) => NDArray;

/** A numpy `RandomState`: numpy's method names and calling conventions on one MT19937 generator. */
export class NumpyRandomState {
  /** The bit generator (shared with other modules for the global state). */
  readonly state: RandomState;

  constructor(seed?: number | null | RandomState) {
    this.state = seed instanceof RandomState ? seed : new RandomState(seed);
  }

  /** `seed(seed=None)`. */
  readonly seed = (seed?: number | null): void => this.state.seed(seed);

  /** `random_sample(size=None)`: doubles in [0, 1). */
  readonly random_sample = ((size?: SizeArg) => cont([], size ?? null, () => this.state.random())) as ScalarOrArray;
  /** `random(size=None)`: an alias of random_sample. */
  readonly random = this.random_sample;

  /** `rand(d0, d1, …)`: uniform [0, 1) of the given shape; no arguments → one number. */
  readonly rand = ((...dims: number[]) => this.random_sample(dims.length === 0 ? null : dims)) as {
    (): number;
    (d0: number, ...dims: number[]): NDArray;
    /** A spread shape (`randn(...a.shape)`); an empty one gives one number, as numpy. */
    (...dims: number[]): NDArray;
  };

  /** `standard_normal(size=None)`: numpy's legacy polar-method Gaussians. */
  readonly standard_normal = ((size?: SizeArg) => cont([], size ?? null, () => this.state.standardNormal())) as ScalarOrArray;

  /** `randn(d0, d1, …)`: standard normals of the given shape; no arguments → one number. */
  readonly randn = ((...dims: number[]) => this.standard_normal(dims.length === 0 ? null : dims)) as {
    (): number;
    (d0: number, ...dims: number[]): NDArray;
    /** A spread shape (`randn(...a.shape)`); an empty one gives one number, as numpy. */
    (...dims: number[]): NDArray;
  };

  /** `normal(loc=0.0, scale=1.0, size=None)`: loc + scale * gauss. */
  readonly normal = ((loc: ArrayInput = 0, scale: ArrayInput = 1, size?: SizeArg) => {
    if (Array.from(nums(asarray(scale))).some((s) => s < 0)) throw new RangeError('scale < 0');
    return cont([loc, scale], size, ([l, s]) => l + s * this.state.standardNormal());
  }) as TwoParam;

  /** `uniform(low=0.0, high=1.0, size=None)`: low + (high - low) * random(). */
  readonly uniform = ((low: ArrayInput = 0, high: ArrayInput = 1, size?: SizeArg) =>
    cont([low, high], size, ([lo, hi]) => {
      const range = hi - lo;
      if (!Number.isFinite(range)) throw new RangeError('Range exceeds valid bounds');
      return lo + range * this.state.random();
    })) as TwoParam;

  /**
   * `randint(low, high=None, size=None, dtype=int64)`: integers in [low, high) by numpy's masked
   * rejection sampling (8/16-bit dtypes and bool draw from a buffered 32-bit word, as numpy).
   */
  readonly randint = ((low: ArrayInput, high?: ArrayInput | null, size?: Size | RandintOptions, opts: RandintOptions = {}) => {
    const o: RandintOptions = isOptions(size) ? {...(size as RandintOptions), ...opts} : {...opts, size: size as Size};
    return boundedInts(this.state, low, high ?? null, sizeShape(o.size), o.dtype ?? 'int64');
  }) as Randint;

  /** `shuffle(x)`: in place along the first axis (NDArray rows, JS array or typed array elements). */
  readonly shuffle = (x: NDArray | unknown[] | Float64Array | Float32Array | Int32Array | Uint8Array): void => {
    if (!(x instanceof NDArray)) {
      this.state.shuffle(x as unknown[]);
      return;
    }
    if (x.ndim === 0) throw new TypeError('len() of unsized object');
    const n = x.shape[0];
    const row = n === 0 ? 0 : x.size / n;
    const data = x.data as unknown[];
    for (let i = n - 1; i > 0; i--) {
      const j = this.state.interval(i);
      for (let k = 0; k < row; k++) {
        const t = data[i * row + k];
        data[i * row + k] = data[j * row + k];
        data[j * row + k] = t;
      }
    }
  };

  /** `permutation(x)`: a shuffled arange(x) (int64), or a shuffled copy of an array along axis 0. */
  readonly permutation = ((x: number | ArrayInput) => {
    if (typeof x === 'number') {
      const p = this.state.permutation(x);
      return new NDArray(p, [x], 'int64');
    }
    const src = asarray(x);
    if (src.ndim < 1) throw new RangeError('x must be an integer or at least 1-dimensional');
    const arr = new NDArray(src.data.slice() as NDArray['data'], src.shape, src.dtype);
    this.shuffle(arr);
    return arr;
  }) as Permutation;

  /** `multivariate_normal(mean, cov, size=None, check_valid='warn', tol=1e-8)`: numpy's legacy SVD method. */
  readonly multivariate_normal: Mvn = (mean, cov, size, opts = {}) => {
    const o: MvnOptions = isOptions(size) ? {...(size as MvnOptions), ...opts} : {...opts, size: size as Size};
    const shape = sizeShape(o.size) ?? [];
    return multivariateNormal(mean, cov, shape, o, (s) => this.standard_normal(s));
  };
}

/** `np.random.RandomState(seed)`, callable with or without `new`, as in Python. */
export interface RandomStateConstructor {
  (seed?: number | null): NumpyRandomState;
  new (seed?: number | null): NumpyRandomState;
}
export const RandomStateCtor = function RandomState(seed?: number | null): NumpyRandomState {
  return new NumpyRandomState(seed);
} as unknown as RandomStateConstructor;
RandomStateCtor.prototype = NumpyRandomState.prototype;

let globalNumpyState: NumpyRandomState | undefined;
/** The NumpyRandomState over numpy's global generator (`globalRandomState()`). */
export function globalNumpyRandom(): NumpyRandomState {
  if (globalNumpyState === undefined || globalNumpyState.state !== globalRandomState()) {
    globalNumpyState = new NumpyRandomState(globalRandomState());
  }
  return globalNumpyState;
}
