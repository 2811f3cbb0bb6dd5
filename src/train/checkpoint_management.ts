/**
 * The `checkpoint` state file and finding checkpoints: TF's checkpoint_management.py
 * (`tf.train.latest_checkpoint`, `get_checkpoint_state`, `checkpoint_exists`,
 * `update_checkpoint_state`), with its rules for relative paths: a relative save directory
 * stores paths relative to it, and reading joins them back onto the directory given.
 */
import * as fs from 'fs';
import * as path from 'path';
import {RuntimeError, ValueError} from '../framework/errors';
import {parseTextFormat, protoType, toTextFormat} from './checkpoint_proto';
import {dataFilename, indexFilename, writeAll, writeAtomically} from './checkpoint_bundle';

/** A CheckpointState message: what `tf.train.get_checkpoint_state` returns. */
export class CheckpointState {
  model_checkpoint_path = '';
  all_model_checkpoint_paths: string[] = [];
  all_model_checkpoint_timestamps: number[] = [];
  last_preserved_timestamp = 0;

  constructor(init: Partial<CheckpointState> = {}) {
    Object.assign(this, init);
  }

  /** The message in protobuf text format, as Python prints a proto. */
  toString(): string {
    return toTextFormat(protoType('CheckpointState'), {...this} as Record<string, unknown>);
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

/** Python's os.path.join for two parts: no normalisation, an absolute second part wins. */
export function pyJoin(a: string, b: string): string {
  if (path.isAbsolute(b) || a === '') return b;
  return a.endsWith('/') ? a + b : `${a}/${b}`;
}

/** Python's os.path.dirname: '' (not '.') for a bare file name, trailing slashes dropped. */
export function pyDirname(p: string): string {
  const head = p.slice(0, p.lastIndexOf('/') + 1);
  return head && !/^\/+$/.test(head) ? head.replace(/\/+$/, '') : head;
}

/** Python's os.path.relpath. */
function relpath(p: string, start: string): string {
  return path.relative(path.resolve(start || '.'), path.resolve(p)) || '.';
}

function stateFilename(save_dir: string, latest_filename: string | null | undefined): string {
  return pyJoin(save_dir, latest_filename ?? 'checkpoint');
}

/** `tf.train.generate_checkpoint_state_proto`: paths made relative to a relative save_dir. */
export function generate_checkpoint_state_proto(
  save_dir: string,
  model_checkpoint_path: string,
  all_model_checkpoint_paths: readonly string[] | null = null,
  all_model_checkpoint_timestamps: readonly number[] | null = null,
  last_preserved_timestamp: number | null = null,
): CheckpointState {
  const all = [...(all_model_checkpoint_paths ?? [])];
  if (!all.length || all[all.length - 1] !== model_checkpoint_path) all.push(model_checkpoint_path);
  if (all_model_checkpoint_timestamps?.length && all_model_checkpoint_timestamps.length !== all.length) {
    throw new ValueError(
      `Checkpoint timestamps, if provided, must match checkpoint paths (got paths ${JSON.stringify(all)} and timestamps ${JSON.stringify(all_model_checkpoint_timestamps)})`,
    );
  }
  let model = model_checkpoint_path;
  if (!path.isAbsolute(save_dir)) {
    if (!path.isAbsolute(model)) model = relpath(model, save_dir);
    all.forEach((p, i) => {
      if (!path.isAbsolute(p)) all[i] = relpath(p, save_dir);
    });
  }
  return new CheckpointState({
    model_checkpoint_path: model,
    all_model_checkpoint_paths: all,
    all_model_checkpoint_timestamps: [...(all_model_checkpoint_timestamps ?? [])],
    last_preserved_timestamp: last_preserved_timestamp ?? 0,
  });
}

export interface UpdateCheckpointStateOptions {
  all_model_checkpoint_paths?: readonly string[] | null;
  latest_filename?: string | null;
  save_relative_paths?: boolean;
  all_model_checkpoint_timestamps?: readonly number[] | null;
  last_preserved_timestamp?: number | null;
}

/**
 * `tf.train.update_checkpoint_state(save_dir, model_checkpoint_path, …)`: rewrites the state
 * file atomically (a temporary file renamed over it, as TF's atomic_write_string_to_file).
 */
export function update_checkpoint_state(save_dir: string, model_checkpoint_path: string, o: UpdateCheckpointStateOptions = {}): void {
  const file = stateFilename(save_dir, o.latest_filename);
  let model = model_checkpoint_path;
  let all = [...(o.all_model_checkpoint_paths ?? [])];
  if (o.save_relative_paths) {
    if (path.isAbsolute(model)) model = relpath(model, save_dir);
    all = all.map((p) => (path.isAbsolute(p) ? relpath(p, save_dir) : p));
  }
  const ckpt = generate_checkpoint_state_proto(save_dir, model, all, o.all_model_checkpoint_timestamps, o.last_preserved_timestamp);
  if (file === ckpt.model_checkpoint_path) {
    throw new RuntimeError(`Save path '${model_checkpoint_path}' conflicts with path used for checkpoint state.  Please use a different save path.`);
  }
  const text = Buffer.from(ckpt.toString(), 'utf8');
  writeAtomically(file, (fd) => writeAll(fd, text));
}

/**
 * `tf.train.get_checkpoint_state(checkpoint_dir, latest_filename)`: the state with paths joined
 * onto checkpoint_dir, or null when there is no state file (or it cannot be parsed: TF logs a
 * warning and ignores it).
 */
export function get_checkpoint_state(checkpoint_dir: string, latest_filename: string | null = null): CheckpointState | null {
  const file = stateFilename(checkpoint_dir, latest_filename);
  if (!fs.existsSync(file)) return null;
  let fields: Record<string, unknown>;
  try {
    fields = parseTextFormat(protoType('CheckpointState'), fs.readFileSync(file, 'utf8'));
  } catch (e) {
    process.emitWarning(`${file}: Checkpoint ignored (${(e as Error).message})`);
    return null;
  }
  const ckpt = new CheckpointState(fields as Partial<CheckpointState>);
  if (!ckpt.model_checkpoint_path) throw new ValueError(`Invalid checkpoint state loaded from ${checkpoint_dir}`);
  if (!path.isAbsolute(ckpt.model_checkpoint_path)) ckpt.model_checkpoint_path = pyJoin(checkpoint_dir, ckpt.model_checkpoint_path);
  ckpt.all_model_checkpoint_paths = ckpt.all_model_checkpoint_paths.map((p) => (path.isAbsolute(p) ? p : pyJoin(checkpoint_dir, p)));
  return ckpt;
}

/** `tf.train.latest_checkpoint(checkpoint_dir)`: the newest checkpoint's prefix if its files exist, else null. */
export function latest_checkpoint(checkpoint_dir: string, latest_filename: string | null = null): string | null {
  const ckpt = get_checkpoint_state(checkpoint_dir, latest_filename);
  if (ckpt?.model_checkpoint_path) {
    if (checkpoint_exists(ckpt.model_checkpoint_path)) return ckpt.model_checkpoint_path;
    console.error(`Couldn't match files for checkpoint ${ckpt.model_checkpoint_path}`);
  }
  return null;
}

/** `tf.train.checkpoint_exists(prefix)`: a V2 checkpoint's index (or a V1 file) exists. */
export function checkpoint_exists(checkpoint_prefix: string): boolean {
  return fs.existsSync(indexFilename(checkpoint_prefix)) || fs.existsSync(checkpoint_prefix);
}

/** `tf.train.get_checkpoint_mtimes(prefixes)`: seconds since the epoch, for those that exist. */
export function get_checkpoint_mtimes(checkpoint_prefixes: readonly string[]): number[] {
  const out: number[] = [];
  for (const p of checkpoint_prefixes) {
    const f = fs.existsSync(indexFilename(p)) ? indexFilename(p) : fs.existsSync(p) ? p : null;
    if (f) out.push(fs.statSync(f).mtimeMs / 1000);
  }
  return out;
}

/** TF's meta_graph_filename: `<prefix>.meta`, any `-?????-of-nnnnn` shard suffix removed. */
export function meta_graph_filename(checkpoint_filename: string, meta_graph_suffix = 'meta'): string {
  return `${checkpoint_filename.replace(/-[\d?]+-of-\d+$/, '')}.${meta_graph_suffix}`;
}

/** `tf.train.remove_checkpoint(prefix)`: its meta graph, index and data files, whichever exist. */
export function remove_checkpoint(checkpoint_prefix: string, meta_graph_suffix = 'meta'): void {
  const dir = path.dirname(checkpoint_prefix);
  const base = path.basename(checkpoint_prefix);
  const data = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.data-\\d{5}-of-\\d{5}$`);
  const files = [meta_graph_filename(checkpoint_prefix, meta_graph_suffix), indexFilename(checkpoint_prefix)];
  if (fs.existsSync(dir)) for (const f of fs.readdirSync(dir)) if (data.test(f)) files.push(path.join(dir, f));
  for (const f of files) fs.rmSync(f, {force: true});
}

export {dataFilename, indexFilename};
