/**
 * Adding an op to a graph: its unique name, its control inputs, and its static shape rule run
 * with TF1's error wording. Input conversion (JS values → constants) is op_builder's job.
 */
import {buildError, ValueError} from './errors';
import type {Graph} from './graph';
import {Operation} from './operation';
import {lookupOp, numOutputs, type Attrs, type RegisteredOp, type ShapeContext} from './registry';
import type {Tensor} from './tensor';
import {constant_value} from './constant_value';
import type {NDArray} from '../ndarray/ndarray';
import {Traceback} from './traceback';

/**
 * Creates an op in `graph`. `name` is made unique under the current name scope, unless it ends
 * in '/', in which case it is the exact name (TF's convention for a name scope's own op).
 */
export function createOp(
  graph: Graph,
  def: RegisteredOp | string,
  inputs: readonly Tensor[],
  attrs: Attrs,
  name?: string,
): Operation {
  const reg = typeof def === 'string' ? lookupOp(def) : def;
  if (!reg) throw new ValueError(`Op type not registered '${def}'`);
  for (const t of inputs) {
    if (t.graph !== graph) {
      throw new ValueError(`${t} must be from the same graph as ${inputs.find((u) => u.graph === graph) ?? 'the ops of the graph it is used in'}.`);
    }
  }
  const opName = resolveName(graph, name ?? reg.type);
  const sigs = reg.infer(shapeContext(reg, opName, inputs, attrs));
  const expected = numOutputs(reg, attrs);
  if (sigs.length !== expected) throw new Error(`shape rule of ${reg.type} returned ${sigs.length} outputs, expected ${expected}`);
  const control = graph._currentControlInputs(inputs.map((t) => t.op));
  return new Operation(graph, reg, opName, inputs, control, attrs, sigs);
}

function resolveName(graph: Graph, name: string): string {
  if (!name.endsWith('/')) return graph.unique_name(name);
  const exact = name.slice(0, -1);
  if (graph._hasOp(exact)) {
    throw new ValueError(`Duplicate node name in graph: '${exact}'`);
  }
  return exact;
}

function shapeContext(reg: RegisteredOp, opName: string, inputs: readonly Tensor[], attrs: Attrs): ShapeContext {
  return {
    opName,
    opType: reg.type,
    inputs,
    attrs,
    constValue(i: number): NDArray | null {
      return constant_value(inputs[i]);
    },
    fail(message: string): never {
      const shapes = inputs.map((t) => t.shape.toBracketString()).join(', ');
      const text = `${message} for '${opName}' (op: '${reg.type}') with input shapes: ${shapes}.`;
      // The op does not exist yet; its creation site is where the user is now.
      throw buildError(ValueError, {name: opName, type: reg.type, traceback: new Traceback()}, text);
    },
  };
}
