/**
 * `tf.train.MonitoredTrainingSession` and `tf.train.MonitoredSession` (TF1's monitored_session.py):
 * a session that initializes the variables or restores them from the latest checkpoint, runs
 * hooks around every `run` (saving checkpoints, stopping at a step), and saves once more when
 * closed.
 *
 *     using sess = tf.train.MonitoredTrainingSession({checkpoint_dir: 'log/checkpoints', save_checkpoint_secs: 2});
 *     while (!sess.should_stop()) console.log(sess.run(step));
 *
 * Differences from TF: no summaries or step-rate logs are written (TF adds a StepCounterHook and
 * a SummarySaverHook), the graph is not finalized, and a `using` block cannot tell its disposal
 * why it ends, so hooks' `end` (the final checkpoint) runs even when the block threw.
 */
import {NotImplementedError, RuntimeError, ValueError} from '../framework/errors';
import {GraphKeys, get_default_graph, type Graph} from '../framework/graph';
import type {Operation} from '../framework/operation';
import {global_variables, global_variables_initializer, local_variables, local_variables_initializer} from '../ops/variables';
import {Session} from '../session/session';
import {Saver} from './saver';
import {get_checkpoint_state} from './checkpoint_management';
import {CheckpointSaverHook, SessionRunArgs, SessionRunContext, SessionRunValues, type SessionRunHook} from './checkpoint_saver_hook';

export interface ScaffoldOptions {
  init_op?: Operation | null;
  init_feed_dict?: unknown;
  init_fn?: ((scaffold: Scaffold, session: Session) => void) | null;
  local_init_op?: Operation | null;
  saver?: Saver | null;
}

/** `tf.train.Scaffold`: the init ops and the Saver a monitored session uses, TF's defaults filled in by `finalize`. */
export class Scaffold {
  private initOp: Operation | null;
  private localInitOp: Operation | null;
  private saverObj: Saver | null;
  private finalized = false;

  constructor(readonly o: ScaffoldOptions = {}) {
    this.initOp = o.init_op ?? null;
    this.localInitOp = o.local_init_op ?? null;
    this.saverObj = o.saver ?? null;
  }

  /** Creates the defaults: the init ops (or those in the INIT_OP/LOCAL_INIT_OP collections) and a Saver. */
  finalize(): this {
    if (this.finalized) return this;
    this.initOp ??= Scaffold.get_or_default(GraphKeys.INIT_OP, () => global_variables_initializer());
    this.localInitOp ??= Scaffold.get_or_default(GraphKeys.LOCAL_INIT_OP, () => local_variables_initializer());
    this.saverObj ??= defaultSaver();
    this.saverObj.build();
    this.finalized = true;
    return this;
  }

  get init_op(): Operation | null {
    return this.initOp;
  }
  get local_init_op(): Operation | null {
    return this.localInitOp;
  }
  get init_feed_dict(): unknown {
    return this.o.init_feed_dict ?? null;
  }
  get init_fn(): ((scaffold: Scaffold, session: Session) => void) | null {
    return this.o.init_fn ?? null;
  }
  get saver(): Saver {
    if (!this.saverObj) throw new RuntimeError('Scaffold has no saver until finalize() is called.');
    return this.saverObj;
  }

  /** TF's Scaffold.get_or_default: the one item of a collection, or a new one added to it. */
  static get_or_default<T>(collection_key: string, default_constructor: () => T): T {
    const g = get_default_graph();
    const items = g.get_collection<T>(collection_key);
    if (items.length > 1) throw new RuntimeError(`More than one item in collection ${collection_key}. Please indicate which one to use by passing it to the constructor.`);
    if (items.length) return items[0];
    const made = default_constructor();
    g.add_to_collection(collection_key, made);
    return made;
  }
}

/** TF's _get_saver_or_default: the Saver in the SAVERS collection, or a new sharded one (allow_empty). */
function defaultSaver(): Saver {
  const savers = get_default_graph().get_collection<Saver>(GraphKeys.SAVERS);
  if (savers.length > 1) throw new RuntimeError(`More than one item in the ${GraphKeys.SAVERS} collection`);
  if (savers.length) return savers[0];
  const saver = new Saver(null, {sharded: true, allow_empty: true});
  get_default_graph().add_to_collection(GraphKeys.SAVERS, saver);
  return saver;
}

export interface ChiefSessionCreatorOptions {
  scaffold?: Scaffold | null;
  master?: string;
  config?: unknown;
  checkpoint_dir?: string | null;
  checkpoint_filename_with_path?: string | null;
}

/**
 * `tf.train.ChiefSessionCreator`: a Session whose variables are restored from the latest
 * checkpoint in checkpoint_dir if there is one, otherwise initialized (TF's SessionManager).
 */
export class ChiefSessionCreator {
  readonly scaffold: Scaffold;
  constructor(private readonly o: ChiefSessionCreatorOptions = {}) {
    this.scaffold = o.scaffold ?? new Scaffold();
  }

  create_session(): Session {
    const s = this.scaffold.finalize();
    const graph = get_default_graph();
    const sess = new Session('', graph);
    try {
      if (!this.restore(sess)) {
        if (s.init_op) sess.run(s.init_op, s.init_feed_dict ?? undefined);
        s.init_fn?.(s, sess);
      }
      if (s.local_init_op) sess.run(s.local_init_op);
      const missing = [...global_variables(), ...local_variables()].filter((v) => !sess._variables.isInitialized(v.op));
      if (missing.length) {
        throw new RuntimeError(
          `Init operations did not make model ready.  Init op: ${s.init_op?.name ?? 'None'}, init fn: ${s.init_fn ? 'given' : 'None'}, local_init_op: ${s.local_init_op?.name ?? 'None'}, error: Variables not initialized: ${missing.map((v) => v.op.name).join(', ')}`,
        );
      }
    } catch (e) {
      sess.close();
      throw e;
    }
    return sess;
  }

  /** TF's SessionManager._restore_checkpoint: true if the variables came from a checkpoint. */
  private restore(sess: Session): boolean {
    const {checkpoint_dir: dir, checkpoint_filename_with_path: file} = this.o;
    if (dir && file) throw new ValueError('Can not provide both checkpoint_dir and checkpoint_filename_with_path.');
    const saver = this.scaffold.saver;
    if (file) {
      saver.restore(sess, file);
      return true;
    }
    const ckpt = dir ? get_checkpoint_state(dir) : null;
    if (!ckpt?.model_checkpoint_path) return false;
    saver.restore(sess, ckpt.model_checkpoint_path);
    saver.recover_last_checkpoints(ckpt.all_model_checkpoint_paths);
    return true;
  }
}

export interface MonitoredSessionOptions {
  session_creator?: ChiefSessionCreator | null;
  hooks?: readonly SessionRunHook[] | null;
  stop_grace_period_secs?: number;
}

/**
 * `tf.train.MonitoredSession({session_creator, hooks})`: calls each hook's `begin`, creates the
 * session, calls `after_create_session`; every `run` adds the hooks' fetches to the caller's and
 * hands them their results; `close()` (or the end of a `using` block) calls `end` and closes.
 */
export class MonitoredSession implements Disposable {
  private sess: Session | null;
  private readonly hooks: readonly SessionRunHook[];
  private stopRequested = false;

  constructor(o: MonitoredSessionOptions = {}) {
    this.hooks = [...(o.hooks ?? [])];
    for (const h of this.hooks) h.begin();
    this.sess = (o.session_creator ?? new ChiefSessionCreator()).create_session();
    try {
      for (const h of this.hooks) h.after_create_session(this.sess, null);
    } catch (e) {
      this.sess.close();
      this.sess = null;
      throw e;
    }
  }

  get graph(): Graph {
    return this.session().graph;
  }

  /** `sess.run(fetches, feed_dict)`, as Session.run, with the hooks' fetches and feeds added. */
  run(fetches: unknown, feedOrOptions?: unknown): any {
    const sess = this.session();
    if (this.stopRequested) throw new RuntimeError('Run called even after should_stop requested.');
    const feed = isRunOptions(feedOrOptions) ? feedOrOptions.feed_dict : feedOrOptions;
    const context = new SessionRunContext(new SessionRunArgs(fetches, feed ?? null), sess);
    const hookArgs = this.hooks.map((h) => h.before_run(context));
    const asked = hookArgs.map((a, i) => [i, a] as const).filter((x): x is readonly [number, SessionRunArgs] => !!x[1] && x[1].fetches != null);
    const feeds = mergeFeeds(feed, hookArgs.map((a) => a?.feed_dict));
    const out = sess.run({caller: fetches, hooks: asked.map(([, a]) => a.fetches)}, feeds);
    const results = new Map(asked.map(([i], k) => [i, (out.hooks as unknown[])[k]]));
    this.hooks.forEach((h, i) => h.after_run(context, new SessionRunValues(results.get(i) ?? null)));
    this.stopRequested ||= context.stop_requested;
    return out.caller;
  }

  /** True once a hook asked to stop, or after close. */
  should_stop(): boolean {
    return this.sess === null || this.stopRequested;
  }

  /** Calls the hooks' `end` (the final checkpoint) and closes the session. */
  close(): void {
    const sess = this.sess;
    if (!sess) return;
    try {
      for (const h of this.hooks) h.end(sess);
    } finally {
      sess.close();
      this.sess = null;
    }
  }

  [Symbol.dispose](): void {
    this.close();
  }

  /** The underlying tf.Session (TF's `_tf_sess()`). */
  _tf_sess(): Session {
    return this.session();
  }

  private session(): Session {
    if (!this.sess) throw new RuntimeError('Attempted to use a closed Session.');
    return this.sess;
  }
}

export interface MonitoredTrainingSessionOptions {
  master?: string;
  is_chief?: boolean;
  checkpoint_dir?: string | null;
  scaffold?: Scaffold | null;
  hooks?: readonly SessionRunHook[] | null;
  chief_only_hooks?: readonly SessionRunHook[] | null;
  /** Seconds between checkpoints; 600 when neither this nor save_checkpoint_steps is given (null disables). */
  save_checkpoint_secs?: number | null;
  save_checkpoint_steps?: number | null;
  /** Accepted for compatibility; tf1ts writes no summaries from a monitored session. */
  save_summaries_steps?: number | null;
  save_summaries_secs?: number | null;
  config?: unknown;
  stop_grace_period_secs?: number;
  log_step_count_steps?: number;
  max_wait_secs?: number;
  summary_dir?: string | null;
  save_graph_def?: boolean;
}

/**
 * `tf.train.MonitoredTrainingSession({checkpoint_dir, save_checkpoint_secs, hooks, …})`: a
 * MonitoredSession for the chief, restoring from checkpoint_dir and saving into it (as
 * `model.ckpt-<global step>`) every save_checkpoint_secs or save_checkpoint_steps.
 */
export function MonitoredTrainingSession(o: MonitoredTrainingSessionOptions = {}): MonitoredSession {
  // An option left out is TF's USE_DEFAULT; null is Python's None.
  let secs = o.save_checkpoint_secs;
  let steps = o.save_checkpoint_steps;
  if (steps === undefined && secs === undefined) [steps, secs] = [null, 600];
  else if (secs === undefined) secs = null;
  else if (steps === undefined) steps = null;

  const scaffold = o.scaffold ?? new Scaffold();
  if (o.is_chief === false) {
    throw new NotImplementedError('tf1ts runs in one process: a worker session (is_chief=false) that waits for a chief is not supported.');
  }
  const hooks: SessionRunHook[] = [...(o.chief_only_hooks ?? [])];
  const checkpoint_dir = o.checkpoint_dir ?? null;
  if (checkpoint_dir && ((secs && secs > 0) || (steps && steps > 0))) {
    hooks.push(new CheckpointSaverHook(checkpoint_dir, {save_steps: steps, save_secs: secs, scaffold, save_graph_def: o.save_graph_def ?? true}));
  }
  hooks.push(...(o.hooks ?? []));
  return new MonitoredSession({session_creator: new ChiefSessionCreator({scaffold, checkpoint_dir, master: o.master, config: o.config}), hooks});
}

function isRunOptions(x: unknown): x is {feed_dict?: unknown} {
  if (typeof x !== 'object' || x === null || Array.isArray(x) || x instanceof Map) return false;
  return 'feed_dict' in x || 'options' in x || 'run_metadata' in x;
}

/** The caller's feeds plus the hooks' (TF raises if both feed the same tensor). */
function mergeFeeds(user: unknown, fromHooks: readonly unknown[]): unknown {
  const extra = fromHooks.filter((f) => f != null);
  if (!extra.length) return user ?? undefined;
  const pairs: [unknown, unknown][] = [];
  for (const f of [user, ...extra]) {
    if (f == null) continue;
    const items: [unknown, unknown][] = f instanceof Map ? [...f] : Array.isArray(f) ? (f as [unknown, unknown][]) : Object.entries(f);
    for (const [k, v] of items) {
      if (pairs.some(([q]) => q === k)) throw new RuntimeError('Same tensor is fed by a SessionRunHook and user.');
      pairs.push([k, v]);
    }
  }
  return pairs;
}
