/**
 * graph/<example>.pbtxt is the graph each example builds (test/examples.test.ts checks that when
 * it runs the example). Here every file is imported with tf.import_graph_def and used: written
 * back unchanged, its variables initialized and read, and every tensor that needs no feed fetched.
 */
import * as fs from 'fs';
import {expect} from 'chai';
import * as tf from '../../src';
import {import_graph_def} from '../../src/framework/import_graph_def';
import {readGraphDef} from '../../src/framework/graph_io';
import {exampleNames, graphFile, GRAPH_DIR} from '../helpers/graph_files';

/** Ops whose values need something from outside the graph: a feed, a variable's state, a file. */
const NEEDS_INPUT = /^(Placeholder|VariableV2|SaveV2|RestoreV2|MergeV2Checkpoints|ShardedFilename|ReadFile|WriteFile)$/;

/** Every output that can be computed from the graph alone (no feed, no variable), as names. */
function feedFreeTensors(g: tf.Graph): string[] {
  const free = new Map<tf.Operation, boolean>();
  const isFree = (op: tf.Operation): boolean => {
    let v = free.get(op);
    if (v === undefined) {
      v = !NEEDS_INPUT.test(op.type) && op.inputs.every((t) => isFree(t.op)) && op.control_inputs.every(isFree);
      free.set(op, v);
    }
    return v;
  };
  return g.get_operations().filter(isFree).flatMap((op) => op.outputs.map((t) => t.name));
}

describe('graph/*.pbtxt import into tf1ts and run', () => {
  it('every file is the graph of an example', () => {
    const files = fs.readdirSync(GRAPH_DIR).filter((f) => f.endsWith('.pbtxt')).map((f) => f.replace(/\.pbtxt$/, ''));
    expect(files.filter((f) => !exampleNames().includes(f)), 'files of no example').to.deep.equal([]);
  });

  for (const name of exampleNames()) {
    it(`${name}.pbtxt`, () => {
      const file = graphFile(name);
      const def = readGraphDef(file);
      const g = new tf.Graph();
      g.as_default(() => import_graph_def(def, {name: ''}));
      expect(g.as_graph_def().toString(), 'written back').to.equal(fs.readFileSync(file, 'utf8'));
      using sess = new tf.Session({graph: g});
      // Every variable's initializer (`V/Assign`, what tf.global_variables_initializer groups).
      const variables = g.get_operations().filter((op) => op.type === 'VariableV2');
      const initializers = variables.map((v) => g.get_operations().find((op) => op.name === `${v.name}/Assign`)).filter((op) => op !== undefined);
      sess.run(initializers);
      for (const v of variables) {
        if (initializers.some((op) => op.inputs[0].op === v)) expect(sess.run(v.outputs[0]), v.name).to.not.equal(undefined);
      }
      const fetches = feedFreeTensors(g);
      const values = sess.run(fetches) as unknown[];
      expect(values.length).to.equal(fetches.length);
    });
  }
});
