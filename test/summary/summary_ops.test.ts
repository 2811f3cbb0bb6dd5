/**
 * The summary ops against real TF (test/fixtures/summary.json, from test/fixtures/gen/summary.py):
 * the graphs `tf.summary.*` build (names, inputs, attrs, tags, collections), the serialized
 * Summaries (byte for byte; images pixel for pixel), and the run-time errors.
 */
import {expect} from 'chai';
import * as tfc from '@tensorflow/tfjs-core';
import * as tf from '../../src';
import * as summary from '../../src/summary';
import {binaryToBytes, bytesToBinary} from '../../src/summary/bytes';
import {defaultBucketLimits} from '../../src/summary/histogram';
import {decodePng, encodePng} from '../../src/summary/png';
import {decodeSummary} from '../../src/summary/proto';
import {decode, loadFixture, type Encoded} from '../helpers/golden';

interface OpFact {
  name: string;
  type: string;
  inputs: string[];
  attrs: string[];
}
interface ImageFact {
  tag: string;
  height: number;
  width: number;
  colorspace: number;
  pixels: string;
}
interface Fixture {
  graph: {ops: OpFact[]; tags: Record<string, string>; collections: Record<string, string[]>};
  merge_all_empty: boolean;
  scalars: {input: Encoded; summary: string}[];
  histograms: {input: Encoded; summary: string}[];
  images: {input: Encoded; max_outputs: number; summary: string; images: ImageFact[]}[];
  merge: {summary: string};
  errors: Record<string, {type: string; message: string}>;
}

const fx = loadFixture<Fixture>('summary');

/** Runs a summary built on a constant of `input` and returns its bytes as base64. */
function runSummary(input: Encoded, build: (v: tf.Tensor) => tf.Tensor): string {
  tf.reset_default_graph();
  const s = build(tf.constant(decode(input)));
  using sess = new tf.Session();
  return Buffer.from(binaryToBytes(sess.run(s) as string)).toString('base64');
}

function describeInput(e: Encoded): string {
  return `${e.dtype}[${e.shape.join(',')}]${e.data.length <= 4 ? ` ${JSON.stringify(e.data)}` : ''}`;
}

describe('tf.summary graphs', () => {
  it('names ops, tag constants and tags as TF1 does, and fills the collections', () => {
    tf.reset_default_graph();
    const x = tf.placeholder(tf.float32, undefined, 'x');
    {
      using _ = tf.name_scope('outer');
      summary.scalar('loss function', x);
      summary.histogram('z', tf.constant([1.0, 2.0]));
      summary.image('img', tf.zeros([2, 4, 4, 3]), 1);
      {
        using _i = tf.name_scope('inner');
        summary.scalar('loss', x);
      }
    }
    summary.scalar('loss', x);
    summary.scalar('loss', x);
    summary.scalar('a', x, {family: 'fam'});
    summary.scalar('a', x, null, 'fam');
    summary.scalar('/lead', 2.0);
    summary.histogram(null, x);
    summary.scalar('mine', x, ['custom']);
    summary.scalar('nowhere', x, {collections: []});
    summary.merge_all();
    summary.merge_all({scope: 'outer'});
    summary.merge([tf.get_default_graph().get_tensor_by_name('loss:0')], {name: 'picked'});
    summary.merge_all('custom', null, 'custom_merge');

    const g = tf.get_default_graph();
    const ops = g.get_operations().map((o) => ({
      name: o.name,
      type: o.type,
      inputs: o.inputs.map((t) => t.name),
      attrs: Object.keys(o.attrs).sort(),
    }));
    expect(ops).to.deep.equal(fx.graph.ops);
    const tags: Record<string, string> = {};
    for (const o of g.get_operations()) {
      if (o.type.endsWith('Summary') && o.type !== 'MergeSummary') {
        tags[o.name] = (o.inputs[0].op.get_attr('value') as tf.NDArray).item() as string;
      }
    }
    expect(tags).to.deep.equal(fx.graph.tags);
    const collections: Record<string, string[]> = {};
    for (const k of g.get_all_collection_keys()) collections[k] = g.get_collection<tf.Tensor>(k).map((t) => t.name);
    expect(collections).to.deep.equal(fx.graph.collections);
    expect(summary.merge_all('no_such_key') === null).to.equal(fx.merge_all_empty);
  });

  it('gives ImageSummary TF\'s attrs (max_images, bad_color, T) and checks max_outputs >= 1', () => {
    tf.reset_default_graph();
    const s = summary.image('im', tf.zeros([1, 2, 2, 3]), 2);
    expect(s.op.get_attr('max_images')).to.equal(2);
    expect((s.op.get_attr('bad_color') as tf.NDArray).tolist()).to.deep.equal([255, 0, 0, 255]);
    expect(String(s.op.get_attr('T'))).to.equal("<dtype: 'float32'>");
    expect(s.dtype).to.equal(tf.string);
    expect(s.shape.dims).to.deep.equal([]);
    expect(() => summary.image('bad', tf.zeros([1, 2, 2, 3]), 0)).to.throw(tf.errors.ValueError, /max_images.*less than minimum 1/);
  });

  it('rejects non-numeric values as TF\'s op_def_library does', () => {
    tf.reset_default_graph();
    expect(() => summary.scalar('s', tf.constant('text'))).to.throw(TypeError, /DataType string not in list of allowed values/);
  });

  it('is not differentiable', () => {
    tf.reset_default_graph();
    const x = tf.constant(1.0);
    const s = summary.scalar('s', x);
    expect(tf.gradients(s, x)).to.deep.equal([null]);
  });
});

describe('serialized Summaries equal TF\'s', () => {
  for (const c of fx.scalars) {
    it(`ScalarSummary of ${describeInput(c.input)}`, () => {
      expect(runSummary(c.input, (v) => summary.scalar('s', v))).to.equal(c.summary);
    });
  }

  for (const c of fx.histograms) {
    it(`HistogramSummary of ${describeInput(c.input)}`, () => {
      const ours = runSummary(c.input, (v) => summary.histogram('h', v));
      if (c.input.dtype !== 'float64') {
        expect(ours).to.equal(c.summary);
        return;
      }
      // float64 is computed in float32 (DESIGN.md): the same buckets, sums within float32 rounding.
      const [a, e] = [ours, c.summary].map((b) => decodeSummary(Buffer.from(b, 'base64')).value![0].histo!);
      expect(a.bucket_limit).to.deep.equal(e.bucket_limit);
      expect(a.bucket).to.deep.equal(e.bucket);
      expect(a.sum).to.be.closeTo(e.sum!, 1e-5 * Math.abs(e.sum!));
      expect(a.sum_squares).to.be.closeTo(e.sum_squares!, 1e-5 * Math.abs(e.sum_squares!));
    });
  }

  for (const c of fx.images) {
    it(`ImageSummary of ${describeInput(c.input)}, max_outputs ${c.max_outputs}`, () => {
      const ours = decodeSummary(Buffer.from(runSummary(c.input, (v) => summary.image('im', v, c.max_outputs)), 'base64')).value ?? [];
      expect(ours.map((v) => v.tag)).to.deep.equal(c.images.map((i) => i.tag));
      ours.forEach((v, i) => {
        const e = c.images[i];
        expect([v.image!.height, v.image!.width, v.image!.colorspace]).to.deep.equal([e.height, e.width, e.colorspace]);
        const png = decodePng(v.image!.encoded_image_string!);
        expect([png.height, png.width, png.channels]).to.deep.equal([e.height, e.width, e.colorspace]);
        const want = Buffer.from(e.pixels, 'base64');
        // float64 is computed in float32: a pixel may truncate one level lower or higher.
        const tol = c.input.dtype === 'float64' ? 1 : 0;
        for (let k = 0; k < want.length; k++) {
          if (Math.abs(png.pixels[k] - want[k]) > tol) expect.fail(`${v.tag} byte ${k}: ${png.pixels[k]}, TF has ${want[k]}`);
        }
      });
    });
  }

  it('MergeSummary of a scalar and a histogram', () => {
    tf.reset_default_graph();
    const a = summary.scalar('a', tf.constant(2.5));
    const h = summary.histogram('h', tf.constant([1.0, 2.0, 3.0]));
    using sess = new tf.Session();
    const bytes = binaryToBytes(sess.run(summary.merge([a, h])) as string);
    expect(Buffer.from(bytes).toString('base64')).to.equal(fx.merge.summary);
  });
});

describe('summary ops at run time', () => {
  function runError(build: (p: tf.Tensor) => tf.Tensor, value: tf.NDArray | number | number[]): Error {
    tf.reset_default_graph();
    const p = tf.placeholder(tf.float32, undefined, 'p');
    const s = build(p);
    using sess = new tf.Session();
    try {
      sess.run(s, {feed_dict: [[p, value]]});
    } catch (e) {
      return e as Error;
    }
    throw new Error('expected an error');
  }
  const cases: Record<string, [(p: tf.Tensor) => tf.Tensor, tf.NDArray | number | number[]]> = {
    histogram_nan: [(p) => summary.histogram('h', p), [1, NaN]],
    histogram_inf: [(p) => summary.histogram('h', p), [Infinity, 1]],
    scalar_shape: [(p) => summary.scalar('s', p), [1, 2]],
    image_rank: [(p) => summary.image('i', p), tf.NDArray.zeros([2, 4, 4])],
    image_depth: [(p) => summary.image('i', p), tf.NDArray.zeros([1, 4, 4, 2])],
    merge_duplicate: [(p) => { const s = summary.scalar('d', p); return summary.merge([s, s]); }, 1],
  };
  for (const [name, [build, value]] of Object.entries(cases)) {
    it(`${name}: ${fx.errors[name].message}`, () => {
      const e = runError(build, value);
      expect(e.name).to.equal(fx.errors[name].type);
      expect(e.message.split('\n')[0]).to.equal(fx.errors[name].message);
    });
  }

  it('leaks no tfjs tensors', () => {
    tf.reset_default_graph();
    const p = tf.placeholder(tf.float32, undefined, 'p');
    summary.scalar('s', tf.reduce_mean(p));
    summary.histogram('h', p);
    summary.image('i', tf.reshape(p, [1, 2, 2, 1]));
    const merged = summary.merge_all()!;
    using sess = new tf.Session();
    sess.run(merged, {feed_dict: [[p, [1, 2, 3, 4]]]});
    const before = tfc.memory().numTensors;
    for (let i = 0; i < 3; i++) sess.run(merged, {feed_dict: [[p, [1, 2, 3, i]]]});
    expect(tfc.memory().numTensors).to.equal(before);
  });
});

describe('summary building blocks', () => {
  it('binary strings carry every byte value through a string tensor', () => {
    const bytes = Uint8Array.from({length: 256}, (_, i) => i);
    const t = tfc.tensor([bytesToBinary(bytes)], [], 'string');
    const back = binaryToBytes((t.dataSync() as unknown as string[])[0]);
    t.dispose();
    expect(Array.from(back)).to.deep.equal(Array.from(bytes));
    expect(() => binaryToBytes('é€')).to.throw(TypeError, /U\+20AC/);
  });

  it('has TF\'s default histogram buckets: ±1e-12 · 1.1^k below 1e20, ±DBL_MAX and 0', () => {
    const limits = defaultBucketLimits();
    expect(limits.length).to.equal(1551);
    expect(limits[775]).to.equal(0);
    expect(limits[776]).to.equal(1e-12);
    expect(limits[limits.length - 1]).to.equal(Number.MAX_VALUE);
    expect(limits[0]).to.equal(-Number.MAX_VALUE);
    expect(limits[limits.length - 2]).to.be.lessThan(1e20).and.greaterThan(1e20 / 1.1);
  });

  it('PNGs round-trip for 1 to 4 channels', () => {
    for (const channels of [1, 2, 3, 4]) {
      const pixels = Uint8Array.from({length: 5 * 3 * channels}, (_, i) => (i * 37 + channels) & 0xff);
      const png = decodePng(encodePng(pixels, 5, 3, channels));
      expect([png.width, png.height, png.channels]).to.deep.equal([5, 3, channels]);
      expect(Array.from(png.pixels)).to.deep.equal(Array.from(pixels));
    }
  });
});
