/**
 * The golden op cases that test/fixtures/gen/op_cases.py writes (math_ops, compare_ops,
 * math_unary_ops, reduce_ops): each calls one TF function on inputs built first — a Const, a
 * Placeholder fed at run time, or a bare array — and records the ops TF built, the static dtype
 * and shape, and the value or the error. `checkOpCase` builds a case with tf1ts's public API and
 * compares all of it, checking that an error leaves the session usable and that nothing leaks.
 */
import {expect} from 'chai';
import * as tf from '../../src';
import {NDArray} from '../../src/ndarray/ndarray';
import {decode, expectAllClose, liveTensors, type Encoded} from './golden';

export interface InputSpec {
  kind: 'const' | 'placeholder' | 'array';
  value?: Encoded;
  dtype?: string;
  shape?: (number | null)[] | null;
  feed?: Encoded;
}

export interface OpCase {
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

/** What checkOpCase compares (a generator that calls functions of one input writes no args). */
export type CheckedCase = Pick<OpCase, 'name' | 'inputs' | 'ops' | 'dtype' | 'shape' | 'value' | 'error'>;

export type Built = tf.Tensor | NDArray;

/** The error classes the fixtures name, as tf1ts raises them. */
export const ERRORS: Record<string, Function> = {
  ValueError: tf.errors.ValueError,
  TypeError,
  InvalidArgumentError: tf.errors.InvalidArgumentError,
};

export function materialize(spec: InputSpec): Built {
  if (spec.kind === 'placeholder') return tf.placeholder(spec.dtype!, spec.shape);
  const value = decode(spec.value!);
  return spec.kind === 'const' ? tf.constant(value) : value;
}

/** A JSON argument: {input: i} is the case's i-th input, {dtype: name} a dtype, lists element-wise. */
export function resolve(arg: unknown, built: Built[]): unknown {
  if (Array.isArray(arg)) return arg.map((a) => resolve(a, built));
  if (arg !== null && typeof arg === 'object' && 'input' in arg) return built[(arg as {input: number}).input];
  if (arg !== null && typeof arg === 'object' && 'dtype' in arg) return (arg as {dtype: string}).dtype;
  return arg;
}

export interface CheckOptions {
  /** The case's inputs, as materialize built them (placeholders among them are fed). */
  built: Built[];
  /** The ops tf1ts builds, where they knowingly differ from the fixture's. */
  ops?: [string, string][];
  /** The error message tf1ts raises, where TF 2.21 words it differently from TF1. */
  message?: string;
  atol?: number;
}

/** Builds the case (`build`) and compares ops, dtype, shape, and the value or error with TF's. */
export function checkOpCase(c: CheckedCase, build: () => tf.Tensor, o: CheckOptions): void {
  const message = o.message ?? c.error?.message;
  if (c.error?.when === 'build') {
    expect(build).to.throw(ERRORS[c.error.class], message);
    return;
  }
  const t = build();
  expect(tf.get_default_graph().get_operations().map((op) => [op.name, op.type])).to.deep.equal(o.ops ?? c.ops);
  expect(t.dtype.name).to.equal(c.dtype);
  expect(String(t.shape)).to.equal(c.shape);
  const probe = tf.constant(1.5);
  const feed_dict = c.inputs.flatMap((s, i): [tf.Tensor, NDArray][] => (s.kind === 'placeholder' ? [[o.built[i] as tf.Tensor, decode(s.feed!)]] : []));
  // (The Session keeps the constants it folded until it is closed.)
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
      expect(err, `${c.name} raises`).to.be.instanceOf(ERRORS[c.error.class]);
      expect((err as Error).message).to.include(message);
      if (c.error.op) expect((err as tf.errors.OpError).op?.name).to.equal(c.error.op);
      expect(sess.run(probe), 'the session works after the error').to.equal(1.5);
    } else {
      expectValue(sess.run(t, {feed_dict}), c, o.atol ?? 1e-6);
    }
  } finally {
    sess.close();
  }
  expect(liveTensors(), 'tfjs tensors leaked').to.equal(before);
}

function expectValue(v: unknown, c: CheckedCase, atol: number): void {
  const expected = decode(c.value!);
  if (expected.dtype === 'string') {
    expect((v as NDArray).data).to.deep.equal(expected.data);
    return;
  }
  // (A 0-d bool comes back as a JS boolean.)
  expectAllClose(typeof v === 'boolean' ? Number(v) : v, expected, {rtol: 1e-5, atol}, c.name);
  if (v instanceof NDArray) expect(v.dtype).to.equal(c.dtype);
}

/**
 * `tf.<fn>(...args, {kwargs})` for the functions of a `signatures` table (positional parameters in
 * TF1's order; other keywords go in an options object), or the Tensor method standing for a
 * Python operator (`operators`: `__add__` → 'add').
 */
export function callOpCase(c: OpCase, built: Built[], signatures: Record<string, [(...a: unknown[]) => tf.Tensor, string[]]>, operators: Record<string, string>): tf.Tensor {
  const args = c.args.map((a) => resolve(a, built));
  if (c.fn in operators) {
    const [self, ...rest] = args as [Record<string, (...a: unknown[]) => tf.Tensor>, ...unknown[]];
    return self[operators[c.fn]](...rest);
  }
  const [fn, positional] = signatures[c.fn];
  const options: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c.kwargs)) {
    const i = positional.indexOf(k);
    if (i >= 0) args[i] = resolve(v, built);
    else options[k] = resolve(v, built);
  }
  if (Object.keys(options).length) args.push(options);
  return fn(...args);
}
