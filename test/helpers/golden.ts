/**
 * Test helpers: reading the fixtures real TensorFlow generated (test/fixtures/*.json, from the
 * generators in test/fixtures/gen/), comparing with tolerance, and checking for leaked tensors.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as tfc from '@tensorflow/tfjs-core';
import {expect} from 'chai';
import * as tf from '../../src';
import {NDArray, type DtypeName} from '../../src/ndarray/ndarray';

export interface Encoded {
  dtype: string;
  shape: number[];
  data: (number | string | boolean)[];
}

export function loadFixture<T = Record<string, unknown>>(name: string): T & {meta: {generator: string}} {
  const file = path.join(__dirname, '..', 'fixtures', `${name}.json`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function number(x: number | string | boolean): number {
  if (x === 'nan') return NaN;
  if (x === 'inf') return Infinity;
  if (x === '-inf') return -Infinity;
  return Number(x);
}

/** Rebuilds a fixture array as an NDArray of its dtype (float64/int64 kept as labels). */
export function decode(e: Encoded): NDArray {
  if (e.dtype === 'string') return new NDArray(e.data.map(String), e.shape, 'string');
  if (e.dtype === 'bool') return new NDArray(Uint8Array.from(e.data, (x) => (x ? 1 : 0)), e.shape, 'bool');
  const dtype = e.dtype as DtypeName;
  const data = dtype === 'float64' ? Float64Array.from(e.data, number)
    : dtype.startsWith('float') ? Float32Array.from(e.data, number)
    : Int32Array.from(e.data, number);
  return new NDArray(data, e.shape, dtype);
}

export interface Tolerance {
  rtol?: number;
  atol?: number;
}

/** numpy's `assert_allclose`: |a - e| <= atol + rtol * |e|, NaNs equal, shapes equal. */
export function expectAllClose(actual: unknown, expected: NDArray | number | number[], tol: Tolerance = {}, what = ''): void {
  const rtol = tol.rtol ?? 1e-5;
  const atol = tol.atol ?? 1e-6;
  const e = expected instanceof NDArray ? expected : NDArray.from(expected as number[], 'float64');
  const a = actual instanceof NDArray ? actual : NDArray.from(actual as number, 'float64');
  expect(a.shape, `${what} shape`).to.deep.equal(e.shape);
  for (let i = 0; i < e.size; i++) {
    const x = Number(a.data[i]);
    const y = Number(e.data[i]);
    if (Number.isNaN(y)) {
      expect(Number.isNaN(x), `${what}[${i}] should be nan, got ${x}`).to.equal(true);
      continue;
    }
    if (!Number.isFinite(y)) {
      expect(x, `${what}[${i}]`).to.equal(y);
      continue;
    }
    const ok = Math.abs(x - y) <= atol + rtol * Math.abs(y);
    expect(ok, `${what}[${i}]: ${x} vs TF ${y} (rtol ${rtol}, atol ${atol})`).to.equal(true);
  }
}

/** Runs `fn` in a fresh default graph. */
export function freshGraph<T>(fn: () => T): T {
  tf.reset_default_graph();
  return fn();
}

/** The live tfjs tensor count (a leak check compares it before and after). */
export function liveTensors(): number {
  return tfc.memory().numTensors;
}
