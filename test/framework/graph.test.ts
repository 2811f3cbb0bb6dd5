/**
 * Graph building against real TensorFlow (test/fixtures/framework.json, from
 * test/fixtures/gen/framework.py): op and tensor names, scopes, printed forms, errors.
 */
import {expect} from 'chai';
import * as tf from '../../src';
import {loadFixture} from '../helpers/golden';

interface Err {
  type: string;
  message: string;
}
const S = loadFixture<{scenarios: Record<string, any>}>('framework').scenarios;

function opNames(g = tf.get_default_graph()): string[] {
  return g.get_operations().map((o) => o.name);
}

/** Runs fn expecting TF's error class and (the key part of) its message. */
function expectError(fn: () => unknown, expected: Err, part?: string): void {
  let caught: Error | undefined;
  try {
    fn();
  } catch (e) {
    caught = e as Error;
  }
  expect(caught, `expected ${expected.type}`).to.be.instanceOf(Error);
  expect(caught!.name).to.equal(expected.type);
  expect(caught!.message).to.contain(part ?? expected.message);
}

describe('graph building (vs TF)', () => {
  beforeEach(() => tf.reset_default_graph());

  it('names ops uniquely, case-insensitively, in name scopes, as TF1', () => {
    const a = tf.constant(1.0);
    const b = tf.constant(2.0);
    const c = tf.constant(3.0, null, null, 'A');
    const d = tf.constant(4.0, {name: 'a'});
    let e, f, g, h, i, j;
    const scopes: string[] = [];
    {
      using s1 = tf.name_scope('s');
      scopes.push(String(s1));
      e = a.add(b);
      f = tf.add(a, 1.0);
      g = tf.name_scope('inner', () => a.mul(2.0));
    }
    {
      using s2 = tf.name_scope('s');
      scopes.push(`${s2}`);
      h = a.sub(b);
    }
    {
      using s3 = tf.name_scope('s/');
      scopes.push(s3.name);
      i = tf.multiply(a, b);
    }
    tf.name_scope('', () => (j = tf.negative(a)));
    const k = a.radd(1.0);
    const m = a.div(b);
    const n = tf.subtract(3.0, a);
    const s = S.naming;
    expect(opNames()).to.deep.equal(s.ops);
    expect(scopes).to.deep.equal(s.scopes);
    expect([a, b, c, d, e, f, g, h, i, j, k, m, n].map((t) => t!.name)).to.deep.equal(s.tensors);
  });

  it('listing 4-9: tf.Variable and tf.get_variable names', () => {
    const v1 = new tf.Variable(1.0, {name: 'firstvar'});
    const v2 = new tf.Variable(2.0, {name: 'firstvar'});
    const v3 = new tf.Variable(3.0);
    const v4 = new tf.Variable(4.0);
    const gv1 = tf.get_variable('firstvar', [1], null, tf.constant_initializer(0.3));
    const gv2 = tf.get_variable('firstvar1', [1], null, tf.constant_initializer(0.4));
    const s = S.listing_4_9;
    expect([v1, v2, v3, v4, gv1, gv2].map((v) => v.name)).to.deep.equal(s.names);
    expect(opNames()).to.deep.equal(s.ops);
    expectError(() => tf.get_variable('firstvar', [1]), s.duplicate);
    expect(String(v1)).to.equal(s.repr);
    expect(v1.dtype.name).to.equal(s.dtype);
    expect(String(v1.value())).to.equal(s.value_tensor);
  });

  it('listings 4-10 to 4-12: variable scopes, reuse and inherited initializers', () => {
    const s = S.scopes_4_10_to_4_12;
    const v1 = tf.variable_scope('test1', () => {
      const v = tf.get_variable('firstvar', {shape: [2], dtype: tf.float32, initializer: tf.constant_initializer(0.1)});
      return [v, tf.variable_scope('test2', () => tf.get_variable('firstvar', [2], tf.float32, tf.constant_initializer(0.2)))];
    });
    let c: tf.Tensor;
    const v3 = tf.variable_scope('test1', {reuse: true}, () => {
      c = tf.constant(1.0);
      return [tf.get_variable('firstvar', [2], tf.float32), tf.variable_scope('test2', () => tf.get_variable('firstvar', [2], tf.float32))];
    });
    const init = tf.variable_scope('init', {initializer: tf.constant_initializer(0.4)}, () => [
      tf.get_variable('firstvar', [2]),
      ...tf.variable_scope('test2', () => [
        tf.get_variable('firstvar', [2]),
        tf.get_variable('var3', {shape: [2], initializer: tf.constant_initializer(0.3)}),
      ]),
    ]);
    expect([...v1, ...v3, ...init].map((v) => v.name)).to.deep.equal(s.names);
    expect([v1[0] === v3[0], v1[1] === v3[1]]).to.deep.equal(s.same);
    expect(c!.name).to.equal(s.const);
    using sess = new tf.Session();
    sess.run(tf.global_variables_initializer());
    const values = sess.run(init) as tf.NDArray[];
    values.forEach((v, i) => expect(Array.from(v.data as Float32Array)).to.deep.equal(s.values[i].map(Math.fround)));
    expectError(() => tf.variable_scope('test1', {reuse: true}, () => tf.get_variable('nothere', [1])), s.missing);
  });

  it('listing 4-13: scope objects, empty scopes, name_scope vs variable_scope', () => {
    const s = S.listing_4_13;
    const one = tf.constant_initializer(1.0);
    let sp!: tf.VariableScope;
    const var1 = tf.variable_scope('scope1', (scope) => {
      sp = scope;
      return tf.get_variable('v', [1], null, one);
    });
    let sp1!: tf.VariableScope;
    let k3!: tf.Tensor;
    const [var2, var3, var4] = tf.variable_scope('scope2', () => {
      const v2 = tf.get_variable('v', [1], null, one);
      return [v2, ...tf.variable_scope(sp, (scope) => {
        sp1 = scope;
        k3 = tf.constant(1.0);
        return [tf.get_variable('v3', [1], null, one), tf.variable_scope('', () => tf.get_variable('v4', [1], null, one))];
      })];
    });
    let v!: tf.Variable;
    let x!: tf.Tensor;
    let y!: tf.Tensor;
    {
      using _vs = tf.variable_scope('scope');
      using _ns = tf.name_scope('bar');
      v = tf.get_variable('v', [1], null, one);
      x = v.radd(1.0);
      {
        using _top = tf.name_scope('');
        y = v.radd(1.0);
      }
    }
    expect([sp.name, sp1.name, sp.original_name_scope]).to.deep.equal([s.sp, s.sp1, s.sp_original_name_scope]);
    expect([var1, var2, var3, var4, v].map((t) => t.name)).to.deep.equal(s.vars);
    expect([k3.name, x.op.name, y.op.name]).to.deep.equal([s.k3, s.x_op, s.y_op]);
  });

  it('listing 4-14: graphs, lookups and printed forms', () => {
    const s = S.listing_4_14;
    const g = new tf.Graph();
    const c1 = g.as_default(() => tf.constant(0.0));
    const g3 = tf.get_default_graph();
    const a = tf.constant([[1.0, 2.0]]);
    const b = tf.constant([[1.0], [3.0]]);
    const tensor1 = tf.matmul(a, b, {name: 'exampleop'});
    using sess = new tf.Session();
    expect(c1.name).to.equal(s.c1_name);
    expect(String(g.get_tensor_by_name('Const:0'))).to.equal(s.lookup);
    expect([tensor1.name, String(tensor1), tensor1.repr()]).to.deep.equal(s.tensor1);
    expect(tensor1.op.name).to.equal(s.op_name);
    expect((sess.run(tensor1) as tf.NDArray).tolist()).to.deep.equal(s.result);
    expect(`[${g.get_operations().map((o) => o.repr()).join(', ')}]`).to.equal(s.operations);
    expect(String(g.as_graph_element(c1))).to.equal(s.as_graph_element);
    const e = s.errors;
    expectError(() => g3.get_tensor_by_name('nothere:0'), e.no_tensor, "The name 'nothere:0' refers to a Tensor which does not exist.");
    expectError(() => g3.get_tensor_by_name('exampleop'), e.op_not_tensor);
    expectError(() => g3.get_operation_by_name('nothere'), e.no_op, "The name 'nothere' refers to an Operation not in the graph.");
    expectError(() => g3.get_tensor_by_name('exampleop:3'), e.bad_output, 'exists but only has 1 outputs');
    expectError(() => tf.add(c1, a), e.other_graph, 'must be from the same graph as');
    // str(op) is the NodeDef, attrs sorted, as TF1 prints it.
    expect(String(tensor1.op)).to.match(/^name: "exampleop"\nop: "MatMul"\ninput: "Const"\ninput: "Const_1"\nattr \{\n  key: "T"/);
  });

  it('prints shapes and raises TF1 build-time errors', () => {
    const s = S.shapes;
    const p = tf.placeholder(tf.float32, [null, 784], 'x');
    const q = tf.placeholder('float');
    const r = tf.placeholder(tf.float32, [2, 3]);
    expect([String(p), String(q), p.repr(), String(p.shape), String(q.shape), String(tf.constant([1.0, 2.0]).shape)]).to.deep.equal(s.str);
    expectError(() => tf.matmul(r, tf.placeholder(tf.float32, [4, 5])), s.matmul, 'Dimensions must be equal, but are 3 and 4');
    expectError(() => tf.add(r, tf.placeholder(tf.float32, [4, 5])), s.add, 'Dimensions must be equal, but are 2 and 4');
    expectError(() => tf.matmul(r, tf.placeholder(tf.float32, [4, 5])), s.matmul, 'with input shapes: [2,3], [4,5].');
    expectError(() => tf.add(tf.constant(1, tf.int32), tf.constant(1.0)), s.typeerror, "Input 'y' of 'Add' Op has type float32 that does not match type int32 of argument 'x'.");
  });

  it('finalize, collections and reset_default_graph', () => {
    const g = new tf.Graph();
    g.add_to_collection('losses', 1);
    g.add_to_collections(['a', 'b'], 2);
    const snapshot = g.get_collection('losses');
    g.add_to_collection('losses', 3);
    expect(snapshot).to.deep.equal([1]);
    expect(Object.isFrozen(snapshot)).to.equal(true);
    expect(g.get_collection('losses')).to.deep.equal([1, 3]);
    expect(g.get_all_collection_keys().sort()).to.deep.equal(['a', 'b', 'losses']);
    g.finalize();
    expect(() => g.as_default(() => tf.constant(1.0))).to.throw(tf.errors.RuntimeError, 'Graph is finalized and cannot be modified.');
    const before = tf.get_default_graph();
    tf.reset_default_graph();
    expect(tf.get_default_graph()).to.not.equal(before);
    expect(() => new tf.Graph().as_default(() => tf.reset_default_graph())).to.throw('Do not use tf.reset_default_graph() to clear nested graphs');
  });

  it('errors name the op, its type and where it was created', () => {
    const r = tf.placeholder(tf.float32, [2, 3]);
    try {
      tf.matmul(r, tf.placeholder(tf.float32, [4, 5]));
      expect.fail('no error');
    } catch (e) {
      expect((e as Error).message).to.match(/\[\[node MatMul \(MatMul, defined at test\/framework\/graph\.test\.ts:\d+\) \]\]/);
    }
  });

  it('auto-packs a list that holds tensors, casting to a requested dtype', () => {
    const F = S.autopacking;
    tf.reset_default_graph();
    const x = tf.placeholder(tf.float32, [2], 'x');
    const n = tf.size(x);
    const packed = tf.convert_to_tensor([n, 3]);
    const asFloat = tf.convert_to_tensor([n, 3], tf.float32);
    const nested = tf.convert_to_tensor([[n, 3], [4, 5]], null, 'foo');
    expect([packed, asFloat, nested].map(String)).to.deep.equal(F.tensors);
    expect(opNames()).to.deep.equal(F.names);
    expect(tf.get_default_graph().get_operations().map((o) => o.type)).to.deep.equal(F.types);
    using sess = new tf.Session();
    expect((sess.run(nested, [[x, [1, 2]]]) as tf.NDArray).tolist()).to.deep.equal(F.values);
  });

  it('builds constants of shapes with no elements', () => {
    tf.reset_default_graph();
    const empties = [tf.zeros([0, 3]), tf.constant(5.0, tf.float32, [0, 3]), tf.constant([1.0, 2.0], tf.float32, [0])];
    expect(empties.map(String)).to.deep.equal(S.empty.tensors);
    using sess = new tf.Session();
    expect((sess.run(empties) as tf.NDArray[]).map((v) => [...v.shape])).to.deep.equal(S.empty.shapes);
  });
});
