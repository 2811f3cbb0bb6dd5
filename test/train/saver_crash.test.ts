/**
 * A save killed at any moment leaves the previous checkpoint restorable: a child process saves
 * large variables again and again and is SIGKILLed at a random moment, then restarted on the same
 * directory (resuming from the last good checkpoint, as a restarted training job does) and killed
 * again, several times. After every kill, the checkpoint the state file names restores without
 * error and holds one consistent step.
 *
 * Start-up is most of a child's life: the children run tf1ts transpiled to JavaScript once (as
 * ts-node would, per file, without type checks) instead of each transpiling it again.
 */
import {spawn} from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import {expect} from 'chai';
import * as tf from '../../src';
import {Saver} from '../../src/train/saver';
import {get_checkpoint_state} from '../../src/train/checkpoint_management';

const ROOT = path.join(__dirname, '..', '..');
const N = 1 << 20; // 4 MiB per variable, 16 MiB per checkpoint: a save takes long enough to be hit
const KILLS = 6;

/** src/ as CommonJS JavaScript in a temporary directory (data files copied beside). */
function transpileSrc(): string {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tf1ts-js-'));
  const options = {module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true};
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, {withFileTypes: true})) {
      const from = path.join(dir, e.name);
      const to = path.join(out, path.relative(ROOT, from));
      if (e.isDirectory()) {
        walk(from);
      } else {
        fs.mkdirSync(path.dirname(to), {recursive: true});
        if (e.name.endsWith('.ts')) fs.writeFileSync(to.replace(/\.ts$/, '.js'), ts.transpileModule(fs.readFileSync(from, 'utf8'), {compilerOptions: options}).outputText);
        else fs.copyFileSync(from, to);
      }
    }
  };
  walk(path.join(ROOT, 'src'));
  return out;
}

/** The child: restore the latest checkpoint if any, then save steps step+1, step+2 … until killed. */
function childScript(js: string): string {
  const src = JSON.stringify(path.join(js, 'src'));
  return `
const path = require('path');
const tf = require(${src});
const {Saver} = require(path.join(${src}, 'train', 'saver'));
const {get_checkpoint_state} = require(path.join(${src}, 'train', 'checkpoint_management'));
const dir = process.env.CKPT_DIR;
const s = tf.placeholder(tf.float32, []);
const vars = [0, 1, 2, 3].map((i) => new tf.Variable(tf.zeros([${N}]), {name: 'big' + i}));
const stepVar = new tf.Variable(0, {name: 'step', dtype: tf.float32});
const fill = tf.group([...vars.map((v) => tf.assign(v, tf.fill([${N}], s))), tf.assign(stepVar, s)]);
const saver = new Saver(null, {max_to_keep: 2});
const sess = new tf.Session();
let step = 0;
const state = get_checkpoint_state(dir);
if (state) {
  saver.restore(sess, state.model_checkpoint_path);
  saver.recover_last_checkpoints(state.all_model_checkpoint_paths);
  step = sess.run(stepVar);
} else {
  sess.run(tf.global_variables_initializer());
}
for (;;) {
  step++;
  sess.run(fill, [[s, step]]);
  saver.save(sess, dir + '/model', {global_step: step});
  process.stdout.write('saved ' + step + '\\n');
}
`;
}

/**
 * Starts the child and kills it after its first save: `delayMs` later, or (midWrite) as soon as
 * its next save creates a temporary file, plus up to `delayMs`, so that some kills land while
 * the files are being written. Resolves with the steps the child reported saved.
 */
function runAndKill(script: string, dir: string, delayMs: number, midWrite: boolean): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], {
      cwd: ROOT,
      env: {...process.env, CKPT_DIR: dir, NODE_PATH: path.join(ROOT, 'node_modules'), NODE_NO_WARNINGS: '1'},
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const saved: number[] = [];
    let stderr = '';
    let armed = false;
    let watcher: fs.FSWatcher | undefined;
    const kill = (): void => {
      watcher?.close();
      setTimeout(() => child.kill('SIGKILL'), delayMs);
    };
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d: Buffer) => {
      for (const m of d.toString().matchAll(/saved (\d+)/g)) saved.push(Number(m[1]));
      if (!saved.length || armed) return;
      armed = true;
      if (!midWrite) return kill();
      watcher = fs.watch(dir, (_event, file) => {
        if (file && String(file).includes('.tempstate') && watcher) {
          kill();
          watcher = undefined;
        }
      });
    });
    child.on('exit', (code, signal) => {
      watcher?.close();
      if (signal === 'SIGKILL') resolve(saved);
      else reject(new Error(`child exited with ${code}:\n${stderr}`));
    });
  });
}

describe('tf.train.Saver: killed in the middle of a save', function () {
  this.timeout(60000);
  let js = '';
  let dir = '';
  before(() => {
    js = transpileSrc();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf1ts-crash-'));
  });
  after(() => {
    for (const d of [js, dir]) if (d) fs.rmSync(d, {recursive: true, force: true});
  });

  it(`${KILLS} SIGKILLs at random moments: the state file always names a complete checkpoint`, async () => {
    tf.reset_default_graph();
    const vars = [0, 1, 2, 3].map((i) => new tf.Variable(tf.zeros([N]), {name: `big${i}`}));
    const stepVar = new tf.Variable(0, {name: 'step', dtype: tf.float32});
    const saver = new Saver();
    const script = childScript(js);
    let lastRestored = 0;
    let temporaries = 0;
    for (let k = 0; k < KILLS; k++) {
      const midWrite = k % 2 === 1;
      const saved = await runAndKill(script, dir, Math.random() * (midWrite ? 10 : 300), midWrite);
      const state = get_checkpoint_state(dir)!;
      using sess = new tf.Session();
      saver.restore(sess, state.model_checkpoint_path);
      const step = sess.run(stepVar) as number;
      // The checkpoint is the last save reported, or one that completed just before the kill.
      expect(state.model_checkpoint_path).to.equal(`${dir}/model-${step}`);
      expect(step).to.be.at.least(saved[saved.length - 1]);
      expect(step).to.be.greaterThan(lastRestored);
      for (const v of vars) {
        const a = sess.run(v).data as Float32Array;
        expect([a[0], a[N >> 1], a[N - 1]], v.op.name).to.deep.equal([step, step, step]);
      }
      lastRestored = step;
      temporaries = fs.readdirSync(dir).filter((f) => f.includes('.tempstate')).length;
    }
    // Killed mid-write, a save leaves its temporary file (as TF's does); the checkpoints stay restorable.
    if (process.env.TF1TS_VERBOSE) console.log(`last step restored: ${lastRestored}; temporary files left by kills: ${temporaries}`);
  });
});
