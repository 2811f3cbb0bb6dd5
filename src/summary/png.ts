/**
 * A minimal PNG encoder for image summaries: 8-bit gray, gray+alpha, RGB or RGBA, what TF's
 * png::WriteImageToBuffer writes for ImageSummary (channel_bits 8, zlib's default compression).
 *
 * Rows are filtered with libpng's default heuristic (per row, the filter giving the smallest sum
 * of absolute values) and deflated with Node's zlib. The pixels decode to what TF's PNG holds; the
 * compressed bytes may differ from libpng's, as any two encoders may.
 */
import * as zlib from 'zlib';

const SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** PNG colour types by channel count. */
const COLOR_TYPE: Record<number, number> = {1: 0, 2: 4, 3: 2, 4: 6};

let crcTable: Uint32Array | undefined;

/** CRC-32 (ISO 3309, the one PNG chunks use). */
export function crc32(bytes: Uint8Array, crc = 0): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = ~crc >>> 0;
  for (let i = 0; i < bytes.length; i++) c = crcTable[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** One row filtered with `type` (0 None, 1 Sub, 2 Up, 3 Average, 4 Paeth) into `out`. */
function filterRow(type: number, row: Uint8Array, prev: Uint8Array | null, bpp: number, out: Uint8Array): void {
  for (let i = 0; i < row.length; i++) {
    const a = i >= bpp ? row[i - bpp] : 0;
    const b = prev ? prev[i] : 0;
    const c = prev && i >= bpp ? prev[i - bpp] : 0;
    const predictor = type === 1 ? a : type === 2 ? b : type === 3 ? (a + b) >> 1 : type === 4 ? paeth(a, b, c) : 0;
    out[i] = (row[i] - predictor) & 0xff;
  }
}

/** The sum of the filtered bytes read as signed, libpng's measure of how well a row will compress. */
function cost(filtered: Uint8Array): number {
  let s = 0;
  for (let i = 0; i < filtered.length; i++) s += filtered[i] < 128 ? filtered[i] : 256 - filtered[i];
  return s;
}

/** Encodes `pixels` (row-major, height × width × channels, 8 bits each) as a PNG file. */
export function encodePng(pixels: Uint8Array, width: number, height: number, channels: number): Uint8Array {
  const colorType = COLOR_TYPE[channels];
  if (colorType === undefined) throw new RangeError(`PNG images have 1 to 4 channels, not ${channels}`);
  if (pixels.length !== width * height * channels) throw new RangeError(`expected ${width * height * channels} bytes of pixels, got ${pixels.length}`);
  const stride = width * channels;
  const raw = new Uint8Array(height * (stride + 1));
  const candidates = Array.from({length: 5}, () => new Uint8Array(stride));
  for (let y = 0; y < height; y++) {
    const row = pixels.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : null;
    let best = 0;
    let bestCost = Infinity;
    for (let type = 0; type < 5; type++) {
      filterRow(type, row, prev, channels, candidates[type]);
      const c = cost(candidates[type]);
      if (c < bestCost) [best, bestCost] = [type, c];
    }
    raw[y * (stride + 1)] = best;
    raw.set(candidates[best], y * (stride + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = colorType;
  // compression method, filter method, interlace: all 0 (deflate, adaptive, none)
  const idat = zlib.deflateSync(raw, {level: zlib.constants.Z_DEFAULT_COMPRESSION});
  return new Uint8Array(Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))]));
}

/** A decoded PNG: 8-bit pixels, row-major, `channels` per pixel. */
export interface DecodedPng {
  width: number;
  height: number;
  channels: number;
  pixels: Uint8Array;
}

/**
 * Decodes the PNGs image summaries hold (TF's and ours): 8-bit, non-interlaced, gray, gray+alpha,
 * RGB or RGBA. Enough to read an image summary back; not a general PNG reader.
 */
export function decodePng(png: Uint8Array): DecodedPng {
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (!buf.subarray(0, 8).equals(Buffer.from(SIGNATURE))) throw new Error('not a PNG file');
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  for (let off = 8; off < buf.length; ) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString('latin1', off + 4, off + 8);
    const data = buf.subarray(off + 8, off + 8 + len);
    if (type === 'IHDR') {
      [width, height] = [data.readUInt32BE(0), data.readUInt32BE(4)];
      channels = Number(Object.keys(COLOR_TYPE).find((c) => COLOR_TYPE[Number(c)] === data[9]));
      if (data[8] !== 8 || !channels || data[12] !== 0) throw new Error(`unsupported PNG: bit depth ${data[8]}, colour type ${data[9]}, interlace ${data[12]}`);
    } else if (type === 'IDAT') {
      idat.push(data);
    }
    off += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const type = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? pixels[y * stride + i - channels] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + i] : 0;
      const c = y > 0 && i >= channels ? pixels[(y - 1) * stride + i - channels] : 0;
      const predictor = type === 1 ? a : type === 2 ? b : type === 3 ? (a + b) >> 1 : type === 4 ? paeth(a, b, c) : 0;
      pixels[y * stride + i] = (line[i] + predictor) & 0xff;
    }
  }
  return {width, height, channels, pixels};
}
