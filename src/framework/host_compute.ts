/**
 * JavaScript kernels over tfjs tensors' memory. On the WASM backend a tensor's data is a range of
 * the WebAssembly heap: a JS loop can read the inputs in place and write a freshly allocated
 * output, in one pass and without the per-op dispatch of tfjs (about 4 µs an op), which is what
 * small tensors and long elementwise chains (an optimizer's update) are dominated by.
 *
 * On other backends the same kernels run on copies (dataSync) and upload their results.
 *
 * Float arithmetic in these kernels rounds every operation to float32 (`Math.fround`): +, -, ×, ÷
 * and √ are then exactly what float32 hardware computes, as in TF's kernels.
 */
import * as tfc from '@tensorflow/tfjs-core';

export type HostData = Float32Array | Int32Array | Uint8Array;
export type HostDtype = 'float32' | 'int32' | 'bool';

export interface OutputSpec {
  readonly shape: readonly number[];
  readonly dtype: HostDtype;
}

/** The parts of tfjs-backend-wasm's BackendWasm (4.22) that host kernels and src/kernels use. */
export interface WasmBackend {
  makeOutput(shape: readonly number[], dtype: string): tfc.TensorInfo;
  typedArrayFromHeap(info: tfc.TensorInfo): HostData;
  /** A tensor's data: where it starts in the heap, in bytes. */
  dataIdMap: {get(dataId: object): {memoryOffset: number} | undefined};
}

/** tfjs's backend when it is the WASM one, else null. */
export function wasmBackend(): WasmBackend | null {
  const b = tfc.backend() as unknown as Partial<WasmBackend>;
  return typeof b.makeOutput === 'function' && typeof b.typedArrayFromHeap === 'function' ? (b as WasmBackend) : null;
}

/**
 * Fresh outputs in the WASM heap, filled by `fill` (given their TensorInfos), as tensors.
 * Everything allocates before `fill` runs: an allocation may grow the heap and move it.
 */
export function fillWasmOutputs(backend: WasmBackend, outputs: readonly OutputSpec[], fill: (infos: tfc.TensorInfo[]) => void): tfc.Tensor[] {
  const infos = outputs.map((o) => backend.makeOutput(o.shape, o.dtype));
  fill(infos);
  return infos.map((info) => tfc.engine().makeTensorFromTensorInfo(info));
}

function allocate(dtype: HostDtype, n: number): HostData {
  return dtype === 'float32' ? new Float32Array(n) : dtype === 'int32' ? new Int32Array(n) : new Uint8Array(n);
}

/**
 * Runs `fn` on the inputs' data and fresh output buffers, and returns the outputs as tensors.
 * `fn` must not write its inputs (they may be shared) nor keep the arrays after returning
 * (on WASM they are views of a heap that may move).
 */
export function hostCompute(inputs: readonly tfc.Tensor[], outputs: readonly OutputSpec[], fn: (ins: HostData[], outs: HostData[]) => void): tfc.Tensor[] {
  const backend = wasmBackend();
  if (!backend) {
    const ins = inputs.map((t) => t.dataSync() as HostData);
    const outs = outputs.map((o) => allocate(o.dtype, o.shape.reduce((a, b) => a * b, 1)));
    fn(ins, outs);
    return outs.map((d, i) => tfc.tensor(d, outputs[i].shape as number[], outputs[i].dtype));
  }
  const view = (t: tfc.TensorInfo) => backend.typedArrayFromHeap(t);
  return fillWasmOutputs(backend, outputs, (infos) => fn(inputs.map(view), infos.map(view)));
}

/** The first element of a (scalar) tensor, read in place. */
export function scalarOf(t: tfc.Tensor): number {
  const backend = wasmBackend();
  return (backend ? backend.typedArrayFromHeap(t) : (t.dataSync() as HostData))[0];
}

/**
 * A new handle on `t`'s data, without copying it (tfjs-wasm's Identity, behind `tfc.clone`,
 * copies). Safe because no kernel of tf1ts writes a tensor in place: every op, optimizer updates
 * included, writes fresh outputs, so data shared by two handles never changes.
 */
export function aliasOf(t: tfc.Tensor): tfc.Tensor {
  return t.dtype === 'string' ? tfc.clone(t) : tfc.reshape(t, t.shape);
}
