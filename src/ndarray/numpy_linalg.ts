/** numpy's `dot` and `matmul` for 1-D and 2-D operands (plain loops; numpy's BLAS may round differently). */
import {NDArray} from './ndarray';
import {fromFn, nums, operand, resultType, scalarOf, type ArrayInput} from './numpy_core';
import {multiply} from './numpy_math';

type Vector = readonly number[] | Float64Array | Float32Array | Int32Array;
export type MatProduct = {
  (a: number, b: number): number;
  (a: Vector, b: Vector): number;
  (a: ArrayInput, b: ArrayInput): NDArray;
};

function notAligned(a: NDArray, b: NDArray, ka: number, kb: number): Error {
  const shape = (s: readonly number[]): string => (s.length === 1 ? `(${s[0]},)` : `(${s.join(',')})`);
  return new Error(
    `shapes ${shape(a.shape)} and ${shape(b.shape)} not aligned: ${a.shape[ka]} (dim ${ka}) != ${b.shape[kb]} (dim ${kb})`,
  );
}

/** The product of a (m x k) and b (k x n) given as flat row-major data, summed in order of k. */
function product(a: NDArray, b: NDArray, m: number, k: number, n: number, outShape: number[]): NDArray {
  const ad = nums(a);
  const bd = nums(b);
  const dtype = resultType([{arr: a, weak: null}, {arr: b, weak: null}]);
  const load = dtype === 'float32' ? Math.fround : (x: number) => x;
  return fromFn(dtype, outShape, (idx) => {
    const i = Math.floor(idx / n);
    const j = idx % n;
    let acc = 0;
    for (let p = 0; p < k; p++) acc += ad[i * k + p] * bd[p * n + j];
    return dtype === 'bool' ? (acc !== 0 ? 1 : 0) : load(acc);
  });
}

function matmul2(a: NDArray, b: NDArray, name: string): NDArray {
  if (a.ndim > 2 || b.ndim > 2) throw new Error(`${name}: only 1-D and 2-D operands are supported`);
  const m = a.ndim === 2 ? a.shape[0] : 1;
  const k = a.shape[a.ndim - 1];
  const kb = b.shape[0];
  const n = b.ndim === 2 ? b.shape[1] : 1;
  if (k !== kb) {
    if (name === 'matmul') {
      throw new Error(
        `matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size ${kb} is different from ${k})`,
      );
    }
    throw notAligned(a, b, a.ndim - 1, 0);
  }
  const outShape = [...(a.ndim === 2 ? [m] : []), ...(b.ndim === 2 ? [n] : [])];
  return product(a, b, m, k, n, outShape);
}

/** `np.dot(a, b)`: scalars multiply; 1-D·1-D is the inner product; 2-D is the matrix product. */
export const dot = ((x: ArrayInput, y: ArrayInput) => {
  const [a, b] = [operand(x), operand(y)];
  // dot converts its operands to arrays first: a JS scalar is an int64/float64 array, not a weak scalar.
  if (a.arr.ndim === 0 || b.arr.ndim === 0) return a.weak !== null && b.weak !== null ? multiply(x, y) : multiply(a.arr, b.arr);
  const out = matmul2(a.arr, b.arr, 'dot');
  return out.ndim === 0 && !(x instanceof NDArray) && !(y instanceof NDArray) ? scalarOf(out) : out;
}) as MatProduct;

/** `np.matmul(a, b)` (`a @ b`): like dot for 1-D/2-D operands, but scalars are an error. */
export const matmul = ((x: ArrayInput, y: ArrayInput) => {
  const [a, b] = [operand(x), operand(y)];
  if (a.arr.ndim === 0 || b.arr.ndim === 0) {
    throw new Error(
      `matmul: Input operand ${a.arr.ndim === 0 ? 0 : 1} does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)`,
    );
  }
  const out = matmul2(a.arr, b.arr, 'matmul');
  return out.ndim === 0 && !(x instanceof NDArray) && !(y instanceof NDArray) ? scalarOf(out) : out;
}) as MatProduct;
