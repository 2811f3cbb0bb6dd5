/**
 * Comparisons, logic, tf.where and tf.clip_by_value against real TensorFlow: every case of
 * test/fixtures/compare_ops.json (written by test/fixtures/gen/compare_ops.py), Python's
 * comparison and logical operators included, is built with the public API and compared for op
 * names and types, static shape and dtype, values, and errors.
 */
import {expect} from 'chai';
import * as tf from '../../src';
import {lookupOp} from '../../src/framework/registry';
import {freshGraph, loadFixture} from '../helpers/golden';
import {callOpCase, checkOpCase, materialize, type OpCase} from '../helpers/op_cases';

const fixture = loadFixture<{cases: OpCase[]}>('compare_ops');

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

describe('compare_ops: golden cases from real TF', () => {
  for (const c of fixture.cases) {
    it(c.name, () =>
      freshGraph(() => {
        const built = c.inputs.map(materialize);
        checkOpCase(c, () => callOpCase(c, built, SIGNATURES, OPERATORS), {built, message: TF1_MESSAGES[c.name], ops: TF1_OPS[c.name]});
      }),
    );
  }
});

describe('compare_ops: gradients declared', () => {
  it('marks the ops with bool or int64 outputs not differentiable, and Select differentiable', () => {
    for (const t of ['Greater', 'GreaterEqual', 'Less', 'LessEqual', 'Equal', 'NotEqual', 'LogicalAnd', 'LogicalOr', 'LogicalNot', 'Where']) {
      expect(lookupOp(t)!.grad, t).to.equal(null);
    }
    for (const t of ['Select', 'SelectV2']) expect(lookupOp(t)!.grad, t).to.be.a('function');
  });
});
