/**
 * The SVD numpy's legacy `multivariate_normal` takes of a covariance matrix (`np.linalg.svd`, i.e.
 * LAPACK dgesdd), for small symmetric matrices. Only `s` and `v` (V^T) matter there.
 *
 * - 1x1, diagonal and 2x2 matrices follow LAPACK's own steps (dgebd2's Householder reflector,
 *   dbdsqr's dlasv2 on the 2x2 bidiagonal, the sign fix and the three singular-value sorts of
 *   dbdsqr, dlasdq and dbdsdc), so their signs and order — and hence the samples — match numpy's.
 * - Larger non-diagonal matrices use a cyclic Jacobi eigen-decomposition (s = |eigenvalues|,
 *   descending): the same factorization, but a singular vector's sign may differ from LAPACK's,
 *   which gives samples with the same distribution, not numpy's exact numbers.
 */

export interface SymSvd {
  s: number[];
  /** Rows are the right singular vectors (numpy's `v`, LAPACK's VT). */
  v: number[][];
}

/** Fortran's SIGN(a, b): |a| with b's sign (-0 counts as negative, as gfortran). */
function sign(a: number, b: number): number {
  return b < 0 || Object.is(b, -0) ? -Math.abs(a) : Math.abs(a);
}

const EPS = 2 ** -53; // DLAMCH('Epsilon'): relative machine precision
const SAFMIN = 2 ** -1022; // DLAMCH('Safe minimum')

function swapRows(d: number[], v: number[][], i: number, j: number): void {
  [d[i], d[j]] = [d[j], d[i]];
  [v[i], v[j]] = [v[j], v[i]];
}

/** dbdsqr's ending (make singular values positive, negating VT rows; sort), then dlasdq's and dbdsdc's sorts. */
function lapackOrder(d: number[], v: number[][]): void {
  const n = d.length;
  for (let i = 0; i < n; i++) {
    if (d[i] === 0) d[i] = 0;
    if (d[i] < 0) {
      d[i] = -d[i];
      v[i] = v[i].map((x) => -x);
    }
  }
  // dbdsqr: scan for the smallest (<=) among the first n-i, move it to position n-i.
  for (let i = 1; i <= n - 1; i++) {
    let isub = 0;
    for (let j = 1; j <= n - i; j++) if (d[j] <= d[isub]) isub = j;
    if (isub !== n - i) swapRows(d, v, isub, n - i);
  }
  // dlasdq: ascending selection sort (strict <).
  for (let i = 0; i < n; i++) {
    let isub = i;
    for (let j = i + 1; j < n; j++) if (d[j] < d[isub]) isub = j;
    if (isub !== i) swapRows(d, v, isub, i);
  }
  // dbdsdc: descending selection sort (strict >).
  for (let i = 0; i < n - 1; i++) {
    let kk = i;
    for (let j = i + 1; j < n; j++) if (d[j] > d[kk]) kk = j;
    if (kk !== i) swapRows(d, v, kk, i);
  }
}

function identityRows(n: number): number[][] {
  return Array.from({length: n}, (_, i) => Array.from({length: n}, (_, j) => (i === j ? 1 : 0)));
}

/** LAPACK's DLASV2: the SVD of the 2x2 upper triangular [[f, g], [0, h]]. */
function dlasv2(f: number, g: number, h: number): {ssmin: number; ssmax: number; snr: number; csr: number} {
  let ft = f;
  let fa = Math.abs(ft);
  let ht = h;
  let ha = Math.abs(h);
  let pmax = 1;
  const swap = ha > fa;
  if (swap) {
    pmax = 3;
    [ft, ht] = [ht, ft];
    [fa, ha] = [ha, fa];
  }
  const gt = g;
  const ga = Math.abs(gt);
  let ssmin: number;
  let ssmax: number;
  let clt = 1;
  let crt = 1;
  let slt = 0;
  let srt = 0;
  if (ga === 0) {
    ssmin = ha;
    ssmax = fa;
  } else {
    let gasmal = true;
    ssmin = 0;
    ssmax = 0;
    if (ga > fa) {
      pmax = 2;
      if (fa / ga < EPS) {
        gasmal = false;
        ssmax = ga;
        ssmin = ha > 1 ? fa / (ga / ha) : (fa / ga) * ha;
        clt = 1;
        slt = ht / gt;
        srt = 1;
        crt = ft / gt;
      }
    }
    if (gasmal) {
      const dd = fa - ha;
      let l = dd === fa ? 1 : dd / fa;
      const m = gt / ft;
      let t = 2 - l;
      const mm = m * m;
      const tt = t * t;
      const s = Math.sqrt(tt + mm);
      const r = l === 0 ? Math.abs(m) : Math.sqrt(l * l + mm);
      const a = 0.5 * (s + r);
      ssmin = ha / a;
      ssmax = fa * a;
      if (mm === 0) {
        t = l === 0 ? sign(2, ft) * sign(1, gt) : gt / sign(dd, ft) + m / t;
      } else {
        t = (m / (s + t) + m / (r + l)) * (1 + a);
      }
      l = Math.sqrt(t * t + 4);
      crt = 2 / l;
      srt = t / l;
      clt = (crt + srt * m) / a;
      slt = ((ht / ft) * srt) / a;
    }
  }
  const [csl, snl, csr, snr] = swap ? [srt, crt, slt, clt] : [clt, slt, crt, srt];
  let tsign: number;
  if (pmax === 1) tsign = sign(1, csr) * sign(1, csl) * sign(1, f);
  else if (pmax === 2) tsign = sign(1, snr) * sign(1, csl) * sign(1, g);
  else tsign = sign(1, snr) * sign(1, snl) * sign(1, h);
  ssmax = sign(ssmax, tsign);
  ssmin = sign(ssmin, tsign * sign(1, f) * sign(1, h));
  return {ssmin, ssmax, snr, csr};
}

/** DLAPY2: sqrt(x**2 + y**2) without overflow. */
function dlapy2(x: number, y: number): number {
  const w = Math.max(Math.abs(x), Math.abs(y));
  const z = Math.min(Math.abs(x), Math.abs(y));
  return z === 0 ? w : w * Math.sqrt(1 + (z / w) ** 2);
}

/** dgesdd on a 2x2 [[a, b], [c, d]]: dgebd2's reflector on column 1, then dbdsqr on the bidiagonal. */
function svd2(a: number, b: number, c: number, d: number): SymSvd {
  let f = a;
  let e = b;
  let h = d;
  if (c !== 0) {
    // dlarfg(2, a, c): beta = -sign(|(a, c)|, a), tau = (beta - a) / beta, v = [1, c / (a - beta)].
    const beta = -sign(dlapy2(a, Math.abs(c)), a);
    const tau = (beta - a) / beta;
    const v2 = c * (1 / (a - beta));
    // dlarf: column 2 -= tau * v * (v . column 2).
    const w = b + d * v2;
    const temp = -tau * w;
    f = beta;
    e = b + temp;
    h = d + v2 * temp;
  }
  const dvals = [f, h];
  let v = identityRows(2);
  // dbdsqr's split test: THRESH = max(TOL * sminoa, MAXITR * N * N * UNFL).
  const tol = Math.max(10, Math.min(100, EPS ** -0.125)) * EPS;
  let sminoa = Math.abs(f);
  if (sminoa !== 0) sminoa = Math.min(sminoa, Math.abs(h) * (sminoa / (sminoa + Math.abs(e))));
  const thresh = Math.max(tol * (sminoa / Math.SQRT2), 6 * 2 * 2 * SAFMIN);
  if (!(Math.abs(e) <= thresh || e === 0)) {
    const r = dlasv2(f, e, h);
    dvals[0] = r.ssmax;
    dvals[1] = r.ssmin;
    v = [[r.csr, r.snr], [-r.snr, r.csr]];
  }
  lapackOrder(dvals, v);
  return {s: dvals, v};
}

/** Cyclic Jacobi: eigenvalues and eigenvectors (rows) of a symmetric matrix. */
function jacobi(m: number[][]): {values: number[]; vectors: number[][]} {
  const n = m.length;
  const a = m.map((row) => [...row]);
  const v = identityRows(n); // columns are eigenvectors
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let scale = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) (i === j ? (scale += a[i][j] ** 2) : (off += a[i][j] ** 2));
    }
    if (off <= 1e-32 * scale || off === 0) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        if (a[p][q] === 0) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = sign(1, theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const cs = 1 / Math.sqrt(t * t + 1);
        const sn = t * cs;
        for (let k = 0; k < n; k++) {
          const [akp, akq] = [a[k][p], a[k][q]];
          a[k][p] = cs * akp - sn * akq;
          a[k][q] = sn * akp + cs * akq;
        }
        for (let k = 0; k < n; k++) {
          const [apk, aqk] = [a[p][k], a[q][k]];
          a[p][k] = cs * apk - sn * aqk;
          a[q][k] = sn * apk + cs * aqk;
        }
        for (let k = 0; k < n; k++) {
          const [vkp, vkq] = [v[k][p], v[k][q]];
          v[k][p] = cs * vkp - sn * vkq;
          v[k][q] = sn * vkp + cs * vkq;
        }
      }
    }
  }
  return {values: a.map((row, i) => row[i]), vectors: v[0].map((_, j) => v.map((row) => row[j]))};
}

/** numpy.linalg.svd(m) → (s, v) for a small square (symmetric) matrix, as described above. */
export function svdSymmetric(m: number[][]): SymSvd {
  const n = m.length;
  if (n === 0) return {s: [], v: []};
  if (n === 1) return {s: [Math.abs(m[0][0])], v: [[1]]}; // dbdsdc: the sign goes to U, VT = 1
  if (n === 2) return svd2(m[0][0], m[0][1], m[1][0], m[1][1]);
  const diagonal = m.every((row, i) => row.every((x, j) => i === j || x === 0));
  if (diagonal) {
    const d = m.map((row, i) => row[i]);
    const v = identityRows(n);
    lapackOrder(d, v);
    return {s: d, v};
  }
  const sym = m.map((row, i) => row.map((x, j) => (x + m[j][i]) / 2));
  const {values, vectors} = jacobi(sym);
  const order = values.map((_, i) => i).sort((i, j) => Math.abs(values[j]) - Math.abs(values[i]));
  return {s: order.map((i) => Math.abs(values[i])), v: order.map((i) => vectors[i])};
}
