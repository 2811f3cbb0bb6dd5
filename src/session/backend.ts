/**
 * Readies tfjs's WASM backend synchronously, when the library is imported, so that a ported
 * script needs no `await`: `import * as tf from 'tf1ts'`, build, run — as in Python.
 *
 * tfjs-backend-wasm's own `init()` is async only because browsers must fetch the binary. In Node
 * the binary is a file beside the package, and `WebAssembly.Module`/`Instance` compile and
 * instantiate it synchronously. Emscripten accepts such an instance through `instantiateWasm`,
 * and when the callback is called synchronously the module object is complete on return. We then
 * do the rest of `init()` (the `tfjs` C bindings), construct tfjs's own `BackendWasm` with it and
 * register it under the name 'wasm' with a synchronous factory, which `setBackend` honours
 * without awaiting. The kernels are tfjs-backend-wasm's own, registered by importing the package.
 *
 * If anything here fails, tfjs's CPU backend is used instead, with a one-line warning.
 * `TF1TS_BACKEND=cpu` selects the CPU backend on purpose.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as tfc from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as wasmBackend from '@tensorflow/tfjs-backend-wasm';

/** The WebAssembly JS API as Node provides it (not in TypeScript's ES libs). */
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (m: WasmModule, imports: object) => WasmInstance;
  validate(bytes: Uint8Array): boolean;
};
interface WasmModule {
  readonly __wasmModule?: never;
}
interface WasmInstance {
  readonly exports: {readonly memory?: unknown};
}

/** The subset of tfjs's Emscripten module that BackendWasm uses and that we fill in. */
interface EmscriptenModule {
  instantiateWasm?: (imports: object, done: (i: WasmInstance, m: WasmModule) => void) => object;
  cwrap?: (name: string, ret: string | null, args: string[]) => (...a: number[]) => number;
  HEAPU8?: Uint8Array;
  tfjs?: Record<string, unknown>;
}

// A 1-byte-body module using a v128 type: valid only where WebAssembly SIMD is supported.
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11,
]);

function loadWasmModule(): EmscriptenModule {
  const dir = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
  const simd = WebAssembly.validate(SIMD_PROBE);
  const binary = fs.readFileSync(path.join(dir, 'wasm-out', simd ? 'tfjs-backend-wasm-simd.wasm' : 'tfjs-backend-wasm.wasm'));
  // The non-threaded factory serves both the plain and the SIMD binary (as in tfjs's init()).
  const factory = require(path.join(dir, 'wasm-out', 'tfjs-backend-wasm.js')) as (m: EmscriptenModule) => Promise<unknown>;
  const listeners = {
    uncaughtException: process.listeners('uncaughtException'),
    unhandledRejection: process.listeners('unhandledRejection'),
  };
  const module: EmscriptenModule = {
    instantiateWasm(imports, done) {
      const compiled = new WebAssembly.Module(binary);
      const instance = new WebAssembly.Instance(compiled, imports);
      heapMemory = instance.exports.memory ?? null;
      done(instance, compiled);
      return instance.exports;
    },
  };
  factory(module).catch(() => undefined);
  // Emscripten's Node glue installs process-wide handlers that rethrow; a library must not.
  for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
    for (const l of process.listeners(event as 'uncaughtException')) {
      if (!(listeners[event] as unknown[]).includes(l)) process.removeListener(event, l);
    }
  }
  const cwrap = module.cwrap;
  if (!cwrap || !module.HEAPU8) throw new Error('the WASM module did not initialise synchronously');
  module.tfjs = {
    init: cwrap('init', null, []),
    initWithThreadsCount: cwrap('init_with_threads_count', null, ['number']),
    getThreadsCount: cwrap('get_threads_count', 'number', []),
    registerTensor: cwrap('register_tensor', null, ['number', 'number', 'number']),
    disposeData: cwrap('dispose_data', null, ['number']),
    dispose: cwrap('dispose', null, []),
  };
  return module;
}

function useWasm(): void {
  const backend = new wasmBackend.BackendWasm(loadWasmModule() as never);
  tfc.removeBackend('wasm');
  tfc.registerBackend('wasm', () => backend, 3);
  void tfc.setBackend('wasm');
  if (tfc.getBackend() !== 'wasm') throw new Error('tfjs did not switch to the WASM backend synchronously');
}

function useCpu(reason: string | null): void {
  void tfc.setBackend('cpu');
  if (reason) process.stderr.write(`tf1ts: WASM backend unavailable (${reason}); using the tfjs CPU backend.\n`);
}

let ready = false;
/** tfjs-backend-wasm's WebAssembly.Memory (its heap), which tf1ts's own kernels import. */
let heapMemory: unknown = null;

/** The WASM backend's memory, when that backend is in use. */
export function wasmHeapMemory(): unknown {
  return tfc.getBackend() === 'wasm' ? heapMemory : null;
}

/** Selects the backend once; every module that runs kernels imports this first. */
export function ensureBackend(): void {
  if (ready) return;
  ready = true;
  if (process.env.TF1TS_BACKEND === 'cpu') return useCpu(null);
  try {
    useWasm();
  } catch (e) {
    useCpu(e instanceof Error ? e.message : String(e));
  }
}

/** The backend in use: 'wasm' or 'cpu'. */
export function backendName(): string {
  return tfc.getBackend();
}

ensureBackend();
