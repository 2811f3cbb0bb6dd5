/**
 * LevelDB's table format (an "SSTable"), as TensorFlow's tensor bundle writes its `.index` file
 * (tensorflow/core/lib/io/table_builder.cc, a copy of LevelDB's table/table_builder.cc):
 *
 *     data block … data block | metaindex block | index block | footer (48 bytes)
 *
 * A block is a run of entries `varint32 shared | varint32 non_shared | varint32 value_length |
 * key[shared:] | value`, each key sharing a prefix with the one before except at restart
 * points (every 16 entries), then the restart offsets (fixed32 each) and their count, then a
 * 5-byte trailer: the compression type (0 = none) and the masked CRC32C of block + type. The
 * index block maps a short key ≥ each data block's last key to its BlockHandle (varint64
 * offset, varint64 size); the footer holds the metaindex and index handles, zero-padded to 40
 * bytes, and the magic number 0xdb4775248b80fb57.
 *
 * The writer reproduces TF's bytes exactly (block size 256 KiB, restart interval 16, no
 * compression, LevelDB's bytewise key shortening), so our `.index` files equal TF's for the same
 * entries. The reader reads the whole table (a checkpoint index is small) and checks every CRC.
 */
import {crc32c, maskCrc, unmaskCrc} from '../framework/crc32c';

/** TF's table::Options defaults for the bundle's index (tensorflow/core/lib/io/table_options.h). */
const BLOCK_SIZE = 262144;
const RESTART_INTERVAL = 16;
const FOOTER_SIZE = 48;
const MAGIC_LO = 0x8b80fb57;
const MAGIC_HI = 0xdb477524;
const NO_COMPRESSION = 0;

/** What went wrong reading a table: the caller turns it into TF's DataLossError. */
export class TableCorruption extends Error {
  override name = 'TableCorruption';
}

/** A growable byte buffer with LevelDB's integer encodings. */
export class ByteWriter {
  private buf = new Uint8Array(256);
  length = 0;

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.length + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  byte(x: number): void {
    this.reserve(1);
    this.buf[this.length++] = x & 0xff;
  }

  fixed32(x: number): void {
    this.reserve(4);
    new DataView(this.buf.buffer, this.buf.byteOffset).setUint32(this.length, x >>> 0, true);
    this.length += 4;
  }

  /** A varint of up to 64 bits; numbers beyond 2^53 do not occur in file offsets or sizes. */
  varint(x: number): void {
    if (!Number.isSafeInteger(x) || x < 0) throw new RangeError(`cannot encode ${x} as a varint`);
    while (x >= 0x80) {
      this.byte((x % 0x80) | 0x80);
      x = Math.floor(x / 0x80);
    }
    this.byte(x);
  }

  /** The bytes written so far (a view: copy it before writing more if it must stay). */
  view(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }

  clear(): void {
    this.length = 0;
  }
}

/** Reads LevelDB's encodings from a byte range, raising TableCorruption past its end. */
export class ByteReader {
  pos: number;
  constructor(
    readonly data: Uint8Array,
    start = 0,
    readonly end = data.length,
  ) {
    this.pos = start;
  }

  varint(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new TableCorruption('truncated varint');
      const b = this.data[this.pos++];
      result += (b & 0x7f) * scale;
      if (b < 0x80) return result;
      scale *= 0x80;
    }
    throw new TableCorruption('bad varint');
  }

  bytes(n: number): Uint8Array {
    if (this.pos + n > this.end) throw new TableCorruption('truncated entry');
    const out = this.data.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}

function fixed32At(data: Uint8Array, offset: number): number {
  return new DataView(data.buffer, data.byteOffset).getUint32(offset, true);
}

/** A copy of the first `n` bytes (Buffer's `slice` would share memory, not copy). */
function copyBytes(a: Uint8Array, n = a.length): Uint8Array {
  return Uint8Array.from(a.subarray(0, n));
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** LevelDB's BlockBuilder: prefix-compressed entries with restart points. */
class BlockBuilder {
  private readonly out = new ByteWriter();
  private restarts = [0];
  private counter = 0;
  private lastKey: Uint8Array = new Uint8Array(0);

  constructor(private readonly restartInterval: number) {}

  get empty(): boolean {
    return this.out.length === 0;
  }

  sizeEstimate(): number {
    return this.out.length + this.restarts.length * 4 + 4;
  }

  add(key: Uint8Array, value: Uint8Array): void {
    let shared = 0;
    if (this.counter < this.restartInterval) {
      const n = Math.min(this.lastKey.length, key.length);
      while (shared < n && this.lastKey[shared] === key[shared]) shared++;
    } else {
      this.restarts.push(this.out.length);
      this.counter = 0;
    }
    this.out.varint(shared);
    this.out.varint(key.length - shared);
    this.out.varint(value.length);
    this.out.bytes(key.subarray(shared));
    this.out.bytes(value);
    this.lastKey = copyBytes(key);
    this.counter++;
  }

  finish(): Uint8Array {
    for (const r of this.restarts) this.out.fixed32(r);
    this.out.fixed32(this.restarts.length);
    const contents = copyBytes(this.out.view());
    this.out.clear();
    this.restarts = [0];
    this.counter = 0;
    this.lastKey = new Uint8Array(0);
    return contents;
  }
}

/** BytewiseComparator::FindShortestSeparator: a short key in [start, limit). */
function shortestSeparator(start: Uint8Array, limit: Uint8Array): Uint8Array {
  const n = Math.min(start.length, limit.length);
  let i = 0;
  while (i < n && start[i] === limit[i]) i++;
  if (i >= n) return start; // one is a prefix of the other
  const b = start[i];
  if (b < 0xff && b + 1 < limit[i]) {
    const out = copyBytes(start, i + 1);
    out[i]++;
    return out;
  }
  return start;
}

/** BytewiseComparator::FindShortSuccessor: a short key ≥ key. */
function shortSuccessor(key: Uint8Array): Uint8Array {
  for (let i = 0; i < key.length; i++) {
    if (key[i] !== 0xff) {
      const out = copyBytes(key, i + 1);
      out[i]++;
      return out;
    }
  }
  return key;
}

interface BlockHandle {
  offset: number;
  size: number;
}

function encodeHandle(h: BlockHandle, w: ByteWriter = new ByteWriter()): ByteWriter {
  w.varint(h.offset);
  w.varint(h.size);
  return w;
}

/**
 * Builds a table in memory from entries added in strictly increasing key order (bytewise), as
 * LevelDB's TableBuilder; `finish()` returns the file's bytes.
 */
export class TableBuilder {
  private readonly file = new ByteWriter();
  private readonly data = new BlockBuilder(RESTART_INTERVAL);
  private readonly index = new BlockBuilder(1);
  private lastKey: Uint8Array | null = null;
  private pending: BlockHandle | null = null;

  add(key: Uint8Array, value: Uint8Array): void {
    if (this.lastKey !== null && compareBytes(key, this.lastKey) <= 0) {
      throw new Error('table keys must be added in increasing order');
    }
    if (this.pending) {
      this.index.add(shortestSeparator(this.lastKey!, key), copyBytes(encodeHandle(this.pending).view()));
      this.pending = null;
    }
    this.lastKey = copyBytes(key);
    this.data.add(key, value);
    if (this.data.sizeEstimate() >= BLOCK_SIZE) this.flush();
  }

  finish(): Uint8Array {
    this.flush();
    const metaindex = this.writeBlock(new BlockBuilder(RESTART_INTERVAL).finish());
    if (this.pending) {
      this.index.add(shortSuccessor(this.lastKey!), copyBytes(encodeHandle(this.pending).view()));
      this.pending = null;
    }
    const index = this.writeBlock(this.index.finish());
    const footer = encodeHandle(index, encodeHandle(metaindex));
    while (footer.length < FOOTER_SIZE - 8) footer.byte(0);
    footer.fixed32(MAGIC_LO);
    footer.fixed32(MAGIC_HI);
    this.file.bytes(footer.view());
    return copyBytes(this.file.view());
  }

  private flush(): void {
    if (this.data.empty) return;
    this.pending = this.writeBlock(this.data.finish());
  }

  private writeBlock(contents: Uint8Array): BlockHandle {
    const handle = {offset: this.file.length, size: contents.length};
    this.file.bytes(contents);
    const type = Uint8Array.of(NO_COMPRESSION);
    this.file.bytes(type);
    const crc = crc32c(concat(contents, type));
    this.file.fixed32(maskCrc(crc));
    return handle;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** One table entry: key and value as bytes. */
export interface TableEntry {
  key: Uint8Array;
  value: Uint8Array;
}

/** Every entry of a table, in key order; checks the magic number and each block's CRC. */
export function readTable(file: Uint8Array): TableEntry[] {
  if (file.length < FOOTER_SIZE) throw new TableCorruption('file is too short to be an sstable');
  const footerAt = file.length - FOOTER_SIZE;
  if (fixed32At(file, file.length - 8) !== MAGIC_LO || fixed32At(file, file.length - 4) !== MAGIC_HI) {
    throw new TableCorruption('not an sstable (bad magic number)');
  }
  const footer = new ByteReader(file, footerAt, file.length - 8);
  footer.varint(); // metaindex offset: TF's bundles carry no meta blocks (no filters)
  footer.varint();
  const index = readBlock(file, {offset: footer.varint(), size: footer.varint()});
  const out: TableEntry[] = [];
  for (const {value} of blockEntries(index)) {
    const r = new ByteReader(value);
    out.push(...blockEntries(readBlock(file, {offset: r.varint(), size: r.varint()})));
  }
  return out;
}

function readBlock(file: Uint8Array, h: BlockHandle): Uint8Array {
  if (h.offset + h.size + 5 > file.length) throw new TableCorruption('block handle points past the end of the file');
  const withType = file.subarray(h.offset, h.offset + h.size + 1);
  const stored = fixed32At(file, h.offset + h.size + 1);
  if (crc32c(withType) !== unmaskCrc(stored)) throw new TableCorruption('block checksum mismatch');
  const type = file[h.offset + h.size];
  // TF also knows Snappy (1) and Zlib (2); its bundle writer never uses them.
  if (type !== NO_COMPRESSION) throw new TableCorruption(`unsupported block compression type ${type}`);
  return file.subarray(h.offset, h.offset + h.size);
}

function blockEntries(block: Uint8Array): TableEntry[] {
  if (block.length < 4) throw new TableCorruption('bad block contents');
  const numRestarts = fixed32At(block, block.length - 4);
  const limit = block.length - 4 - 4 * numRestarts;
  if (limit < 0) throw new TableCorruption('bad block contents');
  const r = new ByteReader(block, 0, limit);
  const out: TableEntry[] = [];
  let key = new Uint8Array(0);
  while (r.pos < limit) {
    const shared = r.varint();
    const nonShared = r.varint();
    const valueLength = r.varint();
    if (shared > key.length) throw new TableCorruption('bad entry in block');
    const next = new Uint8Array(shared + nonShared);
    next.set(key.subarray(0, shared));
    next.set(r.bytes(nonShared), shared);
    key = next;
    out.push({key, value: r.bytes(valueLength)});
  }
  return out;
}
