/**
 * Arithmetic against real TensorFlow: every case of test/fixtures/math_ops.json (written by
 * test/fixtures/gen/math_ops.py) — the broadcasting binary functions, add_n, matmul, cast and
 * Python's arithmetic operators — is built with the public API and compared for op names and
 * types, static shape and dtype, values, and errors.
 */
import {expect} from 'chai';
import * as tf from '../../src';
import {freshGraph, loadFixture} from '../helpers/golden';
import {callOpCase, checkOpCase, materialize, type OpCase} from '../helpers/op_cases';

const fixture = loadFixture<{cases: OpCase[]}>('math_ops');

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

/** `tf.add` is TF1's op 'Add' (TF 2.x's math_ops.add builds 'AddV2'). */
function asTf1ts(ops: [string, string][]): [string, string][] {
  return ops.map(([name, type]) => [name, type === 'AddV2' ? 'Add' : type]);
}

describe('math_ops: golden cases from real TF', () => {
  for (const c of fixture.cases) {
    it(c.name, () =>
      freshGraph(() => {
        const built = c.inputs.map(materialize);
        checkOpCase(c, () => callOpCase(c, built, SIGNATURES, OPERATORS), {built, message: TF1_MESSAGES[c.name], ops: TF1_OPS[c.name] ?? asTf1ts(c.ops ?? [])});
      }),
    );
  }
});
