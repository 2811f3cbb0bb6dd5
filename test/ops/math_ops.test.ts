/**
 * Arithmetic against real TensorFlow: every case of test/fixtures/math_ops.json (written by
 * test/fixtures/gen/math_ops.py) — the broadcasting binary functions, add_n, matmul, cast and
 * Python's arithmetic operators — is built with the public API and compared for op names and
 * types, static shape and dtype, values, and errors.
 */
import {expect} from 'chai';
import * as tf from '../../src';
import {NDArray} from '../../src/ndarray/ndarray';
import {decode, expectAllClose, freshGraph, liveTensors, loadFixture, type Encoded} from '../helpers/golden';

interface InputSpec {
  kind: 'const' | 'placeholder' | 'array';
  value?: Encoded;
  dtype?: string;
  shape?: (number | null)[] | null;
  feed?: Encoded;
}
interface Case {
  name: string;
  fn: string;
  inputs: InputSpec[];
  args: unknown[];
  kwargs: Record<string, unknown>;
  ops?: [string, string][];
  dtype?: string;
  shape?: string;
  value?: Encoded;
  error?: {class: string; when: 'build' | 'run'; message: string; op?: string | null};
}

const fixture = loadFixture<{cases: Case[]}>('math_ops');

type Fn = (...args: unknown[]) => tf.Tensor;

/** Each function's positional parameters, in TF1's order; other keywords go in an options object. */
const SIGNATURES: Record<string, [Fn, string[]]> = {
  add_n: [tf.add_n as Fn, ['inputs', 'name']],
  matmul: [tf.matmul as Fn, ['a', 'b']],
  cast: [tf.cast as Fn, ['x', 'dtype', 'name']],
  to_float: [tf.to_float as Fn, ['x', 'name']],
  to_int32: [tf.to_int32 as Fn, ['x', 'name']],
};
for (const fn of ['add', 'subtract', 'multiply', 'divide', 'truediv', 'div', 'floordiv', 'mod', 'pow', 'maximum', 'minimum', 'squared_difference']) {
  SIGNATURES[fn] = [(tf as unknown as Record<string, Fn>)[fn], ['x', 'y', 'name']];
}

/** Python's operator methods and the Tensor methods that stand for them. */
const OPERATORS: Record<string, string> = {
  __add__: 'add', __radd__: 'radd', __sub__: 'sub', __rsub__: 'rsub', __mul__: 'mul', __rmul__: 'rmul',
  __truediv__: 'div', __rtruediv__: 'rtruediv', __floordiv__: 'floordiv', __mod__: 'mod', __pow__: 'pow',
  __rpow__: 'rpow', __matmul__: 'matmul', __neg__: 'neg', __abs__: 'abs',
};

/**
 * TF 2.21 (which wrote the fixture) words some Python-level errors differently from TF1; tf1ts
 * raises TF1's text (and names TF1's op 'Add' where TF 2 builds 'AddV2'). `tf.divide(1.5, x)` also converts 1.5 before dividing in TF 2 (`Const_1`),
 * where TF1's `1.5 / x` names it `truediv/x`.
 */
const TF1_MESSAGES: Record<string, string> = {
  'add float32 with int32': "Input 'y' of 'Add' Op has type int32 that does not match type float32 of argument 'x'.",
  'add bool': "Value passed to parameter 'x' has DataType bool not in list of allowed values: bfloat16, float16, float32, float64, uint8, int8, int16, int32, int64, complex64, complex128, string",
  'add_n empty': 'inputs must be a list of at least one Tensor/IndexedSlices with the same dtype and shape',
  'divide float32 with int32': 'x and y must have the same dtype, got tf.float32 != tf.int32',
  'truediv float32 with int32': 'x and y must have the same dtype, got tf.float32 != tf.int32',
  'divide bool': 'Invalid dtype tf.bool in __truediv__',
  'truediv bool': 'Invalid dtype tf.bool in __truediv__',
  'div float32 with int32': "Tensor conversion requested dtype float32 for Tensor with dtype int32: <tf.Tensor 'Const_1:0' shape=(2, 3, 4) dtype=int32>",
};
const TF1_OPS: Record<string, [string, string][]> = {
  'divide JS number on the left': [['Const', 'Const'], ['truediv/x', 'Const'], ['truediv', 'RealDiv']],
};

const ERRORS: Record<string, Function> = {
  ValueError: tf.errors.ValueError,
  TypeError,
  InvalidArgumentError: tf.errors.InvalidArgumentError,
};

/** `tf.add` is TF1's op 'Add' (TF 2.x's math_ops.add builds 'AddV2'). */
function asTf1ts(ops: [string, string][]): [string, string][] {
  return ops.map(([name, type]) => [name, type === 'AddV2' ? 'Add' : type]);
}

type Built = tf.Tensor | NDArray;

function materialize(spec: InputSpec): Built {
  if (spec.kind === 'placeholder') return tf.placeholder(spec.dtype!, spec.shape);
  const value = decode(spec.value!);
  return spec.kind === 'const' ? tf.constant(value) : value;
}

/** A JSON argument: {input: i} is the case's i-th input, {dtype: name} a dtype, lists element-wise. */
function resolve(arg: unknown, built: Built[]): unknown {
  if (Array.isArray(arg)) return arg.map((a) => resolve(a, built));
  if (arg !== null && typeof arg === 'object' && 'input' in arg) return built[(arg as {input: number}).input];
  if (arg !== null && typeof arg === 'object' && 'dtype' in arg) return (arg as {dtype: string}).dtype;
  return arg;
}

function build(c: Case, built: Built[]): tf.Tensor {
  const args = c.args.map((a) => resolve(a, built));
  if (c.fn in OPERATORS) {
    const [self, ...rest] = args as [Record<string, (...a: unknown[]) => tf.Tensor>, ...unknown[]];
    return self[OPERATORS[c.fn]](...rest);
  }
  const [fn, positional] = SIGNATURES[c.fn];
  const options: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c.kwargs)) {
    const i = positional.indexOf(k);
    if (i >= 0) args[i] = resolve(v, built);
    else options[k] = resolve(v, built);
  }
  if (Object.keys(options).length) args.push(options);
  return fn(...args);
}

function feedsOf(c: Case, built: Built[]): [tf.Tensor, NDArray][] {
  return c.inputs.flatMap((s, i) => (s.kind === 'placeholder' ? [[built[i] as tf.Tensor, decode(s.feed!)]] : []));
}

function expectValue(v: unknown, c: Case): void {
  const expected = decode(c.value!);
  if (expected.dtype === 'string') {
    expect((v as NDArray).data).to.deep.equal(expected.data);
    return;
  }
  expectAllClose(typeof v === 'boolean' ? Number(v) : v, expected, {rtol: 1e-5, atol: 1e-6}, c.name);
  if (v instanceof NDArray) expect(v.dtype).to.equal(c.dtype);
}

function runCase(c: Case): void {
  const built = c.inputs.map(materialize);
  const message = TF1_MESSAGES[c.name] ?? c.error?.message;
  if (c.error?.when === 'build') {
    expect(() => build(c, built)).to.throw(ERRORS[c.error.class], message);
    return;
  }
  const t = build(c, built);
  expect(tf.get_default_graph().get_operations().map((op) => [op.name, op.type])).to.deep.equal(TF1_OPS[c.name] ?? asTf1ts(c.ops!));
  expect(t.dtype.name).to.equal(c.dtype);
  expect(String(t.shape)).to.equal(c.shape);
  const probe = tf.constant(1.5);
  const feed_dict = feedsOf(c, built);
  const before = liveTensors();
  const sess = new tf.Session();
  try {
    if (c.error) {
      let err: unknown;
      try {
        sess.run(t, {feed_dict});
      } catch (e) {
        err = e;
      }
      expect(err).to.be.instanceOf(ERRORS[c.error.class]);
      expect((err as Error).message).to.include(message);
      if (c.error.op) expect((err as tf.errors.OpError).op?.name).to.equal(c.error.op);
      expect(sess.run(probe), 'the session works after the error').to.equal(1.5);
    } else {
      expectValue(sess.run(t, {feed_dict}), c);
    }
  } finally {
    sess.close();
  }
  expect(liveTensors(), 'tfjs tensors leaked').to.equal(before);
}

describe('math_ops: golden cases from real TF', () => {
  for (const c of fixture.cases) {
    it(c.name, () => freshGraph(() => runCase(c)));
  }
});
