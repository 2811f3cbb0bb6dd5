/**
 * The structure of `Session.run`'s fetches, separated from their execution (TF's _FetchMapper):
 * a nested array/object of tensors, ops, variables and names becomes a flat list of unique graph
 * elements, and the flat results are put back into the same structure.
 */
import {isOperation, isTensor, type Graph} from '../framework/graph';
import type {Operation} from '../framework/operation';
import type {Tensor} from '../framework/tensor';
import {ValueError} from '../framework/errors';

type Node =
  | {readonly kind: 'leaf'; readonly index: number}
  | {readonly kind: 'list'; readonly items: readonly Node[]}
  | {readonly kind: 'dict'; readonly keys: readonly string[]; readonly items: readonly Node[]}
  | {readonly kind: 'map'; readonly keys: readonly unknown[]; readonly items: readonly Node[]};

export type FetchElement = Tensor | Operation;

export class FetchMapper {
  /** The unique graph elements to compute, in first-seen order. */
  readonly elements: FetchElement[] = [];
  private readonly root: Node;
  private readonly seen = new Map<FetchElement, number>();

  constructor(
    private readonly graph: Graph,
    fetches: unknown,
  ) {
    this.root = this.parse(fetches);
  }

  /** Rebuilds the fetches' structure from one value per element. */
  build(values: readonly unknown[]): unknown {
    const rebuild = (n: Node): unknown => {
      switch (n.kind) {
        case 'leaf':
          return values[n.index];
        case 'list':
          return n.items.map(rebuild);
        case 'dict':
          return Object.fromEntries(n.keys.map((k, i) => [k, rebuild(n.items[i])]));
        case 'map':
          return new Map(n.keys.map((k, i) => [k, rebuild(n.items[i])]));
      }
    };
    return rebuild(this.root);
  }

  private parse(f: unknown): Node {
    if (Array.isArray(f)) return {kind: 'list', items: f.map((x) => this.parse(x))};
    if (f instanceof Map) return {kind: 'map', keys: [...f.keys()], items: [...f.values()].map((x) => this.parse(x))};
    if (isPlainObject(f)) return {kind: 'dict', keys: Object.keys(f), items: Object.values(f).map((x) => this.parse(x))};
    return {kind: 'leaf', index: this.add(this.element(f))};
  }

  private element(f: unknown): FetchElement {
    if (f === null || f === undefined) {
      throw new TypeError(`Argument \`fetch\` = None has invalid type "NoneType". Cannot be None`);
    }
    if (typeof f !== 'string' && !isTensor(f) && !isOperation(f) && typeof (f as {_as_graph_element?: unknown})._as_graph_element !== 'function') {
      const kind = typeof f === 'object' ? (f as object).constructor?.name ?? 'object' : typeof f;
      throw new TypeError(
        `Argument \`fetch\` = ${String(f)} has invalid type "${kind}" must be a string or Tensor. (Can not convert a ${kind} into a Tensor or Operation.)`,
      );
    }
    try {
      return this.graph.as_graph_element(f, true, true);
    } catch (e) {
      if (e instanceof TypeError) throw new TypeError(`Fetch argument ${describe(f)} has invalid type, must be a string or Tensor. (${e.message})`);
      const cls = e instanceof ValueError ? ValueError : (e as Error).constructor as new (m: string) => Error;
      throw new cls(`Fetch argument ${describe(f)} cannot be interpreted as a Tensor. (${(e as Error).message})`);
    }
  }

  private add(e: FetchElement): number {
    let i = this.seen.get(e);
    if (i === undefined) {
      i = this.elements.length;
      this.elements.push(e);
      this.seen.set(e, i);
    }
    return i;
  }
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

function describe(f: unknown): string {
  if (typeof f === 'string') return `'${f}'`;
  const r = (f as {repr?: () => string}).repr;
  return typeof r === 'function' ? r.call(f) : String(f);
}
