/**
 * How a serialized protocol buffer travels through a string tensor.
 *
 * TF's DT_STRING holds bytes; `sess.run(summary_op)` returns Python `bytes`. tfjs string tensors
 * hold JS strings (UTF-8 encoded inside, decoded again by `dataSync`). The summary ops therefore
 * put their serialized Summary in a *binary string*: one character per byte, code 0–255 (what
 * Node calls 'latin1'). The round trip through tfjs (string → UTF-8 → string) is exact for every
 * byte value, so `sess.run` hands back that same binary string, and `FileWriter.add_summary`
 * turns it into the bytes again. Text strings (tags) stay ordinary JS strings and are UTF-8
 * encoded into the protos, as TF encodes Python `str`.
 */

/** Bytes as a binary string: one char (U+0000–U+00FF) per byte. */
export function bytesToBinary(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
}

/** A binary string back to its bytes; a char above U+00FF means it was not a binary string. */
export function binaryToBytes(s: string): Uint8Array {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0xff) {
      throw new TypeError(`not a serialized protocol buffer: character U+${s.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')} at ${i} is not a byte`);
    }
  }
  return new Uint8Array(Buffer.from(s, 'latin1'));
}
