/**
 * `npm run bench`: tf1ts side by side with its peers, in one run, interleaved round by round:
 * the same models in hand-written tfjs-core eager code on the same backend, and real TensorFlow
 * 1.x (graph mode, one thread) when it is installed (TF_PYTHON, or ../shared/tf-reference's
 * /tmp/tfref). Medians of the rounds; the table goes to stdout and to docs/PERFORMANCE.md.
 *
 * BENCH_ROUNDS sets the number of rounds (default 7).
 */
import {spawn, spawnSync, type ChildProcessWithoutNullStreams} from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as readline from 'readline';
import * as tfc from '@tensorflow/tfjs-core';
import * as tf from '../src';
import * as M from './models';

const ROOT = path.join(__dirname, '..');
/** Node's collector, exposed by --expose-gc (npm run bench passes it). */
const gc = (globalThis as {gc?: () => void}).gc;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

interface Impl {
  name: string;
  /** Per-iteration time of `iters` iterations, in ms. */
  time(iters: number): Promise<number>;
}

interface Bench {
  id: string;
  title: string;
  unit: 'ms' | 'µs';
  iters: number;
  impls: Impl[];
}

function local(name: string, make: () => M.Step): Impl {
  let step: M.Step | null = null;
  return {
    name,
    async time(iters) {
      if (!step) {
        step = make();
        // As many warm-up steps as a round has: V8 optimizes the step's code over the first hundreds.
        for (let i = 0; i < iters; i++) step();
      }
      // Each implementation starts with the garbage of the one before it collected.
      gc?.();
      const t0 = performance.now();
      for (let i = 0; i < iters; i++) step();
      return (performance.now() - t0) / iters;
    },
  };
}

/** Real TF1 in a Python process that times its own steps on request. */
class PythonPeer {
  private readonly lines: AsyncIterator<string>;
  readonly version: string;
  private constructor(private readonly proc: ChildProcessWithoutNullStreams, lines: AsyncIterator<string>, version: string) {
    this.lines = lines;
    this.version = version;
  }

  static async start(): Promise<PythonPeer | string> {
    const python = process.env.TF_PYTHON ?? '/tmp/tfref/bin/python';
    if (!fs.existsSync(python)) return `no TensorFlow Python at ${python} (see ../shared/tf-reference/README.md; TF_PYTHON overrides)`;
    // The peer trains on the same MNIST batches, read from the same files.
    const proc = spawn(python, [path.join(__dirname, 'tf1_peer.py')], {env: {...process.env, TF_CPP_MIN_LOG_LEVEL: '3', MNIST_DIR: M.MNIST_DIR}});
    const lines = readline.createInterface({input: proc.stdout})[Symbol.asyncIterator]();
    const first = await lines.next();
    if (first.done) return 'the TensorFlow peer did not start';
    return new PythonPeer(proc, lines, JSON.parse(first.value).tensorflow);
  }

  impl(bench: string): Impl {
    return {
      name: `TF ${this.version} (TF1 graph mode, 1 thread)`,
      time: async (iters) => {
        this.proc.stdin.write(`${bench} ${iters}\n`);
        const line = await this.lines.next();
        return JSON.parse(line.value).ms;
      },
    };
  }

  stop(): void {
    this.proc.stdin.end();
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Wall time of a process from spawn to exit, median of runs, in ms. */
function startupMs(cmd: string, args: string[], runs = 5): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(cmd, args, {cwd: ROOT, encoding: 'utf8', env: {...process.env, TF_CPP_MIN_LOG_LEVEL: '3'}});
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** tfjs memory and process RSS over a training run: flat after warm-up. */
function memoryDuringTraining(): string {
  const step = M.mlpTf1ts();
  for (let i = 0; i < 20; i++) step();
  const mb = (x: number) => `${(x / 2 ** 20).toFixed(1)} MB`;
  const before = {tensors: tfc.memory().numTensors, bytes: tfc.memory().numBytes, rss: process.memoryUsage().rss};
  for (let i = 0; i < 300; i++) step();
  const after = {tensors: tfc.memory().numTensors, bytes: tfc.memory().numBytes, rss: process.memoryUsage().rss};
  return `MLP training, after 20 warm-up steps → after 300 more: tfjs tensors ${before.tensors} → ${after.tensors}, ` +
    `tfjs bytes ${mb(before.bytes)} → ${mb(after.bytes)}, process RSS ${mb(before.rss)} → ${mb(after.rss)}`;
}

async function main(): Promise<void> {
  const peer = await PythonPeer.start();
  const tfImpl = (b: string): Impl[] => (typeof peer === 'string' ? [] : [peer.impl(b)]);
  const benches: Bench[] = [
    {
      id: 'maxout', title: 'Maxout step (listing 6-4, MNIST batches of 100, GD)', unit: 'ms', iters: 1000,
      impls: [local('tf1ts', M.maxoutTf1ts), local('tfjs eager, hand-written gradients, matmul transpose flags', () => M.maxoutEager(true)),
        local('tfjs eager, hand-written gradients, explicit transposes', () => M.maxoutEager(false)), ...tfImpl('maxout')],
    },
    {
      id: 'mlp', title: 'MLP step (784-256-256-10, ReLU, Adam, MNIST batches of 128)', unit: 'ms', iters: 40,
      impls: [local('tf1ts', M.mlpTf1ts), local('tfjs eager, hand-written gradients, matmul transpose flags', () => M.mlpEager(true)),
        local('tfjs eager, hand-written gradients, explicit transposes', () => M.mlpEager(false)),
        local('kernel floor: its 8 matmuls alone, operands reused (packing cached)', () => M.mlpMatmulFloor(false)),
        local('kernel floor: its 8 matmuls alone, new operands as in training', () => M.mlpMatmulFloor(true)),
        ...tfImpl('mlp')],
    },
    {
      id: 'tiny', title: 'Session.run of a tiny graph (two [100,10] adds, fetched)', unit: 'µs', iters: 2000,
      impls: [local('tf1ts', M.tinyTf1ts), ...tfImpl('tiny')],
    },
    {
      id: 'build', title: 'Building a graph of 10 000 ops (per op)', unit: 'µs', iters: 3,
      impls: [local('tf1ts', M.buildTf1ts), ...tfImpl('build')],
    },
  ];

  const samples = new Map<string, number[]>();
  for (let r = 0; r < ROUNDS; r++) {
    process.stderr.write(`round ${r + 1}/${ROUNDS}\n`);
    for (const b of benches) {
      for (const impl of b.impls) {
        const ms = await impl.time(b.iters);
        const key = `${b.id}/${impl.name}`;
        samples.set(key, [...(samples.get(key) ?? []), ms]);
      }
    }
  }
  if (typeof peer !== 'string') peer.stop();

  const scale = (b: Bench, ms: number) => (b.id === 'build' ? (ms * 1000) / 10000 : b.unit === 'µs' ? ms * 1000 : ms);
  const rows: string[] = [];
  for (const b of benches) {
    const base = scale(b, median(samples.get(`${b.id}/tf1ts`)!));
    rows.push(`| **${b.title}** | | |`);
    for (const impl of b.impls) {
      const v = scale(b, median(samples.get(`${b.id}/${impl.name}`)!));
      rows.push(`| ${impl.name} | ${v.toFixed(b.unit === 'ms' ? 3 : 2)} ${b.unit} | ${impl.name === 'tf1ts' ? '1.00' : (base / v).toFixed(2)}× |`);
    }
  }
  const node = startupMs(process.execPath, [path.join(__dirname, 'startup_probe.js')]);
  rows.push('| **Process start to first result** (import, build, run, print) | | |');
  rows.push(`| tf1ts (compiled JS, node) | ${node.toFixed(0)} ms | 1.00× |`);
  if (typeof peer !== 'string') {
    const py = startupMs(process.env.TF_PYTHON ?? '/tmp/tfref/bin/python', ['-c',
      'import tensorflow.compat.v1 as tf; tf.disable_v2_behavior(); print(tf.Session().run(tf.matmul([[1.0, 2.0]], [[3.0], [4.0]])))'], 3);
    rows.push(`| TF (python -c …) | ${py.toFixed(0)} ms | ${(node / py).toFixed(2)}× |`);
  }
  const memory = memoryDuringTraining();

  const machine = `${os.cpus()[0].model}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; ` +
    `Node ${process.version}; @tensorflow/tfjs-core ${tfc.version_core}, backend ${tf.backendName()}` +
    (typeof peer === 'string' ? `; TF peer skipped: ${peer}` : `; TensorFlow ${peer.version} (CPU, tf.compat.v1, intra/inter-op threads 1)`);
  const table = [
    '| Benchmark / implementation | Median | tf1ts time ÷ this time |',
    '| --- | --- | --- |',
    ...rows,
  ].join('\n');
  const report = `# Performance\n\nGenerated by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (${ROUNDS} interleaved rounds, medians).\n\n` +
    `Machine: ${machine}.\n\n${table}\n\nThe last column is tf1ts's median divided by the row's: below 1, tf1ts is faster than that peer; above 1, slower by that factor.\n\n` +
    `Memory: ${memory}.\n`;
  console.log(report);
  fs.mkdirSync(path.join(ROOT, 'docs'), {recursive: true});
  fs.writeFileSync(path.join(ROOT, 'docs', 'PERFORMANCE.md'), report + PERFORMANCE_NOTES);
}

const PERFORMANCE_NOTES = `
## What the runtime does for speed

- A plan per (fetches, feeds, fed shapes), compiled once: pruned to what the fetches need,
  ordered, every intermediate disposed right after its last reader.
- Specialization to the fed shapes: shape computations (\`tf.shape\`, the reduction axes of
  broadcasting gradients, a mean's divisor) become constants of the plan; constant subgraphs are
  computed once per session.
- Ops that only pass a value on (Identity, tf.tuple's gates, StopGradient, reductions over no
  axis, no-op casts and reshapes, reads of variables the plan does not write) take no step.
- A control dependency on an op without effects orders nothing and does not make it run (the
  gradient of an input that nothing reads, gated by tf.tuple).
- tf1ts's own WebAssembly SIMD kernels (\`src/kernels/kernels.wat\`, assembled at install and
  run in place on tfjs's heap) for what tfjs-wasm does slowly and every training step does:
  - products with a narrow right-hand side (at most 12 columns: every 10-class layer of the
    book) read A transposed in place and pack nothing; the bits equal XNNPACK's;
  - the optimizers' updates (GradientDescent, Momentum, Adam) in one pass, float32 operations
    in TF's order;
  - transposes (4×4 blocks in registers, 3-4× faster than tfjs-wasm's), ReLU's gradient, and
    sums over leading axes (bias gradients; tfjs-wasm transposes first);
  - float32 Add, Sub and Mul of a tensor and a tensor of its shape, a scalar or its trailing
    dimensions: about 1 µs each against tfjs's 3 µs of dispatch on the book's small tensors.
- Other matmuls stay on XNNPACK: transpose flags become explicit transposes, and each product
  is computed as A·B or (Bᵀ·Aᵀ)ᵀ, whichever packs and moves less (XNNPACK packs the right-hand
  operand it has not seen before, which in training is every operand of every step).
- Reads of variables and Identity ops share their input's data rather than copying it
  (tfjs-wasm's Identity copies); no tf1ts kernel writes a tensor in place.
- Each kernel keeps a JavaScript or tfjs twin (CPU backend, \`TF1TS_WASM_KERNELS=0\`), and
  \`test/kernels\` checks the two agree bit for bit.

## Where tf1ts is slower than TensorFlow, and why

The MLP's step is dominated by its five wide matmuls, which run on XNNPACK. The table separates
the causes of the gap to TensorFlow:

- XNNPACK, which runs tfjs-wasm's wide matmuls, packs the right-hand operand of a product the
  first time it sees that tensor and caches the packing by tensor. In training every operand is
  new at every step, so every product pays a packing pass over its operand. The two "kernel
  floor" rows time the MLP's eight matmuls alone, with operands reused and with new ones: the
  difference is that packing.
- WebAssembly SIMD is 128 bits wide and has no fused multiply-add; TensorFlow's Eigen kernels
  use the CPU's AVX2 and FMA units. Even the cached floor is about twice TensorFlow's whole step.
- Every kernel is a call from JavaScript into WASM, a few microseconds each, against TF's
  in-process C++ dispatch; small graphs with many small ops feel this most.

One optimization is left out on purpose: fusing a matmul with its bias and activation
(\`tfc.fused.matMul\`). XNNPACK starts the fused product's accumulators at the bias, which rounds
differently from the product followed by the add, so the fused layer's outputs differ from the
unfused ones in the last bit for many elements; the optimizations must never change what a
graph computes (the test suite checks them on and off). And on this backend the fusion saves
only the two small elementwise kernels, not the product's time.
`;

void main();
