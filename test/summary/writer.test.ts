/**
 * FileWriter and the events-file format: what we write reads back (records, CRCs, Events), the
 * file is named and begun as TF's is, and an events file real TF wrote
 * (test/fixtures/summary/tf.tfevents) reads back with the same Summaries our ops produce.
 */
import {spawnSync} from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {expect} from 'chai';
import * as tf from '../../src';
import * as summary from '../../src/summary';
import {bytesToBinary} from '../../src/summary/bytes';
import {decodePng} from '../../src/summary/png';
import {decodeSummary, encodeSummary, type EventData, type SummaryData} from '../../src/summary/proto';
import {decodeRecords, encodeRecord, maskedCrc32c} from '../../src/summary/tfrecord';
import {decode, loadFixture, type Encoded} from '../helpers/golden';

interface TfEvent {
  what: string;
  step: number;
  wall_time: number;
  summary?: string;
  file_version?: string;
}
const fx = loadFixture<{tf_events: {file: string; feeds: Encoded[]; events: TfEvent[]}}>('summary');

let tmp: string;
/** A fresh temporary directory for each test of a suite. */
function useTmpDir(): void {
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tf1ts-summary-'));
  });
  afterEach(() => {
    fs.rmSync(tmp, {recursive: true, force: true});
  });
}

function files(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

function events(dir: string): EventData[] {
  const names = files(dir);
  expect(names).to.have.length(1);
  return [...summary.summary_iterator(path.join(dir, names[0]))];
}

const scalarSummary = (tag: string, v: number): SummaryData => ({value: [{tag, simple_value: v}]});

describe('TFRecord framing', () => {
  it('masks CRC32C as TF does', () => {
    // TF's crc32c tests: Value("123456789") = 0xe3069283; Mask is ((c >> 15) | (c << 17)) + 0xa282ead8.
    const c = 0xe3069283;
    const masked = ((((c >>> 15) | (c << 17)) >>> 0) + 0xa282ead8) >>> 0;
    expect(maskedCrc32c(Buffer.from('123456789'))).to.equal(masked);
  });

  it('frames records as length, masked CRC of the length, data, masked CRC of the data', () => {
    const data = Buffer.from('hello events');
    const r = encodeRecord(data);
    expect(r.length).to.equal(data.length + 16);
    expect(Number(r.readBigUInt64LE(0))).to.equal(data.length);
    expect(r.readUInt32LE(8)).to.equal(maskedCrc32c(r.subarray(0, 8)));
    expect(r.subarray(12, 12 + data.length).equals(data)).to.equal(true);
    expect(r.readUInt32LE(12 + data.length)).to.equal(maskedCrc32c(data));
    expect([...decodeRecords(Buffer.concat([r, encodeRecord(Buffer.alloc(0))]))].map((x) => Buffer.from(x).toString())).to.deep.equal(['hello events', '']);
  });

  it('reports a corrupted record as DataLossError and stops at a truncated one', () => {
    const r = encodeRecord(Buffer.from('payload'));
    const bad = Buffer.from(r);
    bad[14] ^= 1;
    expect(() => [...decodeRecords(bad)]).to.throw(tf.errors.DataLossError, /corrupted record at 0/);
    expect([...decodeRecords(Buffer.concat([r, r.subarray(0, 15)]))]).to.have.length(1);
  });
});

describe('tf.summary.FileWriter', () => {
  useTmpDir();

  it('creates the events file with the first event, named and begun as TF does', () => {
    const logdir = path.join(tmp, 'log', 'run');
    const w = new summary.FileWriter(logdir);
    expect(fs.existsSync(logdir)).to.equal(true);
    expect(files(logdir)).to.deep.equal([]);
    const before = Math.floor(Date.now() / 1000);
    w.add_summary(scalarSummary('loss', 0.5), 7);
    w.close();
    const [name] = files(logdir);
    const m = /^events\.out\.tfevents\.(\d{10})\.(.+)$/.exec(name);
    expect(m, name).to.not.equal(null);
    expect(m![2]).to.equal(os.hostname());
    expect(Number(m![1])).to.be.within(before, before + 2);
    const [first, second] = events(logdir);
    expect(first.file_version).to.equal('brain.Event:2');
    expect(first.wall_time).to.equal(Number(m![1]));
    expect(first.step).to.equal(undefined);
    expect(second.step).to.equal(7);
    expect(second.wall_time).to.be.within(before, Date.now() / 1000);
    expect(second.summary).to.deep.equal(scalarSummary('loss', 0.5));
  });

  it('opens the file at construction when given a filename_suffix', () => {
    const w = new summary.FileWriter(tmp, {filename_suffix: '.v2'});
    expect(files(tmp)).to.have.length(1);
    expect(files(tmp)[0]).to.match(/\.v2$/);
    w.close();
    expect(events(tmp).map((e) => e.file_version)).to.deep.equal(['brain.Event:2']);
  });

  it('keeps up to max_queue events in memory, writes them on flush, close and when flush_secs passed', () => {
    const w = new summary.FileWriter(tmp, null, 3);
    w.add_summary(scalarSummary('a', 1), 1);
    w.add_summary(scalarSummary('a', 2), 2);
    expect(events(tmp)).to.have.length(1);
    w.add_summary(scalarSummary('a', 3), 3);
    expect(events(tmp)).to.have.length(4);
    w.add_summary(scalarSummary('a', 4), 4);
    w.flush();
    expect(events(tmp).map((e) => e.step ?? 0)).to.deep.equal([0, 1, 2, 3, 4]);
    w.close();
    const eager = new summary.FileWriter(path.join(tmp, 'eager'), {flush_secs: 0});
    eager.add_summary(scalarSummary('b', 1), 1);
    expect(events(path.join(tmp, 'eager'))).to.have.length(2);
    eager.close();
  });

  it('takes a summary op\'s result, serialized bytes, or a Summary object', () => {
    tf.reset_default_graph();
    const x = tf.placeholder(tf.float32, undefined, 'x');
    const s = summary.scalar('x', x);
    using sess = new tf.Session();
    const w = new summary.FileWriter(tmp);
    w.add_summary(sess.run(s, {feed_dict: [[x, 1.25]]}) as string, 1);
    w.add_summary(encodeSummary(scalarSummary('x', 2.5)), 2);
    w.add_summary(scalarSummary('x', 3.75), 3);
    w.close();
    const got = events(tmp).slice(1).map((e) => [e.step, e.summary!.value![0].simple_value]);
    expect(got).to.deep.equal([[1, 1.25], [2, 2.5], [3, 3.75]]);
  });

  it('keeps a tag\'s metadata only the first time, as TF', () => {
    const w = new summary.FileWriter(tmp);
    const withMeta = (v: number): SummaryData => ({value: [{tag: 't', simple_value: v, metadata: {display_name: 'T'}}]});
    w.add_summary(withMeta(1), 1);
    w.add_summary(withMeta(2), 2);
    w.close();
    expect(events(tmp).slice(1).map((e) => e.summary!.value![0].metadata)).to.deep.equal([{display_name: 'T'}, undefined]);
  });

  it('writes session logs and events as given; ignores adds after close until reopened', () => {
    const w = new summary.FileWriter(tmp);
    expect(w.get_logdir()).to.equal(tmp);
    w.add_session_log({status: 1}, 5);
    w.add_event({wall_time: 12.5, step: 9, summary: scalarSummary('e', 1)});
    w.close();
    w.add_summary(scalarSummary('late', 1), 10);
    w.flush();
    const ev = events(tmp);
    expect(ev.slice(1).map((e) => [e.step, e.session_log ?? e.summary])).to.deep.equal([[5, {status: 1}], [9, scalarSummary('e', 1)]]);
    expect(ev[2].wall_time).to.equal(12.5);
    w.reopen();
    w.add_summary(scalarSummary('again', 1), 11);
    w.close();
    const all = files(tmp).flatMap((f) => [...summary.summary_iterator(path.join(tmp, f))]);
    expect(all.filter((e) => e.summary).map((e) => e.summary!.value![0].tag)).to.deep.equal(['e', 'again']);
  });

  it('closes at the end of a using block, and writes pending events when the process exits', () => {
    {
      using w = new summary.FileWriter(path.join(tmp, 'using'));
      w.add_summary(scalarSummary('u', 1), 1);
    }
    expect(events(path.join(tmp, 'using'))).to.have.length(2);
    const script = `const s = require(${JSON.stringify(path.join(__dirname, '..', '..', 'src', 'summary'))});
      const w = new s.FileWriter(${JSON.stringify(path.join(tmp, 'exit'))});
      for (let i = 0; i < 5; i++) w.add_summary({value: [{tag: 'x', simple_value: i}]}, i);`;
    const r = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {cwd: path.join(__dirname, '..', '..'), encoding: 'utf8'});
    expect(r.status, r.stderr).to.equal(0);
    expect(events(path.join(tmp, 'exit')).map((e) => e.step ?? 0)).to.deep.equal([0, 0, 1, 2, 3, 4]);
  });

  it('writes the graph given to the constructor (its GraphDef with shapes), and checks add_graph/add_meta_graph arguments', () => {
    tf.reset_default_graph();
    tf.constant(1.0, {name: 'c'});
    const g = tf.get_default_graph();
    const w = new summary.FileWriter(tmp, g);
    w.close();
    const written = events(tmp);
    const whats = written.map((e) => Object.keys(e).find((k) => k !== 'wall_time' && k !== 'step' && k !== 'source_metadata'));
    expect(whats).to.deep.equal(['file_version', 'graph_def']);
    const def = tf.GraphDef.FromString(written[1].graph_def!);
    expect(def.node.map((n) => n.name)).to.deep.equal(['c']);
    expect(Object.keys(def.node[0].attr ?? {})).to.include('_output_shapes');
    expect(() => w.add_graph(g, null, {node: []})).to.throw(tf.errors.ValueError, /only graph, or graph_def/);
    expect(() => w.add_graph(42)).to.throw(TypeError, /must be an instance of `Graph`/);
    expect(() => w.add_meta_graph({} as Uint8Array)).to.throw(TypeError, /meta_graph_def must be type MetaGraphDef, saw type: Object/);
  });
});

describe('an events file written by TensorFlow', () => {
  const file = path.join(__dirname, '..', 'fixtures', fx.tf_events.file);

  it('reads back event for event, CRCs checked', () => {
    const ours = [...summary.summary_iterator(file)];
    expect(ours.map((e) => Object.keys(e).find((k) => !['wall_time', 'step', 'source_metadata'].includes(k)))).to.deep.equal(fx.tf_events.events.map((e) => e.what));
    ours.forEach((e, i) => {
      const want = fx.tf_events.events[i];
      expect(e.step ?? 0).to.equal(want.step);
      expect(e.wall_time).to.equal(want.wall_time);
      if (want.file_version) expect(e.file_version).to.equal(want.file_version);
      if (want.summary) expect(Buffer.from(encodeSummary(e.summary!)).toString('base64')).to.equal(want.summary);
    });
  });

  it('holds the Summaries our ops produce for the same feeds (images: the same pixels)', () => {
    tf.reset_default_graph();
    const x = tf.placeholder(tf.float32, [null], 'x');
    summary.scalar('mean', tf.reduce_mean(x));
    summary.histogram('values', x);
    summary.image('picture', tf.reshape(tf.slice(x, [0], [12]), [1, 2, 2, 3]));
    const merged = summary.merge_all()!;
    using sess = new tf.Session();
    const tfSummaries = fx.tf_events.events.filter((e) => e.summary).map((e) => decodeSummary(Buffer.from(e.summary!, 'base64')));
    fx.tf_events.feeds.forEach((feed, i) => {
      const ours = summary.parseSummary(sess.run(merged, {feed_dict: [[x, decode(feed)]]}) as string);
      const theirs = tfSummaries[i];
      const [oi, ti] = [ours, theirs].map((s) => s.value!.find((v) => v.image)!);
      expect(decodePng(oi.image!.encoded_image_string!)).to.deep.equal(decodePng(ti.image!.encoded_image_string!));
      const strip = (s: SummaryData) => encodeSummary({value: s.value!.filter((v) => !v.image)});
      expect(bytesToBinary(strip(ours))).to.equal(bytesToBinary(strip(theirs)));
    });
  });
});
