/**
 * The `_class` ("loc:@op") colocation attrs and the `_has_manual_control_dependencies` marker
 * that TF's Python layer puts on nodes, inferred from the graph's structure and names.
 *
 * tf1ts has no device placement, so it keeps no colocation stack while building; but TF's
 * GraphDefs carry these attrs, and our files should be TF's byte for byte. An op's attr is what
 * `ops.colocate_with` would have given it in TF 2.21's graph-mode code for the same graph: the
 * sorted union of the colocation groups of the ops it was colocated with, where an op's own
 * groups are its `_class` list, else `loc:@<its name>`. The sources of colocation, each matched
 * by a rule below:
 *
 * - op_def_library colocates every op with its ref inputs (Assign, AssignAdd, Apply*);
 * - RefVariable colocates `V/Assign` and `V/read` with `V`, and sets `_class: loc:@V` on its
 *   initializer's ops (`V/Initializer/…`, an `_attr_scope`);
 * - slot_creator colocates a slot variable's ops (`w/Adam`, `w/Adam/Initializer/zeros`, …) with
 *   the primary variable, Optimizer._create_non_slot_variable colocates `beta1_power` … with the
 *   first variable by name, and apply_gradients colocates `…/update_w/…` with `w`;
 * - AdamOptimizer._finish colocates the beta-power updates with `beta1_power`;
 * - control_flow_ops.with_dependencies (tf.tuple) colocates `…/control_dependency` with its input;
 * - gradients' _MultiDeviceAddN colocates `gradients/AddN` with its first summand (ignoring outer
 *   colocation); _SumGrad (and _MeanGrad) colocate their `reduced_shape` ops with the input's
 *   `Shape`, and the Gather gradients their params' `Shape` with the params.
 *
 * Ops imported from a GraphDef keep the `_` attrs they came with and get none inferred.
 */
import type {Operation} from './operation';
import {tfOpDef} from './op_def_table';

const imported = new WeakSet<Operation>();

/** Marks an op as created from a NodeDef: its `_` attrs are the NodeDef's, not inferred. */
export function markImported(op: Operation): void {
  imported.add(op);
}

export function isImported(op: Operation): boolean {
  return imported.has(op);
}

/** Per op (built by tf1ts, not imported), the `_class` groups TF would give it, if any. */
export function inferColocation(ops: readonly Operation[]): Map<Operation, string[]> {
  const variables = new Map(ops.filter((op) => op.type === 'VariableV2').map((op) => [op.name, op]));
  const {owners, updateScopes, powerUpdates} = optimizerStructure(ops, variables);
  const gradientTargets = gradientColocation(ops);
  const initialized = initializedVariables(ops, variables);
  const groups = new Map<Operation, string[]>();
  const groupsOf = (op: Operation): string[] => {
    const own = op.attrs._class;
    if (Array.isArray(own) && own.length) return own as string[];
    return groups.get(op) ?? [`loc:@${op.name}`];
  };
  for (const op of ops) {
    if (imported.has(op)) continue;
    const targets: Operation[] = [];
    let scopeClass: string | null = null;
    const owner = ownerVariable(op.name, owners);
    if (owner) targets.push(owner);
    const update = scopeTarget(op.name, updateScopes);
    if (update) targets.push(update);
    const power = powerUpdates.get(op);
    if (power) targets.push(power);
    const variable = ownVariable(op, variables);
    if (variable) targets.push(variable);
    if (isTupleIdentity(op)) targets.push(op.inputs[0].op);
    const gradientTarget = gradientTargets.get(op);
    if (gradientTarget) targets.push(gradientTarget);
    targets.push(...refInputs(op));
    if (targets.length === 0) {
      if (isGradientAddN(op)) targets.push(op.inputs[0].op);
      else scopeClass = initializerScope(op.name, variables, initialized);
    }
    if (targets.length) groups.set(op, [...new Set(targets.flatMap(groupsOf))].sort());
    else if (scopeClass) groups.set(op, [scopeClass]);
  }
  return groups;
}

/** Ops that are a control input of some op tf1ts built: TF marks them in control_dependencies. */
export function manualControlDependencies(ops: readonly Operation[]): Set<Operation> {
  const out = new Set<Operation>();
  for (const op of ops) if (!imported.has(op)) for (const c of op.control_inputs) out.add(c);
  return out;
}

interface OptimizerStructure {
  /** Slot and non-slot variable name → the variable it is colocated with. */
  owners: Map<string, Operation>;
  /** `Adam/update_w` → w: apply_gradients' per-variable scopes. */
  updateScopes: Map<string, Operation>;
  /** AdamOptimizer._finish's `Adam/mul` and `Adam/Assign` → the beta-power variable. */
  powerUpdates: Map<Operation, Operation>;
}

/**
 * What the Apply* ops reveal: their ref inputs after the first are slots of the first (the
 * variable being updated), Adam's `beta1_power`/`beta2_power` they read are non-slot variables
 * colocated with the first variable by name, and their name scope is the update scope.
 */
function optimizerStructure(ops: readonly Operation[], variables: Map<string, Operation>): OptimizerStructure {
  const owners = new Map<string, Operation>();
  const updateScopes = new Map<string, Operation>();
  const nonSlot = new Map<Operation, Operation[]>();
  for (const op of ops) {
    if (!/^(Sparse)?Apply/.test(op.type) || op.inputs.length === 0) continue;
    const primary = op.inputs[0].op;
    if (primary.type !== 'VariableV2') continue;
    const refs = refFlags(op);
    op.inputs.forEach((t, i) => {
      if (i === 0) return;
      if (refs[i] && t.op.type === 'VariableV2') owners.set(t.op.name, primary);
      const read = readOf(t.op, variables);
      // Only Adam has non-slot variables; a variable fed as the learning rate is not one.
      if (!refs[i] && read && read !== primary && /(^|\/)beta[12]_power(_\d+)?$/.test(read.name)) {
        const users = nonSlot.get(read) ?? [];
        if (!users.includes(primary)) users.push(primary);
        nonSlot.set(read, users);
      }
    });
    const scope = op.name.slice(0, op.name.lastIndexOf('/'));
    if (/(^|\/)update_[^/]+$/.test(scope)) updateScopes.set(scope, primary);
  }
  const powerUpdates = new Map<Operation, Operation>();
  for (const [v, users] of nonSlot) {
    // min(var_list, key=lambda x: x.name): tensor names, so 'a:0' sorts before 'a_1:0'.
    const first = users.reduce((a, b) => (`${b.name}:0` < `${a.name}:0` ? b : a));
    owners.set(v.name, first);
    for (const c of v.outputs[0]._consumers) {
      if (c.type !== 'Assign' || c.name === `${v.name}/Assign`) continue;
      powerUpdates.set(c, v);
      const value = c.inputs[1]?.op;
      if (value && value.type === 'Mul') powerUpdates.set(value, v);
    }
  }
  return {owners, updateScopes, powerUpdates};
}

/** The variable a `V/read` Identity reads, if `op` is one. */
function readOf(op: Operation, variables: Map<string, Operation>): Operation | undefined {
  if (op.type !== 'Identity' || !op.name.endsWith('/read')) return undefined;
  const v = variables.get(op.name.slice(0, -'/read'.length));
  return v && op.inputs[0]?.op === v ? v : undefined;
}

/** For an op in a slot or non-slot variable's scope (or the variable itself), its owner. */
function ownerVariable(name: string, owners: Map<string, Operation>): Operation | undefined {
  for (let n = name; ; ) {
    const o = owners.get(n);
    if (o) return o;
    const i = n.lastIndexOf('/');
    if (i < 0) return undefined;
    n = n.slice(0, i);
  }
}

function scopeTarget(name: string, scopes: Map<string, Operation>): Operation | undefined {
  for (let i = name.lastIndexOf('/'); i > 0; i = name.lastIndexOf('/', i - 1)) {
    const t = scopes.get(name.slice(0, i));
    if (t) return t;
  }
  return undefined;
}

/** `V/read` and `V/Assign` of a variable V: RefVariable colocates them with V. */
function ownVariable(op: Operation, variables: Map<string, Operation>): Operation | undefined {
  const m = /^(.*)\/(read|Assign)$/.exec(op.name);
  if (!m) return undefined;
  const v = variables.get(m[1]);
  return v && op.inputs[0]?.op === v ? v : undefined;
}

/**
 * RefVariable's `_attr_scope({"_class": loc:@V})`: around the initializer's ops (`V/Initializer/…`,
 * which get_variable's initializer functions make) and the variable op made after them.
 */
function initializerScope(name: string, variables: Map<string, Operation>, initialized: Set<string>): string | null {
  if (variables.has(name) && initialized.has(name)) return `loc:@${name}`;
  for (let j = name.indexOf('/Initializer/'); j >= 0; j = name.indexOf('/Initializer/', j + 1)) {
    if (variables.has(name.slice(0, j))) return `loc:@${name.slice(0, j)}`;
  }
  return null;
}

/** Names of variables made from an initializer function: those with ops in `V/Initializer/`. */
function initializedVariables(ops: readonly Operation[], variables: Map<string, Operation>): Set<string> {
  const out = new Set<string>();
  for (const op of ops) {
    for (let j = op.name.indexOf('/Initializer/'); j >= 0; j = op.name.indexOf('/Initializer/', j + 1)) {
      if (variables.has(op.name.slice(0, j))) out.add(op.name.slice(0, j));
    }
  }
  return out;
}

/** The forward op whose gradient scope (`…gradients/<op>_grad/`) holds `name`, innermost first. */
function gradientOf(name: string, byName: Map<string, Operation>): {scope: string; forward: Operation} | undefined {
  const m = /^(.*?gradients(?:_\d+)?)\//.exec(name);
  if (!m) return undefined;
  for (let j = name.lastIndexOf('_grad/'); j > m[0].length; j = name.lastIndexOf('_grad/', j - 1)) {
    const forward = byName.get(name.slice(m[0].length, j));
    if (forward) return {scope: name.slice(0, j + '_grad'.length), forward};
  }
  return undefined;
}

/**
 * Colocations made by gradient functions: _SumGrad's `reduced_shape(input_shape, axes)` (Size,
 * mod, range, ones, DynamicStitch …) with `input_shape`, and the Gather gradients' params shape
 * with the params.
 */
function gradientColocation(ops: readonly Operation[]): Map<Operation, Operation> {
  const byName = new Map(ops.map((op) => [op.name, op]));
  const out = new Map<Operation, Operation>();
  for (const op of ops) {
    if (op.type !== 'DynamicStitch' && op.type !== 'Shape') continue;
    const g = gradientOf(op.name, byName);
    if (!g) continue;
    if (op.type === 'Shape' && /^Gather(V2)?$/.test(g.forward.type) && op.inputs[0] === g.forward.inputs[0]) {
      out.set(op, g.forward.inputs[0].op);
    }
    if (op.type === 'DynamicStitch' && (g.forward.type === 'Sum' || g.forward.type === 'Mean')) {
      const n = Number(op.attrs.N ?? op.inputs.length / 2);
      const shape = op.inputs[n]?.op;
      if (!shape || shape.type !== 'Shape' || !shape.name.startsWith(`${g.scope}/`)) continue;
      const stack: Operation[] = [op];
      while (stack.length) {
        const x = stack.pop()!;
        if (x === shape || out.has(x) || x._id < shape._id || !x.name.startsWith(`${g.scope}/`)) continue;
        out.set(x, shape);
        for (const t of x.inputs) stack.push(t.op);
      }
    }
  }
  return out;
}

/**
 * with_dependencies' Identity: TF names it `…/control_dependency`; tf.tuple's are `tuple/…`
 * whatever their name (tf1ts's tuple names them `Identity`), gated by a control input.
 */
function isTupleIdentity(op: Operation): boolean {
  if (op.type !== 'Identity' || op.control_inputs.length === 0) return false;
  return /(^|\/)control_dependency(_\d+)?$/.test(op.name) || /(^|\/)tuple(_\d+)?\/[^/]+$/.test(op.name);
}

function isGradientAddN(op: Operation): boolean {
  return op.type === 'AddN' && /^(.*\/)?gradients(_\d+)?\/AddN(_\d+)?$/.test(op.name) && op.inputs.length > 0;
}

/** Which inputs TF's OpDef declares as refs (a variable the op writes). */
function refFlags(op: Operation): boolean[] {
  const def = tfOpDef(op.type);
  if (def) return op.inputs.map((_, i) => def.refInputs[i] ?? false);
  return op.def.inputSpecs.map((s) => s.ref ?? false);
}

function refInputs(op: Operation): Operation[] {
  const refs = refFlags(op);
  return op.inputs.filter((_, i) => refs[i]).map((t) => t.op);
}
