/**
 * The two scikit-learn helpers the book's listings call, on NDArrays, with scikit-learn's
 * algorithms (so that with numpy's generator seeded, the same rows come out in the same order).
 */
import {np, type NDArray} from '../src';

/**
 * `sklearn.utils.shuffle(*arrays)`: the same random permutation of the rows of every array,
 * drawn from numpy's global generator (scikit-learn's default random_state).
 */
export function shuffle(...arrays: NDArray[]): NDArray[] {
  const n = arrays[0].shape[0];
  const indices = np.arange(n);
  np.random.shuffle(indices);
  return arrays.map((a) => np.take(a, indices, 0));
}

/** `OneHotEncoder().fit(categories).transform(y).toarray()` for integer labels in a column. */
export function onehot(y: NDArray, start: number, end: number): NDArray {
  const rows = np.reshape(y, [-1]).tolist() as number[];
  return np.array(rows.map((v) => Array.from({length: end - start}, (_, k) => (k === v - start ? 1 : 0))), {dtype: 'float64'});
}
