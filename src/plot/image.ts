/**
 * Pixels for `imshow` and colorbars: data → RGBA bytes (as matplotlib's AxesImage maps them),
 * and a minimal PNG encoder so the pixels can be embedded in the SVG as an <image>.
 */
import * as zlib from 'zlib';
import {type Colormap, Normalize, get_cmap} from './colors';

export interface ImagePixels {
  rgba: Uint8ClampedArray;
  cmap: Colormap | null;
  vmin: number;
  vmax: number;
}

/**
 * 2-D data: normalised between vmin and vmax (default: the data's min and max) and color-mapped
 * (viridis by default, as `pylab.imshow(im)` shows a digit). rows × cols × 3|4 data is RGB(A):
 * integers in 0 … 255, floats in 0 … 1 (clipped), as matplotlib reads them.
 */
export function imageRgba(
  data: readonly number[], shape: readonly number[], integer: boolean,
  o: {cmap?: string | Colormap; vmin?: number; vmax?: number; alpha?: number},
): ImagePixels {
  const [rows, cols] = shape;
  const alpha = o.alpha ?? 1;
  if (shape.length === 2) {
    const finite = data.filter(Number.isFinite);
    const vmin = o.vmin ?? Math.min(...finite);
    const vmax = o.vmax ?? Math.max(...finite);
    const cmap = get_cmap(o.cmap);
    const norm = new Normalize(vmin, vmax);
    const rgba = new Uint8ClampedArray(rows * cols * 4);
    data.forEach((v, k) => {
      const c = cmap.call(norm.call(v), Number.isNaN(v) ? 0 : alpha);
      for (let j = 0; j < 4; j++) rgba[k * 4 + j] = Math.round(c[j] * 255);
    });
    return {rgba, cmap, vmin, vmax};
  }
  if (shape.length === 3 && (shape[2] === 3 || shape[2] === 4)) {
    const ch = shape[2];
    const rgba = new Uint8ClampedArray(rows * cols * 4);
    const scale = (v: number) => (integer ? v : Math.min(Math.max(v, 0), 1) * 255);
    for (let k = 0; k < rows * cols; k++) {
      for (let j = 0; j < 3; j++) rgba[k * 4 + j] = Math.round(scale(data[k * ch + j]));
      rgba[k * 4 + 3] = Math.round((ch === 4 ? scale(data[k * ch + 3]) : 255) * alpha);
    }
    return {rgba, cmap: null, vmin: 0, vmax: 1};
  }
  throw new TypeError(`Invalid shape (${shape.join(', ')}) for image data`);
}

/** The rows of an RGBA image in reverse order. */
export function flipRows(rgba: Uint8ClampedArray, rows: number, cols: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(rgba.length);
  for (let r = 0; r < rows; r++) out.set(rgba.subarray(r * cols * 4, (r + 1) * cols * 4), (rows - 1 - r) * cols * 4);
  return out;
}

function chunk(type: string, body: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typed) >>> 0);
  return Buffer.concat([len, typed, crc]);
}

/** An 8-bit RGBA PNG (filter 0 on every row): only for embedding pixels, the figures are encoded by resvg. */
export function encodePng(rgba: Uint8ClampedArray, width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** A data: URI of the pixels, for an SVG <image href>. */
export function pngDataUri(rgba: Uint8ClampedArray, width: number, height: number): string {
  return `data:image/png;base64,${encodePng(rgba, width, height).toString('base64')}`;
}
