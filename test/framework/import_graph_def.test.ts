/**
 * `tf.import_graph_def` against what TF 2.21's does with the same GraphDef (import_base.pbtxt)
 * and its variations (test/fixtures/gen/graph_def.py `import_semantics`): what it returns, the
 * names it gives, and its errors' classes and messages.
 */
import * as fs from 'fs';
import * as path from 'path';
import {expect} from 'chai';
import * as tf from '../../src';
import {GraphDef, parseGraphDefText} from '../../src/framework/graph_def';
import {import_graph_def} from '../../src/framework/import_graph_def';
import {loadFixture} from '../helpers/golden';

type Outcome = {ok: unknown} | {error: string; message: string};
const fixture = loadFixture<{import: Record<string, Outcome>}>('graph_def');
const base = () => parseGraphDefText(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'graph_def', 'import_base.pbtxt'), 'utf8'));

/** The base GraphDef with a change (as the generator makes it). */
function changed(fn: (g: GraphDef) => void): GraphDef {
  const g = base();
  fn(g);
  return g;
}

const names = (r: (tf.Tensor | tf.Operation)[] | null) => r?.map((x) => x.name) ?? null;

/** Each case as the generator runs it, in a fresh default graph. */
const CASES: Record<string, () => unknown> = {
  return_elements: () => names(import_graph_def(base(), {return_elements: ['y:0', 'y', 'z:0']})),
  missing_tensor: () => import_graph_def(base(), {return_elements: ['nope:0']}),
  missing_node: () => import_graph_def(base(), {return_elements: ['nope']}),
  bad_output: () => import_graph_def(base(), {return_elements: ['y:3']}),
  unused_map: () => import_graph_def(base(), {input_map: {'nope:0': tf.constant(1.0)}}),
  map_dtype: () => import_graph_def(base(), {input_map: {'x:0': tf.constant([[1, 2]], tf.int32)}}),
  map_value: () => names(import_graph_def(base(), {input_map: {x: tf.constant([[1.0, 2.0]])}, return_elements: ['z:0', 'x:0']})),
  no_prefix_twice: () => {
    import_graph_def(base(), {name: ''});
    return names(import_graph_def(base(), {name: '', return_elements: ['x', 'Const', 'y', 'z']}));
  },
  outer_scope: () => tf.name_scope('outer', () => names(import_graph_def(base(), {return_elements: ['y']}))),
  exact_prefix: () => names(import_graph_def(base(), {name: 'foo/', return_elements: ['y']})),
  second_import: () => {
    import_graph_def(base());
    return names(import_graph_def(base(), {return_elements: ['y']}));
  },
  unknown_op: () => import_graph_def(changed((g) => (g.node[1].op = 'Foo'))),
  unknown_input: () => import_graph_def(changed((g) => (g.node[2].input![0] = 'missing'))),
  invalid_source_output: () => import_graph_def(changed((g) => (g.node[2].input![0] = 'x:5'))),
  missing_attr: () => import_graph_def(changed((g) => delete g.node[2].attr!.T)),
  duplicate: () => import_graph_def(changed((g) => g.node.push(structuredClone(g.node[0])))),
  cycle: () => import_graph_def(changed((g) => g.node[0].input = ['z'])),
  defaults_filled: () => {
    const def = changed((g) => {
      delete g.node[2].attr!.transpose_a;
      delete g.node[2].attr!.grad_a;
    });
    const [y] = import_graph_def(def, {return_elements: ['y']}) as tf.Operation[];
    return Object.keys(y.node_def.attr).sort();
  },
};

/** Where tf1ts's message is TF's up to a detail tf1ts does not have (host name, OpDef text). */
const MESSAGE_PREFIX: Record<string, number> = {
  unknown_op: "Op type not registered 'Foo' in binary running on".length,
  missing_attr: "NodeDef missing attr 'T' from Op<name=MatMul".length,
};

describe('tf.import_graph_def, as TF', () => {
  it('every case of the fixture is tested', () => {
    expect(Object.keys(CASES).sort()).to.deep.equal(Object.keys(fixture.import).sort());
  });

  for (const [name, outcome] of Object.entries(fixture.import)) {
    it(name, () => {
      const g = new tf.Graph();
      const run = () => g.as_default(() => CASES[name]());
      if ('ok' in outcome) {
        expect(run()).to.deep.equal(outcome.ok);
        return;
      }
      let error: Error | undefined;
      try {
        run();
      } catch (e) {
        error = e as Error;
      }
      expect(error, `${name} should raise ${outcome.error}`).to.be.instanceOf(Error);
      expect(error!.name).to.equal(outcome.error);
      const n = MESSAGE_PREFIX[name];
      if (n) expect(error!.message.slice(0, n)).to.equal(outcome.message.slice(0, n));
      else expect(error!.message).to.equal(outcome.message);
    });
  }

  it('an input_map value is what its consumers read', () => {
    const g = new tf.Graph();
    const [z] = g.as_default(() => import_graph_def(base(), {input_map: {'x:0': tf.constant([[1.0, 2.0]])}, return_elements: ['z:0']}))!;
    using sess = new tf.Session({graph: g});
    expect((sess.run(z) as tf.NDArray).tolist()).to.deep.equal([[5]]);
  });

  it('returns null without return_elements, and takes TF1\'s positional arguments', () => {
    const g = new tf.Graph();
    g.as_default(() => {
      expect(import_graph_def(base())).to.equal(null);
      const [y] = import_graph_def(base(), null, ['y'], 'pos')!;
      expect(y.name).to.equal('pos/y');
    });
  });

  it('keeps control inputs, devices, and the order of a GraphDef in creation order', () => {
    const src = new tf.Graph();
    src.as_default(() => {
      const a = tf.constant(1.0, {name: 'a'});
      tf.control_dependencies([a.op], () => tf.no_op('after'));
    });
    const def = src.as_graph_def();
    def.node[0].device = '/device:CPU:0';
    const g = new tf.Graph();
    g.as_default(() => import_graph_def(def, {name: ''}));
    expect(g.get_operation_by_name('after').control_inputs.map((op) => op.name)).to.deep.equal(['a']);
    expect(g.get_operation_by_name('a').device).to.equal('/device:CPU:0');
    expect(g.as_graph_def().toString()).to.equal(def.toString());
  });

  it('a name made while importing is taken: the next op gets a new one', () => {
    const g = new tf.Graph();
    g.as_default(() => {
      import_graph_def(base(), {name: ''});
      expect(tf.constant(0.0, {name: 'Const'}).name).to.equal('Const_1:0');
      expect(tf.identity(tf.constant(0.0), 'z').name).to.equal('z_1:0');
    });
  });

  it('a GraphDef with an unknown op type leaves the graph as it was', () => {
    const g = new tf.Graph();
    g.as_default(() => {
      const def = changed((x) => (x.node[2].op = 'Foo'));
      expect(() => import_graph_def(def, {name: ''})).to.throw(tf.errors.NotFoundError);
      expect(g.get_operations()).to.deep.equal([]);
    });
  });

  it('rejects what is not a GraphDef', () => {
    expect(() => import_graph_def('x' as unknown as GraphDef)).to.throw(TypeError, 'Argument `graph_def` must be a GraphDef proto.');
  });
});
