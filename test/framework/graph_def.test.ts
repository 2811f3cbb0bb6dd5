/**
 * GraphDef export (`graph.as_graph_def()`), the text format and the binary encoding against what
 * real TensorFlow writes (test/fixtures/gen/graph_def.py), and round trips through both files.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {expect} from 'chai';
import * as tf from '../../src';
import {GraphDef, parseGraphDefText, TF_GRAPH_DEF_VERSION, attrMismatches} from '../../src/framework/graph_def';
import {import_graph_def} from '../../src/framework/import_graph_def';
import {installGraphOutHook, write_graph, readGraphDef, text_format} from '../../src/framework/graph_io';
import {messageToString, parse, ParseError} from '../../src/framework/text_format';
import {decodeProto, encodeProto} from '../../src/framework/proto/index';
import {registeredOpTypes, lookupOp} from '../../src/framework/registry';
import {tfOpDef} from '../../src/framework/op_def_table';
import {loadFixture} from '../helpers/golden';

const fixture = loadFixture<{text_format: {type: string; text: string; hex: string}[]}>('graph_def');
const tfText = (name: string) => fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'graph_def', `${name}.pbtxt`), 'utf8');
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** Builds `fn`'s ops in a new graph and returns the graph. */
function build(fn: () => void): tf.Graph {
  const g = new tf.Graph();
  g.as_default(fn);
  return g;
}

/** Listing 4-14's graph, as the Python form builds it. */
const listing414 = () => {
  const a = tf.constant([[1.0, 2.0]]);
  const b = tf.constant([[1.0], [3.0]]);
  tf.matmul(a, b, {name: 'exampleop'});
};

/** The fixture generator's variables_init graph, built the same way. */
const variablesInit = () => {
  const x = tf.placeholder(tf.float32, [null, 4], 'x');
  const W = new tf.Variable(tf.zeros([4, 3]), {name: 'W'});
  const b = new tf.Variable(tf.constant(0.1, {shape: [3]}), {name: 'b'});
  const v = tf.variable_scope('layer', () => tf.get_variable('v', {shape: [3, 2], initializer: tf.constant_initializer(0.5)}));
  const y = tf.nn.softmax(tf.matmul(x, W).add(b), {name: 'y'});
  tf.matmul(y, v, {name: 'z'});
  const step = new tf.Variable(0, {trainable: false, name: 'global_step', dtype: tf.int32});
  tf.assign_add(step, 1, {name: 'inc'});
  tf.global_variables_initializer();
};

/** A training graph: gradients, an optimizer with slots, a global step. */
const training = () => {
  const x = tf.placeholder(tf.float32, [null, 2], 'x');
  const y = tf.placeholder(tf.float32, [null, 1], 'y');
  const W = new tf.Variable([[0.5], [-0.3]], {name: 'W'});
  const b = new tf.Variable(0.1, {name: 'b'});
  const loss = tf.reduce_mean(tf.square(tf.sigmoid(tf.matmul(x, W).add(b)).sub(y)), {name: 'loss'});
  const step = tf.train.get_or_create_global_step();
  new tf.train.AdamOptimizer(0.1).minimize(loss, {global_step: step, name: 'train'});
  tf.global_variables_initializer();
};

describe('text format and wire bytes, against Python protobuf', () => {
  fixture.text_format.forEach(({type, text, hex: bytes}, i) => {
    it(`${type} #${i}: parse, print, encode and decode give TF's text and bytes`, () => {
      const msg = parse(type, text);
      expect(messageToString(type, msg)).to.equal(text);
      expect(hex(encodeProto(type, msg))).to.equal(bytes);
      expect(messageToString(type, decodeProto(type, Buffer.from(bytes, 'hex')))).to.equal(text);
    });
  });

  it('reads the rest of the text format: <>, lists, comments, separators, escapes, enum numbers', () => {
    const text = `# a comment\nname: 'x' "y" op: "Op";\ninput: ["a", "b:1"], attr <key: "T" value: {type: 1}>\nattr { key: "s" value { s: "\\x41\\101\\u00e9" } }`;
    const n = parse<{name: string; input: string[]; attr: Record<string, {type?: number; s?: Uint8Array}>}>('NodeDef', text);
    expect(n.name).to.equal('xy');
    expect(n.input).to.deep.equal(['a', 'b:1']);
    expect(n.attr.T.type).to.equal(1);
    expect(new TextDecoder().decode(n.attr.s.s)).to.equal('AAé');
  });

  it('raises ParseError with protobuf\'s line:col wording', () => {
    expect(() => parse('GraphDef', 'node {\n  nme: "x"\n}')).to.throw(ParseError, '2:3 : Message type "tensorflow.NodeDef" has no field named "nme".');
    expect(() => parse('NodeDef', 'name: "a" name: "b"')).to.throw(ParseError, 'should not have multiple "name" fields');
    expect(() => parse('AttrValue', 'type: DT_NOPE')).to.throw(ParseError, 'has no value named DT_NOPE');
    expect(() => parse('GraphDef', 'node {')).to.throw(ParseError, 'Expected "}"');
  });
});

describe('graph.as_graph_def()', () => {
  it("writes listing 4-14's graph as TF does, byte for byte", () => {
    expect(build(listing414).as_graph_def().toString()).to.equal(tfText('listing_4_14'));
  });

  it('writes variables, initializers and their colocation as TF does, byte for byte', () => {
    expect(build(variablesInit).as_graph_def().toString()).to.equal(tfText('variables_init'));
  });

  it('is also sess.graph_def', () => {
    const g = build(listing414);
    using sess = new tf.Session({graph: g});
    expect(sess.graph_def.toString()).to.equal(tfText('listing_4_14'));
  });

  it('says which GraphDef version wrote it', () => {
    expect(build(listing414).as_graph_def().versions).to.deep.equal({producer: TF_GRAPH_DEF_VERSION});
  });

  it('add_shapes records output shapes as TF does (what FileWriter.add_graph writes)', () => {
    const g = build(() => {
      tf.placeholder(tf.float32, [null, 3], 'x');
      tf.placeholder(tf.float32, null, 'y');
      tf.constant(1.0, {name: 's'});
      tf.no_op('n');
    });
    expect(g.as_graph_def({add_shapes: true}).toString()).to.equal(tfText('add_shapes'));
    // As TF's importer, import_graph_def drops the recorded shapes.
    const copy = build(() => import_graph_def(parseGraphDefText(tfText('add_shapes')), {name: ''}));
    expect(copy.as_graph_def().toString()).to.equal(g.as_graph_def().toString());
  });

  it('from_version keeps only the ops added since; add_shapes records output shapes', () => {
    const g = new tf.Graph();
    let v = 0;
    g.as_default(() => {
      tf.constant(1.0, {name: 'a'});
      v = g.version;
      tf.placeholder(tf.float32, [null, 3], 'b');
    });
    expect(g.as_graph_def(v).node.map((n) => n.name)).to.deep.equal(['b']);
    const shapes = g.as_graph_def({add_shapes: true}).node[1].attr!._output_shapes;
    expect(shapes).to.deep.equal({list: {shape: [{dim: [{size: -1}, {size: 3}]}]}});
  });

  it("every op the examples build carries exactly the attrs TF's OpDef declares", () => {
    const g = build(() => {
      variablesInit();
      training();
    });
    const problems = g.get_operations().map((op) => ({op: op.name, ...attrMismatches(op)})).filter((p) => p.extra.length || p.missing.length);
    expect(problems).to.deep.equal([]);
  });

  it("TF's OpDef table covers every registered op type, with the same inputs", () => {
    for (const type of registeredOpTypes()) {
      const def = tfOpDef(type);
      expect(def, `${type}: regenerate src/framework/proto/op_defs.json (test/fixtures/gen/op_defs.py)`).to.not.equal(undefined);
      expect(lookupOp(type)!.inputSpecs.length, `${type} inputs`).to.equal(def!.inputs.length);
    }
  });
});

describe('GraphDef round trips', () => {
  const graphs: Record<string, () => void> = {listing414, variablesInit, training};
  for (const [name, fn] of Object.entries(graphs)) {
    it(`${name}: text and binary read back to the same GraphDef`, () => {
      const def = build(fn).as_graph_def();
      const text = def.toString();
      expect(parseGraphDefText(text).toString()).to.equal(text);
      expect(GraphDef.FromString(def.SerializeToString()).toString()).to.equal(text);
      expect(text_format.MessageToString(text_format.Parse(text, new GraphDef()))).to.equal(text);
    });

    it(`${name}: imported into a new graph, it writes back the same GraphDef`, () => {
      const text = build(fn).as_graph_def().toString();
      const g = build(() => import_graph_def(parseGraphDefText(text), {name: ''}));
      expect(g.as_graph_def().toString()).to.equal(text);
    });
  }

  it('a GraphDef TF wrote otherwise (C++ float_val lists, an old producer) is written back as it was', () => {
    const text = [
      'node {', '  name: "c"', '  op: "Const"', '  attr {', '    key: "dtype"', '    value {', '      type: DT_FLOAT', '    }', '  }',
      '  attr {', '    key: "value"', '    value {', '      tensor {', '        dtype: DT_FLOAT', '        tensor_shape {', '          dim {',
      '            size: 2', '          }', '        }', '        float_val: 1.0', '        float_val: 2.0', '      }', '    }', '  }', '}',
      'versions {', '  producer: 27', '  min_consumer: 3', '  bad_consumers: 5', '}', '',
    ].join('\n');
    const g = build(() => import_graph_def(parseGraphDefText(text), {name: ''}));
    expect(g.as_graph_def().toString()).to.equal(text);
    const empty = build(() => import_graph_def(parseGraphDefText('node { name: "n" op: "NoOp" }'), {name: ''}));
    expect(empty.as_graph_def().toString()).to.equal('node {\n  name: "n"\n  op: "NoOp"\n}\nversions {\n}\n');
  });

  it('write_graph writes text and binary files that read back; returns the path', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf1ts-graph-'));
    try {
      const g = build(training);
      const textPath = write_graph(g, path.join(dir, 'sub'), 'train.pbtxt');
      const binPath = write_graph(g.as_graph_def(), dir, 'train.pb', {as_text: false});
      expect(textPath).to.equal(path.join(dir, 'sub', 'train.pbtxt'));
      expect(fs.readFileSync(textPath, 'utf8')).to.equal(g.as_graph_def().toString());
      expect(readGraphDef(binPath).toString()).to.equal(g.as_graph_def().toString());
      expect(readGraphDef(textPath).node.length).to.equal(g.get_operations().length);
    } finally {
      fs.rmSync(dir, {recursive: true, force: true});
    }
  });

  it('TF1TS_GRAPH_OUT unset: no exit hook (test/graph runs the examples with it set)', () => {
    expect(installGraphOutHook({})).to.equal(false);
  });

  it('an imported training graph trains as the original does', () => {
    const feed = {'x:0': [[0, 1], [1, 0], [1, 1]], 'y:0': [[1], [0], [1]]};
    const runAll = (g: tf.Graph) => {
      using sess = new tf.Session({graph: g});
      sess.run('init');
      return [0, 1, 2].map(() => sess.run(['train', 'loss:0'], feed)[1] as number);
    };
    const g = build(training);
    const copy = build(() => import_graph_def(g.as_graph_def(), {name: ''}));
    expect(runAll(copy)).to.deep.equal(runAll(g));
  });
});
