/**
 * TensorFlow's OpDefs of the op types tf1ts registers, as far as GraphDefs need them: each attr's
 * type and default, and the arg names. Generated from real TensorFlow by
 * test/fixtures/gen/op_defs.py into proto/op_defs.json.
 *
 * The exporter writes every attr the OpDef declares (Python's op_def_library sets all of them, so
 * TF's GraphDefs carry `grad_a: false` on every MatMul) with the kind it declares; the importer
 * fills what a GraphDef leaves out, as TF's AddDefaultAttrsToGraphDef does.
 */
import table from './proto/op_defs.json';
import type {AttrValueProto} from './proto/graph_messages';
import {shapeToProto, type TensorProto} from './proto/tensor_proto';
import {decodeProto} from './proto/index';

/** An attr default as the generator writes it: the AttrValue's set member, in JSON. */
interface DefaultJson {
  s?: string;
  i?: number;
  f?: number;
  b?: boolean;
  type?: number;
  shape?: number[] | null;
  /** A TensorProto's wire bytes, in hex. */
  tensor?: string;
  list?: {s?: string[]; i?: number[]; f?: number[]; b?: boolean[]; type?: number[]; shape?: (number[] | null)[]};
}

export interface OpDefAttr {
  readonly name: string;
  /** TF's attr type: 'type', 'int', 'float', 'bool', 'string', 'shape', 'tensor', 'list(int)' … */
  readonly type: string;
  /** The default, or undefined when the attr must be set. */
  readonly default?: AttrValueProto;
}

export interface OpDefInfo {
  readonly inputs: readonly string[];
  /** Per input arg: whether it is a ref (a variable the op writes: Assign's `ref`). */
  readonly refInputs: readonly boolean[];
  readonly outputs: readonly string[];
  readonly attrs: readonly OpDefAttr[];
  readonly attrByName: ReadonlyMap<string, OpDefAttr>;
}

type RawOp = {inputs: string[][]; outputs: string[][]; attrs: [string, string, DefaultJson?][]};
const raw = (table as unknown as {ops: Record<string, RawOp>}).ops;
const cache = new Map<string, OpDefInfo>();

/** TF's OpDef of `type`, or undefined when the table has none (regenerate it: see above). */
export function tfOpDef(type: string): OpDefInfo | undefined {
  let info = cache.get(type);
  if (info) return info;
  const r = raw[type];
  if (!r) return undefined;
  const attrs = r.attrs.map(([name, t, d]) => ({name, type: t, default: d === undefined ? undefined : defaultProto(d)}));
  info = {
    inputs: r.inputs.map((a) => a[0]),
    refInputs: r.inputs.map((a) => a.includes('ref')),
    outputs: r.outputs.map((a) => a[0]),
    attrs,
    attrByName: new Map(attrs.map((a) => [a.name, a])),
  };
  cache.set(type, info);
  return info;
}

/** The op types the table covers. */
export function tfOpDefTypes(): string[] {
  return Object.keys(raw).sort();
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const shapeOf = (dims: number[] | null) => (dims === null ? {unknown_rank: true} : shapeToProto(dims));

function defaultProto(d: DefaultJson): AttrValueProto {
  if (d.list) {
    const l = d.list;
    return {
      list: {
        ...(l.s && {s: l.s.map(utf8)}),
        ...(l.i && {i: l.i}),
        ...(l.f && {f: l.f}),
        ...(l.b && {b: l.b}),
        ...(l.type && {type: l.type}),
        ...(l.shape && {shape: l.shape.map(shapeOf)}),
      },
    };
  }
  if (d.s !== undefined) return {s: utf8(d.s)};
  if (d.tensor !== undefined) return {tensor: decodeProto<TensorProto>('tensorflow.TensorProto', Buffer.from(d.tensor, 'hex'))};
  if (d.shape !== undefined) return {shape: shapeOf(d.shape)};
  return {...d} as AttrValueProto;
}
