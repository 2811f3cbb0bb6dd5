/**
 * `applyOp`: what TF's op_def_library does for every generated op function. It opens the op's
 * name scope (so a JS value given as input `x` of `Mul` becomes the constant `Mul/x`), converts
 * the inputs, binds the dtype attrs, and creates the op.
 *
 * JS values take the dtype of the tensors they are combined with, as Python's operators do
 * (`labels * tf.log(p)`): a JS value is converted only after the tensor inputs fixed the type.
 */
import {as_dtype, type DType} from './dtypes';
import {ValueError} from './errors';
import {convert_to_tensor, isArrayLike} from './constant_op';
import {get_default_graph, isTensor, type Graph} from './graph';
import {createOp} from './op_create';
import type {Operation} from './operation';
import type {Attrs, InputSpec, RegisteredOp} from './registry';
import type {Tensor} from './tensor';

/**
 * Converts the operands of a binary function that converts them itself (truediv, div): a JS
 * value takes the dtype of the tensor it is combined with, whichever side it is on.
 */
export function convertBinary(x: unknown, y: unknown): [Tensor, Tensor] {
  if (isArrayLike(x) && !isArrayLike(y)) {
    const yt = convert_to_tensor(y, null, 'y');
    return [convert_to_tensor(x, yt.dtype.base_dtype, 'x'), yt];
  }
  const xt = convert_to_tensor(x, null, 'x');
  return [xt, convert_to_tensor(y, xt.dtype.base_dtype, 'y')];
}

/** Creates an op of type `def` from inputs in the order of its declaration (a list input is an array). */
export function applyOp(def: RegisteredOp, inputs: readonly unknown[], attrs: Attrs = {}, name?: string | null): Operation {
  const g = graphOf(inputs);
  const asDefault = g !== get_default_graph() ? g.as_default() : null;
  const scope = g.name_scope(name || def.type);
  try {
    const bound = {...attrs};
    const flat = convertInputs(def, inputs, bound);
    return createOp(g, def, flat, bound, scope.value || def.type);
  } finally {
    scope[Symbol.dispose]();
    asDefault?.[Symbol.dispose]();
  }
}

/** The graph an op goes in: its tensor inputs' graph (they must agree), else the default graph. */
function graphOf(inputs: readonly unknown[]): Graph {
  let g: Graph | undefined;
  let first: Tensor | undefined;
  const visit = (x: unknown): void => {
    if (Array.isArray(x)) return x.forEach(visit);
    const t = isTensor(x) ? x : graphElement(x);
    if (!t) return;
    if (!g) {
      g = t.graph;
      first = t;
    } else if (t.graph !== g) {
      throw new ValueError(`${t} must be from the same graph as ${first}.`);
    }
  };
  inputs.forEach(visit);
  return g ?? get_default_graph();
}

function graphElement(x: unknown): Tensor | undefined {
  const f = (x as {_as_graph_element?: () => unknown} | null)?._as_graph_element;
  if (typeof f !== 'function') return undefined;
  const e = f.call(x);
  return isTensor(e) ? e : undefined;
}

function convertInputs(def: RegisteredOp, inputs: readonly unknown[], attrs: Attrs): Tensor[] {
  const specs = def.inputSpecs;
  if (inputs.length !== specs.length) {
    throw new TypeError(`${def.type} takes ${specs.length} inputs (${specs.map((s) => s.name).join(', ')}), got ${inputs.length}`);
  }
  const converted: (Tensor | Tensor[] | undefined)[] = new Array(specs.length);
  const argOf = new Map<string, string>();
  // Pass 1: tensors and tensor-like objects (Variables) bind the type attrs.
  specs.forEach((spec, i) => {
    const items = spec.list ? asList(inputs[i], spec, def) : [inputs[i]];
    if (items.some(isArrayLike)) return;
    // A tensor of the wrong dtype is a TypeError from bindType, with TF's wording, not a conversion error.
    const ts = items.map((v) => convert_to_tensor(v, null, spec.name, null, !!spec.ref));
    if (spec.list) checkListDtypes(def, spec, ts);
    ts.forEach((t) => bindType(def, spec, t, attrs, argOf));
    converted[i] = spec.list ? ts : ts[0];
  });
  // Pass 2: JS values take the bound type (or the spec's default, or their own).
  specs.forEach((spec, i) => {
    if (converted[i] !== undefined) return;
    const items = spec.list ? asList(inputs[i], spec, def) : [inputs[i]];
    const ts = items.map((v) => {
      const attr = spec.typeAttr ?? 'T';
      const bound = spec.fixed ?? (attrs[attr] as DType | undefined);
      const t = convert_to_tensor(v, bound ?? null, spec.name, spec.defaultDtype ?? null);
      bindType(def, spec, t, attrs, argOf);
      return t;
    });
    converted[i] = spec.list ? ts : ts[0];
  });
  specs.forEach((spec, i) => {
    if (spec.list) attrs[spec.numberAttr ?? 'N'] ??= (converted[i] as Tensor[]).length;
  });
  return converted.flatMap((c) => c as Tensor | Tensor[]);
}

/** TF's op_def_library: the tensors of a list input share one dtype. */
function checkListDtypes(def: RegisteredOp, spec: InputSpec, ts: readonly Tensor[]): void {
  const types = ts.map((t) => t.dtype.base_dtype.name);
  if (new Set(types).size > 1) {
    throw new TypeError(`Tensors in list passed to '${spec.name}' of '${def.type}' Op have types [${types.join(', ')}] that don't all match.`);
  }
}

function asList(x: unknown, spec: InputSpec, def: RegisteredOp): unknown[] {
  if (!Array.isArray(x)) {
    throw new TypeError(`Expected list for '${spec.name}' argument to '${def.type}' Op, not ${String(x)}.`);
  }
  return x;
}

/** Checks an input against its spec and binds its type attr, with TF's TypeError wording. */
function bindType(def: RegisteredOp, spec: InputSpec, t: Tensor, attrs: Attrs, argOf: Map<string, string>): void {
  if (spec.ref && !t.dtype._is_ref_dtype) {
    throw new TypeError(`'${def.type}' Op requires that input '${spec.name}' be a mutable tensor (e.g.: a tf.Variable)`);
  }
  const dt = t.dtype.base_dtype;
  if (spec.fixed) {
    if (dt !== spec.fixed.base_dtype) {
      throw new TypeError(`Input '${spec.name}' of '${def.type}' Op has type ${dt.name} that does not match expected type of ${spec.fixed.name}.`);
    }
    return;
  }
  if (spec.allowed && !spec.allowed.includes(dt.base)) {
    throw new TypeError(
      `Value passed to parameter '${spec.name}' has DataType ${dt.name} not in list of allowed values: ${spec.allowed.join(', ')}`,
    );
  }
  const attr = spec.typeAttr ?? 'T';
  const bound = attrs[attr];
  if (bound === undefined) {
    attrs[attr] = dt;
    argOf.set(attr, spec.name);
  } else if (as_dtype(bound as DType) !== dt) {
    if (!argOf.has(attr)) {
      throw new TypeError(`Input '${spec.name}' of '${def.type}' Op has type ${dt.name} that does not match the attr ${attr}=${(bound as DType).name}.`);
    }
    throw new TypeError(
      `Input '${spec.name}' of '${def.type}' Op has type ${dt.name} that does not match type ${(bound as DType).name} of argument '${argOf.get(attr)}'.`,
    );
  }
}
