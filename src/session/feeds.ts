/**
 * Feed dicts: the forms `Session.run` accepts (pairs, a Map, an object keyed by tensor name),
 * resolved to graph tensors and checked against their dtype and static shape, with TF1's errors.
 */
import type {Graph} from '../framework/graph';
import type {Tensor} from '../framework/tensor';
import {ValueError} from '../framework/errors';
import {NDArray, type NDArrayLike, type DtypeName} from '../ndarray/ndarray';

export interface Feed {
  readonly tensor: Tensor;
  readonly value: NDArray;
}

/** Resolves the keys of a feed dict and converts its values to NDArrays of the tensors' dtypes. */
export function resolveFeeds(graph: Graph, feed: unknown): Feed[] {
  if (feed === undefined || feed === null) return [];
  const out: Feed[] = [];
  const seen = new Set<Tensor>();
  for (const [key, value] of entries(feed)) {
    const tensor = feedTensor(graph, key);
    if (seen.has(tensor)) continue;
    seen.add(tensor);
    out.push({tensor, value: feedValue(tensor, value)});
  }
  return out;
}

function entries(feed: unknown): Iterable<[unknown, unknown]> {
  if (feed instanceof Map) return feed.entries();
  if (Array.isArray(feed)) {
    for (const e of feed) {
      if (!Array.isArray(e) || e.length !== 2) {
        throw new TypeError('A feed dict given as an array must hold [tensor, value] pairs.');
      }
    }
    return feed as [unknown, unknown][];
  }
  if (typeof feed === 'object') return Object.entries(feed as object);
  throw new TypeError(`feed_dict must be an array of [tensor, value] pairs, a Map or an object keyed by tensor name, not ${typeof feed}.`);
}

function feedTensor(graph: Graph, key: unknown): Tensor {
  try {
    return graph.as_graph_element(key, true, false) as Tensor;
  } catch (e) {
    if (e instanceof TypeError) throw new TypeError(`The value of a feed cannot be a tf.Tensor object. ${e.message}`);
    const cls = (e as Error).constructor as new (message: string) => Error;
    throw new cls(`Cannot interpret feed_dict key as Tensor: ${(e as Error).message}`);
  }
}

/** numpy's `np.asarray(value, dtype=tensor.dtype)`, then TF's static-shape check. */
function feedValue(t: Tensor, value: unknown): NDArray {
  if (t.dtype.base_dtype.name === 'string' && typeof value !== 'string' && !Array.isArray(value) && !(value instanceof NDArray)) {
    throw new TypeError(`Cannot feed ${String(value)} for the string Tensor ${t.name}.`);
  }
  let a: NDArray;
  try {
    a = NDArray.from(value as NDArrayLike, t.dtype.base_dtype.name as DtypeName);
  } catch (e) {
    throw new TypeError(`Cannot convert the feed for Tensor '${t.name}' to ${t.dtype.base_dtype.name}: ${(e as Error).message}`);
  }
  if (!t.shape.is_compatible_with(a.dims)) {
    const shape = a.shape.length === 1 ? `(${a.shape[0]},)` : `(${a.shape.join(', ')})`;
    throw new ValueError(`Cannot feed value of shape ${shape} for Tensor ${t.name}, which has shape ${t.shape}`);
  }
  return a;
}
