/**
 * What the interop scripts exchange with real TensorFlow: small graphs tf1ts builds, the runs
 * to repeat on them, and values as JSON ({dtype, shape, data}, as test/fixtures/gen/common.py
 * writes them).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '../../src';
import {NDArray, type DtypeName} from '../../src/ndarray/ndarray';

export const DIR = process.env.TF1TS_INTEROP_DIR ?? '/tmp/tf1ts-interop';
export const REPO = path.join(__dirname, '..', '..');

export interface Encoded {
  dtype: string;
  shape: number[];
  data: (number | string | boolean)[];
}

export interface Run {
  fetches: string[];
  feeds: Record<string, Encoded>;
  /** One per fetch: null for an op. */
  results: (Encoded | null)[];
}

export function encode(v: unknown): Encoded | null {
  if (v === null || v === undefined) return null;
  const a = v instanceof NDArray ? v : NDArray.from(v as number);
  const data = Array.from({length: a.size}, (_, i) => {
    const x = a.scalarAt(i);
    if (typeof x === 'number' && !Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
    return x;
  });
  return {dtype: a.dtype, shape: [...a.shape], data};
}

export function decode(e: Encoded): NDArray {
  const num = (x: number | string | boolean) => (x === 'nan' ? NaN : x === 'inf' ? Infinity : x === '-inf' ? -Infinity : Number(x));
  if (e.dtype === 'string') return new NDArray(e.data.map(String), e.shape, 'string');
  if (e.dtype === 'bool') return new NDArray(Uint8Array.from(e.data, (x) => (x ? 1 : 0)), e.shape, 'bool');
  const dtype = e.dtype as DtypeName;
  const data = dtype === 'float64' ? Float64Array.from(e.data, num) : dtype.startsWith('float') ? Float32Array.from(e.data, num) : Int32Array.from(e.data, num);
  return new NDArray(data, e.shape, dtype);
}

/** Runs each [fetches, feeds] in one session on `graph`; returns the runs with the results. */
export function replay(graph: tf.Graph, runs: readonly [string[], Record<string, NDArray>][]): Run[] {
  using sess = new tf.Session({graph});
  return runs.map(([fetches, feeds]) => {
    const values = sess.run(fetches, feeds) as unknown[];
    return {fetches, feeds: Object.fromEntries(Object.entries(feeds).map(([k, v]) => [k, encode(v)!])), results: values.map(encode)};
  });
}

/** Compares values (floats with rtol 1e-5, atol 1e-6); returns a description of each mismatch. */
export function compareRuns(actual: readonly (Encoded | null)[], expected: readonly (Encoded | null)[], what: string): string[] {
  const problems: string[] = [];
  expected.forEach((e, i) => {
    const a = actual[i];
    if (e === null || a === null) {
      if (e !== a) problems.push(`${what}[${i}]: ${JSON.stringify(a)} vs ${JSON.stringify(e)}`);
      return;
    }
    if (a.shape.join() !== e.shape.join()) return void problems.push(`${what}[${i}]: shape (${a.shape}) vs (${e.shape})`);
    const bad = e.data.findIndex((y, k) => {
      const x = a.data[k];
      if (typeof y !== 'number' || typeof x !== 'number') return String(x) !== String(y);
      return !(Math.abs(x - y) <= 1e-6 + 1e-5 * Math.abs(y));
    });
    if (bad >= 0) problems.push(`${what}[${i}] element ${bad}: ${a.data[bad]} vs ${e.data[bad]}`);
  });
  return problems;
}

export function writeJson(file: string, payload: unknown): void {
  fs.mkdirSync(path.dirname(file), {recursive: true});
  fs.writeFileSync(file, JSON.stringify(payload) + '\n');
}
