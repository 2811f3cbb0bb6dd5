/**
 * NDArray ↔ TensorProto against TF's `tf.make_tensor_proto` and `MakeNdarray`
 * (test/fixtures/gen/graph_def.py `tensor_protos`): the same bytes for every dtype tf1ts has,
 * in `tensor_content` or the typed repeated field as TF chooses, and the same values back.
 */
import {expect} from 'chai';
import * as tf from '../../src';
import {decodeProto, encodeProto} from '../../src/framework/proto/index';
import {dataTypeName, dtypeToEnum, enumToDtype, fromHalfBits, ndarrayToTensorProto, shapeFromProto, shapeToProto, givenValueCount, tensorProtoToNDArray, toHalfBits, type TensorProto} from '../../src/framework/proto/tensor_proto';
import {decode, loadFixture, type Encoded} from '../helpers/golden';

const fixture = loadFixture<{tensor_protos: {value: Encoded; given: number; hex: string}[]}>('graph_def');

describe('TensorProto, as TF writes and reads it', () => {
  for (const {value, given, hex} of fixture.tensor_protos) {
    const size = value.shape.reduce((a, b) => a * b, 1);
    it(`${value.dtype} ${JSON.stringify(value.shape)}${given < size ? ` filled from ${given}` : ''}`, () => {
      const a = decode(value);
      const mine = encodeProto('TensorProto', ndarrayToTensorProto(a, {given}));
      expect(Buffer.from(mine).toString('hex')).to.equal(hex);
      const back = tensorProtoToNDArray(decodeProto<TensorProto>('TensorProto', Buffer.from(hex, 'hex')));
      expect(back.dtype).to.equal(a.dtype);
      expect(back.shape).to.deep.equal(a.shape);
      expect(back.tolist()).to.deep.equal(a.tolist());
      expect(givenValueCount(back), 'remembers how many values were given').to.equal(Math.min(given, size));
    });
  }

  it('DataType enums: values, _REF types, names; TypeError for dtypes tf1ts has not', () => {
    expect(dtypeToEnum(tf.float32)).to.equal(1);
    expect(dtypeToEnum(tf.int32._as_ref)).to.equal(103);
    expect(enumToDtype(109)).to.equal(tf.int64._as_ref);
    expect(enumToDtype(19)).to.equal(tf.float16);
    expect(dataTypeName(101)).to.equal('DT_FLOAT_REF');
    expect(() => enumToDtype(8)).to.throw(TypeError, 'tf1ts has no dtype for DT_COMPLEX64');
  });

  it('shapes: unknown dims are -1, an unknown rank is unknown_rank', () => {
    expect(shapeToProto(new tf.TensorShape([null, 784]))).to.deep.equal({dim: [{size: -1}, {size: 784}]});
    expect(shapeToProto(tf.TensorShape.unknown())).to.deep.equal({unknown_rank: true});
    expect(shapeFromProto({dim: [{size: -1}, {}]}).as_list()).to.deep.equal([null, 0]);
  });

  it('float16 bits round to nearest even, as numpy', () => {
    for (const [x, bits] of [[0.1, 0x2e66], [65504, 0x7bff], [65520, 0x7c00], [-2, 0xc000], [5.960464477539063e-8, 1], [1 + 2 ** -11, 0x3c00]]) {
      expect(toHalfBits(x), String(x)).to.equal(bits);
    }
    expect(fromHalfBits(0x2e66)).to.equal(0.0999755859375);
  });
});
