/**
 * `tf.summary.FileWriter`: Event protos in a TFRecord events file, as TF1's FileWriter,
 * EventFileWriter and the C++ EventsWriter (core/util/events_writer.cc) write them.
 *
 * - The file is `<logdir>/events.out.tfevents.<10-digit seconds>.<hostname><suffix>`, created
 *   when the first event is added (at construction when a filename_suffix is given), and
 *   starts with `{wall_time: <whole seconds>, file_version: "brain.Event:2"}`.
 * - Writes are synchronous. Events wait in memory until `max_queue` are pending or `flush_secs`
 *   have passed, and are written by `flush()`, `close()`, and at process exit (TF's writer
 *   thread and destructor write them too: the book's listings never close their writer).
 * - `close()` then `reopen()`: later events go to a new file, as in TF.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {kwargs} from '../framework/args';
import {ValueError} from '../framework/errors';
import {encodeProto} from '../framework/proto/index';
import {binaryToBytes} from './bytes';
import {decodeSummary, encodeEvent, type EventData, type SessionLogData, type SummaryData} from './proto';
import {encodeRecord} from './tfrecord';

export interface FileWriterOptions {
  graph?: unknown;
  max_queue?: number;
  flush_secs?: number;
  graph_def?: unknown;
  filename_suffix?: string | null;
  session?: unknown;
}

/** What `add_summary` takes: a summary op's result (binary string), its bytes, or a Summary. */
export type SummaryLike = string | Uint8Array | SummaryData;

/** Writers with events still in memory, written out if the process exits first. */
const open = new Set<FileWriter>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const w of open) w.flush();
  });
}

let warnedClosed = false;

export class FileWriter implements Disposable {
  private readonly logdir: string;
  private readonly maxQueue: number;
  private readonly flushSecs: number;
  private readonly suffix: string;
  private file: string | null = null;
  private pending: Buffer[] = [];
  private lastFlush = Date.now();
  private closed = false;
  private readonly seenSummaryTags = new Set<string>();

  /**
   * `tf.summary.FileWriter(logdir, graph=None, max_queue=10, flush_secs=120, graph_def=None,
   * filename_suffix=None)`. A graph given here is written at once, as `add_graph` writes it.
   */
  constructor(logdir: string, ...args: [graph?: unknown, max_queue?: number | FileWriterOptions, flush_secs?: number | FileWriterOptions, graph_def?: unknown, filename_suffix?: string | null | FileWriterOptions]) {
    const o = kwargs('FileWriter', args, ['graph', 'max_queue', 'flush_secs', 'graph_def', 'filename_suffix', 'session'], {
      graph: null as unknown,
      max_queue: 10,
      flush_secs: 120,
      graph_def: null as unknown,
      filename_suffix: null as string | null,
      session: null as unknown,
    });
    if (o.session !== null) throw new ValueError('FileWriter(session=…) (the TF2 summary-writer compatibility layer) is not supported by tf1ts.');
    this.logdir = String(logdir);
    this.maxQueue = o.max_queue;
    this.flushSecs = o.flush_secs;
    this.suffix = o.filename_suffix ?? '';
    fs.mkdirSync(this.logdir, {recursive: true});
    // TF's EventsWriter opens its file on InitWithSuffix, else on the first event.
    if (this.suffix) this.openFile();
    if (o.graph !== null || o.graph_def !== null) this.add_graph(o.graph, null, o.graph_def);
  }

  /** The directory the events file is written in. */
  get_logdir(): string {
    return this.logdir;
  }

  /** @internal the events file, once created. */
  get _filename(): string | null {
    return this.file;
  }

  /**
   * Adds a Summary, given as what a summary op returned (`sess.run(merged)`), its serialized
   * bytes, or a plain `{value: [{tag, simple_value}]}` object, in an Event at `global_step`.
   */
  add_summary(summary: SummaryLike, global_step?: number | null): void {
    const s: SummaryData = typeof summary === 'string' ? decodeSummary(binaryToBytes(summary))
      : summary instanceof Uint8Array ? decodeSummary(summary)
      : {value: (summary.value ?? []).map((v) => ({...v}))};
    // TF keeps a tag's plugin metadata only the first time the tag is written.
    for (const v of s.value ?? []) {
      if (!v.metadata) continue;
      if (v.tag !== undefined && this.seenSummaryTags.has(v.tag)) delete v.metadata;
      else if (v.tag !== undefined) this.seenSummaryTags.add(v.tag);
    }
    this.addEventAt({summary: s}, global_step);
  }

  /**
   * Adds a graph, as TensorBoard's graph dashboard shows it: a Graph (written as
   * `graph.as_graph_def(add_shapes=True)`) or a GraphDef (bytes or plain object).
   */
  add_graph(graph: unknown, global_step?: number | null, graph_def?: unknown): void {
    if (graph != null && graph_def != null) throw new ValueError('Please pass only graph, or graph_def (deprecated), but not both.');
    const bytes = graphDefBytes(graph ?? graph_def);
    this.addEventAt({graph_def: bytes}, global_step);
    // TF then also writes a MetaGraphDef event (create_meta_graph_def); tf1ts has no MetaGraphDef
    // yet, and TensorBoard's graph dashboard reads the GraphDef.
  }

  /** Adds a serialized MetaGraphDef (bytes, e.g. one TensorFlow wrote; tf1ts cannot build one). */
  add_meta_graph(meta_graph_def: Uint8Array, global_step?: number | null): void {
    if (!(meta_graph_def instanceof Uint8Array)) {
      const type = meta_graph_def === null ? 'null' : typeof meta_graph_def === 'object' ? (meta_graph_def as object).constructor?.name ?? 'object' : typeof meta_graph_def;
      throw new TypeError(`meta_graph_def must be type MetaGraphDef, saw type: ${type} (tf1ts takes a serialized MetaGraphDef, as bytes)`);
    }
    this.addEventAt({meta_graph_def}, global_step);
  }

  /** Adds a SessionLog (`{status: 1}` START, 2 STOP, 3 CHECKPOINT). */
  add_session_log(session_log: SessionLogData, global_step?: number | null): void {
    this.addEventAt({session_log}, global_step);
  }

  /** Adds an Event as it is (no wall_time or step filled in, as TF's `add_event`). */
  add_event(event: EventData): void {
    this.warnIfClosed();
    if (this.closed) return;
    // The file (and its version event) is made when the first event arrives, as TF's writer does.
    if (!this.file) this.openFile();
    this.pending.push(encodeRecord(encodeEvent(event)));
    open.add(this);
    installExitHook();
    if (this.pending.length >= this.maxQueue || Date.now() - this.lastFlush >= this.flushSecs * 1000) this.writePending();
  }

  /** Writes the pending events to disk. */
  flush(): void {
    this.warnIfClosed();
    this.writePending();
  }

  /** Writes the pending events and closes the file; later adds do nothing until `reopen()`. */
  close(): void {
    if (this.closed) return;
    this.writePending();
    this.closed = true;
    this.file = null;
    open.delete(this);
  }

  /** Opens the writer again after `close()`: the next events go into a new file. */
  reopen(): void {
    this.closed = false;
  }

  /** `with tf.summary.FileWriter(...) as w:` → `using w = new tf.summary.FileWriter(...)`. */
  [Symbol.dispose](): void {
    this.close();
  }

  /** SummaryToEventTransformer._add_event: stamps the wall time and the step. */
  private addEventAt(event: EventData, step: number | null | undefined): void {
    const e: EventData = {wall_time: Date.now() / 1000, ...event};
    if (step !== undefined && step !== null) e.step = Math.trunc(Number(step));
    this.add_event(e);
  }

  private warnIfClosed(): void {
    if (this.closed && !warnedClosed) {
      warnedClosed = true;
      process.emitWarning('Attempting to use a closed FileWriter. The operation will be a noop unless the FileWriter is explicitly reopened.');
    }
  }

  /** EventsWriter::InitIfNeeded: a new file, whose first event says the file version. */
  private openFile(): string {
    const seconds = Math.floor(Date.now() / 1000);
    const name = `events.out.tfevents.${String(seconds).padStart(10, '0')}.${os.hostname()}${this.suffix}`;
    const file = path.join(this.logdir, name);
    const first = encodeEvent({wall_time: seconds, file_version: 'brain.Event:2', source_metadata: {writer: 'tf1ts'}});
    // TF truncates a file of the same name (a reopen within the same second); appending keeps
    // the earlier events, and a version event mid-file is read as TF's readers read any event.
    fs.appendFileSync(file, encodeRecord(first));
    return (this.file = file);
  }

  private writePending(): void {
    this.lastFlush = Date.now();
    if (!this.pending.length) return;
    const file = this.file ?? this.openFile();
    fs.appendFileSync(file, Buffer.concat(this.pending));
    this.pending = [];
  }
}

/** The serialized GraphDef of a Graph (`as_graph_def(add_shapes=True)`) or of a GraphDef. */
function graphDefBytes(g: unknown): Uint8Array {
  if (g instanceof Uint8Array) return g;
  const asGraphDef = (g as {as_graph_def?: unknown} | null)?.as_graph_def;
  if (typeof asGraphDef === 'function') {
    const def: unknown = asGraphDef.call(g, {add_shapes: true});
    return def instanceof Uint8Array ? def : encodeProto('GraphDef', def as object);
  }
  if (g !== null && typeof g === 'object' && 'node' in g) return encodeProto('GraphDef', g);
  throw new TypeError('The passed graph must be an instance of `Graph` or the deprecated `GraphDef`');
}
