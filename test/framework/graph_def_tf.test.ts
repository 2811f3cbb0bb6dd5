/**
 * GraphDefs written by real TensorFlow (test/fixtures/gen/graph_def.py): we read the text and the
 * binary files, import them, run them with TF's results, and write them back as TF wrote them.
 */
import * as fs from 'fs';
import * as path from 'path';
import {expect} from 'chai';
import * as tf from '../../src';
import {GraphDef, parseGraphDefText} from '../../src/framework/graph_def';
import {import_graph_def} from '../../src/framework/import_graph_def';
import {NDArray} from '../../src/ndarray/ndarray';
import {decode, expectAllClose, loadFixture, type Encoded} from '../helpers/golden';

interface Run {
  fetches: string[];
  feeds: Record<string, Encoded>;
  results: (Encoded | null)[];
}
const fixture = loadFixture<{cases: Record<string, {runs: Run[]}>}>('graph_def');
const DIR = path.join(__dirname, '..', 'fixtures', 'graph_def');
const text = (name: string) => fs.readFileSync(path.join(DIR, `${name}.pbtxt`), 'utf8');
const binary = (name: string) => new Uint8Array(fs.readFileSync(path.join(DIR, `${name}.pb`)));

/** Compares a fetched value with TF's: floats with tolerance, everything else exactly. */
function expectValue(actual: unknown, e: Encoded, what: string): void {
  const want = decode(e);
  if (want.dtype.startsWith('float')) return expectAllClose(actual, want, {rtol: 1e-5, atol: 1e-6}, what);
  const got = actual instanceof NDArray ? actual.tolist() : actual;
  expect(got, what).to.deep.equal(want.tolist());
}

function replay(graph: tf.Graph, runs: readonly Run[]): void {
  using sess = new tf.Session({graph});
  runs.forEach((run, k) => {
    const feed = Object.fromEntries(Object.entries(run.feeds).map(([name, v]) => [name, decode(v)]));
    const values = sess.run(run.fetches, feed) as unknown[];
    run.results.forEach((e, i) => {
      if (e === null) expect(values[i], `${run.fetches[i]} (run ${k})`).to.equal(null);
      else expectValue(values[i], e, `${run.fetches[i]} (run ${k})`);
    });
  });
}

describe('GraphDefs written by TensorFlow', () => {
  for (const [name, {runs}] of Object.entries(fixture.cases)) {
    describe(name, () => {
      it('the binary file decodes to the text file, and encodes to the same bytes', () => {
        const fromBinary = GraphDef.FromString(binary(name));
        expect(fromBinary.toString()).to.equal(text(name));
        expect(Buffer.from(parseGraphDefText(text(name)).SerializeToString()).equals(Buffer.from(binary(name)))).to.equal(true);
      });

      it('imports (as TF names it), runs with TF\'s results, and writes back what TF wrote', () => {
        const def = parseGraphDefText(text(name));
        const g = new tf.Graph();
        g.as_default(() => import_graph_def(def, {name: ''}));
        expect(g.as_graph_def().toString()).to.equal(text(name));
        replay(g, runs);
      });

      it('imports under the default import/ prefix', () => {
        const def = GraphDef.FromString(binary(name));
        const g = new tf.Graph();
        const ops = g.as_default(() => import_graph_def(def, {return_elements: [def.node[0].name!]}))!;
        expect((ops[0] as tf.Operation).name).to.equal(`import/${def.node[0].name}`);
        expect(g.get_operations().every((op) => op.name.startsWith('import/'))).to.equal(true);
      });
    });
  }
});
