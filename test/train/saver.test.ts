/**
 * tf.train.Saver against real TensorFlow: training state restored exactly (Adam slots included),
 * TF's checkpoints restored and continued to TF's losses, the state file and the files kept by
 * max_to_keep as TF leaves them, and TF's errors for missing keys, wrong shapes and dtypes.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {expect} from 'chai';
import * as tf from '../../src';
import {Saver} from '../../src/train/saver';
import {checkpoint_exists, get_checkpoint_state, latest_checkpoint} from '../../src/train/checkpoint_management';
import {NewCheckpointReader} from '../../src/train/checkpoint_reader';
import {decode, expectAllClose, liveTensors, loadFixture, type Encoded} from '../helpers/golden';

interface AdamFixture {
  X: Encoded;
  Y: Encoded;
  W0: Encoded;
  losses_before: number[];
  losses_after: number[];
  path: string;
  saved: Record<string, Encoded>;
  state: string;
  files: string[];
}
const F = loadFixture<{adam: AdamFixture}>('checkpoint');
const A = F.adam;
const TF_ADAM = path.join(__dirname, '..', 'fixtures', 'checkpoints', 'adam');

const madeDirs: string[] = [];
function tmpdir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'tf1ts-saver-'));
  madeDirs.push(d);
  return d;
}
after(() => madeDirs.forEach((d) => fs.rmSync(d, {recursive: true, force: true})));

/** Runs `fn` with `dir` as the working directory (relative save paths, as the listings use). */
function inDir<T>(dir: string, fn: () => T): T {
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    return fn();
  } finally {
    process.chdir(cwd);
  }
}

/** The graph of test/fixtures/gen/checkpoint.py's adam case: least squares, Adam(0.1), a global step. */
function adamGraph() {
  tf.reset_default_graph();
  const X = tf.placeholder(tf.float32, [null, 3], 'X');
  const Y = tf.placeholder(tf.float32, [null, 1], 'Y');
  const W = new tf.Variable(decode(A.W0), {name: 'weight'});
  const b = new tf.Variable(tf.zeros([1]), {name: 'bias'});
  const global_step = tf.train.get_or_create_global_step();
  const loss = tf.reduce_mean(tf.square(tf.matmul(X, W).add(b).sub(Y)));
  const train = new tf.train.AdamOptimizer(0.1).minimize(loss, {global_step});
  const feed: [tf.Tensor, unknown][] = [[X, decode(A.X)], [Y, decode(A.Y)]];
  const step = (sess: tf.Session): number => sess.run([train, loss], feed)[1];
  return {W, b, global_step, loss, step};
}

describe('tf.train.Saver: training state', () => {
  it('train, save, restore in a fresh session: the loss continues exactly where it stopped (Adam slots too)', () => {
    const g = adamGraph();
    const dir = tmpdir();
    const saver = new Saver(null, {max_to_keep: 2});
    let continued: number[] = [];
    const before: number[] = [];
    inDir(dir, () => {
      using sess = new tf.Session();
      sess.run(tf.global_variables_initializer());
      for (let i = 0; i < 3; i++) {
        before.push(g.step(sess), g.step(sess));
        expect(saver.save(sess, 'model.ckpt', {global_step: g.global_step})).to.equal(`model.ckpt-${2 * i + 2}`);
      }
      continued = Array.from({length: 4}, () => g.step(sess));
    });
    expectAllClose(before, A.losses_before, {rtol: 1e-5}, 'losses before the save');
    expectAllClose(continued, A.losses_after, {rtol: 1e-5}, 'losses after the save');
    // The files and the state file TF leaves in the same situation.
    expect(fs.readdirSync(dir).sort()).to.deep.equal(A.files);
    expect(fs.readFileSync(path.join(dir, 'checkpoint'), 'utf8')).to.equal(A.state);

    using fresh = new tf.Session();
    fresh.run(tf.global_variables_initializer()); // overwritten by the restore
    saver.restore(fresh, path.join(dir, 'model.ckpt-6'));
    const resumed = Array.from({length: 4}, () => g.step(fresh));
    expect(resumed).to.deep.equal(continued);
  });

  it("restores TF's Adam checkpoint value for value, and continues to TF's losses", () => {
    const g = adamGraph();
    const saver = new Saver();
    using sess = new tf.Session();
    saver.restore(sess, latest_checkpoint(TF_ADAM)!);
    for (const [name, want] of Object.entries(A.saved)) {
      const got = sess.run(`${name}:0`); // a 0-d float32 comes back as its shortest decimal: compare as float32
      const values = typeof got === 'number' ? [Math.fround(got)] : Array.from(got.data as ArrayLike<number>);
      expect(values, name).to.deep.equal(Array.from(decode(want).data as ArrayLike<number>, Math.fround));
    }
    expectAllClose(Array.from({length: 4}, () => g.step(sess)), A.losses_after, {rtol: 1e-5}, 'losses after the restore');
  });

  it("saves restored values to TF's exact bytes", () => {
    adamGraph();
    const saver = new Saver();
    using sess = new tf.Session();
    saver.restore(sess, path.join(TF_ADAM, A.path));
    const out = saver.save(sess, path.join(tmpdir(), A.path))!;
    for (const ext of ['.index', '.data-00000-of-00001']) {
      expect(Buffer.compare(fs.readFileSync(out + ext), fs.readFileSync(path.join(TF_ADAM, A.path) + ext)), ext).to.equal(0);
    }
  });

  it('leaks no tensors and restores atomically: a failed restore changes nothing', () => {
    tf.reset_default_graph();
    const w = new tf.Variable([1, 2], {name: 'w'});
    const v = new tf.Variable([3], {name: 'v'});
    const dir = tmpdir();
    using sess = new tf.Session();
    sess.run(tf.global_variables_initializer());
    const n = liveTensors();
    const p = new Saver().save(sess, path.join(dir, 'm'))!;
    new Saver().restore(sess, p);
    expect(liveTensors()).to.equal(n);
    // w fits, v does not: neither changes.
    sess.run([tf.assign(w, [5, 6]), tf.assign(v, [7])]);
    const other = new tf.Variable([0, 0, 0], {name: 'v3'});
    expect(() => new Saver({w, v: other}).restore(sess, p)).to.throw(tf.errors.InvalidArgumentError);
    expect(Array.from(sess.run(w).data)).to.deep.equal([5, 6]);
  });
});

describe('tf.train.Saver: var_list, names and paths', () => {
  it('an object var_list saves under its keys (listing 4-5 swaps them)', () => {
    tf.reset_default_graph();
    const W = new tf.Variable(1.0, {name: 'weight'});
    const b = new tf.Variable(2.0, {name: 'bias'});
    using sess = new tf.Session();
    sess.run(tf.global_variables_initializer());
    const p = new Saver({weight: b, bias: W}).save(sess, path.join(tmpdir(), 'linermodel.cpkt'))!;
    const r = NewCheckpointReader(p);
    expect(r.get_tensor('bias').item()).to.equal(1);
    expect(r.get_tensor('weight').item()).to.equal(2);
  });

  it('takes the name scope save, save_1 …; options may come alone, as Python keywords', () => {
    tf.reset_default_graph();
    new tf.Variable(1.0, {name: 'w'});
    expect(new Saver().name).to.equal('save');
    expect(new Saver({max_to_keep: 1}).name).to.equal('save_1');
    expect(tf.constant(1, {name: 'save'}).op.name).to.equal('save_2');
  });

  it('global_step as a number, variable or tensor; pad_step_number; the parent directory', () => {
    tf.reset_default_graph();
    const gs = tf.train.get_or_create_global_step();
    const dir = tmpdir();
    using sess = new tf.Session();
    sess.run(tf.global_variables_initializer());
    sess.run(tf.assign(gs, 42));
    const saver = new Saver();
    expect(saver.save(sess, `${dir}/a`, {global_step: 7})).to.equal(`${dir}/a-7`);
    expect(saver.save(sess, `${dir}/a`, {global_step: gs})).to.equal(`${dir}/a-42`);
    expect(saver.save(sess, `${dir}/a`, {global_step: gs.value()})).to.equal(`${dir}/a-42`);
    expect(new Saver(null, {pad_step_number: true}).save(sess, `${dir}/p`, {global_step: 3})).to.equal(`${dir}/p-00000003`);
    // TF's BundleWriter creates the last directory, not more.
    expect(saver.save(sess, `${dir}/new/m`)).to.equal(`${dir}/new/m`);
    expect(() => saver.save(sess, `${dir}/x/y/m`)).to.throw(tf.errors.ValueError, `Parent directory of ${dir}/x/y/m doesn't exist, can't save.`);
    expect(() => saver.save(sess, `${dir}/checkpoint`)).to.throw(tf.errors.ValueError, /'latest_filename' collides with 'save_path'/);
  });

  it('max_to_keep: deletes the oldest; null or 0 keeps all; re-saving a path moves it last', () => {
    tf.reset_default_graph();
    new tf.Variable(1.0, {name: 'w'});
    using sess = new tf.Session();
    sess.run(tf.global_variables_initializer());
    const dir = tmpdir();
    const s1 = new Saver(null, {max_to_keep: 2});
    for (const step of [1, 2, 3, 1]) s1.save(sess, `${dir}/k`, {global_step: step});
    expect(s1.last_checkpoints).to.deep.equal([`${dir}/k-3`, `${dir}/k-1`]);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.index')).sort()).to.deep.equal(['k-1.index', 'k-3.index']);
    expect(get_checkpoint_state(dir)!.all_model_checkpoint_paths).to.deep.equal([`${dir}/k-3`, `${dir}/k-1`]);
    const dir2 = tmpdir();
    const all = new Saver(null, {max_to_keep: null});
    for (const step of [1, 2, 3]) all.save(sess, `${dir2}/k`, {global_step: step});
    expect(fs.readdirSync(dir2).filter((f) => f.endsWith('.index'))).to.have.length(3);
    // TF records no list without max_to_keep: the state names only the newest.
    expect(get_checkpoint_state(dir2)!.all_model_checkpoint_paths).to.deep.equal([`${dir2}/k-3`]);
    const dir3 = tmpdir();
    const hourly = new Saver(null, {max_to_keep: 1, keep_checkpoint_every_n_hours: 1e-9});
    for (const step of [1, 2, 3]) hourly.save(sess, `${dir3}/k`, {global_step: step});
    expect(fs.readdirSync(dir3).filter((f) => f.endsWith('.index'))).to.have.length(3);
  });

  it('latest_checkpoint, get_checkpoint_state and checkpoint_exists follow the files', () => {
    tf.reset_default_graph();
    new tf.Variable(1.0, {name: 'w'});
    using sess = new tf.Session();
    sess.run(tf.global_variables_initializer());
    const dir = tmpdir();
    expect(latest_checkpoint(dir)).to.equal(null);
    const p = inDir(dir, () => new Saver().save(sess, 'sub/model', {global_step: 3}))!;
    expect(p).to.equal('sub/model-3');
    expect(fs.readFileSync(path.join(dir, 'sub', 'checkpoint'), 'utf8')).to.equal('model_checkpoint_path: "model-3"\nall_model_checkpoint_paths: "model-3"\n');
    expect(latest_checkpoint(path.join(dir, 'sub'))).to.equal(path.join(dir, 'sub', 'model-3'));
    expect(latest_checkpoint(path.join(dir, 'sub') + '/')).to.equal(path.join(dir, 'sub', 'model-3'));
    expect(checkpoint_exists(path.join(dir, 'sub', 'model-3'))).to.equal(true);
    fs.rmSync(path.join(dir, 'sub', 'model-3.index'));
    expect(checkpoint_exists(path.join(dir, 'sub', 'model-3'))).to.equal(false);
    expect(latest_checkpoint(path.join(dir, 'sub'))).to.equal(null);
  });
});

describe("tf.train.Saver: TF's errors", () => {
  let dir: string;
  let p: string;
  const opened: tf.Session[] = [];
  const session = (): tf.Session => {
    const s = new tf.Session();
    opened.push(s);
    return s;
  };
  after(() => opened.forEach((s) => s.close()));
  before(() => {
    tf.reset_default_graph();
    const w = new tf.Variable([1.5], {name: 'weight'});
    dir = tmpdir();
    using sess = new tf.Session();
    sess.run(w.initializer);
    p = new Saver([w]).save(sess, path.join(dir, 'model'))!;
  });

  const cases: [string, () => void, unknown, RegExp | string][] = [
    ['a missing key', () => new Saver({nokey: new tf.Variable([1.5])}).restore(session(), p), tf.errors.NotFoundError, /Variable name or other graph key that is missing from the checkpoint[\s\S]*Key nokey not found in checkpoint/],
    ['a wrong shape', () => new Saver({weight: new tf.Variable([1, 2], {name: 'w2'})}).restore(session(), p), tf.errors.InvalidArgumentError, /mismatch between the current graph[\s\S]*Assign requires shapes of both tensors to match. lhs shape= \[2\] rhs shape= \[1\]\n\t \[\[node w2 \(VariableV2/],
    ['a wrong dtype', () => new Saver({weight: new tf.Variable([1], {dtype: tf.int32})}).restore(session(), p), tf.errors.InvalidArgumentError, 'tensor_name = weight; expected dtype int32 does not equal original dtype float'],
    ['no checkpoint', () => new Saver([new tf.Variable(1)]).restore(session(), p + 'x'), tf.errors.ValueError, `The passed save_path is not a valid checkpoint: ${'PATH'}x`],
    ['a null path', () => new Saver([new tf.Variable(1)]).restore(session(), null), tf.errors.ValueError, "Can't load save_path when it is None."],
    ['no variables', () => new Saver([]), tf.errors.ValueError, 'No variables to save'],
    ['a variable twice', () => { const v = new tf.Variable(1, {name: 'twice'}); new Saver([v, v]); }, tf.errors.ValueError, 'At least two variables have the same name: twice'],
    ['one variable under two names', () => { const v = new tf.Variable(1); new Saver({a: v, b: v}); }, tf.errors.ValueError, 'The same saveable will be restored with two names: b'],
    ['a non-variable', () => new Saver([tf.constant(1) as unknown as tf.Variable]), TypeError, /Variable to save is not a Variable/],
    ['an uninitialized variable', () => new Saver([new tf.Variable(1, {name: 'uninit'})]).save(session(), path.join(dir, 'u')), tf.errors.FailedPreconditionError, 'Attempting to use uninitialized value uninit'],
  ];
  for (const [what, fn, cls, msg] of cases) {
    it(what, () => {
      const m = typeof msg === 'string' ? msg.replace('PATH', p) : msg;
      expect(fn).to.throw(cls as never, m as never);
    });
  }

  it('a closed session, and a session of another graph', () => {
    const v = new tf.Variable(1, {name: 'c'});
    const s = new tf.Session();
    s.run(v.initializer);
    s.close();
    expect(() => new Saver([v]).save(s, path.join(dir, 'c'))).to.throw(tf.errors.RuntimeError, 'Attempted to use a closed Session.');
    const other = new tf.Session({graph: new tf.Graph()});
    expect(() => new Saver([v]).save(other, path.join(dir, 'c'))).to.throw(tf.errors.ValueError, /not an element of the session's graph/);
    other.close();
  });
});
