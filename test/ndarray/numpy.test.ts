/**
 * `np` against real numpy: every case of test/fixtures/numpy_ops.json (written by
 * test/fixtures/gen/numpy_ops.py) is called with the same arguments and compared on dtype, shape
 * and values — exactly for creation, shape ops, integer results, arange/linspace and seeded random
 * draws; within 1e-12 (float64) / 2 ulp (float32) relative elsewhere.
 */
import {expect} from 'chai';
import * as fs from 'fs';
import * as path from 'path';
import {NDArray, type DtypeName} from '../../src/ndarray/ndarray';
import {np, NumpyRandomState} from '../../src/ndarray/numpy';
import {globalRandomState} from '../../src/ndarray/random';

interface Enc {
  dtype: string;
  shape: number[];
  data: (number | string | boolean)[];
}
type Arg = number | boolean | string | null | Arg[] | {nd: Enc} | {seq: Arg[]} | {bytes: number[]};
type Out = {nd: Enc} | {list: Out[]} | {scalar: number | string | boolean; dtype: string} | null;
interface Case {
  fn: string;
  args: Arg[];
  kw?: Record<string, Arg>;
  out: Out;
}
interface Step extends Case {
  inplace?: Out | number[];
}
interface Fixture {
  meta: {numpy: string};
  cases: Case[];
  sequences: {name: string; steps: Step[]}[];
}

const fixture = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'numpy_ops.json'), 'utf8'),
) as Fixture;

function num(x: number | string | boolean): number {
  if (x === 'nan') return NaN;
  if (x === 'inf') return Infinity;
  if (x === '-inf') return -Infinity;
  return Number(x);
}

/** A fixture array as an NDArray of its dtype (int64/uint64 in 32-bit storage, as NDArray keeps them). */
function decodeNd(e: Enc): NDArray {
  const dtype = e.dtype as DtypeName;
  if (dtype === 'bool') return new NDArray(Uint8Array.from(e.data, (x) => (x ? 1 : 0)), e.shape, 'bool');
  if (dtype === 'float64') return new NDArray(Float64Array.from(e.data, num), e.shape, dtype);
  if (dtype.startsWith('float')) return new NDArray(Float32Array.from(e.data, num), e.shape, dtype);
  return new NDArray(Int32Array.from(e.data, num), e.shape, dtype);
}

function decodeArg(a: Arg): unknown {
  if (a === null || typeof a !== 'object') return a;
  if (Array.isArray(a)) return a.map(decodeArg);
  if ('nd' in a) return decodeNd(a.nd);
  if ('seq' in a) return a.seq.map(decodeArg);
  return Uint8Array.from(a.bytes);
}

type Fn = (...args: unknown[]) => unknown;

function resolve(root: object, name: string): Fn {
  let obj: unknown = root;
  for (const part of name.split('.')) obj = (obj as Record<string, unknown>)[part];
  if (typeof obj !== 'function') throw new Error(`np.${name} is not a function`);
  return obj as Fn;
}

function callCase(root: object, c: Case, name = c.fn): {result: unknown; args: unknown[]} {
  const args = c.args.map(decodeArg);
  const kw = c.kw === undefined ? [] : [Object.fromEntries(Object.entries(c.kw).map(([k, v]) => [k, decodeArg(v)]))];
  return {result: resolve(root, name)(...args, ...kw), args};
}

/** Relative tolerance by result dtype: 0 when exact comparison is required. */
function tolerance(dtype: string, exact: boolean): number {
  if (exact || !dtype.startsWith('float')) return 0;
  if (dtype === 'float64') return 1e-12;
  return dtype === 'float32' ? 2.4e-7 : 1e-3;
}

function closeTo(x: number, y: number, rtol: number, what: string): void {
  if (Number.isNaN(y)) return void expect(Number.isNaN(x), `${what}: ${x} should be nan`).to.equal(true);
  if (rtol === 0 || !Number.isFinite(y)) {
    return void expect(Object.is(x, y) || (x === y && y !== 0), `${what}: ${x} !== numpy's ${y}`).to.equal(true);
  }
  expect(Math.abs(x - y) <= rtol * Math.abs(y) + 1e-300, `${what}: ${x} vs numpy's ${y} (rtol ${rtol})`).to.equal(true);
}

function compare(actual: unknown, expected: Out, exact: boolean, what: string): void {
  if (expected === null) return void expect(actual, what).to.equal(undefined);
  if ('list' in expected) {
    expect(Array.isArray(actual), `${what} is a list`).to.equal(true);
    const list = actual as unknown[];
    expect(list.length, `${what} length`).to.equal(expected.list.length);
    expected.list.forEach((e, i) => compare(list[i], e, exact, `${what}[${i}]`));
    return;
  }
  if ('scalar' in expected) {
    const want = expected.dtype === 'bool' ? 'boolean' : 'number';
    expect(typeof actual, `${what}: a JS ${want} (numpy scalar ${expected.dtype})`).to.equal(want);
    if (want === 'boolean') return void expect(actual, what).to.equal(expected.scalar);
    return closeTo(actual as number, num(expected.scalar), tolerance(expected.dtype, exact), what);
  }
  expect(actual, `${what} is an NDArray`).to.be.instanceOf(NDArray);
  const a = actual as NDArray;
  const e = expected.nd;
  expect(a.dtype, `${what} dtype`).to.equal(e.dtype);
  expect([...a.shape], `${what} shape`).to.deep.equal(e.shape);
  const rtol = tolerance(e.dtype, exact);
  e.data.forEach((v, i) => {
    const x = Number(a.data[i]);
    if (e.dtype === 'bool') expect(x !== 0, `${what}[${i}]`).to.equal(v);
    else closeTo(x, num(v), rtol, `${what}[${i}]`);
  });
}

/** Exact by construction: creation, shape ops, arange/linspace, and (by dtype) every integer result. */
const EXACT = new Set([
  'array', 'asarray', 'zeros', 'ones', 'zeros_like', 'ones_like', 'full_like', 'full', 'eye', 'identity', 'arange',
  'linspace', 'meshgrid', 'frombuffer', 'reshape', 'concatenate', 'stack', 'hstack', 'vstack', 'hsplit', 'split',
  'array_split', 'vsplit', 'transpose', 'ravel', 'expand_dims', 'squeeze', 'broadcast_to', 'take', 'add', 'subtract',
  'multiply', 'divide', 'negative', 'abs', 'absolute', 'square', 'maximum', 'minimum', 'where', 'equal', 'not_equal',
  'greater', 'greater_equal', 'less', 'less_equal', 'mod', 'remainder', 'floor_divide', 'sum', 'mean', 'max', 'min',
  'amax', 'argmax', 'argmin', 'sqrt', 'std', 'var',
]);

function label(c: Case): string {
  const show = (a: Arg): string => {
    if (a !== null && typeof a === 'object' && 'nd' in a) return `${a.nd.dtype}[${a.nd.shape.join(',')}]`;
    if (a !== null && typeof a === 'object' && 'seq' in a) return `(${a.seq.map(show).join(', ')})`;
    const s = JSON.stringify(a);
    return s.length > 40 ? `${s.slice(0, 37)}...` : s;
  };
  const kw = c.kw ? Object.entries(c.kw).map(([k, v]) => `${k}=${show(v)}`) : [];
  return `np.${c.fn}(${[...c.args.map(show), ...kw].join(', ')})`;
}

describe(`np (against numpy ${fixture.meta.numpy})`, () => {
  describe('table of calls', () => {
    for (const c of fixture.cases) {
      it(label(c), () => compare(callCase(np, c).result, c.out, EXACT.has(c.fn), c.fn));
    }
  });

  describe('seeded random draws (bit-exact)', () => {
    for (const seq of fixture.sequences) {
      it(seq.name, () => {
        let rs: NumpyRandomState | undefined;
        seq.steps.forEach((step, k) => {
          if (step.fn === 'RandomState') {
            rs = np.random.RandomState(step.args[0] as number);
            return;
          }
          const [root, name] = step.fn.startsWith('rs.') ? [rs as object, step.fn.slice(3)] : [np, step.fn];
          const {result, args} = callCase(root, step, name);
          const what = `step ${k}: ${label(step)}`;
          // Draws through a non-diagonal 2x2 covariance go through a matrix product (BLAS in numpy).
          const cov = step.fn.endsWith('multivariate_normal') ? (args[1] as NDArray) : undefined;
          const exact = cov === undefined || cov.ndim !== 2 || cov.shape[0] !== 2 || cov.data[1] === 0;
          if (step.inplace === undefined) return compare(result, step.out, exact, what);
          if (Array.isArray(step.inplace)) return void expect(args[0], what).to.deep.equal(step.inplace);
          compare(args[0], step.inplace, true, what);
        });
      });
    }
  });
});

describe('np beyond the fixture', () => {
  it('multivariate_normal with a correlated 3x3 covariance has its mean and covariance (signs may differ from LAPACK)', () => {
    const cov = [[2, 0.6, -0.3], [0.6, 1, 0.2], [-0.3, 0.2, 0.5]];
    const mean = [1, -2, 0.5];
    const n = 40000;
    const x = new np.random.RandomState(11).multivariate_normal(mean, cov, n);
    expect([...x.shape]).to.deep.equal([n, 3]);
    const m = np.mean(x, 0);
    mean.forEach((mu, j) => expect(m.data[j] as number).to.be.closeTo(mu, 0.03));
    const centered = np.subtract(x, m);
    const sample = np.divide(np.dot(np.transpose(centered), centered), n);
    cov.forEach((row, i) => row.forEach((c, j) => expect(sample.data[i * 3 + j] as number).to.be.closeTo(c, 0.04)));
  });

  it('RandomState works with and without `new`, and np.random shares globalRandomState()', () => {
    const a = np.random.RandomState(3);
    const b = new np.random.RandomState(3);
    expect(a).to.be.instanceOf(NumpyRandomState);
    expect(b).to.be.instanceOf(np.random.RandomState);
    expect(a.rand()).to.equal(b.rand());
    np.random.seed(5);
    const first = globalRandomState().random();
    np.random.seed(5);
    expect(np.random.random_sample()).to.equal(first);
    const {randn} = np.random;
    np.random.seed(10);
    expect(randn()).to.equal(1.331586504129518);
  });

  it('shuffle works on typed arrays and arrays of rows, with numpy\'s swaps', () => {
    np.random.seed(7);
    const ref = np.random.permutation(6).tolist() as number[];
    np.random.seed(7);
    const t = Float64Array.from([0, 1, 2, 3, 4, 5]);
    np.random.shuffle(t);
    expect(Array.from(t)).to.deep.equal(ref);
    np.random.seed(7);
    const rows = [[0], [1], [2], [3], [4], [5]];
    np.random.shuffle(rows);
    expect(rows.map((r) => r[0])).to.deep.equal(ref);
  });

  it('returns JS numbers for full reductions and scalar inputs, NDArrays otherwise', () => {
    expect(np.sum([[1, 2], [3, 4]])).to.equal(10);
    expect(np.sum([[1, 2], [3, 4]], 0)).to.be.instanceOf(NDArray);
    expect(np.sum([[1, 2], [3, 4]], {keepdims: true})).to.be.instanceOf(NDArray);
    expect(np.argmax([3, 9, 2])).to.equal(1);
    expect(np.exp(0)).to.equal(1);
    expect(np.greater(2, 1)).to.equal(true);
    expect(np.random.rand()).to.be.a('number');
    expect(np.random.rand(2)).to.be.instanceOf(NDArray);
    expect(np.dot([1, 2], [3, 4])).to.equal(11);
  });

  it('dtype constants and names work in options and print as numpy prints', () => {
    expect(np.zeros(2, {dtype: np.float32}).dtype).to.equal('float32');
    expect(np.ones([2], np.int32).repr()).to.equal('array([1, 1], dtype=int32)');
    expect(np.linspace(0, 1, 5).toString()).to.equal('[0.   0.25 0.5  0.75 1.  ]');
    expect(np.arange(3).repr()).to.equal('array([0, 1, 2])');
  });

  it("raises numpy's errors", () => {
    expect(() => np.add(np.zeros([2, 3]), np.zeros([4]))).to.throw('operands could not be broadcast together with shapes (2,3) (4,) ');
    expect(() => np.split(np.arange(7), 3)).to.throw('array split does not result in an equal division');
    expect(() => np.random.randint(0)).to.throw('high <= 0');
    expect(() => np.random.randint(5, 5)).to.throw('low >= high');
    expect(() => np.power(np.arange(3), -1)).to.throw('Integers to negative integer powers are not allowed.');
    expect(() => np.add(np.array([1], {dtype: 'uint8'}), 300)).to.throw('Python integer 300 out of bounds for uint8');
    expect(() => np.squeeze(np.zeros([1, 2]), 1)).to.throw('cannot select an axis to squeeze out which has size not equal to one');
    expect(() => np.dot(np.zeros([2, 3]), np.zeros([2, 3]))).to.throw('shapes (2,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)');
    expect(() => np.max([])).to.throw('zero-size array to reduction operation maximum which has no identity');
    expect(() => np.subtract([true], [false])).to.throw('numpy boolean subtract');
  });
});
