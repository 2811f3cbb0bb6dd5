/**
 * `tf.import_graph_def(graph_def, input_map=None, return_elements=None, name=None)`: adds the
 * nodes of a GraphDef to the default graph, as TF1 does.
 *
 * - Names get the prefix of a new name scope, `import/` by default (`import_1/` the next time,
 *   `outer/import/` under a scope); with `name=''` names are kept, and a name already in the
 *   graph gets `_1`, `_2` … as TF's `uniquify_names` gives it.
 * - `input_map` maps GraphDef tensor names ('x:0', or 'x' for 'x:0') to tensors of the graph:
 *   consumers read those instead (checked against the input's dtype).
 * - `return_elements` names ops ('y') and tensors ('y:0') of the GraphDef to return.
 * - Nodes are created in topological order, smallest GraphDef index first (TF's importer keeps a
 *   sorted ready set), so a GraphDef in creation order is recreated in the same order.
 * - Every op is created through the op registry with its NodeDef's attrs; attrs the NodeDef
 *   leaves out get TF's OpDef default (AddDefaultAttrsToGraphDef); an op type tf1ts does not
 *   have is TF's NotFoundError "Op type not registered 'X' in binary …".
 */
import {get_default_graph, type Graph} from './graph';
import type {Operation} from './operation';
import type {Tensor} from './tensor';
import {ValueError, NotFoundError} from './errors';
import {convert_to_tensor} from './constant_op';
import {createOp} from './op_create';
import {flatInputSpecs, lookupOp, type Attrs, type RegisteredOp} from './registry';
import {DType} from './dtypes';
import {tfOpDef} from './op_def_table';
import {attrFromProto} from './attr_value';
import {markImported} from './colocation';
import {GraphDef, mergeImportedVersions, recordFullType} from './graph_def';
import type {GraphDefProto, NodeDefProto} from './proto/graph_messages';

export interface ImportGraphDefOptions {
  input_map?: Record<string, unknown> | Map<string, unknown> | null;
  return_elements?: readonly string[] | null;
  name?: string | null;
  /** Accepted for TF1's signature; unused (TF ignores it too). */
  op_dict?: unknown;
  producer_op_list?: unknown;
}

/** `tf.import_graph_def(graph_def, input_map, return_elements, name)`, or with an options object. */
export function import_graph_def(
  graph_def: GraphDef | GraphDefProto,
  input_map?: ImportGraphDefOptions | Record<string, unknown> | Map<string, unknown> | null,
  return_elements?: readonly string[] | null,
  name?: string | null,
): (Tensor | Operation)[] | null {
  const o: ImportGraphDefOptions = isOptions(input_map)
    ? input_map
    : {input_map: input_map as ImportGraphDefOptions['input_map'], return_elements, name};
  if (typeof graph_def !== 'object' || graph_def === null || (!(graph_def instanceof GraphDef) && !Array.isArray((graph_def as GraphDefProto).node))) {
    throw new TypeError('Argument `graph_def` must be a GraphDef proto.');
  }
  const nodes = graph_def.node ?? [];
  const graph = get_default_graph();
  const scopeName = o.name === undefined || o.name === null ? 'import' : o.name;
  const scope = graph.name_scope(scopeName);
  let prefix: string;
  let mapped: Map<string, Tensor>;
  try {
    prefix = scope.value ? scope.value.slice(0, -1) : '';
    // TF converts the input_map values inside the import's name scope.
    mapped = convertInputMap(o.input_map);
  } finally {
    scope[Symbol.dispose]();
  }
  const byName = indexNodes(nodes);
  checkInputMap(mapped, byName);
  const created = new Map<string, Operation>();
  const names = prefix ? null : new NameSet(graph, nodes);
  // Everything that can be checked before creating an op is, so that a GraphDef TF would refuse
  // leaves the graph as it was (TF's importer undoes a failed import).
  const order = topologicalOrder(nodes, byName).map((i) => {
    const node = nodes[i];
    const opName = names ? names.unique(node.name!) : `${prefix}/${node.name}`;
    return {node, opName, def: registeredDef(node.op ?? ''), attrs: nodeAttrs(node, opName)};
  });
  const top = graph.name_scope('');
  const noControl = graph.control_dependencies(null);
  try {
    for (const {node, opName, def, attrs} of order) {
      const op = createNode(graph, node, opName, def, attrs, mapped, created);
      created.set(node.name!, op);
      markImported(op);
      if (node.experimental_type) recordFullType(op, node.experimental_type);
    }
  } finally {
    noControl[Symbol.dispose]();
    top[Symbol.dispose]();
  }
  mergeImportedVersions(graph, graph_def.versions);
  if (o.return_elements === undefined || o.return_elements === null) return null;
  return o.return_elements.map((r) => returnElement(r, mapped, created, byName));
}

function isOptions(x: unknown): x is ImportGraphDefOptions {
  if (typeof x !== 'object' || x === null || x instanceof Map) return false;
  const keys = Object.keys(x);
  return keys.length > 0 && keys.every((k) => ['input_map', 'return_elements', 'name', 'op_dict', 'producer_op_list'].includes(k));
}

/** 'x' → 'x:0'; a tensor name stays as it is. */
function tensorKey(name: string): string {
  return name.startsWith('^') || /:\d+$/.test(name) ? name : `${name}:0`;
}

function convertInputMap(m: ImportGraphDefOptions['input_map']): Map<string, Tensor> {
  const out = new Map<string, Tensor>();
  if (!m) return out;
  const entries = m instanceof Map ? [...m.entries()] : Object.entries(m);
  for (const [k, v] of entries) {
    if (typeof k !== 'string') throw new TypeError('input_map must be a dictionary mapping strings to Tensor objects.');
    if (typeof v === 'object' && v !== null && (v as {_isOperation?: boolean})._isOperation) {
      throw new TypeError(`can't convert Operation '${(v as Operation).name}' to Tensor`);
    }
    out.set(tensorKey(k), convert_to_tensor(v));
  }
  return out;
}

function indexNodes(nodes: readonly NodeDefProto[]): Map<string, number> {
  const byName = new Map<string, number>();
  nodes.forEach((n, i) => {
    if (!n.name) throw new ValueError(`Node ${i} has no name`);
    if (byName.has(n.name)) throw new ValueError(`Node '${n.name}' is not unique`);
    byName.set(n.name, i);
  });
  return byName;
}

function checkInputMap(mapped: Map<string, Tensor>, byName: Map<string, number>): void {
  const missing = [...mapped.keys()].filter((k) => !byName.has(parseInput(k).node));
  if (missing.length) throw new ValueError(`Attempted to map inputs that were not found in graph_def: [${missing.join(', ')}]`);
}

/** A NodeDef input: `^node`, `node`, or `node:2`. */
function parseInput(s: string): {node: string; index: number; control: boolean} {
  if (s.startsWith('^')) return {node: s.slice(1), index: -1, control: true};
  const m = /^(.*):(\d+)$/.exec(s);
  return m ? {node: m[1], index: Number(m[2]), control: false} : {node: s, index: 0, control: false};
}

/** Kahn's algorithm over a sorted ready set, as TF's GraphConstructor; a cycle is a ValueError. */
function topologicalOrder(nodes: readonly NodeDefProto[], byName: Map<string, number>): number[] {
  const pending = nodes.map(() => 0);
  const consumers: number[][] = nodes.map(() => []);
  nodes.forEach((n, i) => {
    for (const s of n.input ?? []) {
      const src = byName.get(parseInput(s).node);
      if (src === undefined) throw new ValueError(`Node '${n.name}': Unknown input node '${s}'`);
      pending[i]++;
      consumers[src].push(i);
    }
  });
  const ready = new MinHeap();
  pending.forEach((p, i) => p === 0 && ready.push(i));
  const order: number[] = [];
  while (ready.size) {
    const i = ready.pop();
    order.push(i);
    for (const c of consumers[i]) if (--pending[c] === 0) ready.push(c);
  }
  if (order.length < nodes.length) throw new ValueError(`${nodes.length - order.length} nodes in a cycle`);
  return order;
}

/**
 * TF's uniquify_names (GraphConstructor::FindUniqueName): a name the graph already has, as an op
 * or a scope, becomes the first `name_1`, `name_2` … that neither the graph nor the GraphDef
 * uses; names the GraphDef itself uses are otherwise kept.
 */
class NameSet {
  private readonly existing = new Set<string>();
  private readonly incoming = new Set<string>();
  constructor(graph: Graph, nodes: readonly NodeDefProto[]) {
    for (const op of graph._operations) addWithPrefixes(this.existing, op.name);
    for (const n of nodes) addWithPrefixes(this.incoming, n.name ?? '');
  }
  unique(name: string): string {
    let candidate = name;
    for (let k = 1; this.existing.has(candidate) || (k > 1 && this.incoming.has(candidate)); k++) candidate = `${name}_${k}`;
    this.existing.add(candidate);
    return candidate;
  }
}

function addWithPrefixes(set: Set<string>, name: string): void {
  set.add(name);
  for (let i = name.indexOf('/'); i > 0; i = name.indexOf('/', i + 1)) set.add(name.slice(0, i));
}

/** The registered op a NodeDef's type names (or its alias); TF's NotFoundError if none. */
function registeredDef(type: string): RegisteredOp {
  const def = lookupOp(type);
  if (def) return def;
  throw new NotFoundError(
    null,
    null,
    `Op type not registered '${type}' in binary running on tf1ts. Make sure the Op and Kernel are registered in the binary running in this process.`,
  );
}

function createNode(
  graph: Graph,
  node: NodeDefProto,
  opName: string,
  def: RegisteredOp,
  attrs: Attrs,
  mapped: Map<string, Tensor>,
  created: Map<string, Operation>,
): Operation {
  const type = node.op ?? '';
  const inputs: Tensor[] = [];
  const control: Operation[] = [];
  for (const s of node.input ?? []) {
    const {node: src, index, control: isControl} = parseInput(s);
    const op = created.get(src)!;
    if (isControl) {
      control.push(op);
      continue;
    }
    const m = mapped.get(`${src}:${index}`);
    if (m) {
      inputs.push(m);
      continue;
    }
    if (index >= op.outputs.length) {
      throw new ValueError(`Node '${node.name}': Connecting to invalid output ${index} of source node ${src} which has ${op.outputs.length} outputs.`);
    }
    inputs.push(op.outputs[index]);
  }
  checkInputs(def, attrs, inputs, opName);
  // Names were made unique above; the trailing '/' makes createOp use the name as it is.
  graph.unique_name(opName);
  const deps = graph.control_dependencies(control);
  try {
    const op = createOp(graph, def, inputs, attrs, `${opName}/`);
    if (node.device) op.device = node.device;
    return op;
  } finally {
    deps[Symbol.dispose]();
  }
}

/** The NodeDef's attrs as the registry holds them, with TF's OpDef defaults for the rest. */
function nodeAttrs(node: NodeDefProto, opName: string): Attrs {
  const opDef = tfOpDef(node.op ?? '');
  const attrs: Attrs = {};
  for (const [k, v] of Object.entries(node.attr ?? {})) {
    // TF recomputes shapes on import; the recorded ones are not kept as attrs.
    if (k === '_output_shapes') continue;
    const value = attrFromProto(v, opDef?.attrByName.get(k)?.type);
    if (value !== null) attrs[k] = value;
  }
  for (const a of opDef?.attrs ?? []) {
    if (attrs[a.name] !== undefined) continue;
    if (!a.default) throw new ValueError(`NodeDef missing attr '${a.name}' from Op<name=${node.op}>; NodeDef: {{node ${opName}}}`);
    attrs[a.name] = attrFromProto(a.default, a.type);
  }
  return attrs;
}

/** The inputs' count and dtypes against the op's signature, with TF's importer wording. */
function checkInputs(def: RegisteredOp, attrs: Attrs, inputs: readonly Tensor[], opName: string): void {
  const specs = flatInputSpecs(def, attrs);
  if (specs.length !== inputs.length) {
    throw new ValueError(`Node '${opName}' (${def.type}) expects ${specs.length} inputs, the NodeDef gives ${inputs.length}`);
  }
  specs.forEach((spec, i) => {
    const t = inputs[i];
    const want = spec.fixed ?? attrs[spec.typeAttr ?? 'T'];
    if (!(want instanceof DType) || want.base_dtype === t.dtype.base_dtype) return;
    throw new ValueError(
      `Input ${i} of node ${opName} was passed ${t.dtype.base_dtype.protoName} from ${t.name} incompatible with expected ${want.base_dtype.protoName}.`,
    );
  });
}

function returnElement(r: string, mapped: Map<string, Tensor>, created: Map<string, Operation>, byName: Map<string, number>): Tensor | Operation {
  if (typeof r !== 'string') throw new TypeError('return_elements must be a list of strings.');
  if (!r.includes(':')) {
    const op = created.get(r);
    if (!op) throw new ValueError(`Requested return node '${r}' not found in graph def`);
    return op;
  }
  const {node, index} = parseInput(r);
  const m = mapped.get(`${node}:${index}`);
  if (m) return m;
  const op = created.get(node);
  if (!op || !byName.has(node)) throw new ValueError(`Requested return tensor '${r}' not found in graph def`);
  if (index >= op.outputs.length) {
    throw new ValueError(`Invalid return output ${index} of node '${node}', which has ${op.outputs.length} output(s)`);
  }
  return op.outputs[index];
}

/** A binary min-heap of node indices. */
class MinHeap {
  private readonly a: number[] = [];
  get size(): number {
    return this.a.length;
  }
  push(x: number): void {
    const a = this.a;
    a.push(x);
    for (let i = a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (a[p] <= a[i]) break;
      [a[p], a[i]] = [a[i], a[p]];
      i = p;
    }
  }
  pop(): number {
    const a = this.a;
    const top = a[0];
    const last = a.pop()!;
    if (a.length) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l] < a[m]) m = l;
        if (r < a.length && a[r] < a[m]) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
}
