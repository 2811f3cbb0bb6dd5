import {expect} from 'chai';
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import {DataArray, DtypeName, NDArray} from '../../src/ndarray/ndarray';
import {formatScalar, shortestFloat32} from '../../src/ndarray/format';

/** Written by test/fixtures/gen/ndarray_format.py from real numpy; see that script for the encoding. */
interface ArrayCase {
  name: string;
  dtype: DtypeName;
  shape: number[];
  storage: 'f32' | 'f64' | 'int' | 'string' | 'recipe';
  data?: (number | string)[];
  recipe?: {mod?: number; scale?: number};
  str: string;
  repr: string;
}
interface ScalarCase {
  dtype: DtypeName;
  storage: 'f32' | 'f64' | 'int' | 'string';
  data: number | string;
  str: string;
}
interface Fixture {
  numpy: string;
  arrays: ArrayCase[];
  scalars: ScalarCase[];
}

const fixture = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'ndarray_format.json'), 'utf8'),
) as Fixture;

function float32FromBits(bits: number): number {
  return new Float32Array(new Uint32Array([bits]).buffer)[0];
}

function float64FromHex(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

/** The generator's recipe: element i is (i % mod) * scale, rounded into the array's storage. */
function recipeData(c: ArrayCase): DataArray {
  const n = c.shape.reduce((a, b) => a * b, 1);
  const mod = c.recipe?.mod ?? n;
  if (c.dtype === 'bool') return Uint8Array.from({length: n}, (_, i) => (i % mod === 0 ? 1 : 0));
  if (c.dtype === 'float32') {
    const scale = float32FromBits(c.recipe?.scale ?? 0);
    return Float32Array.from({length: n}, (_, i) => (i % mod) * scale);
  }
  return Int32Array.from({length: n}, (_, i) => i % mod);
}

function buildData(c: ArrayCase): DataArray {
  const data = c.data ?? [];
  switch (c.storage) {
    case 'f32':
      return new Float32Array(Uint32Array.from(data as number[]).buffer);
    case 'f64':
      return Float64Array.from(data as string[], float64FromHex);
    case 'int':
      return c.dtype === 'bool' ? Uint8Array.from(data as number[]) : Int32Array.from(data as number[]);
    case 'string':
      return data as string[];
    case 'recipe':
      return recipeData(c);
  }
}

/** Python's float() of numpy's str(): JS Number() except for inf. */
function parsePython(text: string): number {
  if (text === 'inf') return Infinity;
  if (text === '-inf') return -Infinity;
  return Number(text);
}

function scalarValue(c: ScalarCase): number | string | boolean {
  if (c.storage === 'f32') return float32FromBits(c.data as number);
  if (c.storage === 'f64') return float64FromHex(c.data as string);
  if (c.dtype === 'bool') return c.data === 1;
  return c.data;
}

describe(`ndarray format: numpy ${fixture.numpy} str()/repr() of ${fixture.arrays.length} arrays`, () => {
  for (const c of fixture.arrays) {
    it(c.name, () => {
      const a = new NDArray(buildData(c), c.shape, c.dtype);
      expect(a.toString(), 'str').to.equal(c.str);
      expect(a.repr(), 'repr').to.equal(c.repr);
    });
  }
});

describe(`ndarray format: numpy scalar str() of ${fixture.scalars.length} scalars`, () => {
  for (const dtype of new Set(fixture.scalars.map((c) => c.dtype))) {
    it(`formatScalar ${dtype}`, () => {
      const failures = fixture.scalars
        .filter((c) => c.dtype === dtype)
        .map((c) => ({c, got: formatScalar(scalarValue(c), c.dtype)}))
        .filter(({c, got}) => got !== c.str)
        .map(({c, got}) => `${c.data}: got ${got}, numpy ${c.str}`);
      expect(failures).to.deep.equal([]);
    });
  }

  it('shortestFloat32 gives the number numpy prints for every float32 case', () => {
    const failures = fixture.scalars
      .filter((c) => c.dtype === 'float32' && c.str !== 'nan')
      .map((c) => ({c, got: shortestFloat32(scalarValue(c) as number)}))
      .filter(({c, got}) => !Object.is(got, parsePython(c.str)))
      .map(({c, got}) => `${c.data}: got ${got}, numpy ${c.str}`);
    expect(failures).to.deep.equal([]);
  });

  it('shortestFloat32 examples', () => {
    expect(shortestFloat32(Math.fround(0.1))).to.equal(0.1);
    expect(shortestFloat32(0.017914319)).to.equal(0.01791432);
    expect(shortestFloat32(Math.fround(3.1218286))).to.equal(3.1218286);
    expect(shortestFloat32(Math.fround(33554448))).to.equal(33554450);
    expect(Object.is(shortestFloat32(-0), -0)).to.equal(true);
    expect(Number.isNaN(shortestFloat32(NaN))).to.equal(true);
    expect(shortestFloat32(-Infinity)).to.equal(-Infinity);
  });

  it('formatScalar examples', () => {
    expect(formatScalar(Math.fround(0.1), 'float32')).to.equal('0.1');
    expect(formatScalar(Math.fround(3.1218286), 'float32')).to.equal('3.1218286');
    expect(formatScalar(Math.fround(1e-5), 'float32')).to.equal('1e-05');
    expect(formatScalar(100, 'float32')).to.equal('100.0');
    expect(formatScalar(Infinity, 'float32')).to.equal('inf');
    expect(formatScalar(NaN, 'float64')).to.equal('nan');
    expect(formatScalar(0.1 + 0.2, 'float64')).to.equal('0.30000000000000004');
    expect(formatScalar(1e16, 'float64')).to.equal('1e+16');
    expect(formatScalar(42, 'int32')).to.equal('42');
    expect(formatScalar(-1, 'uint32')).to.equal('4294967295');
    expect(formatScalar(true, 'bool')).to.equal('True');
    expect(formatScalar('a', 'string')).to.equal("b'a'");
  });
});

describe('ndarray format: console.log and NDArray methods', () => {
  const halves = () => NDArray.from([0, 0.5, 1, 1.5, 2, 2.5], 'float32').reshape(2, 3);

  it('util.inspect prints str at top level and repr when nested', () => {
    const a = halves();
    expect(util.inspect(a)).to.equal('[[0.  0.5 1. ]\n [1.5 2.  2.5]]');
    const row = a.get(0) as NDArray;
    expect(util.inspect([row])).to.equal('[ array([0. , 0.5, 1. ], dtype=float32) ]');
    expect(util.inspect({w: row})).to.equal('{ w: array([0. , 0.5, 1. ], dtype=float32) }');
  });

  it('from infers int32 and float32 and prints them as numpy', () => {
    const ints = NDArray.from([[1, 2], [3, 4]]);
    expect(ints.toString()).to.equal('[[1 2]\n [3 4]]');
    expect(ints.repr()).to.equal('array([[1, 2],\n       [3, 4]], dtype=int32)');
    expect(NDArray.from([0.1]).repr()).to.equal('array([0.1], dtype=float32)');
    expect(NDArray.from(new Float64Array([0.1, 0.2])).repr()).to.equal('array([0.1, 0.2])');
    expect(NDArray.from(2.5).toString()).to.equal('2.5');
    expect(NDArray.from(2.5).repr()).to.equal('array(2.5, dtype=float32)');
    expect(NDArray.from([true, false]).repr()).to.equal('array([ True, False])');
    expect(NDArray.from(['a', 'b']).toString()).to.equal("[b'a' b'b']");
  });

  it('reshape, get, transpose, astype keep printing as numpy', () => {
    const a = halves();
    expect(a.repr()).to.equal('array([[0. , 0.5, 1. ],\n       [1.5, 2. , 2.5]], dtype=float32)');
    expect(a.reshape(3, 2).toString()).to.equal('[[0.  0.5]\n [1.  1.5]\n [2.  2.5]]');
    expect(a.reshape(-1).repr()).to.equal('array([0. , 0.5, 1. , 1.5, 2. , 2.5], dtype=float32)');
    expect(String(a.get(1))).to.equal('[1.5 2.  2.5]');
    expect(a.transpose().toString()).to.equal('[[0.  1.5]\n [0.5 2. ]\n [1.  2.5]]');
    expect(a.astype('int32').repr()).to.equal('array([[0, 0, 1],\n       [1, 2, 2]], dtype=int32)');
    expect(a.astype('bool').repr()).to.equal('array([[False,  True,  True],\n       [ True,  True,  True]])');
    const cube = NDArray.from(Array.from({length: 24}, (_, i) => i), 'float32').reshape(2, 3, 4);
    expect(cube.transpose([2, 0, 1]).toString()).to.equal(
      '[[[ 0.  4.  8.]\n  [12. 16. 20.]]\n\n [[ 1.  5.  9.]\n  [13. 17. 21.]]\n\n' +
        ' [[ 2.  6. 10.]\n  [14. 18. 22.]]\n\n [[ 3.  7. 11.]\n  [15. 19. 23.]]]',
    );
  });

  it('item and tolist return plain JS values', () => {
    const a = halves();
    expect(a.get(1, 2)).to.equal(2.5);
    expect(a.reshape(-1).item(5)).to.equal(2.5);
    expect(NDArray.from([7]).item()).to.equal(7);
    expect(a.tolist()).to.deep.equal([[0, 0.5, 1], [1.5, 2, 2.5]]);
    expect(NDArray.from([true]).tolist()).to.deep.equal([true]);
  });

  it('a float64 array computed in float32 prints its float32 values', () => {
    const a = new NDArray(new Float32Array([0.1, 0.017914319]), [2], 'float64');
    expect(a.toString()).to.equal('[0.1        0.01791432]');
    expect(a.repr()).to.equal('array([0.1       , 0.01791432])');
    expect(new NDArray(new Float32Array([0.1]), [], 'float64').toString()).to.equal('0.1');
  });
});
