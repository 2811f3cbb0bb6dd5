/**
 * The random initializers: their configs against real TF (test/fixtures/random_ops.json; the
 * values and graphs they build through get_variable are checked in random_ops.test.ts), and the
 * variances they promise, measured on large variables.
 */
import {expect} from 'chai';
import * as tf from '../../src';
import {loadFixture} from '../helpers/golden';

interface ConfigCase {
  init: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
  config: Record<string, unknown>;
}

const {configs} = loadFixture<{configs: ConfigCase[]}>('random_ops');

type Factory = (...args: unknown[]) => tf.Initializer;

function factory(name: string): Factory {
  return (tf as unknown as Record<string, Factory>)[name];
}

/** The initial value of a new variable of `shape`, in a fresh graph. */
function initialValue(shape: number[], initializer?: tf.Initializer): Float64Array {
  tf.reset_default_graph();
  const v = tf.get_variable('v', {shape, initializer});
  using sess = new tf.Session();
  sess.run(v.initializer);
  return Float64Array.from((sess.run(v) as tf.NDArray).data as ArrayLike<number>);
}

function std(x: Float64Array): number {
  const m = x.reduce((a, b) => a + b, 0) / x.length;
  return Math.sqrt(x.reduce((a, b) => a + (b - m) ** 2, 0) / x.length);
}

describe('initializers', () => {
  for (const c of configs) {
    it(`${c.init}(${JSON.stringify(c.args)}, ${JSON.stringify(c.kwargs)}) has TF's config`, () => {
      const init = factory(c.init)(...c.args, ...(Object.keys(c.kwargs).length ? [c.kwargs] : []));
      expect(init.get_config()).to.deep.equal(c.config);
    });
  }

  it('get_variable uses glorot_uniform for float variables by default', () => {
    const x = initialValue([300, 200]);
    const limit = Math.sqrt(6 / (300 + 200));
    expect(Math.max(...x.map(Math.abs))).to.be.at.most(limit);
    expect(std(x)).to.be.closeTo(limit / Math.sqrt(3), 0.002);
  });

  // Every distribution gives the variance scale / n: the truncated one through TF1's correction.
  const shape = [6, 5, 40, 30];
  const fans = {fan_in: 6 * 5 * 40, fan_out: 6 * 5 * 30, fan_avg: (6 * 5 * 70) / 2};
  for (const distribution of ['truncated_normal', 'untruncated_normal', 'uniform'] as const) {
    for (const mode of ['fan_in', 'fan_out', 'fan_avg'] as const) {
      it(`variance_scaling ${distribution} ${mode} has variance scale / n`, () => {
        const x = initialValue(shape, tf.variance_scaling_initializer({scale: 2, mode, distribution, seed: 1}));
        expect(std(x) / Math.sqrt(2 / fans[mode])).to.be.closeTo(1, 0.02);
      });
    }
  }

  it('truncated_normal_initializer stays within two stddevs of the mean', () => {
    const x = initialValue([200, 100], tf.truncated_normal_initializer({mean: 1, stddev: 0.1}));
    expect(Math.min(...x)).to.be.greaterThan(0.8);
    expect(Math.max(...x)).to.be.lessThan(1.2);
  });

  it('an initializer called directly builds its ops at the current name scope', () => {
    tf.reset_default_graph();
    const t = tf.glorot_normal_initializer().call([3, 4]);
    expect(t.name).to.equal('truncated_normal:0');
    expect(String(t.shape)).to.equal('(3, 4)');
    expect(tf.random_uniform_initializer(0, 5, null, tf.int32).call([2]).op.type).to.equal('RandomUniformInt');
  });

  it('takes TF1 keywords positionally or in the options object, not both', () => {
    expect(tf.truncated_normal_initializer(0, 0.1).get_config()).to.deep.equal(tf.truncated_normal_initializer({stddev: 0.1}).get_config());
    expect(() => tf.random_normal_initializer(0, 1, {stddev: 2})).to.throw(TypeError, "got multiple values for argument 'stddev'");
  });
});
