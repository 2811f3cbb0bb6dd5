/**
 * numpy's legacy `RandomState.multivariate_normal`: x = standard_normal(size + (n,)).reshape(-1, n);
 * (u, s, v) = svd(cov); x = x @ (sqrt(s)[:, None] * v); x += mean — with numpy's PSD check.
 */
import {NDArray} from './ndarray';
import {asarray, nums, type ArrayInput} from './numpy_core';
import {svdSymmetric} from './numpy_lapack';

export interface MvnOptions {
  size?: number | readonly number[] | null;
  /** What a covariance that is not symmetric positive-semidefinite does: 'warn' (numpy's default), 'raise', 'ignore'. */
  check_valid?: 'warn' | 'raise' | 'ignore';
  tol?: number;
}

function rows(a: NDArray): number[][] {
  const d = nums(a);
  return Array.from({length: a.shape[0]}, (_, i) => Array.from({length: a.shape[1]}, (_, j) => d[i * a.shape[1] + j]));
}

/** numpy's check: allclose(v.T * s @ v, cov, rtol=tol, atol=tol). */
function checkPsd(cov: number[][], s: number[], v: number[][], o: MvnOptions): void {
  const mode = o.check_valid ?? 'warn';
  if (mode === 'ignore') return;
  if (mode !== 'warn' && mode !== 'raise') throw new Error("check_valid must equal 'warn', 'raise', or 'ignore'");
  const tol = o.tol ?? 1e-8;
  const n = cov.length;
  let psd = true;
  for (let i = 0; i < n && psd; i++) {
    for (let j = 0; j < n; j++) {
      let r = 0;
      for (let k = 0; k < n; k++) r += v[k][i] * s[k] * v[k][j];
      if (!(Math.abs(r - cov[i][j]) <= tol + tol * Math.abs(cov[i][j]))) psd = false;
    }
  }
  if (psd) return;
  if (mode === 'raise') throw new Error('covariance is not symmetric positive-semidefinite.');
  process.emitWarning('covariance is not symmetric positive-semidefinite.', 'RuntimeWarning');
}

export function multivariateNormal(
  meanIn: ArrayInput, covIn: ArrayInput, shape: number[], o: MvnOptions, standardNormal: (shape: number[]) => NDArray | number,
): NDArray {
  const mean = asarray(meanIn);
  const covArr = asarray(covIn, 'float64');
  if (mean.ndim !== 1) throw new Error('mean must be 1 dimensional');
  if (covArr.ndim !== 2 || covArr.shape[0] !== covArr.shape[1]) throw new Error('cov must be 2 dimensional and square');
  const n = mean.shape[0];
  if (covArr.shape[0] !== n) throw new Error('mean and cov must have same length');
  const finalShape = [...shape, n];
  const x = nums(standardNormal(finalShape) as NDArray);
  const cov = rows(covArr);
  const {s, v} = svdSymmetric(cov);
  checkPsd(cov, s, v, o);
  // A = sqrt(s)[:, None] * v; out = x @ A + mean, summed over k in order.
  const a = v.map((row, k) => row.map((e) => Math.sqrt(s[k]) * e));
  const m = nums(mean);
  const out = new Float64Array(x.length);
  for (let r = 0; r < x.length / n; r++) {
    for (let j = 0; j < n; j++) {
      let acc = 0;
      for (let k = 0; k < n; k++) acc += x[r * n + k] * a[k][j];
      out[r * n + j] = acc + m[j];
    }
  }
  return new NDArray(out, finalShape, 'float64');
}
