/**
 * GraphDef: a graph as TensorFlow's protocol buffer (`graph.as_graph_def()`), and `tf.GraphDef`,
 * the message class scripts read and write (`ParseFromString`, `SerializeToString`, `str()`).
 *
 * A node is written as TF's Graph::ToGraphDef writes it: data inputs as `op` or `op:1`, then the
 * control inputs as `^op` sorted by name; every attr TF's OpDef declares (the ones an op leaves
 * out get the OpDef's default, as Python's op_def_library sets them all); attrs TF's OpDef does
 * not declare are left out (TF would refuse the node), except TF's own `_`-prefixed ones; the
 * `_class` colocation attrs and `_has_manual_control_dependencies` markers TF's Python layer adds
 * (see colocation.ts); and the `experimental_type` TF 2 records on Shape nodes. Ops imported from
 * a GraphDef are written back as their NodeDef was.
 */
import type {Graph} from './graph';
import type {Operation} from './operation';
import {lookupOp} from './registry';
import {DType} from './dtypes';
import {tfOpDef} from './op_def_table';
import {attrToProto} from './attr_value';
import {inferColocation, isImported, manualControlDependencies} from './colocation';
import {shapeToProto} from './proto/tensor_proto';
import {decodeProto, encodeProto} from './proto/index';
import {messageToString, parse} from './text_format';
import type {AttrValueProto, FullTypeDefProto, GraphDefProto, NodeDefProto, VersionDefProto} from './proto/graph_messages';

/**
 * The GraphDef version TF 2.21 writes (TF_GRAPH_DEF_VERSION): what `versions.producer` says, so
 * that our files are TF's byte for byte. Every TF since 1.0 reads it (min_consumer is 0).
 */
export const TF_GRAPH_DEF_VERSION = 2474;

/** `tf.GraphDef`: the message, with the methods of its Python class. */
export class GraphDef implements GraphDefProto {
  node: NodeDefProto[] = [];
  versions?: VersionDefProto;
  version?: number;

  constructor(init?: GraphDefProto) {
    if (init) this.CopyFrom(init);
  }

  /** @internal a GraphDef holding `proto`'s nodes as they are (no copy): for fresh messages. */
  static _wrap(proto: GraphDefProto): GraphDef {
    const g = new GraphDef();
    g.node = proto.node ?? [];
    if (proto.versions) g.versions = proto.versions;
    if (proto.version !== undefined) g.version = proto.version;
    return g;
  }

  /** A GraphDef from wire bytes (`tf.GraphDef.FromString(data)`). */
  static FromString(data: Uint8Array): GraphDef {
    const g = new GraphDef();
    g.ParseFromString(data);
    return g;
  }

  /** Replaces the contents with the message in `data` (a binary `.pb` file's bytes). */
  ParseFromString(data: Uint8Array): number {
    this.Clear();
    this.MergeFromString(data);
    return data.length;
  }

  /** Adds the message in `data`: nodes are appended, set fields replaced, as protobuf merges. */
  MergeFromString(data: Uint8Array): number {
    this.mergeOwned(decodeProto<GraphDefProto>('tensorflow.GraphDef', data));
    return data.length;
  }

  /** Adds a copy of `other`'s contents, as protobuf's MergeFrom. */
  MergeFrom(other: GraphDefProto): void {
    this.mergeOwned(structuredClone(other instanceof GraphDef ? other.proto() : other));
  }

  /** The wire bytes, as `SerializeToString(deterministic=True)` (what write_graph writes). */
  SerializeToString(): Uint8Array {
    return encodeProto('tensorflow.GraphDef', this.proto());
  }

  ByteSize(): number {
    return this.SerializeToString().length;
  }

  CopyFrom(other: GraphDefProto): void {
    const copy = structuredClone(other instanceof GraphDef ? other.proto() : other);
    this.Clear();
    this.mergeOwned(copy);
  }

  Clear(): void {
    this.node = [];
    delete this.versions;
    delete this.version;
  }

  /** `str(graph_def)`: the text format, as `tf.io.write_graph(..., as_text=True)` writes it. */
  toString(): string {
    return messageToString('tensorflow.GraphDef', this.proto());
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }

  /** The plain message (what encodeProto and the text format take). */
  proto(): GraphDefProto {
    const p: GraphDefProto = {node: this.node};
    if (this.versions) p.versions = this.versions;
    if (this.version !== undefined) p.version = this.version;
    return p;
  }

  private mergeOwned(other: GraphDefProto): void {
    // A loop, not push(...nodes): a spread of a large graph's nodes would overflow the stack.
    for (const n of other.node ?? []) this.node.push(n);
    if (other.versions) this.versions = {...this.versions, ...other.versions};
    if (other.version !== undefined) this.version = other.version;
  }
}

/** A GraphDef read from text format (`text_format.Parse(text, tf.GraphDef())`). */
export function parseGraphDefText(text: string): GraphDef {
  return GraphDef._wrap(parse<GraphDefProto>('tensorflow.GraphDef', text));
}

export interface AsGraphDefOptions {
  /** Only the ops added since the graph's `version` was this. */
  from_version?: number | null;
  /** Adds each node's output shapes as the `_output_shapes` attr. */
  add_shapes?: boolean;
}

/** `graph.as_graph_def(from_version=None, add_shapes=False)`. */
export function graphToGraphDef(graph: Graph, opts: AsGraphDefOptions = {}): GraphDef {
  const ops = graph._operations;
  const colocation = inferColocation(ops);
  const manual = manualControlDependencies(ops);
  const from = opts.from_version ?? null;
  const node = ops
    .filter((op) => from === null || op._id >= from)
    .map((op) => nodeDefOf(op, {colocation: colocation.get(op), manualControl: manual.has(op), addShapes: opts.add_shapes}));
  return GraphDef._wrap({node, versions: structuredClone(graphVersions(graph))});
}

const VERSIONS = Symbol('tf1ts.graphVersions');

/** The graph's VersionDef: TF 2.21's, lowered by every GraphDef imported into it. */
function graphVersions(graph: Graph): VersionDefProto {
  return (graph._extras.get(VERSIONS) as VersionDefProto | undefined) ?? {producer: TF_GRAPH_DEF_VERSION};
}

/**
 * What importing a GraphDef does to the graph's versions (TF's GraphConstructor::
 * UpdateVersionDef): the lower producer, the higher min_consumer, the union of bad_consumers. So
 * a TF 1 graph imported and written back keeps its producer.
 */
export function mergeImportedVersions(graph: Graph, v: VersionDefProto | undefined): void {
  const g = graphVersions(graph);
  const merged: VersionDefProto = {};
  const producer = Math.min(g.producer ?? 0, v?.producer ?? 0);
  const minConsumer = Math.max(g.min_consumer ?? 0, v?.min_consumer ?? 0);
  const bad = [...new Set([...(g.bad_consumers ?? []), ...(v?.bad_consumers ?? [])])];
  if (producer) merged.producer = producer;
  if (minConsumer) merged.min_consumer = minConsumer;
  if (bad.length) merged.bad_consumers = bad;
  graph._extras.set(VERSIONS, merged);
}

/** The full types of imported nodes, kept to be written back as they came. */
const importedTypes = new WeakMap<Operation, FullTypeDefProto>();
/** Records the `experimental_type` of a node created from a NodeDef. */
export function recordFullType(op: Operation, t: FullTypeDefProto): void {
  importedTypes.set(op, t);
}

// FullTypeId values (full_type.proto).
const TFT_PRODUCT = 3;
const TFT_SHAPE_TENSOR = 1005;
const TFT_INT32 = 207;
const TFT_INT64 = 208;

/**
 * The full type TF 2's type inference records on a node: of the ops tf1ts has, only Shape has a
 * type constructor (`UnaryTensorContainer(TFT_SHAPE_TENSOR, "out_type")`).
 */
function fullTypeOf(op: Operation): FullTypeDefProto | undefined {
  if (isImported(op)) return importedTypes.get(op);
  if (op.type !== 'Shape') return undefined;
  const out = op.outputs[0].dtype.base_dtype.base === 'int64' ? TFT_INT64 : TFT_INT32;
  return {type_id: TFT_PRODUCT, args: [{type_id: TFT_SHAPE_TENSOR, args: [{type_id: out}]}]};
}

/** What TF's Python layer adds to a node beyond the op's own attrs (see colocation.ts). */
export interface NodeExtras {
  colocation?: readonly string[];
  /** TF 2's `_has_manual_control_dependencies: true` on ops given to `control_dependencies`. */
  manualControl?: boolean;
  addShapes?: boolean;
}

/** The NodeDef of one op (see the module comment). */
export function nodeDefOf(op: Operation, extras: NodeExtras = {}): NodeDefProto {
  const control = op.control_inputs.map((c) => c.name).sort(byteOrder);
  const input = [...op.inputs.map((t) => (t.value_index === 0 ? t.op.name : t.name)), ...control.map((n) => `^${n}`)];
  const node: NodeDefProto = {name: op.name, op: op.type};
  if (input.length) node.input = input;
  if (op.device) node.device = op.device;
  const attr = nodeAttrs(op);
  if (extras.colocation && !attr._class) attr._class = {list: {s: extras.colocation.map((s) => new TextEncoder().encode(s))}};
  if (extras.manualControl && !attr._has_manual_control_dependencies) attr._has_manual_control_dependencies = {b: true};
  // Python's _as_graph_def(add_shapes=True) records shapes of ops that have outputs.
  if (extras.addShapes && op.outputs.length) attr._output_shapes = {list: {shape: op.outputs.map((t) => shapeToProto(t.shape))}};
  if (Object.keys(attr).length) node.attr = attr;
  const fullType = fullTypeOf(op);
  if (fullType) node.experimental_type = fullType;
  return node;
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The op's attrs as TF's OpDef has them: declared ones (defaults filled), plus `_` attrs. */
function nodeAttrs(op: Operation): Record<string, AttrValueProto> {
  const opDef = tfOpDef(op.type);
  const floats = new Set(lookupOp(op.type)?.floatAttrs ?? []);
  const dtype = op.attrs.dtype instanceof DType ? op.attrs.dtype : undefined;
  const out: Record<string, AttrValueProto> = {};
  if (!opDef) {
    // An op TF's table does not know (the table needs regenerating): its attrs as they are.
    for (const [k, v] of Object.entries(op.attrs)) {
      const p = attrToProto(v, undefined, floats.has(k), dtype);
      if (p) out[k] = p;
    }
    return out;
  }
  for (const a of opDef.attrs) {
    const p = attrToProto(op.attrs[a.name], a.type, false, dtype) ?? a.default;
    if (p) out[a.name] = p;
  }
  for (const [k, v] of Object.entries(op.attrs)) {
    if (!k.startsWith('_') || opDef.attrByName.has(k)) continue;
    const p = attrToProto(v, undefined, floats.has(k), dtype);
    if (p) out[k] = p;
  }
  return out;
}

/**
 * The attrs of our op that TF's OpDef does not declare, and the OpDef attrs it neither sets
 * nor has a default for: what the exporter must drop or cannot fill (tests keep both empty).
 */
export function attrMismatches(op: Operation): {extra: string[]; missing: string[]} {
  const opDef = tfOpDef(op.type);
  if (!opDef) return {extra: [], missing: []};
  const extra = Object.keys(op.attrs).filter((k) => !k.startsWith('_') && !opDef.attrByName.has(k));
  const missing = opDef.attrs.filter((a) => (op.attrs[a.name] === undefined || op.attrs[a.name] === null) && !a.default).map((a) => a.name);
  return {extra, missing};
}
