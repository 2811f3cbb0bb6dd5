/** Moving values between NDArrays (host) and tfjs tensors (backend). */
import * as tfc from '@tensorflow/tfjs-core';
import {NDArray, type DataArray, type DtypeName} from '../ndarray/ndarray';
import type {DType} from './dtypes';

/** Uploads an NDArray as a tfjs tensor of the dtype's tfjs type. */
export function toTfjs(a: NDArray, dtype: DType): tfc.Tensor {
  const t = dtype.tfjs;
  if (t === 'string') return tfc.tensor(a.data as string[], a.dims as number[], 'string');
  const data = a.data instanceof Float64Array || (t === 'int32' && !(a.data instanceof Int32Array))
    ? convertData(a.data, t)
    : a.data;
  return tfc.tensor(data as tfc.TypedArray, a.dims as number[], t);
}

function convertData(d: DataArray, t: 'float32' | 'int32' | 'bool'): tfc.TypedArray {
  if (t === 'float32') return Float32Array.from(d as ArrayLike<number>);
  if (t === 'int32') return Int32Array.from(d as ArrayLike<number>);
  return Uint8Array.from(d as ArrayLike<number>);
}

/** Reads a tfjs tensor back as an NDArray labelled with TF's dtype. */
export function fromTfjs(t: tfc.Tensor, dtype: DType): NDArray {
  const name = dtype.base_dtype.name as DtypeName;
  // tfjs's dataSync decodes string tensors to JS strings itself.
  if (t.dtype === 'string') return new NDArray([...(t.dataSync() as unknown as string[])], t.shape, name);
  return new NDArray(t.dataSync() as DataArray, t.shape, name);
}
