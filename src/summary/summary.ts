/**
 * `tf.summary.scalar / histogram / image / merge / merge_all`, built as TF1 builds them
 * (python/summary/summary.py, python/ops/summary_op_util.py): the op is the name scope's own op
 * (`loss`, `outer/loss`), its tag is the scope name (prefixed with `family/` when a family is
 * given), the tag constant is `<scope>/tags` or `<scope>/tag`, and the output goes in the
 * SUMMARIES collection.
 */
import {kwargs} from '../framework/args';
import type {TensorLike} from '../framework/constant_op';
import {get_default_graph, GraphKeys, isTensor, type Graph} from '../framework/graph';
import {applyOp} from '../framework/op_builder';
import type {Tensor} from '../framework/tensor';
import {HistogramSummary, ImageSummary, MergeSummary, ScalarSummary, defaultBadColor} from './summary_ops';

// Python's `[^-/\w\.]`, with `\w` matching Unicode letters and digits as it does for `str`.
const INVALID_TAG_CHARACTERS = /[^-/\p{L}\p{N}_.]/gu;

/** TF's clean_tag: characters a node name cannot hold become '_'; leading slashes go. */
export function clean_tag(name: string): string;
export function clean_tag(name: string | null): string | null;
export function clean_tag(name: string | null): string | null {
  if (name === null) return null;
  return name.replace(INVALID_TAG_CHARACTERS, '_').replace(/^\/+/, '');
}

/** The graph of the first tensor (or Variable) among `values`, else the default graph. */
function graphOf(values: readonly unknown[]): Graph {
  for (const v of values) {
    const f = (v as {_as_graph_element?: () => unknown} | null)?._as_graph_element;
    const t = typeof f === 'function' ? f.call(v) : v;
    if (isTensor(t)) return t.graph;
  }
  return get_default_graph();
}

/**
 * TF's summary_scope: a name scope from `name` (or `family/name`), made unique; yields the tag
 * (the scope without its slash, prefixed by `family/` if given) and the scope (`a/b/`).
 */
function summaryScope<T>(name: string | null, family: string | null, defaultName: string | null, values: readonly unknown[], fn: (tag: string, scope: string) => T): T {
  const n = clean_tag(name);
  const fam = clean_tag(family);
  const base = fam === null ? n : `${fam}/${n}`;
  const g = graphOf(values);
  using _graph = g !== get_default_graph() ? g.as_default() : null;
  using scope = g.name_scope(base ?? defaultName);
  const bare = scope.value.replace(/\/$/, '');
  return fn(fam === null ? bare : `${fam}/${bare}`, scope.value);
}

/** TF's summary_op_util.collect: into `collections`, or the defaults when none are given. */
function collect(val: Tensor, collections: readonly string[] | null, defaults: readonly string[]): void {
  for (const key of collections ?? defaults) val.graph.add_to_collection(key, val);
}

export interface SummaryOptions {
  collections?: readonly string[] | null;
  family?: string | null;
}

type SummaryArgs = [collections?: readonly string[] | null | SummaryOptions, family?: string | null | SummaryOptions];

const SUMMARY_DEFAULTS = {collections: null as readonly string[] | null, family: null as string | null};

/**
 * `tf.summary.scalar(name, tensor, collections=None, family=None)`: a `ScalarSummary` whose
 * Summary holds `tensor`'s single value as `simple_value` (a float) under the tag.
 */
export function scalar(name: string, tensor: TensorLike, ...args: SummaryArgs): Tensor {
  const o = kwargs('scalar', args, ['collections', 'family'], SUMMARY_DEFAULTS);
  return summaryScope(name, o.family, null, [tensor], (tag, scope) => {
    const val = applyOp(ScalarSummary, [tag, tensor], {}, scope).outputs[0];
    collect(val, o.collections, [GraphKeys.SUMMARIES]);
    return val;
  });
}

/**
 * `tf.summary.histogram(name, values, collections=None, family=None)`: a `HistogramSummary` with
 * TF's default buckets (see histogram.ts), named `HistogramSummary` when `name` is null. Non-finite
 * values fail at run time, as in TF.
 */
export function histogram(name: string | null, values: TensorLike, ...args: SummaryArgs): Tensor {
  const o = kwargs('histogram', args, ['collections', 'family'], SUMMARY_DEFAULTS);
  return summaryScope(name, o.family, 'HistogramSummary', [values], (tag, scope) => {
    const val = applyOp(HistogramSummary, [tag, values], {}, scope).outputs[0];
    collect(val, o.collections, [GraphKeys.SUMMARIES]);
    return val;
  });
}

export interface ImageOptions extends SummaryOptions {
  max_outputs?: number;
}

/**
 * `tf.summary.image(name, tensor, max_outputs=3, collections=None, family=None)`: an
 * `ImageSummary` of the first `max_outputs` images of a [batch, height, width, 1|3|4] uint8 or
 * float tensor, as PNGs tagged `name/image/0` … (`name/image` when max_outputs is 1).
 */
export function image(
  name: string,
  tensor: TensorLike,
  ...args: [max_outputs?: number | ImageOptions, collections?: readonly string[] | null | ImageOptions, family?: string | null | ImageOptions]
): Tensor {
  const o = kwargs('image', args, ['max_outputs', 'collections', 'family'], {max_outputs: 3, ...SUMMARY_DEFAULTS});
  return summaryScope(name, o.family, null, [tensor], (tag, scope) => {
    const attrs = {max_images: o.max_outputs, bad_color: defaultBadColor()};
    const val = applyOp(ImageSummary, [tag, tensor], attrs, scope).outputs[0];
    collect(val, o.collections, [GraphKeys.SUMMARIES]);
    return val;
  });
}

export interface MergeOptions {
  collections?: readonly string[] | null;
  name?: string | null;
}

/**
 * `tf.summary.merge(inputs, collections=None, name=None)`: a `MergeSummary` of serialized
 * Summaries, named `Merge/MergeSummary` by default (TF1 opens the scope `name or 'Merge'`, then
 * names the op `name or 'MergeSummary'` inside it). Duplicate tags fail at run time.
 */
export function merge(inputs: readonly TensorLike[], ...args: [collections?: readonly string[] | null | MergeOptions, name?: string | null | MergeOptions]): Tensor {
  const o = kwargs('merge', args, ['collections', 'name'], {collections: null as readonly string[] | null, name: null as string | null});
  const g = graphOf(inputs);
  using _graph = g !== get_default_graph() ? g.as_default() : null;
  using _scope = g.name_scope(o.name ?? 'Merge');
  const val = applyOp(MergeSummary, [inputs], {}, o.name).outputs[0];
  collect(val, o.collections, []);
  return val;
}

export interface MergeAllOptions {
  key?: string;
  scope?: string | null;
  name?: string | null;
}

/**
 * `tf.summary.merge_all(key=GraphKeys.SUMMARIES, scope=None, name=None)`: merges the default
 * graph's collection `key` (only names matching `scope`, if given); null when it is empty.
 */
export function merge_all(...args: [key?: string | MergeAllOptions, scope?: string | null | MergeAllOptions, name?: string | null | MergeAllOptions]): Tensor | null {
  const o = kwargs('merge_all', args, ['key', 'scope', 'name'], {key: GraphKeys.SUMMARIES as string, scope: null as string | null, name: null as string | null});
  const ops = get_default_graph().get_collection<Tensor>(o.key, o.scope);
  if (!ops.length) return null;
  return merge(ops, {name: o.name});
}
