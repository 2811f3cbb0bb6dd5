/**
 * tf.train.MonitoredTrainingSession (listing 4-7) and its hooks: three runs on one checkpoint
 * directory print what TF's print and leave the checkpoints and state file TF's leave
 * (test/fixtures/checkpoint.json, from test/fixtures/gen/checkpoint.py); then the hook protocol.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {expect} from 'chai';
import * as tf from '../../src';
import {ChiefSessionCreator, MonitoredSession, MonitoredTrainingSession, Scaffold} from '../../src/train/monitored_session';
import {
  CheckpointSaverHook, CheckpointSaverListener, SecondOrStepTimer, SessionRunArgs, SessionRunHook, StopAtStepHook,
  type SessionRunContext, type SessionRunValues,
} from '../../src/train/checkpoint_saver_hook';
import type {Session} from '../../src/session/session';
import {Saver} from '../../src/train/saver';
import {readGraphDef} from '../../src/framework/graph_io';
import {loadFixture} from '../helpers/golden';

interface MonitoredRun {
  options: {save_checkpoint_secs?: number; save_checkpoint_steps?: number; steps: number};
  printed: number[];
  files: string[];
  state: string;
}
const F = loadFixture<{monitored: MonitoredRun[]}>('checkpoint');

const madeDirs: string[] = [];
function tmpdir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'tf1ts-monitored-'));
  madeDirs.push(d);
  return d;
}
after(() => madeDirs.forEach((d) => fs.rmSync(d, {recursive: true, force: true})));

/** Listing 4-7's graph. */
function counter() {
  tf.reset_default_graph();
  const global_step = tf.train.get_or_create_global_step();
  return {global_step, step: tf.assign_add(global_step, 1)};
}

describe('tf.train.MonitoredTrainingSession', () => {
  it("three runs on one checkpoint_dir: TF's output, checkpoints and state file", () => {
    const dir = tmpdir();
    const cwd = process.cwd();
    process.chdir(dir); // relative paths in the state file, as in the listing
    try {
      for (const run of F.monitored) {
        const {global_step, step} = counter();
        const {steps, ...options} = run.options;
        const printed: number[] = [];
        {
          using sess = MonitoredTrainingSession({checkpoint_dir: 'ckpt', hooks: [new StopAtStepHook({num_steps: steps})], ...options});
          printed.push(sess.run([global_step])[0]);
          while (!sess.should_stop()) printed.push(sess.run(step));
        }
        expect(printed, JSON.stringify(run.options)).to.deep.equal(run.printed);
        const files = fs.readdirSync('ckpt');
        expect(files.filter((f) => f.includes('.data-') || f.endsWith('.index')).sort()).to.deep.equal(run.files);
        // TF's hook also writes the graph there, as text.
        const written = readGraphDef('ckpt/graph.pbtxt').node.map((n) => n.name);
        expect(written).to.deep.equal(tf.get_default_graph().get_operations().map((op) => op.name));
        expect(fs.readFileSync('ckpt/checkpoint', 'utf8')).to.equal(run.state);
      }
    } finally {
      process.chdir(cwd);
    }
  });

  it('saves every save_checkpoint_secs, checking the time after each run', () => {
    const {step} = counter();
    const dir = tmpdir();
    const sess = MonitoredTrainingSession({checkpoint_dir: dir, save_checkpoint_secs: 0.05});
    sess.run(step); // no save: 50 ms have not passed
    const until = Date.now() + 60;
    while (Date.now() < until); // (busy) wait
    sess.run(step); // saves model.ckpt-2
    sess.close();
    sess.close(); // closing twice does nothing
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.index')).sort()).to.deep.equal(['model.ckpt-0.index', 'model.ckpt-2.index']);
    expect(sess.should_stop()).to.equal(true);
    expect(() => sess.run(step)).to.throw(tf.errors.RuntimeError, 'Attempted to use a closed Session.');
  });

  it('without a checkpoint_dir: initializes, saves nothing; needs a global step to save', () => {
    tf.reset_default_graph();
    const v = new tf.Variable(3, {name: 'v'});
    {
      using sess = MonitoredTrainingSession();
      expect(sess.run(v)).to.equal(3);
    }
    expect(() => MonitoredTrainingSession({checkpoint_dir: tmpdir()})).to.throw(tf.errors.RuntimeError, 'Global step should be created to use CheckpointSaverHook.');
  });

  it('raises when the init ops leave a variable uninitialized', () => {
    tf.reset_default_graph();
    new tf.Variable(3, {name: 'v'});
    const noop = tf.no_op();
    const scaffold = new Scaffold({init_op: noop});
    expect(() => new MonitoredSession({session_creator: new ChiefSessionCreator({scaffold})})).to.throw(
      tf.errors.RuntimeError,
      /Init operations did not make model ready.*Variables not initialized: v/,
    );
  });
});

describe('session-run hooks', () => {
  it('a hook adds fetches and feeds, sees its results, and can stop the loop', () => {
    const {global_step, step} = counter();
    const x = tf.placeholder(tf.float32, [], 'x');
    const calls: string[] = [];
    class Probe extends SessionRunHook {
      override begin(): void {
        calls.push('begin');
      }
      override after_create_session(): void {
        calls.push('after_create_session');
      }
      override before_run(ctx: SessionRunContext): SessionRunArgs {
        calls.push(`before_run ${String(ctx.original_args.fetches === step)}`);
        return new SessionRunArgs({gs: global_step.value(), x2: tf.get_default_graph().get_tensor_by_name('x2:0')}, [[x, 21]]);
      }
      override after_run(ctx: SessionRunContext, values: SessionRunValues): void {
        const r = values.results as {gs: number; x2: number};
        calls.push(`after_run ${r.gs} ${r.x2}`);
        if (r.gs >= 1) ctx.request_stop();
      }
      override end(): void {
        calls.push('end');
      }
    }
    tf.multiply(x, 2, 'x2');
    const sess = new MonitoredSession({hooks: [new Probe()]});
    let n = 0;
    while (!sess.should_stop()) n = sess.run(step);
    expect(() => sess.run(step)).to.throw(tf.errors.RuntimeError, 'Run called even after should_stop requested.');
    sess.close();
    expect(n).to.equal(2);
    expect(calls).to.deep.equal(['begin', 'after_create_session', 'before_run true', 'after_run 0 42', 'before_run true', 'after_run 1 42', 'end']);
  });

  it('StopAtStepHook and SecondOrStepTimer validate their arguments', () => {
    expect(() => new StopAtStepHook()).to.throw(tf.errors.ValueError, 'One of num_steps or last_step must be specified.');
    expect(() => new StopAtStepHook({num_steps: 1, last_step: 2})).to.throw(tf.errors.ValueError, 'Only one of num_steps or last_step can be specified.');
    expect(() => new SecondOrStepTimer(1, 1)).to.throw(tf.errors.ValueError, /exactly one of every_steps and every_secs/);
    const t = new SecondOrStepTimer(null, 10);
    expect(t.should_trigger_for_step(0)).to.equal(true);
    t.update_last_triggered_step(0);
    expect([t.should_trigger_for_step(0), t.should_trigger_for_step(9), t.should_trigger_for_step(10)]).to.deep.equal([false, false, true]);
  });

  it('CheckpointSaverHook with its own saver and a listener that stops training', () => {
    const {step} = counter();
    const dir = tmpdir();
    const seen: string[] = [];
    class Listener extends CheckpointSaverListener {
      override before_save(_s: Session, n: number): void {
        seen.push(`before ${n}`);
      }
      override after_save(_s: Session, n: number): boolean {
        seen.push(`after ${n}`);
        return n >= 3;
      }
    }
    const saver = new Saver(null, {max_to_keep: 1});
    const hook = new CheckpointSaverHook(dir, {save_steps: 3, saver, listeners: [new Listener()], checkpoint_basename: 'm.ckpt'});
    const sess = new MonitoredSession({hooks: [hook]});
    while (!sess.should_stop()) sess.run(step);
    sess.close();
    expect(seen).to.deep.equal(['before 0', 'after 0', 'before 3', 'after 3']);
    expect(fs.readdirSync(dir).sort()).to.deep.equal(['checkpoint', 'graph.pbtxt', 'm.ckpt-3.data-00000-of-00001', 'm.ckpt-3.index']);
  });
});
