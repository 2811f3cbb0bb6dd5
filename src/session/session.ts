/**
 * `tf.Session` and `tf.InteractiveSession`.
 *
 * A session owns what a graph's execution needs beyond the graph: variable values, constants
 * folded from the graph, and compiled plans. Plans are cached per (fetches, feeds); they stay
 * valid as the graph grows because ops never change once created (see framework/graph.ts), so a
 * loop that adds an op per step (listing 7-1) does not recompile the step it runs.
 */
import * as tfc from '@tensorflow/tfjs-core';
import './backend';
import {get_default_graph, type Graph} from '../framework/graph';
import {pushDefaultSession, removeDefaultSession, type SessionLike} from '../framework/default_session';
import {disposableContext, type ScopeContext} from '../framework/context';
import {opError, InvalidArgumentError, FailedPreconditionError, NotFoundError, OutOfRangeError, UnimplementedError, RuntimeError} from '../framework/errors';
import type {Operation} from '../framework/operation';
import type {KernelContext} from '../framework/registry';
import type {Tensor} from '../framework/tensor';
import {isTensor} from '../framework/graph';
import {fromTfjs} from '../framework/tfjs_values';
import type {NDArray} from '../ndarray/ndarray';
import {FetchMapper, type FetchElement} from './fetch_mapper';
import {resolveFeeds, type Feed} from './feeds';
import {compilePlan, foldedFrontier, type FeedSpec, type Plan, type PlanEnv} from './plan';
import {executePlan, executePlanForTensors} from './executor';
import {foldablePredicate} from './folding';
import {VariableStore} from './variable_store';
import {optimizationsEnabled} from './options';

export interface SessionOptions {
  target?: string;
  graph?: Graph;
  config?: unknown;
}

export interface RunOptions {
  feed_dict?: unknown;
  options?: unknown;
  run_metadata?: unknown;
}

const ERROR_CLASSES = {
  InvalidArgument: InvalidArgumentError,
  FailedPrecondition: FailedPreconditionError,
  OutOfRange: OutOfRangeError,
  NotFound: NotFoundError,
  Unimplemented: UnimplementedError,
};

export class Session implements SessionLike, Disposable {
  readonly graph: Graph;
  private closed = false;
  private readonly variables = new VariableStore();
  private readonly plans = new Map<string, Plan>();
  private readonly folded = new Map<Tensor, tfc.Tensor>();
  private readonly foldedHost = new Map<Tensor, NDArray>();
  private readonly contexts = new Map<Operation, KernelContext>();
  private readonly runCounts = new Map<Operation, number>();
  private readonly opState = new Map<Operation, unknown>();
  /** Seeds unseeded random ops, so that each session (like each TF process) draws afresh. */
  private readonly entropy = Math.floor(Math.random() * 0x7fffffff);

  /** `sess.graph_def`: the session's graph as a GraphDef (`sess.graph.as_graph_def()`). */
  get graph_def(): ReturnType<Graph['as_graph_def']> {
    return this.graph.as_graph_def();
  }

  /** `new tf.Session()`, `new tf.Session('', graph)` or `new tf.Session({graph})`. */
  constructor(target?: string | SessionOptions | null, graph?: Graph | null, config?: unknown) {
    const o: SessionOptions = typeof target === 'object' && target !== null ? target : {target: target ?? '', graph: graph ?? undefined, config};
    this.graph = o.graph ?? get_default_graph();
    pushDefaultSession(this);
  }

  /**
   * `sess.run(fetches, feed_dict)`: fetches is a tensor, op, variable or name, or an array/object
   * nesting them; the result has the same structure. The second argument is the feed dict
   * (pairs, a Map, or an object keyed by tensor name) or `{feed_dict, options, run_metadata}`.
   */
  run(fetches: unknown, feedOrOptions?: unknown): any {
    if (this.closed) throw new RuntimeError('Attempted to use a closed Session.');
    const feedDict = isRunOptions(feedOrOptions) ? feedOrOptions.feed_dict : feedOrOptions;
    const mapper = new FetchMapper(this.graph, fetches);
    const feeds = resolveFeeds(this.graph, feedDict);
    const plan = this.planFor(mapper.elements, feeds);
    return mapper.build(executePlan(plan, feeds));
  }

  /** Closes the session and frees its variables, constants and plans. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    removeDefaultSession(this);
    this.variables.dispose();
    for (const t of this.folded.values()) t.dispose();
    this.folded.clear();
    for (const plan of this.plans.values()) for (const t of plan.ownedConstants) t.dispose();
    this.plans.clear();
  }

  [Symbol.dispose](): void {
    this.close();
  }

  /** Makes this session the default inside a block (it already is from construction until closed). */
  as_default(): ScopeContext<Session> {
    pushDefaultSession(this);
    return disposableContext(this, () => removeDefaultSession(this));
  }

  get _closed(): boolean {
    return this.closed;
  }

  /** @internal how many plans this session compiled (tests check the cache with it). */
  get _planCount(): number {
    return this.plans.size;
  }

  /** @internal the variable storage, for savers and tests. */
  get _variables(): VariableStore {
    return this.variables;
  }

  /** The plan for these fetches and feeds, compiled on first use; specialized to the fed shapes. */
  private planFor(fetches: readonly FetchElement[], feeds: readonly Feed[]): Plan {
    const key = `${fetches.map(elementKey).join(',')}|${feeds.map((f) => `${elementKey(f.tensor)}[${f.value.dims.join(',')}]`).join(',')}`;
    let plan = this.plans.get(key);
    if (!plan) {
      const specs = feeds.map((f) => ({tensor: f.tensor, shape: f.value.dims}));
      const env = this.planEnv(specs.map((f) => f.tensor));
      this.foldFrontier(fetches, specs, env);
      plan = compilePlan(fetches, specs, env);
      this.plans.set(key, plan);
    }
    return plan;
  }

  private planEnv(feeds: readonly Tensor[]): PlanEnv {
    const optimize = optimizationsEnabled();
    const foldable = optimize ? foldablePredicate(new Set(feeds)) : () => false;
    return {
      optimize,
      foldable,
      folded: (t) => this.folded.get(t)!,
      foldedHost: (t) => {
        let h = this.foldedHost.get(t);
        if (!h) this.foldedHost.set(t, (h = fromTfjs(this.folded.get(t)!, t.dtype)));
        return h;
      },
      contextFor: (op) => this.contextFor(op),
    };
  }

  /** Computes the folded tensors a plan reads that this session has not computed yet. */
  private foldFrontier(fetches: readonly FetchElement[], feeds: readonly FeedSpec[], env: PlanEnv): void {
    const missing = foldedFrontier(fetches, feeds, env).filter((t) => !this.folded.has(t));
    if (!missing.length) return;
    const values = executePlanForTensors(compilePlan(missing, [], {...env, optimize: false, foldable: () => false}));
    missing.forEach((t, i) => this.folded.set(t, values[i]));
  }

  private contextFor(op: Operation): KernelContext {
    let ctx = this.contexts.get(op);
    if (ctx) return ctx;
    const errors = ERROR_CLASSES;
    ctx = {
      op,
      variable: (v) => this.variables.cell(v),
      fail: (message, cls = 'InvalidArgument') => {
        throw opError(errors[cls], op, message);
      },
      randomSeed: () => {
        const n = this.runCounts.get(op) ?? 0;
        this.runCounts.set(op, n + 1);
        const seed = op.attrs.seed as number | undefined;
        const seed2 = op.attrs.seed2 as number | undefined;
        const base = seed || seed2 ? hash(seed ?? 0, seed2 ?? 0) : hash(this.entropy, op._id);
        return hash(base, n);
      },
      state: <S>(init: () => S): S => {
        if (!this.opState.has(op)) this.opState.set(op, init());
        return this.opState.get(op) as S;
      },
    };
    this.contexts.set(op, ctx);
    return ctx;
  }
}

/** `tf.InteractiveSession`: a session that is the default session (as every Session is here). */
export class InteractiveSession extends Session {}

function isRunOptions(x: unknown): x is RunOptions {
  if (typeof x !== 'object' || x === null || Array.isArray(x) || x instanceof Map) return false;
  return 'feed_dict' in x || 'options' in x || 'run_metadata' in x;
}

function elementKey(e: FetchElement): string {
  return isTensor(e) ? `${e.graph._id}/${e.op._id}:${e.value_index}` : `${e.graph._id}/${e._id}`;
}

function hash(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) % 2147483647;
}
