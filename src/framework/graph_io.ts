/**
 * GraphDef files: `tf.train.write_graph` (TF's graph_io.write_graph), reading them back, the
 * text-format functions of `google.protobuf.text_format` for GraphDefs, and the
 * `TF1TS_GRAPH_OUT` hook that writes the default graph when the process exits (graph/*.pbtxt).
 */
import * as fs from 'fs';
import * as path from 'path';
import {get_default_graph, Graph} from './graph';
import {GraphDef, graphToGraphDef, parseGraphDefText} from './graph_def';
import type {GraphDefProto} from './proto/graph_messages';
import {messageToString, parse, ParseError} from './text_format';

export interface WriteGraphOptions {
  as_text?: boolean;
}

/**
 * `tf.train.write_graph(graph_or_graph_def, logdir, name, as_text=True)`: writes the GraphDef to
 * `logdir/name` (creating `logdir`), as text format or, with `as_text: false`, as the binary
 * message; returns the path. The file is written whole or not at all, as TF's
 * atomic_write_string_to_file.
 */
export function write_graph(
  graph_or_graph_def: Graph | GraphDef | GraphDefProto,
  logdir: string,
  name: string,
  as_text: boolean | WriteGraphOptions = true,
): string {
  const text = typeof as_text === 'object' ? (as_text.as_text ?? true) : as_text;
  const def = graph_or_graph_def instanceof Graph
    ? graphToGraphDef(graph_or_graph_def)
    : graph_or_graph_def instanceof GraphDef ? graph_or_graph_def : new GraphDef(graph_or_graph_def);
  fs.mkdirSync(logdir, {recursive: true});
  const file = path.join(logdir, name);
  atomicWrite(file, text ? def.toString() : def.SerializeToString());
  return file;
}

function atomicWrite(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.tmp${process.pid}`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

/**
 * A GraphDef file, text or binary: `.pbtxt`/`.txt` files and anything that does not parse as a
 * binary message are read as text, as TF's ReadTextOrBinaryProto does.
 */
export function readGraphDef(file: string): GraphDef {
  const data = fs.readFileSync(file);
  if (/\.(pbtxt|txt|pbtext)$/i.test(file)) return parseGraphDefText(data.toString('utf8'));
  try {
    return GraphDef.FromString(data);
  } catch {
    return parseGraphDefText(data.toString('utf8'));
  }
}

/** The message types `text_format` knows by class. */
function typeName(message: object): string {
  if (message instanceof GraphDef) return 'tensorflow.GraphDef';
  throw new TypeError(`tf1ts text_format handles GraphDef messages, not ${message.constructor?.name ?? typeof message}`);
}

/**
 * `google.protobuf.text_format` for GraphDefs: `text_format.Parse(text, new tf.GraphDef())`
 * (replaces the contents), `Merge` (appends nodes), `MessageToString(graph_def)`, and the
 * `ParseError` they raise.
 */
export const text_format = {
  ParseError,
  Parse<M extends GraphDef>(text: string, message: M): M {
    message.CopyFrom(parse<GraphDefProto>(typeName(message), text));
    return message;
  },
  Merge<M extends GraphDef>(text: string, message: M): M {
    message.MergeFrom(parse<GraphDefProto>(typeName(message), text));
    return message;
  },
  MessageToString(message: GraphDef): string {
    return messageToString(typeName(message), message.proto());
  },
};

const INSTALLED = Symbol.for('tf1ts.graphOutHook');

/**
 * When `TF1TS_GRAPH_OUT=<file>` is set, writes the default graph, as it is when the process
 * exits, to that file as a text GraphDef. Installing twice writes once. Returns whether it is on.
 */
export function installGraphOutHook(env: NodeJS.ProcessEnv = process.env): boolean {
  const file = env.TF1TS_GRAPH_OUT;
  const g = globalThis as {[INSTALLED]?: boolean};
  if (!file) return false;
  if (g[INSTALLED]) return true;
  g[INSTALLED] = true;
  const target = path.resolve(file);
  process.on('exit', () => {
    fs.mkdirSync(path.dirname(target), {recursive: true});
    atomicWrite(target, graphToGraphDef(get_default_graph()).toString());
  });
  return true;
}
