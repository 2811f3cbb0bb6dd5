/**
 * A small PNG reader for the plot tests (8-bit gray, RGB, gray+alpha, RGBA; not interlaced):
 * chunks, inflated IDAT, the five row filters. Enough to check what resvg wrote.
 */
import * as zlib from 'zlib';

export interface Png {
  width: number;
  height: number;
  /** RGBA bytes, row-major. */
  rgba: Uint8Array;
}

export function readPng(buf: Buffer): Png {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!sig.every((b, i) => buf[i] === b)) throw new Error('not a PNG file');
  let off = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  const idat: Buffer[] = [];
  while (off < buf.length) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString('latin1', off + 4, off + 8);
    const body = buf.subarray(off + 8, off + 8 + len);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8) throw new Error(`bit depth ${body[8]} not supported`);
      colorType = body[9];
      if (body[12] !== 0) throw new Error('interlaced PNG not supported');
    } else if (type === 'IDAT') {
      idat.push(body);
    } else if (type === 'IEND') {
      break;
    }
    off += 12 + len;
  }
  const channels = ({0: 1, 2: 3, 4: 2, 6: 4} as Record<number, number>)[colorType];
  if (!channels) throw new Error(`color type ${colorType} not supported`);
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = pixels.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? row[i - channels] : 0;
      const b = prev[i];
      const c = i >= channels ? prev[i - channels] : 0;
      let pred = 0;
      if (filter === 1) pred = a;
      else if (filter === 2) pred = b;
      else if (filter === 3) pred = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      row[i] = (src[i] + pred) & 0xff;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let k = 0; k < width * height; k++) {
    const p = pixels.subarray(k * channels, (k + 1) * channels);
    const [r, g, b, a] = channels === 1 ? [p[0], p[0], p[0], 255] : channels === 2 ? [p[0], p[0], p[0], p[1]] : channels === 3 ? [p[0], p[1], p[2], 255] : [p[0], p[1], p[2], p[3]];
    rgba.set([r, g, b, a], k * 4);
  }
  return {width, height, rgba};
}

/** The pixel that covers the point (x, y) (pixel k spans [k, k + 1)), as [r, g, b, a]. */
export function pixel(png: Png, x: number, y: number): [number, number, number, number] {
  const k = (Math.floor(y) * png.width + Math.floor(x)) * 4;
  return [png.rgba[k], png.rgba[k + 1], png.rgba[k + 2], png.rgba[k + 3]];
}

/** How many pixels differ from white. */
export function nonWhite(png: Png): number {
  let n = 0;
  for (let k = 0; k < png.width * png.height; k++) {
    if (png.rgba[k * 4] < 250 || png.rgba[k * 4 + 1] < 250 || png.rgba[k * 4 + 2] < 250) n++;
  }
  return n;
}

/** Whether two colors are within `tol` per channel (r, g, b). */
export function near(c: readonly number[], want: readonly number[], tol = 12): boolean {
  return [0, 1, 2].every((i) => Math.abs(c[i] - want[i]) <= tol);
}

/** Whether some pixel within `r` pixels of (x, y) has the color (for thin slanted strokes). */
export function nearAround(png: Png, x: number, y: number, want: readonly number[], r = 1, tol = 12): boolean {
  for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) if (near(pixel(png, x + dx, y + dy), want, tol)) return true;
  return false;
}
