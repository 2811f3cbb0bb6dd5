/**
 * `tf.train.Saver`: saves variables to TF's V2 checkpoint format and restores them, keeps the
 * `checkpoint` state file, and deletes checkpoints beyond `max_to_keep` (TF1's saver.py).
 *
 * TF1 builds `save/SaveV2`, `save/RestoreV2` and `save/Assign*` ops and runs them. tf1ts reads
 * and writes the session's variable cells directly: SaveV2 and RestoreV2 take lists of tensors of
 * different dtypes (a type-list attr), which the op registry's list inputs do not express, and
 * running file I/O as graph ops would change nothing a user sees but the op names. The Saver
 * still takes its name scope (`save`, `save_1` …), so later ops are named as in TF.
 *
 * A save is crash-safe: the bundle's files are written under temporary names and renamed (the
 * index last), then the state file is replaced the same way, then old checkpoints are deleted.
 * Killed at any moment, the state file names a complete checkpoint.
 */
import * as fs from 'fs';
import {isTensor, type Graph} from '../framework/graph';
import {FailedPreconditionError, InvalidArgumentError, NotFoundError, RuntimeError, ValueError, opError, type OpError} from '../framework/errors';
import {fromTfjs, toTfjs} from '../framework/tfjs_values';
import {bracket} from '../framework/tensor_shape';
import type {Tensor} from '../framework/tensor';
import {Variable, global_variables} from '../ops/variables';
import {Session} from '../session/session';
import type {NDArray} from '../ndarray/ndarray';
import {BundleReader, writeBundle} from './checkpoint_bundle';
import {checkpoint_exists, get_checkpoint_mtimes, pyDirname, remove_checkpoint, update_checkpoint_state} from './checkpoint_management';

export interface SaverOptions {
  reshape?: boolean;
  sharded?: boolean;
  max_to_keep?: number | null;
  keep_checkpoint_every_n_hours?: number;
  name?: string | null;
  restore_sequentially?: boolean;
  defer_build?: boolean;
  allow_empty?: boolean;
  /** tf.train.SaverDef.V2 (2); V1 is not supported. */
  write_version?: number;
  pad_step_number?: boolean;
  save_relative_paths?: boolean;
  filename?: string | null;
}

export interface SaveOptions {
  /** Appended to the path as `-<step>`: a number, or a variable/tensor (or its name) evaluated in `sess`. */
  global_step?: number | Variable | Tensor | string | null;
  latest_filename?: string | null;
  meta_graph_suffix?: string;
  /** TF writes `<path>.meta` by default; tf1ts has no MetaGraphDef exporter yet and writes none. */
  write_meta_graph?: boolean;
  write_state?: boolean;
  strip_default_attrs?: boolean;
}

/** What `var_list` may be: Variables (saved under their op names) or an object name → Variable. */
export type SaverVarList = readonly Variable[] | Readonly<Record<string, Variable>>;

const OPTION_KEYS = new Set([
  'reshape', 'sharded', 'max_to_keep', 'keep_checkpoint_every_n_hours', 'name', 'restore_sequentially', 'saver_def',
  'builder', 'defer_build', 'allow_empty', 'write_version', 'pad_step_number', 'save_relative_paths', 'filename',
]);

export class Saver {
  private readonly options: SaverOptions;
  private varList: SaverVarList | null;
  /** Checkpoint key → variable, sorted by key (TF's order in save/SaveV2's tensor_names). */
  private saveables: [string, Variable][] = [];
  private built = false;
  private empty = false;
  private scopeName = '';
  private lastCheckpoints: [string, number][] = [];
  private toDelete: [string, number][] = [];
  private nextCheckpointTime = 0;

  /**
   * `new tf.train.Saver(var_list?, {max_to_keep, keep_checkpoint_every_n_hours, name, sharded, …})`.
   * As Python's keyword form `Saver(max_to_keep=1)`, the options may come alone: `new Saver({max_to_keep: 1})`.
   */
  constructor(var_list?: SaverVarList | SaverOptions | null, options: SaverOptions = {}) {
    if (isOptions(var_list)) {
      options = var_list;
      var_list = null;
    }
    this.options = options;
    this.varList = (var_list as SaverVarList | null | undefined) ?? null;
    if (options.write_version !== undefined && options.write_version !== 2) {
      throw new ValueError('tf1ts writes V2 checkpoints only (tf.train.SaverDef.V2)');
    }
    if (options.defer_build && this.varList) {
      throw new ValueError('If `var_list` is provided then build cannot be deferred. Either set defer_build=False or var_list=None.');
    }
    if (!options.defer_build) this.build();
  }

  /** Fixes the variables to save (all global variables if none were given) and takes the name scope. */
  build(): void {
    if (this.built) return;
    this.built = true;
    const list = this.varList ?? global_variables();
    this.saveables = saveablesOf(list);
    if (!this.saveables.length) {
      if (!this.options.allow_empty) throw new ValueError('No variables to save');
      this.empty = true;
      return;
    }
    const graph: Graph = this.saveables[0][1].graph;
    this.scopeName = graph.unique_name(this.options.name || 'save');
    this.nextCheckpointTime = nowSeconds() + this.keepHours * 3600;
  }

  /** The name scope TF would have put the save/restore ops in (`save`, `save_1` …). */
  get name(): string {
    return this.scopeName;
  }

  private get keepHours(): number {
    return this.options.keep_checkpoint_every_n_hours ?? 10000;
  }

  private get maxToKeep(): number | null {
    return this.options.max_to_keep === undefined ? 5 : this.options.max_to_keep;
  }

  /**
   * `saver.save(sess, save_path, {global_step, latest_filename, write_state})`: writes the
   * checkpoint and returns its prefix (`save_path-<step>` with a global step), or null for an
   * empty saver.
   */
  save(sess: Session, save_path: string, o: SaveOptions = {}): string | null {
    if (!this.built) throw new RuntimeError('`build()` should be called before save if defer_build==True');
    const latest = o.latest_filename ?? 'checkpoint';
    if (latest.includes('/')) throw new ValueError("'latest_filename' must not contain path components");
    if (!(sess instanceof Session)) throw new TypeError(`'sess' must be a Session; ${String(sess)}`);
    let checkpointFile = save_path;
    if (o.global_step !== undefined && o.global_step !== null) {
      const step = typeof o.global_step === 'number' ? o.global_step : Number(sess.run(o.global_step));
      const digits = Math.trunc(step).toString();
      checkpointFile = `${save_path}-${this.options.pad_step_number ? digits.padStart(8, '0') : digits}`;
    } else if (basename(save_path) === latest && !this.options.sharded) {
      throw new ValueError(`'latest_filename' collides with 'save_path': '${latest}' and '${save_path}'`);
    }
    if (this.empty) return null;

    const values = this.snapshot(sess);
    const parent = pyDirname(save_path);
    try {
      writeBundle(checkpointFile, values);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' && parent && !fs.existsSync(parent)) {
        throw new ValueError(`Parent directory of ${save_path} doesn't exist, can't save.`);
      }
      throw e;
    }
    if (o.write_state ?? true) {
      this.recordLastCheckpoint(checkpointFile);
      update_checkpoint_state(parent, checkpointFile, {
        all_model_checkpoint_paths: this.last_checkpoints,
        latest_filename: latest,
        save_relative_paths: this.options.save_relative_paths ?? false,
      });
      this.maybeDeleteOldCheckpoints(o.meta_graph_suffix ?? 'meta');
    }
    return checkpointFile;
  }

  /**
   * `saver.restore(sess, save_path)`: checks every key exists with the variable's dtype and
   * shape, then assigns all values (so a failed restore changes no variable).
   */
  restore(sess: Session, save_path: string | null): void {
    if (this.empty) return;
    if (save_path === null || save_path === undefined) throw new ValueError("Can't load save_path when it is None.");
    if (!checkpoint_exists(save_path)) throw new ValueError(`The passed save_path is not a valid checkpoint: ${save_path}`);
    this.checkSession(sess);
    const reader = new BundleReader(save_path);
    for (const [key, v] of this.saveables) {
      const entry = reader.entries.get(key);
      if (!entry) throw restoreError(NotFoundError, v, 'a Variable name or other graph key that is missing', `Key ${key} not found in checkpoint`);
      const want = v.dtype.base_dtype;
      if (entry.dtype !== want) {
        throw restoreError(InvalidArgumentError, v, MISMATCH, `tensor_name = ${key}; expected dtype ${want.protoName} does not equal original dtype ${entry.dtype.protoName}`);
      }
    }
    const restored: [Variable, NDArray][] = this.saveables.map(([key, v]) => [v, reader.lookup(key)]);
    for (const [v, value] of restored) {
      // TF's Assign (validate_shape when the variable's shape is fully defined) compares with the
      // variable's current value, or its declared shape before initialization.
      const declared = v.shape;
      if (!declared.is_fully_defined()) continue;
      const lhs = sess._variables.cell(v.op).value?.shape ?? (declared.dims as number[]);
      if (lhs.length !== value.dims.length || lhs.some((d, i) => d !== value.dims[i])) {
        throw restoreError(InvalidArgumentError, v, MISMATCH, `Assign requires shapes of both tensors to match. lhs shape= ${bracket(lhs)} rhs shape= ${bracket(value.dims)}`);
      }
    }
    for (const [v, value] of restored) sess._variables.cell(v.op).adopt(toTfjs(value, v.dtype.base_dtype));
  }

  /** The prefixes of the checkpoints this saver keeps, oldest first. */
  get last_checkpoints(): string[] {
    return this.lastCheckpoints.map(([p]) => p);
  }

  /** `saver.set_last_checkpoints_with_time([[path, seconds], …])`. */
  set_last_checkpoints_with_time(last_checkpoints_with_time: readonly (readonly [string, number])[]): void {
    this.lastCheckpoints = last_checkpoints_with_time.map(([p, t]) => [p, t]);
  }

  /** `saver.recover_last_checkpoints(paths)`: adopts the checkpoints that still exist, with their mtimes. */
  recover_last_checkpoints(checkpoint_paths: readonly string[]): void {
    const existing = checkpoint_paths.filter((p) => checkpoint_exists(p));
    const mtimes = get_checkpoint_mtimes(existing);
    this.set_last_checkpoints_with_time(existing.map((p, i) => [p, mtimes[i]]));
  }

  /** The variables' current values, read from the session's cells. */
  private snapshot(sess: Session): {name: string; dtype: Variable['dtype']; value: NDArray}[] {
    this.checkSession(sess);
    return this.saveables.map(([name, v]) => {
      const t = sess._variables.cell(v.op).value;
      if (t === null) throw opError(FailedPreconditionError, v.op, `Attempting to use uninitialized value ${v.op.name}`);
      const dtype = v.dtype.base_dtype;
      return {name, dtype, value: fromTfjs(t, dtype)};
    });
  }

  private checkSession(sess: Session): void {
    if (sess._closed) throw new RuntimeError('Attempted to use a closed Session.');
    const foreign = this.saveables.find(([, v]) => v.graph !== sess.graph);
    if (foreign) throw new ValueError(`Variable ${foreign[1].op.name} of this Saver is not an element of the session's graph.`);
  }

  /** TF's _RecordLastCheckpoint: a re-saved path moves to the end; beyond max_to_keep, the oldest is queued for deletion. */
  private recordLastCheckpoint(p: string): void {
    if (!this.maxToKeep) return;
    this.lastCheckpoints = this.lastCheckpoints.filter(([q]) => q !== p);
    this.lastCheckpoints.push([p, nowSeconds()]);
    if (this.lastCheckpoints.length > this.maxToKeep) this.toDelete.push(this.lastCheckpoints.shift()!);
  }

  /** TF's _MaybeDeleteOldCheckpoints: keeps one checkpoint every keep_checkpoint_every_n_hours. */
  private maybeDeleteOldCheckpoints(suffix: string): void {
    const p = this.toDelete.shift();
    if (!p) return;
    if (p[1] > this.nextCheckpointTime) {
      this.nextCheckpointTime += this.keepHours * 3600;
      return;
    }
    try {
      remove_checkpoint(p[0], suffix);
    } catch (e) {
      process.emitWarning(`Ignoring: ${(e as Error).message}`);
    }
  }
}

const MISMATCH = 'a mismatch between the current graph and the graph';

/** TF's _wrap_restore_error_with_msg, naming the variable being restored. */
function restoreError(cls: typeof NotFoundError, v: Variable, why: string, original: string): OpError {
  return opError(
    cls,
    v.op,
    `Restoring from checkpoint failed. This is most likely due to ${why} from the checkpoint. Please ensure that you have not altered the graph expected based on the checkpoint. Original error:\n\n${original}`,
  );
}

/** Python's time.time(): seconds, with sub-millisecond precision. */
export function nowSeconds(): number {
  return (performance.timeOrigin + performance.now()) / 1000;
}

function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** A plain object with option keys and no Variable values: Python's keyword arguments. */
function isOptions(x: unknown): x is SaverOptions {
  if (typeof x !== 'object' || x === null || Array.isArray(x) || x instanceof Map) return false;
  const entries = Object.entries(x);
  return entries.length > 0 && entries.every(([k, v]) => OPTION_KEYS.has(k) && !(v instanceof Variable));
}

/** TF's op_list_to_dict: key → variable, checked for duplicates, sorted by key. */
function saveablesOf(list: SaverVarList): [string, Variable][] {
  const out = new Map<string, Variable>();
  if (Array.isArray(list)) {
    for (const v of list as readonly unknown[]) {
      if (!(v instanceof Variable)) throw new TypeError(`Variable to save is not a Variable: ${describe(v)}`);
      const key = v.op.name;
      if (out.has(key)) throw new ValueError(`At least two variables have the same name: ${key}`);
      out.set(key, v);
    }
  } else {
    const seen = new Set<Variable>();
    for (const [key, v] of Object.entries(list as Record<string, unknown>)) {
      if (!(v instanceof Variable)) throw new TypeError(`Variable to save is not a Variable: ${describe(v)}`);
      if (seen.has(v)) throw new ValueError(`The same saveable will be restored with two names: ${key}`);
      seen.add(v);
      out.set(key, v);
    }
  }
  return [...out].sort(([a], [b]) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

function describe(x: unknown): string {
  return isTensor(x) ? String(x) : typeof x === 'object' && x !== null ? (x.constructor?.name ?? 'object') : JSON.stringify(x);
}

/** `tf.train.SaverDef.V2` and friends: the checkpoint format versions (saver.proto). */
export const SaverDef = Object.freeze({LEGACY: 0, V1: 1, V2: 2});
