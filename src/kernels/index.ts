/**
 * tf1ts's own WebAssembly kernels (`kernels.wat`, assembled to `build/kernels.wasm` by
 * `npm install`), instantiated on tfjs-backend-wasm's memory so that they read and write tensors
 * where they are: a tensor's data is a byte offset into that heap.
 *
 * They replace what tfjs-wasm does slowly and a training step does every time — the optimizers'
 * element-wise updates, products with a narrow right-hand side, the transposes around matmuls,
 * ReLU's gradient, sums over leading axes, small float32 Add/Sub/Mul (where tfjs's per-kernel
 * dispatch costs more than the arithmetic) — with one SIMD pass each. Each has a JavaScript or
 * tfjs twin (used on the CPU backend, when the binary is missing, or with `TF1TS_WASM_KERNELS=0`);
 * the tests check the two agree bit for bit.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as tfc from '@tensorflow/tfjs-core';
import {fillWasmOutputs, wasmBackend} from '../framework/host_compute';
import {wasmHeapMemory} from '../session/backend';

/** The exports of kernels.wat; pointers are byte offsets into the tfjs heap, `n` counts elements. */
export interface WasmKernels {
  apply_gradient_descent(v: number, delta: number, out: number, n: number, alpha: number): void;
  apply_momentum(v: number, accum: number, grad: number, out: number, accOut: number, n: number, lr: number, momentum: number, nesterov: number): void;
  apply_adam(
    v: number, m: number, s: number, grad: number, out: number, mOut: number, sOut: number, n: number,
    lrT: number, c1: number, c2: number, eps: number, beta1: number, nesterov: number,
  ): void;
  relu_grad(g: number, x: number, out: number, n: number): void;
  transpose_4byte(src: number, dst: number, rows: number, cols: number): void;
  sum_rows(src: number, dst: number, rows: number, cols: number): void;
  matmul(a: number, b: number, c: number, m: number, k: number, n: number, transA: number): void;
  add_f32(x: number, y: number, out: number, n: number, ny: number): void;
  sub_f32(x: number, y: number, out: number, n: number, ny: number): void;
  mul_f32(x: number, y: number, out: number, n: number, ny: number): void;
}

/** The widest B (columns) matmul_narrow computes. */
const NARROW = 12;


declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (m: object, imports: object) => {exports: unknown};
};

// build/ at the package root, from src/kernels (ts-node) or dist/src/kernels (compiled).
const BINARY = [path.join(__dirname, '..', '..', 'build', 'kernels.wasm'), path.join(__dirname, '..', '..', '..', 'build', 'kernels.wasm')].find(fs.existsSync) ?? path.join(__dirname, '..', '..', 'build', 'kernels.wasm');

let loaded: WasmKernels | null | undefined;
let enabled = process.env.TF1TS_WASM_KERNELS !== '0';
/** The heap's current size in bytes (it grows). */
let heapBytes = () => 0;

function load(): WasmKernels | null {
  const memory = wasmHeapMemory();
  if (!memory) return null;
  if (!fs.existsSync(BINARY)) {
    process.stderr.write(`tf1ts: ${path.relative(process.cwd(), BINARY)} is missing (npm install builds it); using slower JavaScript kernels.\n`);
    return null;
  }
  const instance = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(BINARY)), {env: {memory}});
  heapBytes = () => (memory as {buffer: ArrayBuffer}).buffer.byteLength;
  return instance.exports as WasmKernels;
}

/** The kernels, or null where they cannot run (CPU backend, no binary, or switched off). */
export function wasmKernels(): WasmKernels | null {
  // (A script may switch tfjs to another backend after import: the kernels address WASM tensors.)
  if (!enabled || tfc.getBackend() !== 'wasm') return null;
  if (loaded === undefined) loaded = load();
  return loaded;
}

/** Switches the WASM kernels off (their JavaScript twins run) or back on; for tests. */
export function setWasmKernelsEnabled(on: boolean): void {
  enabled = on;
}

/** Where a tensor's data starts in the WASM heap, in bytes. */
function heapOffset(t: {dataId: object}): number {
  return wasmBackend()!.dataIdMap.get(t.dataId)!.memoryOffset;
}

/**
 * Runs a WASM kernel on the inputs' data and fresh float32/int32 outputs, given as heap byte
 * offsets, and returns the outputs as tensors; null where the WASM kernels are not available.
 */
export function wasmCompute(
  inputs: readonly tfc.Tensor[],
  outputs: readonly {shape: readonly number[]; dtype: 'float32' | 'int32'}[],
  fn: (k: WasmKernels, ins: number[], outs: number[]) => void,
): tfc.Tensor[] | null {
  const k = wasmKernels();
  const backend = k && wasmBackend();
  if (!k || !backend) return null;
  return fillWasmOutputs(backend, outputs, (infos) => fn(k, inputs.map(heapOffset), infos.map(heapOffset)));
}

/** A 2-D transpose of a 4-byte tensor (float32, int32), on the WASM kernels or on tfjs. */
export function transpose2d(x: tfc.Tensor): tfc.Tensor {
  const [rows, cols] = x.shape;
  if (x.dtype !== 'float32' && x.dtype !== 'int32') return tfc.transpose(x);
  const out = wasmCompute([x], [{shape: [cols, rows], dtype: x.dtype}], (k, [src], [dst]) => k.transpose_4byte(src, dst, rows, cols));
  return out ? out[0] : tfc.transpose(x);
}

/**
 * The float32 sum of `x` over its leading `k` axes, on the WASM kernels; null when they are not
 * available or `x` is not float32 (callers then use tfjs).
 */
export function sumLeadingAxes(x: tfc.Tensor, k: number, keep: boolean): tfc.Tensor | null {
  if (x.dtype !== 'float32') return null;
  const rows = x.shape.slice(0, k).reduce((a, b) => a * b, 1);
  const cols = x.size / rows;
  const shape = keep ? x.shape.map((d, i) => (i < k ? 1 : d)) : x.shape.slice(k);
  const out = wasmCompute([x], [{shape, dtype: 'float32'}], (kern, [src], [dst]) => kern.sum_rows(src, dst, rows, cols));
  return out && out[0];
}

/**
 * op(A)·op(B) of float32 matrices on the WASM kernel: A is read transposed in place, B is not
 * packed (a transposed B is transposed first), and the products come out as XNNPACK's would.
 * Null where the kernels are not available (callers then use tfjs).
 */
export function matmulWasm(a: tfc.Tensor, b: tfc.Tensor, transposeA: boolean, transposeB: boolean): tfc.Tensor | null {
  const [r, c] = a.shape as [number, number];
  const [m, k] = transposeA ? [c, r] : [r, c];
  const n = (transposeB ? b.shape[0] : b.shape[1]) as number;
  if (a.dtype !== 'float32' || b.dtype !== 'float32' || !wasmKernels()) return null;
  if (m * n === 0) return tfc.zeros([m, n]);
  const bt = transposeB ? transpose2d(b) : b;
  // The kernel reads up to 48 bytes past B's last row (lanes it never stores).
  const out =
    heapOffset(bt) + (k * n + 12) * 4 <= heapBytes()
      ? wasmCompute([a, bt], [{shape: [m, n], dtype: 'float32'}], (kern, [pa, pb], [pc]) => kern.matmul(pa, pb, pc, m, k, n, transposeA ? 1 : 0))
      : null;
  if (bt !== b) bt.dispose();
  return out && out[0];
}

/** matmulWasm for a B of at most 12 columns (or rows, with `transposeB`), else null. */
export function matmulNarrow(a: tfc.Tensor, b: tfc.Tensor, transposeA: boolean, transposeB: boolean): tfc.Tensor | null {
  const n = (transposeB ? b.shape[0] : b.shape[1]) as number;
  return n <= NARROW ? matmulWasm(a, b, transposeA, transposeB) : null;
}

/** y broadcasts into x's shape as the kernels take it: a scalar, or x's trailing dimensions. */
function broadcastsInto(x: tfc.Tensor, y: tfc.Tensor): boolean {
  return y.rank <= x.rank && (y.size === 1 || y.shape.every((d, i) => d === x.shape[x.rank - y.rank + i]));
}

/**
 * x + y, x - y or x · y of float32 tensors on the WASM kernels, where one operand has the
 * other's shape, is a scalar, or is its trailing dimensions (a bias); for + and · either way
 * round. Null otherwise (and without the kernels): callers then use tfjs.
 */
export function elementwiseF32(op: 'add' | 'sub' | 'mul', x: tfc.Tensor, y: tfc.Tensor): tfc.Tensor | null {
  if (x.dtype !== 'float32' || y.dtype !== 'float32' || x.size === 0 || y.size === 0) return null;
  let [a, b] = [x, y];
  if (!broadcastsInto(x, y)) {
    // IEEE addition and multiplication are commutative, bit for bit.
    if (op === 'sub' || !broadcastsInto(y, x)) return null;
    [a, b] = [y, x];
  }
  const out = wasmCompute([a, b], [{shape: a.shape, dtype: 'float32'}], (k, [pa, pb], [po]) => k[`${op}_f32`](pa, pb, po, a.size, b.size));
  return out && out[0];
}
