/** `tf.name_scope` and the random seeds (`tf.set_random_seed`, TF1's `get_seed`). */
import {NameScope, within} from './context';
import {get_default_graph} from './graph';

/**
 * `tf.name_scope(name, default_name, values)`: binds the scope string ('a/'). A null name uses
 * `default_name` (made unique). Callback form: `tf.name_scope('a', () => …)`.
 */
export function name_scope(name: string | null, default_name?: string | null, values?: unknown): NameScope;
export function name_scope<T>(name: string | null, fn: (scope: NameScope) => T): T;
export function name_scope<T>(name: string | null, default_name: string | null, fn: (scope: NameScope) => T): T;
export function name_scope<T>(
  name: string | null,
  a?: string | null | ((s: NameScope) => T),
  b?: unknown,
): NameScope | T {
  const fn = typeof a === 'function' ? a : typeof b === 'function' ? (b as (s: NameScope) => T) : undefined;
  const defaultName = typeof a === 'string' ? a : null;
  const g = get_default_graph();
  const ctx = new NameScope(g.name_scope(name ?? defaultName));
  return fn ? within(ctx, fn) : ctx;
}

const DEFAULT_GRAPH_SEED = 87654321;
const MAXINT32 = 2 ** 31 - 1;

/** `tf.set_random_seed(seed)`: the default graph's seed, making its random ops repeatable. */
export function set_random_seed(seed: number | null): void {
  get_default_graph().seed = seed;
}

/** TF's _truncate_seed: Python's modulo (never negative) by 2**31 - 1. */
function truncate(seed: number): number {
  return ((seed % MAXINT32) + MAXINT32) % MAXINT32;
}

const SEED_COUNTER = Symbol('get_seed calls');

/**
 * `random_seed.get_seed(op_seed)`: the (seed, seed2) pair a random op is created with. With a
 * graph seed and no op seed, the op seed counts the get_seed calls made in the graph (0, 1, 2 …),
 * as TensorFlow does today (TF 1.x used the number of ops so far): so a seeded script draws what
 * it draws under real TensorFlow.
 */
export function get_seed(op_seed?: number | null): [number | null, number | null] {
  const g = get_default_graph();
  let seeds: [number | null, number | null];
  if (g.seed !== null) {
    let op = op_seed;
    if (op === null || op === undefined) {
      op = (g._extras.get(SEED_COUNTER) as number | undefined) ?? 0;
      g._extras.set(SEED_COUNTER, op + 1);
    }
    seeds = [truncate(g.seed), truncate(op)];
  } else if (op_seed !== null && op_seed !== undefined) {
    seeds = [DEFAULT_GRAPH_SEED, truncate(op_seed)];
  } else {
    seeds = [null, null];
  }
  // (0, 0) would mean "nondeterministic" to the kernels.
  if (seeds[0] === 0 && seeds[1] === 0) return [0, MAXINT32];
  return seeds;
}
