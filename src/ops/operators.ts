/**
 * TF1's Python operators as methods of Tensor and Variable, installed the way TF1's math_ops
 * installs its overloads. Each method names its op as the operator does (`a.add(b)` is TF1's
 * `a + b`: an `Add` op named `add`), and a JS operand takes the tensor's dtype (`t.mul(2)`).
 * The reflected forms (`t.rsub(1)` is `1 - t`) keep Python's names too: `sub`, with `sub/x`.
 */
import {Tensor} from '../framework/tensor';
import type {TensorLike} from '../framework/constant_op';
import {within} from '../framework/context';
import {get_default_graph} from '../framework/graph';
import {convertBinary} from '../framework/op_builder';
import {add, floordiv, floormod, matmul, multiply, pow, subtract, truediv} from './math_ops';
import {abs, negative} from './math_unary_ops';
import {greater, greater_equal, less, less_equal, logical_and, logical_not, logical_or, logical_xor} from './compare_ops';
import {Variable} from './variables';

type Binary = (x: TensorLike, y: TensorLike, name?: string) => Tensor;

export interface TensorOperators {
  /** `a + b` */ add(y: TensorLike): Tensor;
  /** `a - b` */ sub(y: TensorLike): Tensor;
  /** `a * b` */ mul(y: TensorLike): Tensor;
  /** `a / b` (Python 3 division) */ div(y: TensorLike): Tensor;
  /** `a / b` */ truediv(y: TensorLike): Tensor;
  /** `a // b` */ floordiv(y: TensorLike): Tensor;
  /** `a % b` */ mod(y: TensorLike): Tensor;
  /** `a ** b` */ pow(y: TensorLike): Tensor;
  /** `a @ b` */ matmul(y: TensorLike): Tensor;
  /** `b + a` */ radd(x: TensorLike): Tensor;
  /** `b - a` */ rsub(x: TensorLike): Tensor;
  /** `b * a` */ rmul(x: TensorLike): Tensor;
  /** `b / a` */ rdiv(x: TensorLike): Tensor;
  /** `b / a` */ rtruediv(x: TensorLike): Tensor;
  /** `b // a` */ rfloordiv(x: TensorLike): Tensor;
  /** `b % a` */ rmod(x: TensorLike): Tensor;
  /** `b ** a` */ rpow(x: TensorLike): Tensor;
  /** `b @ a` */ rmatmul(x: TensorLike): Tensor;
  /** `-a` */ neg(): Tensor;
  /** `abs(a)` */ abs(): Tensor;
  /** `a > b` */ greater(y: TensorLike): Tensor;
  /** `a >= b` */ greater_equal(y: TensorLike): Tensor;
  /** `a < b` */ less(y: TensorLike): Tensor;
  /** `a <= b` */ less_equal(y: TensorLike): Tensor;
  /** `a & b` (bool) */ and(y: TensorLike): Tensor;
  /** `a | b` (bool) */ or(y: TensorLike): Tensor;
  /** `a ^ b` (bool) */ xor(y: TensorLike): Tensor;
  /** `b & a` */ rand(x: TensorLike): Tensor;
  /** `b | a` */ ror(x: TensorLike): Tensor;
  /** `b ^ a` */ rxor(x: TensorLike): Tensor;
  /** `~a` (bool) */ invert(): Tensor;
}

declare module '../framework/tensor' {
  interface Tensor extends TensorOperators {}
}
declare module './variables' {
  interface Variable extends TensorOperators {}
}

const matmulFn: Binary = (x, y, name) => matmul(x, y, {name});

/**
 * `a ^ b`: TF1's operator wrapper opens the `xor` scope and converts the JS operand there
 * (`xor/y`); logical_xor's ops are built inside it, its last LogicalAnd named `xor`.
 */
const xorFn: Binary = (x, y, name) =>
  within(get_default_graph().name_scope(name ?? 'xor'), (scope) => {
    const [xt, yt] = convertBinary(x, y);
    return logical_xor(xt, yt, scope.value);
  });

const binary: [keyof TensorOperators, Binary, string][] = [
  ['add', add, 'add'],
  ['sub', subtract, 'sub'],
  ['mul', multiply, 'mul'],
  ['div', truediv, 'truediv'],
  ['truediv', truediv, 'truediv'],
  ['floordiv', floordiv, 'floordiv'],
  ['mod', floormod, 'mod'],
  ['pow', pow, 'pow'],
  ['matmul', matmulFn, 'matmul'],
  ['and', logical_and, 'and'],
  ['or', logical_or, 'or'],
  ['xor', xorFn, 'xor'],
];

const comparisons: [keyof TensorOperators, Binary][] = [
  ['greater', greater],
  ['greater_equal', greater_equal],
  ['less', less],
  ['less_equal', less_equal],
];

function install(proto: object): void {
  const define = (name: string, value: Function) =>
    Object.defineProperty(proto, name, {value, writable: true, configurable: true});
  for (const [method, f, opName] of binary) {
    define(method, function (this: TensorLike, y: TensorLike) {
      return f(this, y, opName);
    });
    const reflected = method === 'div' ? 'rdiv' : `r${method}`;
    define(reflected, function (this: TensorLike, x: TensorLike) {
      return f(x, this, opName);
    });
  }
  // Python's comparison and unary operators call the TF functions with their default names.
  for (const [method, f] of comparisons) {
    define(method, function (this: TensorLike, y: TensorLike) {
      return f(this, y);
    });
  }
  define('neg', function (this: TensorLike) {
    return negative(this);
  });
  define('abs', function (this: TensorLike) {
    return abs(this);
  });
  // `~t` on a bool tensor: LogicalNot with its default name (TF1's invert_ on bools).
  define('invert', function (this: TensorLike) {
    return logical_not(this);
  });
}

install(Tensor.prototype);
install(Variable.prototype);
