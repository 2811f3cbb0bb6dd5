/**
 * Session-run hooks (TF1's session_run_hook.py and basic_session_run_hooks.py): the interface a
 * MonitoredSession calls around each run, the hook that saves checkpoints every N seconds or
 * steps (`tf.train.CheckpointSaverHook`), and `tf.train.StopAtStepHook`.
 *
 * As TF's CheckpointSaverHook, it writes graph.pbtxt into the checkpoint directory; TF's also
 * writes the MetaGraphDef and an events file there, which tf1ts does not.
 */
import * as fs from 'fs';
import {RuntimeError, ValueError} from '../framework/errors';
import {GraphKeys, get_default_graph} from '../framework/graph';
import {write_graph} from '../framework/graph_io';
import type {Tensor} from '../framework/tensor';
import type {Session} from '../session/session';
import {get_global_step} from './training_util';
import {pyJoin} from './checkpoint_management';
import {nowSeconds, type Saver} from './saver';

/** `tf.train.SessionRunArgs(fetches, feed_dict, options)`: what a hook adds to a run. */
export class SessionRunArgs {
  constructor(
    readonly fetches: unknown,
    readonly feed_dict: unknown = null,
    readonly options: unknown = null,
  ) {}
}

/** `tf.train.SessionRunContext`: the run's arguments and session; a hook may request a stop. */
export class SessionRunContext {
  private stop = false;
  constructor(
    readonly original_args: SessionRunArgs,
    readonly session: Session,
  ) {}
  request_stop(): void {
    this.stop = true;
  }
  get stop_requested(): boolean {
    return this.stop;
  }
}

/** `tf.train.SessionRunValues`: the results of the fetches the hook asked for. */
export class SessionRunValues {
  constructor(
    readonly results: unknown,
    readonly options: unknown = null,
    readonly run_metadata: unknown = null,
  ) {}
}

/** `tf.train.SessionRunHook`: override the calls a hook needs. */
export class SessionRunHook {
  /** Before the session is created; the graph may still be changed. */
  begin(): void {}
  /** The session exists and its variables are initialized or restored. */
  after_create_session(_session: Session, _coord: unknown): void {}
  before_run(_run_context: SessionRunContext): SessionRunArgs | null {
    return null;
  }
  after_run(_run_context: SessionRunContext, _run_values: SessionRunValues): void {}
  /** At close, unless the session ended with an error. */
  end(_session: Session): void {}
}

/** `tf.train.SecondOrStepTimer`: triggers every N seconds or every N steps. */
export class SecondOrStepTimer {
  private lastTime: number | null = null;
  private lastStep: number | null = null;

  constructor(
    readonly every_secs: number | null = null,
    readonly every_steps: number | null = null,
  ) {
    if ((every_secs === null) === (every_steps === null)) {
      throw new ValueError(`exactly one of every_steps and every_secs should be provided.`);
    }
  }

  should_trigger_for_step(step: number): boolean {
    if (this.lastStep === null) return true;
    if (this.lastStep === step) return false;
    if (this.every_secs !== null && nowSeconds() >= this.lastTime! + this.every_secs) return true;
    if (this.every_steps !== null && step >= this.lastStep + this.every_steps) return true;
    return false;
  }

  /** Records a trigger; returns the seconds and steps since the previous one (null the first time). */
  update_last_triggered_step(step: number): [number | null, number | null] {
    const now = nowSeconds();
    const elapsed: [number | null, number | null] = this.lastTime === null ? [null, null] : [now - this.lastTime, step - this.lastStep!];
    this.lastTime = now;
    this.lastStep = step;
    return elapsed;
  }

  last_triggered_step(): number | null {
    return this.lastStep;
  }
}

/** `tf.train.CheckpointSaverListener`: called around each save of a CheckpointSaverHook. */
export class CheckpointSaverListener {
  begin(): void {}
  before_save(_session: Session, _global_step_value: number): void {}
  /** Returning true asks the training loop to stop. */
  after_save(_session: Session, _global_step_value: number): boolean | void {}
  end(_session: Session, _global_step_value: number): void {}
}

/** Where a CheckpointSaverHook gets its Saver when it is not given one. */
export interface SaverSource {
  readonly saver: Saver;
}

export interface CheckpointSaverHookOptions {
  save_secs?: number | null;
  save_steps?: number | null;
  saver?: Saver | null;
  checkpoint_basename?: string;
  scaffold?: SaverSource | null;
  listeners?: readonly CheckpointSaverListener[];
  save_graph_def?: boolean;
}

/** The global step's value read through its `read` tensor (a "stale" read when fetched with a train op, as in TF). */
function globalStepRead(hook: string): Tensor {
  const gs = get_global_step(get_default_graph());
  if (!gs) throw new RuntimeError(`Global step should be created to use ${hook}.`);
  return gs.value();
}

/**
 * `tf.train.CheckpointSaverHook(checkpoint_dir, {save_secs, save_steps, saver, scaffold, …})`:
 * saves when the session is created, whenever the timer triggers after a run, and at the end.
 */
export class CheckpointSaverHook extends SessionRunHook {
  private saver: Saver | null;
  private readonly savePath: string;
  private readonly timer: SecondOrStepTimer;
  private readonly listeners: readonly CheckpointSaverListener[];
  private globalStep: Tensor | null = null;
  /** TF raises this to the number of steps a run may take; one run is one step here. */
  private stepsPerRun = 1000000;

  constructor(
    readonly checkpoint_dir: string,
    private readonly o: CheckpointSaverHookOptions = {},
  ) {
    super();
    if (o.saver && o.scaffold) throw new ValueError('You cannot provide both saver and scaffold.');
    this.saver = o.saver ?? null;
    this.savePath = pyJoin(checkpoint_dir, o.checkpoint_basename ?? 'model.ckpt');
    this.timer = new SecondOrStepTimer(o.save_secs ?? null, o.save_steps ?? null);
    this.listeners = o.listeners ?? [];
  }

  _set_steps_per_run(steps_per_run: number): void {
    this.stepsPerRun = steps_per_run;
  }

  override begin(): void {
    // TF's hook opens a summary writer on checkpoint_dir here, which creates the directory.
    fs.mkdirSync(this.checkpoint_dir, {recursive: true});
    this.globalStep = globalStepRead('CheckpointSaverHook');
    for (const l of this.listeners) l.begin();
  }

  override after_create_session(session: Session): void {
    // After every hook's begin(), which may still add to the graph.
    if (this.o.save_graph_def ?? true) {
      write_graph(get_default_graph().as_graph_def({add_shapes: true}), this.checkpoint_dir, 'graph.pbtxt');
    }
    const step = Number(session.run(this.globalStep));
    // The checkpoint saved here is the state at step `global_step`.
    this.save(session, step);
    this.timer.update_last_triggered_step(step);
  }

  override before_run(): SessionRunArgs {
    return new SessionRunArgs(this.globalStep);
  }

  override after_run(run_context: SessionRunContext, run_values: SessionRunValues): void {
    const stale = Number(run_values.results);
    if (!this.timer.should_trigger_for_step(stale + this.stepsPerRun)) return;
    const step = Number(run_context.session.run(this.globalStep));
    if (this.timer.should_trigger_for_step(step)) {
      this.timer.update_last_triggered_step(step);
      if (this.save(run_context.session, step)) run_context.request_stop();
    }
  }

  override end(session: Session): void {
    const last = Number(session.run(this.globalStep));
    if (last !== this.timer.last_triggered_step()) this.save(session, last);
    for (const l of this.listeners) l.end(session, last);
  }

  /** Saves a checkpoint; true if a listener asks to stop. */
  private save(session: Session, step: number): boolean {
    for (const l of this.listeners) l.before_save(session, step);
    this.getSaver().save(session, this.savePath, {global_step: step, write_meta_graph: this.o.save_graph_def ?? true});
    let stop = false;
    for (const l of this.listeners) if (l.after_save(session, step)) stop = true;
    return stop;
  }

  private getSaver(): Saver {
    if (this.saver) return this.saver;
    if (this.o.scaffold) return this.o.scaffold.saver;
    const savers = get_default_graph().get_collection<Saver>(GraphKeys.SAVERS);
    if (!savers.length) {
      throw new RuntimeError(`No items in collection ${GraphKeys.SAVERS}. Please add a saver to the collection or provide a saver or scaffold.`);
    }
    if (savers.length > 1) {
      throw new RuntimeError(`More than one item in collection ${GraphKeys.SAVERS}. Please indicate which one to use by passing it to the constructor.`);
    }
    return (this.saver = savers[0]);
  }
}

/** `tf.train.StopAtStepHook({num_steps} | {last_step})`: requests a stop once the global step reaches the last step. */
export class StopAtStepHook extends SessionRunHook {
  private lastStep: number | null;
  private readonly numSteps: number | null;
  private globalStep: Tensor | null = null;

  constructor(o: {num_steps?: number | null; last_step?: number | null} = {}) {
    super();
    const num = o.num_steps ?? null;
    const last = o.last_step ?? null;
    if (num === null && last === null) throw new ValueError('One of num_steps or last_step must be specified.');
    if (num !== null && last !== null) throw new ValueError('Only one of num_steps or last_step can be specified.');
    this.numSteps = num;
    this.lastStep = last;
  }

  override begin(): void {
    this.globalStep = globalStepRead('StopAtStepHook');
  }

  override after_create_session(session: Session): void {
    if (this.lastStep === null) this.lastStep = Number(session.run(this.globalStep)) + this.numSteps!;
  }

  override before_run(): SessionRunArgs {
    return new SessionRunArgs(this.globalStep);
  }

  override after_run(run_context: SessionRunContext, run_values: SessionRunValues): void {
    // The fetched step is read before this run's update: +1 estimates it, and only then is it read again.
    if (Number(run_values.results) + 1 < this.lastStep!) return;
    if (Number(run_context.session.run(this.globalStep)) >= this.lastStep!) run_context.request_stop();
  }
}
