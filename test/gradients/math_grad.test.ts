/** Gradient checks of the arithmetic ops (math_ops.ts), each against a float64 reference. */
import * as tf from '../../src';
import {checkGradient, type GradCase} from '../helpers/gradient_check';
import * as R from '../helpers/ref64';

const cases: GradCase[] = [
  {name: 'add (broadcast)', inputs: [{shape: [2, 3]}, {shape: [3]}], build: (x, y) => tf.add(x, y), ref: R.add},
  {name: 'subtract (broadcast lhs)', inputs: [{shape: [1, 3]}, {shape: [4, 3]}], build: (x, y) => tf.subtract(x, y), ref: R.sub},
  {name: 'multiply (scalar)', inputs: [{shape: [2, 3]}, {shape: []}], build: (x, y) => tf.multiply(x, y), ref: R.mul},
  {name: 'realdiv', inputs: [{shape: [2, 3]}, {shape: [2, 1], domain: [0.5, 2]}], build: (x, y) => tf.realdiv(x, y), ref: R.div},
  {name: 'truediv (operator)', inputs: [{shape: [3]}, {shape: [3], domain: [0.5, 2]}], build: (x, y) => x.div(y), ref: R.div},
  {name: 'pow', inputs: [{shape: [2, 3], domain: [0.5, 2]}, {shape: [2, 3]}], build: (x, y) => tf.pow(x, y), ref: (x, y) => R.zip(x, y, Math.pow)},
  {name: 'maximum', inputs: [{shape: [2, 3]}, {shape: [3]}], build: (x, y) => tf.maximum(x, y), ref: (x, y) => R.zip(x, y, Math.max)},
  {name: 'minimum', inputs: [{shape: [2, 3]}, {shape: [2, 3]}], build: (x, y) => tf.minimum(x, y), ref: (x, y) => R.zip(x, y, Math.min)},
  {name: 'squared_difference', inputs: [{shape: [2, 3]}, {shape: [1, 3]}], build: (x, y) => tf.squared_difference(x, y), ref: (x, y) => R.zip(x, y, (a, b) => (a - b) ** 2)},
  {name: 'floormod', inputs: [{shape: [4], domain: [0.1, 5]}, {shape: [4], domain: [1.1, 1.9]}], build: (x, y) => tf.floormod(x, y), ref: (x, y) => R.zip(x, y, (a, b) => a - Math.floor(a / b) * b)},
  {name: 'add_n', inputs: [{shape: [2, 3]}, {shape: [2, 3]}, {shape: [2, 3]}], build: (a, b, c) => tf.add_n([a, b, c]), ref: (a, b, c) => R.add(R.add(a, b), c)},
  {name: 'matmul', inputs: [{shape: [2, 3]}, {shape: [3, 4]}], build: (a, b) => tf.matmul(a, b), ref: (a, b) => R.matmul(a, b)},
  {name: 'matmul transpose_a', inputs: [{shape: [3, 2]}, {shape: [3, 4]}], build: (a, b) => tf.matmul(a, b, {transpose_a: true}), ref: (a, b) => R.matmul(a, b, true)},
  {name: 'matmul transpose_b', inputs: [{shape: [2, 3]}, {shape: [4, 3]}], build: (a, b) => tf.matmul(a, b, {transpose_b: true}), ref: (a, b) => R.matmul(a, b, false, true)},
  {name: 'matmul transpose both', inputs: [{shape: [3, 2]}, {shape: [4, 3]}], build: (a, b) => tf.matmul(a, b, {transpose_a: true, transpose_b: true}), ref: (a, b) => R.matmul(a, b, true, true)},
  {name: 'cast float32→float64→float32', inputs: [{shape: [3]}], build: (x) => tf.cast(tf.cast(x, tf.float64), tf.float32), ref: (x) => x},
];

describe('gradients of math ops (random direction vs float64 central difference)', () => {
  for (const c of cases) it(c.name, () => checkGradient(c));
});
