/**
 * Reading a checkpoint without a graph: `tf.train.NewCheckpointReader(prefix)` (TF's
 * CheckpointReader), `tf.train.load_checkpoint`, `list_variables` and `load_variable`.
 */
import * as fs from 'fs';
import {ValueError} from '../framework/errors';
import type {DType} from '../framework/dtypes';
import type {NDArray} from '../ndarray/ndarray';
import {BundleReader} from './checkpoint_bundle';
import {latest_checkpoint} from './checkpoint_management';

/** DataType_Name as TF's DebugString prints it (`DT_FLOAT`). */
const ENUM_NAME: Record<string, string> = {
  float32: 'DT_FLOAT', float64: 'DT_DOUBLE', float16: 'DT_HALF', int32: 'DT_INT32', int64: 'DT_INT64',
  int16: 'DT_INT16', int8: 'DT_INT8', uint8: 'DT_UINT8', uint16: 'DT_UINT16', bool: 'DT_BOOL', string: 'DT_STRING',
};

export class CheckpointReader {
  private readonly bundle: BundleReader;

  constructor(readonly filepattern: string) {
    this.bundle = new BundleReader(filepattern);
  }

  has_tensor(name: string): boolean {
    return this.bundle.has(name);
  }

  /** The tensor's value (a 0-d NDArray for a scalar, as numpy's 0-d array); NotFoundError for an unknown key. */
  get_tensor(name: string): NDArray {
    return this.bundle.lookup(name);
  }

  /** Name → shape, in key order. */
  get_variable_to_shape_map(): Record<string, number[]> {
    return Object.fromEntries([...this.bundle.entries].map(([k, e]) => [k, [...e.shape]]));
  }

  /** Name → dtype, in key order. */
  get_variable_to_dtype_map(): Record<string, DType> {
    return Object.fromEntries([...this.bundle.entries].map(([k, e]) => [k, e.dtype]));
  }

  /** TF's CheckpointReader::DebugString: `name (DT_FLOAT) [2,3]` per tensor. */
  debug_string(): string {
    let out = '';
    for (const [k, e] of this.bundle.entries) out += `${k} (${ENUM_NAME[e.dtype.base]}) [${e.shape.join(',')}]\n`;
    return out;
  }
}

/** `tf.train.NewCheckpointReader(filepattern)`: a reader of the checkpoint with that prefix. */
export function NewCheckpointReader(filepattern: string): CheckpointReader {
  return new CheckpointReader(filepattern);
}

/** `tf.train.load_checkpoint(ckpt_dir_or_file)`: a directory means its latest checkpoint. */
export function load_checkpoint(ckpt_dir_or_file: string): CheckpointReader {
  let prefix = ckpt_dir_or_file;
  if (fs.existsSync(prefix) && fs.statSync(prefix).isDirectory()) {
    const latest = latest_checkpoint(prefix);
    if (!latest) throw new ValueError(`Couldn't find 'checkpoint' file or checkpoints in given directory ${ckpt_dir_or_file}`);
    prefix = latest;
  }
  return new CheckpointReader(prefix);
}

/** `tf.train.list_variables(ckpt_dir_or_file)`: [name, shape] pairs, sorted by name. */
export function list_variables(ckpt_dir_or_file: string): [string, number[]][] {
  return Object.entries(load_checkpoint(ckpt_dir_or_file).get_variable_to_shape_map()).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** `tf.train.load_variable(ckpt_dir_or_file, name)`. A name ending in `:0` is looked up without it. */
export function load_variable(ckpt_dir_or_file: string, name: string): NDArray {
  return load_checkpoint(ckpt_dir_or_file).get_tensor(name.endsWith(':0') ? name.slice(0, -2) : name);
}
