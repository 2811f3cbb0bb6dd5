/**
 * `np`: the numpy functions the book's listings use, with numpy's names and calling conventions
 * (positional arguments in numpy's order, keyword arguments as a trailing options object):
 *
 *     import {np} from 'tf1ts';
 *     np.random.seed(10);
 *     const x = np.random.multivariate_normal([0, 0], np.eye(2), 500);
 *     const y = np.add(np.dot(x, w), 1);
 *     np.mean(y, {axis: 0});
 *
 * Arrays are NDArray (float64 computed in doubles, as numpy); any input may also be a number,
 * a nested JS array or a typed array. JS numbers behave as Python scalars: an integer-valued
 * number is a Python int, anything else a Python float (NEP 50 "weak" scalars). Reductions
 * without an axis return JS numbers, as numpy returns numpy scalars.
 */
import {NDArray, type DtypeName} from './ndarray';
import {astype, asarray, operand, promoteTypes, resultType, type ArrayInput} from './numpy_core';
import * as create from './numpy_create';
import * as linalg from './numpy_linalg';
import * as math from './numpy_math';
import {globalNumpyRandom, NumpyRandomState, RandomStateCtor} from './numpy_random';
import * as reduce from './numpy_reduce';
import * as shape from './numpy_shape';

export {NumpyRandomState} from './numpy_random';
export type {ArrayInput, Axis, ShapeLike} from './numpy_core';

type Where = {
  (condition: ArrayInput): NDArray[];
  (condition: ArrayInput, x: ArrayInput, y: ArrayInput): NDArray;
};
const where = ((condition: ArrayInput, x?: ArrayInput, y?: ArrayInput) => {
  if (x === undefined && y === undefined) return math.nonzero(condition);
  if (x === undefined || y === undefined) throw new Error('either both or neither of x and y should be given');
  return math.where(condition, x, y);
}) as Where;

/**
 * The module-level `np.random.*` functions: the methods of numpy's global RandomState (the
 * generator `globalRandomState()` shares with other modules). The methods are bound arrows, so
 * `const {randn} = np.random` works too.
 */
function moduleRandom() {
  const g = globalNumpyRandom;
  return {
    get seed(): NumpyRandomState['seed'] { return g().seed; },
    get rand(): NumpyRandomState['rand'] { return g().rand; },
    get randn(): NumpyRandomState['randn'] { return g().randn; },
    get random_sample(): NumpyRandomState['random_sample'] { return g().random_sample; },
    get random(): NumpyRandomState['random'] { return g().random; },
    get standard_normal(): NumpyRandomState['standard_normal'] { return g().standard_normal; },
    get normal(): NumpyRandomState['normal'] { return g().normal; },
    get uniform(): NumpyRandomState['uniform'] { return g().uniform; },
    get randint(): NumpyRandomState['randint'] { return g().randint; },
    get shuffle(): NumpyRandomState['shuffle'] { return g().shuffle; },
    get permutation(): NumpyRandomState['permutation'] { return g().permutation; },
    get multivariate_normal(): NumpyRandomState['multivariate_normal'] { return g().multivariate_normal; },
    /** `np.random.RandomState(seed)`: an independent generator, with or without `new`. */
    RandomState: RandomStateCtor,
  };
}

const dtypes = {
  float16: 'float16',
  float32: 'float32',
  float64: 'float64',
  int8: 'int8',
  int16: 'int16',
  int32: 'int32',
  int64: 'int64',
  uint8: 'uint8',
  uint16: 'uint16',
  bool_: 'bool',
  /** numpy's default integer (C long on Linux). */
  int_: 'int64',
  double: 'float64',
} as const satisfies Record<string, DtypeName>;

export const np = {
  ...dtypes,
  pi: Math.PI,
  e: Math.E,
  inf: Infinity,
  nan: NaN,

  // creation
  array: create.array,
  asarray: create.asarrayNp,
  zeros: create.zeros,
  ones: create.ones,
  empty: create.empty,
  full: create.full,
  zeros_like: create.zerosLike,
  ones_like: create.onesLike,
  full_like: create.fullLike,
  eye: create.eye,
  identity: create.identity,
  arange: create.arange,
  linspace: create.linspace,
  meshgrid: create.meshgrid,
  frombuffer: create.frombuffer,
  /** `a.astype(dtype)` as a function (numpy's casting rules). */
  astype: (a: ArrayInput, dtype: DtypeName): NDArray => astype(asarray(a), dtype),
  /** `np.promote_types(t1, t2)`. */
  promote_types: promoteTypes,
  /** `np.result_type(*arrays_and_scalars)`: JS numbers count as weak Python scalars (NEP 50). */
  result_type: (...args: ArrayInput[]): DtypeName => resultType(args.map(operand)),

  // shape manipulation
  reshape: shape.reshape,
  ravel: shape.ravel,
  transpose: shape.transpose,
  expand_dims: shape.expandDims,
  squeeze: shape.squeeze,
  concatenate: shape.concatenate,
  stack: shape.stack,
  hstack: shape.hstack,
  vstack: shape.vstack,
  split: shape.split,
  array_split: shape.arraySplit,
  hsplit: shape.hsplit,
  vsplit: shape.vsplit,
  broadcast_to: shape.broadcastTo,
  take: shape.take,

  // elementwise math
  add: math.add,
  subtract: math.subtract,
  multiply: math.multiply,
  divide: math.divide,
  true_divide: math.divide,
  floor_divide: math.floorDivide,
  mod: math.mod,
  remainder: math.mod,
  power: math.power,
  negative: math.negative,
  abs: math.abs,
  absolute: math.abs,
  square: math.square,
  exp: math.exp,
  log: math.log,
  sqrt: math.sqrt,
  tanh: math.tanh,
  sin: math.sin,
  cos: math.cos,
  maximum: math.maximum,
  minimum: math.minimum,
  where,
  nonzero: math.nonzero,
  equal: math.equal,
  not_equal: math.notEqual,
  greater: math.greater,
  greater_equal: math.greaterEqual,
  less: math.less,
  less_equal: math.lessEqual,
  dot: linalg.dot,
  matmul: linalg.matmul,

  // reductions
  sum: reduce.sum,
  mean: reduce.mean,
  var: reduce.variance_,
  std: reduce.std,
  max: reduce.max,
  amax: reduce.max,
  min: reduce.min,
  amin: reduce.min,
  argmax: reduce.argmax,
  argmin: reduce.argmin,

  random: moduleRandom(),
};
