/**
 * TF's TFRecord framing (core/lib/io/record_writer.cc, record_reader.cc), the container of events
 * files. Each record is
 *
 *     uint64  length                       little-endian
 *     uint32  masked_crc32c(length bytes)  little-endian
 *     byte    data[length]
 *     uint32  masked_crc32c(data)          little-endian
 *
 * with TF's mask (core/lib/hash/crc32c.h): ((crc >> 15) | (crc << 17)) + 0xa282ead8.
 */
import * as fs from 'fs';
import {crc32c, maskCrc} from '../framework/crc32c';
import {DataLossError} from '../framework/errors';

/** TF's crc32c::Mask of the CRC32C of `data`. */
export function maskedCrc32c(data: Uint8Array): number {
  return maskCrc(crc32c(data));
}

/** One record, framed. */
export function encodeRecord(data: Uint8Array): Buffer {
  const out = Buffer.alloc(data.length + 16);
  out.writeBigUInt64LE(BigInt(data.length), 0);
  out.writeUInt32LE(maskedCrc32c(out.subarray(0, 8)), 8);
  out.set(data, 12);
  out.writeUInt32LE(maskedCrc32c(data), 12 + data.length);
  return out;
}

/**
 * The records of a TFRecord file's contents, each CRC checked. A record cut short at the end (a
 * file still being written) ends the iteration, as TF's reader reports OutOfRange there; a CRC
 * mismatch is TF's DataLossError.
 */
export function* decodeRecords(buf: Uint8Array): Generator<Uint8Array> {
  const view = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  let offset = 0;
  while (offset + 12 <= view.length) {
    const header = view.subarray(offset, offset + 8);
    if (view.readUInt32LE(offset + 8) !== maskedCrc32c(header)) {
      throw new DataLossError(null, null, `corrupted record at ${offset}`);
    }
    const length = Number(view.readBigUInt64LE(offset));
    if (offset + 16 + length > view.length) return;
    const data = view.subarray(offset + 12, offset + 12 + length);
    if (view.readUInt32LE(offset + 12 + length) !== maskedCrc32c(data)) {
      throw new DataLossError(null, null, `corrupted record at ${offset}`);
    }
    yield new Uint8Array(data);
    offset += 16 + length;
  }
}

/** TF1's `tf.python_io.tf_record_iterator(path)`: the records of a file, as bytes. */
export function* tf_record_iterator(path: string): Generator<Uint8Array> {
  yield* decodeRecords(fs.readFileSync(path));
}
