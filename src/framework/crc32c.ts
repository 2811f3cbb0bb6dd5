/**
 * CRC32C (Castagnoli), as TF's file formats checksum their bytes (LevelDB tables and tensor
 * bundles of checkpoints, TFRecord framing of event files), from @aws-crypto/crc32c, and the
 * "masked" form those formats store: a checksum of data that itself holds checksums must not be a
 * plain CRC, so crc32c::Mask rotates it and adds a constant.
 */
export {crc32c, Crc32c} from '@aws-crypto/crc32c';

const MASK_DELTA = 0xa282ead8;

/** crc32c::Mask: what tables, bundles and TFRecords store. */
export function maskCrc(crc: number): number {
  return (((crc >>> 15) | (crc << 17)) + MASK_DELTA) >>> 0;
}

export function unmaskCrc(masked: number): number {
  const rot = (masked - MASK_DELTA) >>> 0;
  return ((rot >>> 17) | (rot << 15)) >>> 0;
}
