/** RandomState draws exactly numpy's legacy RandomState numbers (fixture from real numpy). */
import {expect} from 'chai';
import {RandomState} from '../../src/ndarray/random';
import {loadFixture} from '../helpers/golden';

interface Case {
  seed: number;
  random?: number[];
  randn?: number[];
  permutation?: number[];
  after?: number[];
  permutation_55000_head?: number[];
}
const {cases} = loadFixture<{cases: Case[]}>('random_state');

describe('RandomState (numpy legacy MT19937)', () => {
  for (const c of cases) {
    it(`seed ${c.seed}`, () => {
      const rs = new RandomState(c.seed);
      if (c.permutation_55000_head) {
        expect(Array.from(rs.permutation(55000).slice(0, 20))).to.deep.equal(c.permutation_55000_head);
        return;
      }
      expect(Array.from({length: 7}, () => rs.random())).to.deep.equal(c.random);
      const randn = Array.from({length: 9}, () => rs.standardNormal());
      randn.forEach((x, i) => expect(x).to.be.closeTo(c.randn![i], 1e-15));
      expect(Array.from(rs.permutation(23))).to.deep.equal(c.permutation);
      expect(Array.from({length: 3}, () => rs.random())).to.deep.equal(c.after);
    });
  }
});
