/**
 * Reductions, argmax/argmin and count_nonzero against real TensorFlow: every case of
 * test/fixtures/reduce_ops.json (written by test/fixtures/gen/reduce_ops.py) is built with the
 * public API, and compared for op names and types, static shape and dtype, values, and errors.
 */
import {expect} from 'chai';
import * as tf from '../../src';
import {lookupOp} from '../../src/framework/registry';
import {freshGraph, loadFixture} from '../helpers/golden';
import {checkOpCase, materialize, resolve, type Built, type OpCase} from '../helpers/op_cases';

interface Case extends OpCase {
  program?: string;
}

const fixture = loadFixture<{cases: Case[]}>('reduce_ops');

type Fn = (...args: unknown[]) => tf.Tensor;
const FNS = {
  reduce_sum: tf.reduce_sum,
  reduce_mean: tf.reduce_mean,
  reduce_max: tf.reduce_max,
  reduce_min: tf.reduce_min,
  reduce_prod: tf.reduce_prod,
  reduce_all: tf.reduce_all,
  reduce_any: tf.reduce_any,
  reduce_logsumexp: tf.reduce_logsumexp,
  argmax: tf.argmax,
  argmin: tf.argmin,
  count_nonzero: tf.count_nonzero,
} as unknown as Record<string, Fn>;

/** The generator's programs, line for line. */
const PROGRAMS: Record<string, (...inputs: tf.Tensor[]) => tf.Tensor> = {
  // Listing 7-2: err = tf.count_nonzero(a1 - b1) with int64 argmax outputs.
  count_nonzero_of_argmax_diff: (p, labels) => tf.count_nonzero(tf.argmax(p, {axis: 1}).sub(tf.argmax(labels, {axis: 1}))),
};

/**
 * Where tf1ts knowingly differs from the TF 2.21 that wrote the fixture (the test expects the
 * rest of the case to match):
 * - `tf.add` is TF1's op 'Add' (TF 2.x's math_ops.add builds 'AddV2').
 * - TF's op_def_library converts an empty list axis twice (first as float32, rejected, then as
 *   int32), leaving a dangling Const 'Sum/reduction_indices' and using 'Sum/reduction_indices_1';
 *   tf1ts's applyOp converts it once.
 */
function asTf1ts(ops: [string, string][]): [string, string][] {
  const out = ops.map(([name, type]): [string, string] => [name, type === 'AddV2' ? 'Add' : type]);
  return out.flatMap(([name, type], i): [string, string][] => {
    if (out[i + 1]?.[0] === `${name}_1` && name.endsWith('/reduction_indices')) return [];
    if (name.endsWith('/reduction_indices_1') && out[i - 1]?.[0] === name.slice(0, -2)) return [[name.slice(0, -2), type]];
    return [[name, type]];
  });
}

function build(c: Case, built: Built[]): tf.Tensor {
  if (c.program) return PROGRAMS[c.program](...(built as tf.Tensor[]));
  const args = c.args.map((a) => resolve(a, built));
  const entries = Object.entries(c.kwargs);
  if (entries.length) args.push(Object.fromEntries(entries.map(([k, v]) => [k, resolve(v, built)])));
  return FNS[c.fn](...args);
}

describe('reduce_ops: golden cases from real TF', () => {
  for (const c of fixture.cases) {
    it(c.name, () =>
      freshGraph(() => {
        const built = c.inputs.map(materialize);
        checkOpCase(c, () => build(c, built), {built, ops: asTf1ts(c.ops ?? [])});
      }),
    );
  }
});

describe('reduce_ops: argument binding', () => {
  it('takes positional arguments and the options object together', () =>
    freshGraph(() => {
      const x = tf.constant([[1, 2, 3], [4, 5, 6]]);
      const a = tf.reduce_sum(x, 1, {keep_dims: true});
      const b = tf.reduce_sum(x, {reduction_indices: [1], keepdims: true, name: 's'});
      expect(String(a.shape)).to.equal('(2, 1)');
      expect(b.name).to.equal('s:0');
      expect(tf.argmax(x, 1, 'am', {output_type: tf.int32}).dtype).to.equal(tf.int32);
    }));

  it("raises Python's TypeError for an argument given twice", () =>
    freshGraph(() => {
      const x = tf.constant([1, 2]);
      expect(() => tf.reduce_sum(x, 0, {axis: 0})).to.throw(TypeError, "reduce_sum() got multiple values for argument 'axis'");
      expect(() => tf.count_nonzero(x, {input: x})).to.throw(tf.errors.ValueError, "Cannot specify both 'input_tensor' and 'input'.");
    }));
});

describe('reduce_ops: gradients declared', () => {
  it('declares the reductions\' gradients and marks the others not differentiable', () => {
    for (const t of ['Sum', 'Mean', 'Max', 'Min', 'Prod']) expect(lookupOp(t)!.grad, t).to.be.a('function');
    for (const t of ['ArgMax', 'ArgMin', 'All', 'Any']) expect(lookupOp(t)!.grad, t).to.equal(null);
  });
});
