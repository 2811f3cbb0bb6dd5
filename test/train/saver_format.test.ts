/**
 * TF's V2 checkpoint format, file by file: the LevelDB table of the `.index`, the tensor bundle
 * (every dtype, TF's string encoding, CRCs), the `checkpoint` state file in text format. TF's own
 * files (test/fixtures/checkpoints, from test/fixtures/gen/checkpoint.py) are read back value by
 * value, and rewriting their tensors gives TF's bytes.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {expect} from 'chai';
import * as tf from '../../src';
import {NDArray} from '../../src/ndarray/ndarray';
import {TableBuilder, TableCorruption, readTable} from '../../src/train/table';
import {Crc32c, crc32c, maskCrc, unmaskCrc} from '../../src/framework/crc32c';
import {BundleReader, dataFilename, decodeTensor, encodeTensor, indexFilename, writeBundle} from '../../src/train/checkpoint_bundle';
import {CheckpointState, get_checkpoint_state, update_checkpoint_state} from '../../src/train/checkpoint_management';
import {parseTextFormat, protoType, toTextFormat} from '../../src/train/checkpoint_proto';
import {NewCheckpointReader, list_variables, load_checkpoint, load_variable} from '../../src/train/checkpoint_reader';
import {print_tensors_in_checkpoint_file} from '../../src/tools/inspect_checkpoint';
import {decode, loadFixture, type Encoded} from '../helpers/golden';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'checkpoints');
const F = loadFixture<{dtypes: Record<string, Encoded>}>('checkpoint');

const madeDirs: string[] = [];
function tmpdir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'tf1ts-ckpt-'));
  madeDirs.push(d);
  return d;
}
after(() => madeDirs.forEach((d) => fs.rmSync(d, {recursive: true, force: true})));

const bytes = (s: string): Uint8Array => Buffer.from(s, 'utf8');
const text = (b: Uint8Array): string => Buffer.from(b).toString('utf8');

/** CRC32C by its definition, one bit at a time (reflected polynomial 0x82f63b78). */
function bitwiseCrc32c(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
  }
  return ~c >>> 0;
}

describe('checkpoint format: CRC32C', () => {
  it('is the CRC-32C of its definition and of RFC 3720, updates in pieces, and masks as LevelDB', () => {
    // RFC 3720 (iSCSI) B.4's test vectors, also TF's crc32c_test.
    const fill = (f: (i: number) => number) => Uint8Array.from({length: 32}, (_, i) => f(i));
    expect(crc32c(fill(() => 0))).to.equal(0x8a9136aa);
    expect(crc32c(fill(() => 0xff))).to.equal(0x62a8ab43);
    expect(crc32c(fill((i) => i))).to.equal(0x46dd794e);
    expect(crc32c(fill((i) => 31 - i))).to.equal(0x113fdb5c);
    for (const n of [0, 1, 7, 8, 9, 63, 1000]) {
      const b = Uint8Array.from({length: n}, (_, i) => (i * 131 + n) & 0xff);
      expect(crc32c(b)).to.equal(bitwiseCrc32c(b));
      expect(new Crc32c().update(b.subarray(0, n >> 1)).update(b.subarray(n >> 1)).digest()).to.equal(crc32c(b));
    }
    expect(crc32c(bytes('123456789'))).to.equal(0xe3069283); // the CRC-32C check value
    expect(unmaskCrc(maskCrc(0xdeadbeef))).to.equal(0xdeadbeef);
    expect(maskCrc(0)).to.equal(0xa282ead8);
  });
});

describe('checkpoint format: LevelDB table', () => {
  it('round-trips entries across several blocks, with prefix compression and restarts', () => {
    const b = new TableBuilder();
    const keys = Array.from({length: 30000}, (_, i) => `layer${i % 7}/kernel_${String(i).padStart(6, '0')}`).sort();
    for (const k of keys) b.add(bytes(k), bytes(`value of ${k}`));
    const file = b.finish();
    expect(file.length).to.be.greaterThan(2 * 262144); // more than one 256 KiB data block
    const back = readTable(file);
    expect(back.map((e) => text(e.key))).to.deep.equal(keys);
    expect(back.every((e, i) => text(e.value) === `value of ${keys[i]}`)).to.equal(true);
  });

  it('writes an empty table and rejects keys out of order', () => {
    expect(readTable(new TableBuilder().finish())).to.deep.equal([]);
    const b = new TableBuilder();
    b.add(bytes('b'), bytes(''));
    expect(() => b.add(bytes('a'), bytes(''))).to.throw(/increasing order/);
  });

  it('detects a flipped byte (block CRC) and a bad magic number', () => {
    const b = new TableBuilder();
    b.add(bytes('key'), bytes('value'));
    const file = b.finish();
    const flipped = Uint8Array.from(file);
    flipped[4] ^= 1;
    expect(() => readTable(flipped)).to.throw(TableCorruption, /checksum mismatch/);
    const noMagic = Uint8Array.from(file);
    noMagic[noMagic.length - 1] ^= 1;
    expect(() => readTable(noMagic)).to.throw(TableCorruption, /bad magic number/);
    expect(() => readTable(file.subarray(0, 20))).to.throw(TableCorruption);
  });
});

describe('checkpoint format: tensor bundle', () => {
  it('reads every dtype of a checkpoint TF wrote', () => {
    const r = new BundleReader(path.join(FIXTURES, 'dtypes', 'model.ckpt'));
    expect([...r.entries.keys()]).to.deep.equal(Object.keys(F.dtypes).sort());
    for (const [name, want] of Object.entries(F.dtypes)) {
      const got = r.lookup(name);
      expect(got.dims, name).to.deep.equal(want.shape);
      expect(r.entries.get(name)!.dtype.name, name).to.equal(want.dtype === 'string' ? 'string' : want.dtype);
      const expected = want.dtype === 'int64' ? want.data.map(Number) : decode(want).tolist();
      expect(want.dtype === 'int64' ? Array.from(got.data as Int32Array) : got.tolist(), name).to.deep.equal(expected);
    }
  });

  it("rewrites TF's tensors to TF's bytes (.index and .data)", () => {
    const prefix = path.join(FIXTURES, 'dtypes', 'model.ckpt');
    const r = new BundleReader(prefix);
    const out = path.join(tmpdir(), 'model.ckpt');
    writeBundle(out, [...r.entries].map(([name, e]) => ({name, dtype: e.dtype, value: r.lookup(name)})));
    for (const f of [indexFilename, (p: string) => dataFilename(p)]) {
      expect(Buffer.compare(fs.readFileSync(f(out)), fs.readFileSync(f(prefix))), path.basename(f(out))).to.equal(0);
    }
  });

  it('round-trips each dtype, 0-d and empty tensors, unicode strings', () => {
    const cases: [tf.DType, NDArray][] = [
      [tf.float32, new NDArray(Float32Array.of(1.5, -0, NaN, Infinity), [2, 2], 'float32')],
      [tf.float64, new NDArray(Float64Array.of(0.1, 1e-300), [2], 'float64')],
      [tf.float16, new NDArray(Float32Array.of(0.5, 65504, 6.103515625e-5, -2), [4], 'float16')],
      [tf.int64, new NDArray(Int32Array.of(-7, 2147483647), [2], 'int64')],
      [tf.int8, new NDArray(Int32Array.of(-128, 127), [2], 'int8')],
      [tf.uint8, new NDArray(Int32Array.of(0, 255), [2], 'uint8')],
      [tf.bool, new NDArray(Uint8Array.of(1, 0, 1), [3], 'bool')],
      [tf.string, new NDArray(['', 'a', '作者 😀'], [3], 'string')],
      [tf.string, new NDArray(['x'], [], 'string')],
      [tf.float32, new NDArray(new Float32Array(0), [0, 3], 'float32')],
    ];
    for (const [dtype, a] of cases) {
      const {bytes: b, crc} = encodeTensor(dtype, a);
      const back = decodeTensor('t', dtype, a.dims, b);
      expect(back.crc, dtype.name).to.equal(crc);
      expect(back.value.dims).to.deep.equal(a.dims);
      expect(Array.from(back.value.data as ArrayLike<unknown>), dtype.name).to.deep.equal(Array.from(a.data as ArrayLike<unknown>));
    }
  });

  it('raises DataLossError for corrupted data and NotFoundError for a missing key or checkpoint', () => {
    const dir = tmpdir();
    const prefix = path.join(dir, 'm');
    writeBundle(prefix, [{name: 'w', dtype: tf.float32, value: new NDArray(Float32Array.of(1, 2), [2], 'float32')}]);
    const data = fs.readFileSync(dataFilename(prefix));
    data[0] ^= 0x40;
    fs.writeFileSync(dataFilename(prefix), data);
    expect(() => new BundleReader(prefix).lookup('w')).to.throw(tf.errors.DataLossError, /Checksum does not match/);
    expect(() => new BundleReader(prefix).lookup('v')).to.throw(tf.errors.NotFoundError, 'Key v not found in checkpoint');
    expect(() => new BundleReader(path.join(dir, 'none'))).to.throw(tf.errors.NotFoundError, /Failed to find any matching files/);
    fs.writeFileSync(indexFilename(prefix), 'not a table at all, but long enough to have a footer of 48 bytes');
    expect(() => new BundleReader(prefix)).to.throw(tf.errors.DataLossError, /bad magic number/);
  });

  it('leaves no temporary files behind', () => {
    const dir = tmpdir();
    writeBundle(path.join(dir, 'm'), [{name: 'w', dtype: tf.float32, value: new NDArray(Float32Array.of(1), [1], 'float32')}]);
    expect(fs.readdirSync(dir).sort()).to.deep.equal(['m.data-00000-of-00001', 'm.index']);
  });
});

describe('checkpoint format: reader and state file', () => {
  it("NewCheckpointReader: shapes, dtypes and TF's debug string", () => {
    const r = NewCheckpointReader(path.join(FIXTURES, 'dtypes', 'model.ckpt'));
    expect(r.get_variable_to_shape_map()['f32']).to.deep.equal([2, 3]);
    expect(r.get_variable_to_dtype_map()['i64']).to.equal(tf.int64);
    expect(r.has_tensor('scalar')).to.equal(true);
    expect(r.debug_string()).to.include('f32 (DT_FLOAT) [2,3]\n').and.include('i64 (DT_INT64) []\n').and.include('text (DT_STRING) [3]\n');
  });

  it('load_checkpoint (a directory means its latest checkpoint), list_variables, load_variable', () => {
    const dir = path.join(FIXTURES, 'adam');
    expect(load_checkpoint(dir).has_tensor('weight/Adam_1')).to.equal(true);
    expect(list_variables(dir).slice(0, 3)).to.deep.equal([['beta1_power', []], ['beta2_power', []], ['bias', [1]]]);
    expect(load_variable(dir, 'global_step:0').item()).to.equal(6);
    expect(() => load_checkpoint(tmpdir())).to.throw(tf.errors.ValueError, /Couldn't find 'checkpoint' file or checkpoints in given directory/);
  });

  it("reads TF's state file and writes TF's text", () => {
    const st = get_checkpoint_state(path.join(FIXTURES, 'adam'))!;
    expect(st.model_checkpoint_path).to.equal(path.join(FIXTURES, 'adam', 'model.ckpt-6'));
    expect(st.all_model_checkpoint_paths).to.deep.equal(['model.ckpt-4', 'model.ckpt-6'].map((p) => path.join(FIXTURES, 'adam', p)));
    const dir = tmpdir();
    update_checkpoint_state(dir, path.join(dir, 'model.ckpt-6'), {all_model_checkpoint_paths: [path.join(dir, 'model.ckpt-4'), path.join(dir, 'model.ckpt-6')]});
    // An absolute save_dir keeps absolute paths, as TF does.
    expect(fs.readFileSync(path.join(dir, 'checkpoint'), 'utf8')).to.equal(
      `model_checkpoint_path: "${dir}/model.ckpt-6"\nall_model_checkpoint_paths: "${dir}/model.ckpt-4"\nall_model_checkpoint_paths: "${dir}/model.ckpt-6"\n`,
    );
    expect(get_checkpoint_state(path.join(dir, 'nothing'))).to.equal(null);
  });

  it('text format: escapes, doubles and repeated fields round-trip', () => {
    const type = protoType('CheckpointState');
    const st = new CheckpointState({
      model_checkpoint_path: 'dir/a "b"\\c\n作者',
      all_model_checkpoint_paths: ['x', "it's"],
      all_model_checkpoint_timestamps: [1700000000.25, 1e-5],
      last_preserved_timestamp: 3,
    });
    const s = st.toString();
    // Python: text_format.MessageToString(CheckpointState(...)) under TF 2.21's protobuf.
    expect(s).to.equal(
      'model_checkpoint_path: "dir/a \\"b\\"\\\\c\\n作者"\n' +
        'all_model_checkpoint_paths: "x"\nall_model_checkpoint_paths: "it\\\'s"\n' +
        'all_model_checkpoint_timestamps: 1700000000.25\nall_model_checkpoint_timestamps: 1e-05\nlast_preserved_timestamp: 3.0\n',
    );
    // TF 1's protobuf wrote UTF-8 as octal escapes; both parse.
    expect(parseTextFormat(type, 'model_checkpoint_path: "\\344\\275\\234\\350\\200\\205"')).to.deep.equal({model_checkpoint_path: '作者'});
    expect(parseTextFormat(type, s)).to.deep.equal({...st});
    expect(toTextFormat(type, parseTextFormat(type, s))).to.equal(s);
    expect(() => parseTextFormat(type, 'no_such_field: 1')).to.throw(SyntaxError, /no field named/);
  });
});

describe('inspect_checkpoint.print_tensors_in_checkpoint_file', () => {
  /** What `fn` prints through console.log. */
  function printed(fn: () => void): string {
    const log = console.log;
    let out = '';
    console.log = (...args: unknown[]) => {
      out += args.map((a) => (typeof a === 'string' ? a : String(a))).join(' ') + '\n';
    };
    try {
      fn();
    } finally {
      console.log = log;
    }
    return out;
  }

  let prefix = '';
  before(() => {
    prefix = path.join(tmpdir(), 'linermodel.cpkt');
    writeBundle(prefix, [
      {name: 'weight', dtype: tf.float32, value: new NDArray(Float32Array.of(2), [], 'float32')},
      {name: 'bias', dtype: tf.float32, value: new NDArray(Float32Array.of(0.5, -1), [2], 'float32')},
    ]);
  });

  it("prints TF 1's `tensor_name:  <name>` and numpy's str of each value (listing 4-5)", () => {
    expect(printed(() => print_tensors_in_checkpoint_file(prefix, null, true))).to.equal('tensor_name:  bias\n[ 0.5 -1. ]\ntensor_name:  weight\n2.0\n');
    expect(printed(() => print_tensors_in_checkpoint_file(prefix, null, false, true))).to.equal('tensor_name:  bias\ntensor_name:  weight\n');
    expect(printed(() => print_tensors_in_checkpoint_file(prefix, 'weight', false))).to.equal('tensor_name:  weight\n2.0\n');
    expect(printed(() => print_tensors_in_checkpoint_file(prefix, null, false))).to.equal('bias (DT_FLOAT) [2]\nweight (DT_FLOAT) []\n\n');
  });

  it('prints errors instead of raising them, with the V2-prefix hint', () => {
    expect(printed(() => print_tensors_in_checkpoint_file(prefix, 'nope', false))).to.equal('tensor_name:  nope\nKey nope not found in checkpoint\n');
    const out = printed(() => print_tensors_in_checkpoint_file(prefix + '.index', null, true));
    expect(out).to.include(`Failed to find any matching files for ${prefix}.index`);
    fs.writeFileSync(prefix + '.data.index', 'x'.repeat(64));
    expect(printed(() => print_tensors_in_checkpoint_file(prefix + '.data', null, true))).to.include("It's likely that this is a V2 checkpoint");
  });
});
