/**
 * numpy's elementwise ufuncs: broadcasting, NEP 50 promotion (JS numbers are weak Python scalars),
 * inputs cast to the loop's dtype, results stored with the dtype's wrap/rounding. On JS scalars
 * alone they return JS values, as numpy returns numpy scalars.
 */
import {NDArray, type DtypeName} from './ndarray';
import {
  asarray, broadcastShapes, checkWeakInts, floatFor, fromFn, indexer, isFloat, isInteger, loader, nums,
  operand, resultType, scalarOf, type ArrayInput, type Operand,
} from './numpy_core';

export type Binary = {
  (a: number, b: number): number;
  (a: ArrayInput, b: ArrayInput): NDArray;
};
export type Compare = {
  (a: number, b: number): boolean;
  (a: ArrayInput, b: ArrayInput): NDArray;
};
export type Unary = {
  (x: number): number;
  (x: ArrayInput): NDArray;
};

type Kernel = (x: number, y: number) => number;

/** Runs a binary kernel over broadcast operands: loop dtype `loop`, result dtype `out`. */
function binaryLoop(ops: Operand[], loop: DtypeName, out: DtypeName, f: Kernel): NDArray | number | boolean {
  const [a, b] = ops;
  const shape = broadcastShapes(a.arr.shape, b.arr.shape);
  const ia = indexer(a.arr.shape, shape);
  const ib = indexer(b.arr.shape, shape);
  const ad = nums(a.arr);
  const bd = nums(b.arr);
  const load = loader(loop);
  const res = fromFn(out, shape, (k) => f(load(ad[ia(k)]), load(bd[ib(k)])));
  return ops.every((o) => o.weak !== null) ? scalarOf(res) : res;
}

/** A ufunc whose loop and result dtype is the promoted input dtype; `pick` chooses the kernel by dtype. */
function arith(name: string, pick: (dtype: DtypeName) => Kernel | string): Binary {
  return ((x: ArrayInput, y: ArrayInput) => {
    const ops = [operand(x), operand(y)];
    const dtype = resultType(ops);
    checkWeakInts(ops, dtype);
    const f = pick(dtype);
    if (typeof f === 'string') {
      if (f.startsWith('int8')) return binaryLoop(ops, 'int8', 'int8', pick('int8') as Kernel);
      throw new TypeError(f.replace('{name}', name));
    }
    return binaryLoop(ops, dtype, dtype, f);
  }) as Binary;
}

const boolError = 'numpy boolean {name}, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.';

/** `np.add`: bool + bool is logical or. */
export const add = arith('add', (d) => (d === 'bool' ? (x, y) => (x || y ? 1 : 0) : (x, y) => x + y));
/** `np.subtract`: not defined for bools. */
export const subtract = arith('subtract', (d) => (d === 'bool' ? boolError : (x, y) => x - y));
/** `np.multiply`: integers multiply modulo 2**32 (exactly, via Math.imul); bool * bool is logical and. */
export const multiply = arith('multiply', (d) => {
  if (d === 'bool') return (x, y) => (x && y ? 1 : 0);
  return isInteger(d) ? (x, y) => Math.imul(x, y) : (x, y) => x * y;
});

/** `np.divide` (true division): integer and bool inputs divide as float64. */
export const divide = ((x: ArrayInput, y: ArrayInput) => {
  const ops = [operand(x), operand(y)];
  const t = resultType(ops);
  checkWeakInts(ops, t);
  const loop = isFloat(t) ? t : 'float64';
  return binaryLoop(ops, loop, loop, (a, b) => a / b);
}) as Binary;

/** numpy's npy_divmod for floats: the remainder takes the divisor's sign; a zero remainder is +-0 like the divisor. */
function floatMod(a: number, b: number): number {
  const mod = a % b;
  if (b === 0) return mod;
  if (mod !== 0) return b < 0 !== mod < 0 ? mod + b : mod;
  return b < 0 ? -0 : 0;
}

/** numpy's npy_divmod quotient for floats: floor((a - mod) / b), rounded to the nearest integer. */
function floatFloorDiv(a: number, b: number): number {
  if (b === 0) return a / b;
  const mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0 && b < 0 !== mod < 0) div -= 1;
  if (div === 0) return a / b < 0 ? -0 : 0;
  const floordiv = Math.floor(div);
  return div - floordiv > 0.5 ? floordiv + 1 : floordiv;
}

/** Python's integer remainder: sign of the divisor; x % 0 is 0 (numpy warns). */
function intMod(a: number, b: number): number {
  if (b === 0) return 0;
  const r = a % b;
  return r !== 0 && r < 0 !== b < 0 ? r + b : r;
}

function intFloorDiv(a: number, b: number): number {
  return b === 0 ? 0 : Math.floor(a / b);
}

/** `np.mod` / `np.remainder`: Python's sign rules (the result has the divisor's sign). */
export const mod = arith('remainder', (d) => (d === 'bool' ? 'int8' : isFloat(d) ? floatMod : intMod));
/** `np.floor_divide`: Python's `//`. */
export const floorDivide = arith('floor_divide', (d) => (d === 'bool' ? 'int8' : isFloat(d) ? floatFloorDiv : intFloorDiv));

/** Integer power by repeated squaring, wrapping like C integer arithmetic. */
function intPower(base: number, exp: number): number {
  if (exp < 0) throw new RangeError('Integers to negative integer powers are not allowed.');
  let result = 1;
  let b = base;
  for (let e = exp; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) result = Math.imul(result, b);
    b = Math.imul(b, b);
  }
  return result;
}

/** `np.power`: integer arrays stay integers (negative exponents are an error). */
export const power = arith('power', (d) => (d === 'bool' ? 'int8' : isInteger(d) ? intPower : Math.pow));

/** `np.maximum`: NaN-propagating; on ties (0.0 vs -0.0) the second operand, as x86's maxpd in numpy's loops. */
export const maximum = arith('maximum', () => (x, y) => (Number.isNaN(x) || x > y ? x : y));
/** `np.minimum`: NaN-propagating; on ties the second operand. */
export const minimum = arith('minimum', () => (x, y) => (Number.isNaN(x) || x < y ? x : y));

function compare(f: (x: number, y: number) => boolean): Compare {
  return ((x: ArrayInput, y: ArrayInput) => {
    const ops = [operand(x), operand(y)];
    const t = resultType(ops);
    return binaryLoop(ops, t, 'bool', (a, b) => (f(a, b) ? 1 : 0));
  }) as Compare;
}

export const equal = compare((x, y) => x === y);
export const notEqual = compare((x, y) => x !== y);
export const greater = compare((x, y) => x > y);
export const greaterEqual = compare((x, y) => x >= y);
export const less = compare((x, y) => x < y);
export const lessEqual = compare((x, y) => x <= y);

/** A unary ufunc computing in float: ints/bools go to the narrowest float that holds them (uint8 → float16). */
function floatUnary(f: (x: number) => number): Unary {
  return ((x: ArrayInput) => {
    const op = operand(x);
    const dtype = op.weak !== null ? 'float64' : floatFor(op.arr.dtype);
    const data = nums(op.arr);
    const load = loader(dtype);
    const res = fromFn(dtype, op.arr.shape, (i) => f(load(data[i])));
    return op.weak !== null ? scalarOf(res) : res;
  }) as Unary;
}

export const exp = floatUnary(Math.exp);
export const log = floatUnary(Math.log);
export const sqrt = floatUnary(Math.sqrt);
export const tanh = floatUnary(Math.tanh);
export const sin = floatUnary(Math.sin);
export const cos = floatUnary(Math.cos);

/** A unary ufunc keeping the input's dtype (`np.negative`, `np.abs`, `np.square`). */
function sameUnary(name: string, f: (x: number) => number, onBool?: (x: number) => number): Unary {
  return ((x: ArrayInput) => {
    const op = operand(x);
    const t = resultType([op]);
    if (t === 'bool' && onBool === undefined) {
      throw new TypeError(`The numpy boolean ${name}, the \`-\` operator, is not supported, use the \`~\` operator or the logical_not function instead.`);
    }
    const g = t === 'bool' && onBool !== undefined ? onBool : f;
    const arr = op.arr.dtype === t ? op.arr : asarray(op.arr, t);
    const data = nums(arr);
    const load = loader(t);
    const res = fromFn(t, arr.shape, (i) => g(load(data[i])));
    return op.weak !== null ? scalarOf(res) : res;
  }) as Unary;
}

export const negative = sameUnary('negative', (x) => -x);
export const abs = sameUnary('absolute', Math.abs, (x) => x);
export const square = sameUnary('square', (x) => x * x, (x) => x);

/** `np.where(condition, x, y)`: x where the condition holds, else y, broadcast; dtype promote(x, y). */
export function where(condition: ArrayInput, x: ArrayInput, y: ArrayInput): NDArray {
  const c = asarray(condition);
  const ops = [operand(x), operand(y)];
  const dtype = resultType(ops);
  const shape = broadcastShapes(c.shape, ops[0].arr.shape, ops[1].arr.shape);
  const ic = indexer(c.shape, shape);
  const ix = indexer(ops[0].arr.shape, shape);
  const iy = indexer(ops[1].arr.shape, shape);
  const [cd, xd, yd] = [nums(c), nums(ops[0].arr), nums(ops[1].arr)];
  const load = loader(dtype);
  return fromFn(dtype, shape, (k) => {
    const v = cd[ic(k)];
    return v !== 0 ? load(xd[ix(k)]) : load(yd[iy(k)]); // NaN is truthy, as bool(nan)
  });
}

/** `np.nonzero(a)` (and one-argument `np.where`): per axis, the int64 indices of the nonzero elements. */
export function nonzero(a: ArrayInput): NDArray[] {
  const arr = asarray(a);
  const d = nums(arr);
  const hits: number[] = [];
  for (let i = 0; i < arr.size; i++) if (d[i] !== 0) hits.push(i);
  const shape = arr.ndim === 0 ? [1] : arr.shape;
  return shape.map((_, axis) => {
    const stride = shape.slice(axis + 1).reduce((p, q) => p * q, 1);
    return fromFn('int64', [hits.length], (k) => Math.floor(hits[k] / stride) % shape[axis]);
  });
}
