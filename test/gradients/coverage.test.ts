/** Every registered op type declares its gradient: a function, or null for "not differentiable". */
import {expect} from 'chai';
import * as tf from '../../src';
import {lookupOp} from '../../src/framework/registry';

describe('gradient coverage', () => {
  it('every op type declares a gradient or says it has none', () => {
    const missing = tf.registeredOpTypes().filter((type) => lookupOp(type)!.grad === undefined);
    expect(missing, `op types without a gradient declaration: ${missing.join(', ')}`).to.deep.equal([]);
  });
});
