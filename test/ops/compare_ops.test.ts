/**
 * Comparisons, logic, tf.where and tf.clip_by_value against real TensorFlow: every case of
 * test/fixtures/compare_ops.json (written by test/fixtures/gen/compare_ops.py), Python's
 * comparison and logical operators included, is built with the public API and compared for op
 * names and types, static shape and dtype, values, and errors.
 */
import {expect} from 'chai';
import * as tf from '../../src';
import {lookupOp} from '../../src/framework/registry';
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

const fixture = loadFixture<{cases: Case[]}>('compare_ops');

type Fn = (...args: unknown[]) => tf.Tensor;

/** Each function's positional parameters, in TF1's order. */
const SIGNATURES: Record<string, [Fn, string[]]> = {
  logical_not: [tf.logical_not as Fn, ['x', 'name']],
  where: [tf.where as Fn, ['condition', 'x', 'y', 'name']],
  where_v2: [tf.where_v2 as Fn, ['condition', 'x', 'y', 'name']],
  clip_by_value: [tf.clip_by_value as Fn, ['t', 'clip_value_min', 'clip_value_max', 'name']],
};
for (const fn of ['greater', 'greater_equal', 'less', 'less_equal', 'equal', 'not_equal', 'logical_and', 'logical_or', 'logical_xor']) {
  SIGNATURES[fn] = [(tf as unknown as Record<string, Fn>)[fn], ['x', 'y', 'name']];
}

/** Python's operator methods and the Tensor methods that stand for them. */
const OPERATORS: Record<string, string> = {
  __gt__: 'greater', __ge__: 'greater_equal', __lt__: 'less', __le__: 'less_equal', __and__: 'and', __rand__: 'rand',
  __or__: 'or', __ror__: 'ror', __xor__: 'xor', __rxor__: 'rxor', __invert__: 'invert',
};

/**
 * Where TF 2.21 (which wrote the fixture) differs from TF1, and tf1ts does as TF1: TensorShape's
 * merge error says "not compatible"; and TF1's operator wrapper converts a JS operand of `^`
 * once, as `xor/y`, where TF 2 lets each of logical_xor's ops convert its own.
 */
const TF1_MESSAGES: Record<string, string> = {
  'clip_by_value bounds larger than t': 'Shapes (4,) and (3, 4) are not compatible',
  'clip_by_value upper bound larger than t': 'Shapes (4,) and (3, 4) are not compatible',
};
const TF1_OPS: Record<string, [string, string][]> = {
  'b ^ True': [
    ['Const', 'Const'], ['xor/y', 'Const'], ['xor/LogicalOr', 'LogicalOr'], ['xor/LogicalAnd', 'LogicalAnd'],
    ['xor/LogicalNot', 'LogicalNot'], ['xor', 'LogicalAnd'],
  ],
};

const ERRORS: Record<string, Function> = {
  ValueError: tf.errors.ValueError,
  TypeError,
  InvalidArgumentError: tf.errors.InvalidArgumentError,
};

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
  expect(tf.get_default_graph().get_operations().map((op) => [op.name, op.type])).to.deep.equal(TF1_OPS[c.name] ?? c.ops);
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

describe('compare_ops: golden cases from real TF', () => {
  for (const c of fixture.cases) it(c.name, () => freshGraph(() => runCase(c)));
});

describe('compare_ops: gradients declared', () => {
  it('marks the ops with bool or int64 outputs not differentiable, and Select differentiable', () => {
    for (const t of ['Greater', 'GreaterEqual', 'Less', 'LessEqual', 'Equal', 'NotEqual', 'LogicalAnd', 'LogicalOr', 'LogicalNot', 'Where']) {
      expect(lookupOp(t)!.grad, t).to.equal(null);
    }
    for (const t of ['Select', 'SelectV2']) expect(lookupOp(t)!.grad, t).to.be.a('function');
  });
});
