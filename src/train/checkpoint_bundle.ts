/**
 * TensorFlow's V2 checkpoint, a "tensor bundle" (tensorflow/core/util/tensor_bundle):
 *
 *     <prefix>.data-00000-of-00001   the tensors' bytes, back to back, in key order
 *     <prefix>.index                 an SSTable (./table.ts): "" → BundleHeaderProto,
 *                                    each tensor name → BundleEntryProto (dtype, shape, shard,
 *                                    offset, size, masked CRC32C of the bytes)
 *
 * Numbers are stored little-endian in their declared dtype (a float64 variable computed in
 * float32 here is written as doubles, an int64 as 8-byte integers), so TF reads them as it
 * reads its own. Strings are stored as TF's WriteStringTensor stores them.
 *
 * Writing is atomic per file as TF's BundleWriter does it: each file is written under a
 * temporary name and renamed; the index, which is what makes a checkpoint exist, comes last.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as crypto from 'crypto';
import {as_dtype, type DType} from '../framework/dtypes';
import {DataLossError, NotFoundError, UnimplementedError} from '../framework/errors';
import {NDArray, type DtypeName} from '../ndarray/ndarray';
import {fromHalfBits, toHalfBits} from '../framework/proto/tensor_proto';
import {TableBuilder, TableCorruption, readTable, ByteWriter, ByteReader} from './table';
import {Crc32c, crc32c, maskCrc} from '../framework/crc32c';
import {decodeMessage, encodeMessage, type BundleEntry, type BundleHeader} from './checkpoint_proto';

/** kTensorBundleVersion: what TF writes as the header's producer and accepts as min_consumer. */
const BUNDLE_VERSION = 1;

export function dataFilename(prefix: string, shard = 0, numShards = 1): string {
  return `${prefix}.data-${String(shard).padStart(5, '0')}-of-${String(numShards).padStart(5, '0')}`;
}

export function indexFilename(prefix: string): string {
  return `${prefix}.index`;
}

/** One tensor to write: its checkpoint key, declared dtype and value. */
export interface BundleTensor {
  name: string;
  dtype: DType;
  value: NDArray;
}

/** Bytes per element of each fixed-size dtype. */
const ITEM_SIZE: Record<string, number> = {
  float32: 4, float64: 8, float16: 2, int32: 4, int64: 8, int16: 2, int8: 1,
  uint8: 1, uint16: 2, uint32: 4, uint64: 8, bool: 1,
};

/** The tensor's bytes as TF stores them, and the CRC32C (unmasked) TF computes over them. */
export function encodeTensor(dtype: DType, a: NDArray): {bytes: Uint8Array; crc: number} {
  const base = dtype.base_dtype.base;
  if (base === 'string') return encodeStrings(a.data as string[]);
  const size = ITEM_SIZE[base];
  if (size === undefined) throw new UnimplementedError(null, null, `Saving a ${base} tensor is not supported`);
  const n = a.size;
  const buf = new ArrayBuffer(n * size);
  const src = a.data as ArrayLike<number>;
  switch (base) {
    case 'float32': new Float32Array(buf).set(src); break;
    case 'float64': new Float64Array(buf).set(src); break;
    case 'int32': new Int32Array(buf).set(src); break;
    case 'uint32': new Uint32Array(buf).set(src); break;
    case 'int16': new Int16Array(buf).set(src); break;
    case 'uint16': new Uint16Array(buf).set(src); break;
    case 'int8': new Int8Array(buf).set(src); break;
    case 'uint8': case 'bool': new Uint8Array(buf).set(src); break;
    case 'int64': { const d = new BigInt64Array(buf); for (let i = 0; i < n; i++) d[i] = BigInt(Math.trunc(src[i])); break; }
    case 'uint64': { const d = new BigUint64Array(buf); for (let i = 0; i < n; i++) d[i] = BigInt(Math.trunc(src[i]) >>> 0); break; }
    case 'float16': { const d = new Uint16Array(buf); for (let i = 0; i < n; i++) d[i] = toHalfBits(src[i]); break; }
  }
  const bytes = new Uint8Array(buf);
  return {bytes, crc: crc32c(bytes)};
}

/**
 * TF's WriteStringTensor: varint64 lengths, the masked CRC32C of the lengths (each taken as a
 * 4-byte little-endian integer), then the bytes. The tensor's CRC covers the lengths as
 * integers, the length checksum and the bytes.
 */
function encodeStrings(strings: readonly string[]): {bytes: Uint8Array; crc: number} {
  const elems = strings.map((s) => Buffer.from(s, 'utf8'));
  const w = new ByteWriter();
  const crc = new Crc32c();
  const len32 = new Uint8Array(4);
  for (const e of elems) {
    w.varint(e.length);
    new DataView(len32.buffer).setUint32(0, e.length, true);
    crc.update(len32);
  }
  const lengthCrc = new Uint8Array(4);
  new DataView(lengthCrc.buffer).setUint32(0, maskCrc(crc.digest()), true);
  w.bytes(lengthCrc);
  crc.update(lengthCrc);
  for (const e of elems) {
    w.bytes(e);
    crc.update(e);
  }
  return {bytes: new Uint8Array(w.view()), crc: crc.digest()};
}

/**
 * Writes a one-shard bundle at `prefix` (the `.data-00000-of-00001` and `.index` files). The
 * parent directory is created if missing, as TF's BundleWriter creates it (one level only).
 */
export function writeBundle(prefix: string, tensors: readonly BundleTensor[]): void {
  const sorted = [...tensors].sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].name === sorted[i - 1].name) throw new Error(`duplicate checkpoint key ${sorted[i].name}`);
  }
  const dir = path.dirname(prefix);
  if (!fs.existsSync(dir)) fs.mkdirSync(dir);

  const entries: [string, BundleEntry][] = [];
  let offset = 0;
  const dataPath = dataFilename(prefix);
  writeAtomically(dataPath, (fd) => {
    for (const t of sorted) {
      const {bytes, crc} = encodeTensor(t.dtype, t.value);
      writeAll(fd, bytes);
      const dims = t.value.dims.map((size) => ({size}));
      entries.push([t.name, {dtype: t.dtype.base_dtype.as_datatype_enum, shape: {dim: dims}, shard_id: 0, offset, size: bytes.length, crc32c: maskCrc(crc)}]);
      offset += bytes.length;
    }
  });

  const table = new TableBuilder();
  const header: BundleHeader = {num_shards: 1, endianness: 0, version: {producer: BUNDLE_VERSION}};
  table.add(new Uint8Array(0), encodeMessage('BundleHeaderProto', header));
  for (const [name, e] of entries) table.add(Buffer.from(name, 'utf8'), encodeMessage('BundleEntryProto', e));
  const index = table.finish();
  writeAtomically(indexFilename(prefix), (fd) => writeAll(fd, index));
}

/** Writes `file` through a temporary file (TF's `<name>.tempstate<random>`) renamed into place. */
export function writeAtomically(file: string, write: (fd: number) => void): void {
  const tmp = `${file}.tempstate${crypto.randomBytes(8).readBigUInt64LE()}`;
  const fd = fs.openSync(tmp, 'w');
  try {
    write(fd);
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(tmp, {force: true});
    throw e;
  }
  fs.closeSync(fd);
  fs.renameSync(tmp, file);
}

/** fs.writeSync until every byte is written. */
export function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += fs.writeSync(fd, bytes, done, bytes.length - done);
}

/** One entry of a bundle's index, decoded. */
export interface BundleEntryInfo {
  dtype: DType;
  shape: number[];
  shard_id: number;
  offset: number;
  size: number;
  crc32c: number;
  sliced: boolean;
}

/**
 * Reads a bundle (TF's BundleReader): the index at construction, each tensor on `lookup`, its
 * CRC checked. Errors are TF's: NotFoundError for a missing checkpoint or key, DataLossError
 * for a corrupt file.
 */
export class BundleReader {
  readonly entries = new Map<string, BundleEntryInfo>();
  readonly numShards: number;
  private readonly shards = new Map<number, Buffer>();

  constructor(readonly prefix: string) {
    const indexPath = indexFilename(prefix);
    if (!fs.existsSync(indexPath)) {
      throw new NotFoundError(null, null, `Unsuccessful TensorSliceReader constructor: Failed to find any matching files for ${prefix}`);
    }
    let table;
    try {
      table = readTable(fs.readFileSync(indexPath));
    } catch (e) {
      if (e instanceof TableCorruption) throw new DataLossError(null, null, `Unable to open table file ${indexPath}: Data loss: ${e.message}: perhaps your file is in a different file format and you need to use a different restore operator?`);
      throw e;
    }
    if (!table.length || table[0].key.length !== 0) throw new DataLossError(null, null, `Checkpoint ${prefix} has no header entry`);
    const header = decodeMessage<BundleHeader>('BundleHeaderProto', table[0].value);
    this.numShards = header.num_shards ?? 0;
    if ((header.endianness ?? 0) !== 0) throw new UnimplementedError(null, null, `Checkpoint ${prefix} is big-endian; this host is little-endian`);
    const v = header.version ?? {};
    if ((v.min_consumer ?? 0) > BUNDLE_VERSION || (v.bad_consumers ?? []).includes(BUNDLE_VERSION)) {
      throw new DataLossError(null, null, `Checkpoint min consumer version ${v.min_consumer} above current version ${BUNDLE_VERSION} for checkpoint`);
    }
    for (const {key, value} of table.slice(1)) {
      const e = decodeMessage<BundleEntry>('BundleEntryProto', value);
      this.entries.set(Buffer.from(key).toString('utf8'), {
        dtype: dtypeFromEnum(e.dtype ?? 0),
        shape: (e.shape?.dim ?? []).map((d) => d.size ?? 0),
        shard_id: e.shard_id ?? 0,
        offset: e.offset ?? 0,
        size: e.size ?? 0,
        crc32c: e.crc32c ?? 0,
        sliced: (e.slices ?? []).length > 0,
      });
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The tensor's value as an NDArray of its checkpoint dtype. */
  lookup(name: string): NDArray {
    const e = this.entries.get(name);
    if (!e) throw new NotFoundError(null, null, `Key ${name} not found in checkpoint`);
    if (e.sliced) throw new UnimplementedError(null, null, `Tensor ${name} is stored in slices (a partitioned variable); tf1ts reads whole tensors only`);
    const data = this.shard(e.shard_id);
    if (e.offset + e.size > data.length) throw new DataLossError(null, null, `Checkpoint ${dataFilename(this.prefix, e.shard_id, this.numShards)} is truncated: ${name} needs bytes ${e.offset}…${e.offset + e.size}`);
    const bytes = data.subarray(e.offset, e.offset + e.size);
    const {value, crc} = decodeTensor(name, e.dtype, e.shape, bytes);
    if (maskCrc(crc) !== e.crc32c) {
      throw new DataLossError(null, null, `Checksum does not match: stored ${e.crc32c} vs. calculated on the restored bytes ${maskCrc(crc)}`);
    }
    return value;
  }

  private shard(id: number): Buffer {
    let data = this.shards.get(id);
    if (!data) {
      const file = dataFilename(this.prefix, id, this.numShards);
      if (!fs.existsSync(file)) throw new NotFoundError(null, null, `${file}; No such file or directory`);
      data = fs.readFileSync(file);
      this.shards.set(id, data);
    }
    return data;
  }
}

const DTYPE_BY_ENUM = new Map<number, DType>(
  ['float32', 'float64', 'int32', 'uint8', 'int16', 'int8', 'string', 'int64', 'bool', 'uint16', 'float16']
    .map((n) => [as_dtype(n).as_datatype_enum, as_dtype(n)]),
);

function dtypeFromEnum(e: number): DType {
  const d = DTYPE_BY_ENUM.get(e);
  if (!d) throw new UnimplementedError(null, null, `Checkpoint holds a tensor of DataType ${e}, which tf1ts does not support`);
  return d;
}

/** Reads a tensor's bytes back; returns the value and the CRC32C TF computes over them. */
export function decodeTensor(name: string, dtype: DType, shape: readonly number[], bytes: Uint8Array): {value: NDArray; crc: number} {
  const base = dtype.base as DtypeName;
  const n = shape.reduce((a, b) => a * b, 1);
  if (base === 'string') return decodeStrings(name, shape, n, bytes);
  const size = ITEM_SIZE[base];
  if (bytes.length !== n * size) {
    throw new DataLossError(null, null, `Checkpoint entry ${name} holds ${bytes.length} bytes; a ${base} tensor of shape [${shape.join(',')}] needs ${n * size}`);
  }
  const buf = new Uint8Array(bytes).buffer; // an aligned copy
  let data: NDArray['data'];
  switch (base) {
    case 'float32': data = new Float32Array(buf); break;
    case 'float64': data = new Float64Array(buf); break;
    case 'int32': data = new Int32Array(buf); break;
    case 'uint32': data = Int32Array.from(new Uint32Array(buf)); break;
    case 'int16': data = Int32Array.from(new Int16Array(buf)); break;
    case 'uint16': data = Int32Array.from(new Uint16Array(buf)); break;
    case 'int8': data = Int32Array.from(new Int8Array(buf)); break;
    case 'uint8': data = Int32Array.from(new Uint8Array(buf)); break;
    case 'bool': data = new Uint8Array(buf); break;
    // tf1ts computes int64 in int32: values beyond its range wrap, as a cast would.
    case 'int64': data = Int32Array.from(new BigInt64Array(buf), (x) => Number(BigInt.asIntN(32, x))); break;
    case 'uint64': data = Int32Array.from(new BigUint64Array(buf), (x) => Number(BigInt.asIntN(32, x))); break;
    case 'float16': data = Float32Array.from(new Uint16Array(buf), fromHalfBits); break;
    default: throw new UnimplementedError(null, null, `Reading a ${base} tensor is not supported`);
  }
  return {value: new NDArray(data, shape, base), crc: crc32c(bytes)};
}

/** TF's ReadStringTensor: the inverse of encodeStrings, checking the lengths' checksum. */
function decodeStrings(name: string, shape: readonly number[], n: number, bytes: Uint8Array): {value: NDArray; crc: number} {
  const r = new ByteReader(bytes);
  const lengths: number[] = [];
  const crc = new Crc32c();
  const len32 = new Uint8Array(4);
  try {
    for (let i = 0; i < n; i++) {
      const len = r.varint();
      lengths.push(len);
      new DataView(len32.buffer).setUint32(0, len, true);
      crc.update(len32);
    }
    const lengthCrc = r.bytes(4);
    if (new DataView(lengthCrc.buffer, lengthCrc.byteOffset).getUint32(0, true) !== maskCrc(crc.digest())) {
      throw new DataLossError(null, null, `The length checksum does not match for ${name}`);
    }
    crc.update(lengthCrc);
    const strings = lengths.map((len) => {
      const b = r.bytes(len);
      crc.update(b);
      return Buffer.from(b).toString('utf8');
    });
    return {value: new NDArray(strings, shape, 'string'), crc: crc.digest()};
  } catch (e) {
    if (e instanceof TableCorruption) throw new DataLossError(null, null, `Checkpoint entry ${name}: truncated string data`);
    throw e;
  }
}

