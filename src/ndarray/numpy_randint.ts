/**
 * numpy's legacy `RandomState.randint` (numpy/random/_bounded_integers): bounds checks, then per
 * element `off + bounded(rng)` with masked rejection — 32/64-bit dtypes on whole 32-bit (or
 * 64-bit) draws, 16-bit, 8-bit and bool dtypes on the bytes/bits of a buffered 32-bit draw.
 */
import {NDArray, type DtypeName} from './ndarray';
import type {RandomState} from './random';
import {asarray, broadcastShapes, fromFn, indexer, nums, sizeOf, type ArrayInput} from './numpy_core';

export interface RandintOptions {
  size?: number | readonly number[] | null;
  dtype?: DtypeName;
}

const BOUNDS: Partial<Record<DtypeName, [number, number]>> = {
  bool: [0, 1], int8: [-128, 127], uint8: [0, 255], int16: [-32768, 32767], uint16: [0, 65535],
  int32: [-2147483648, 2147483647], uint32: [0, 4294967295],
  int64: [-(2 ** 63), 2 ** 63 - 1], uint64: [0, 2 ** 64 - 1],
};

/** Smallest all-ones mask >= rng (numpy's gen_mask), for rng < 2**32. */
function mask32(rng: number): number {
  let m = rng;
  for (let s = 1; s <= 16; s *= 2) m |= m >>> s;
  return m >>> 0;
}

/** One call's generator of bounded values: 8/16/1-bit widths keep a 32-bit buffer across elements. */
function boundedDrawer(rs: RandomState, dtype: DtypeName): (rng: number) => number {
  const bits = dtype === 'bool' ? 1 : dtype.endsWith('8') ? 8 : dtype.endsWith('16') ? 16 : 32;
  if (bits === 32) return (rng) => rs.bounded(rng);
  let buf = 0;
  let bcnt = 0;
  const next = (): number => {
    if (bcnt === 0) {
      buf = rs.uint32();
      bcnt = bits === 1 ? 31 : bits === 8 ? 3 : 1;
    } else {
      buf = buf >>> bits;
      bcnt--;
    }
    return bits === 1 ? buf & 1 : bits === 8 ? buf & 0xff : buf & 0xffff;
  };
  return (rng) => {
    if (rng === 0) return 0;
    if (bits === 1) return next();
    const full = bits === 8 ? 0xff : 0xffff;
    if (rng === full) return next();
    const m = mask32(rng);
    let v: number;
    do v = next() & m;
    while (v > rng);
    return v;
  };
}

/** numpy's format_bounds_error for the half-open interval. */
function boundsError(low: number): Error {
  return new RangeError(low === 0 ? 'high <= 0' : 'low >= high');
}

export function randint(
  rs: RandomState, lowIn: ArrayInput, highIn: ArrayInput | null, shape: number[] | null, dtype: DtypeName,
): NDArray | number {
  const [lowArg, highArg] = highIn === null ? [0, lowIn] : [lowIn, highIn];
  const lo = asarray(lowArg, 'float64');
  const hi = asarray(highArg, 'float64');
  const bounds = BOUNDS[dtype];
  if (bounds === undefined) throw new TypeError(`Unsupported dtype ${dtype} for randint`);
  const pshape = broadcastShapes(lo.shape, hi.shape);
  const out = shape ?? pshape;
  if (shape !== null && broadcastShapes(pshape, shape).join() !== shape.join()) {
    throw new Error('shape mismatch: objects cannot be broadcast to a single shape');
  }
  const [ld, hd] = [nums(lo), nums(hi)];
  const [bl, bh] = [indexer(lo.shape, pshape), indexer(hi.shape, pshape)];
  for (let k = 0; k < sizeOf(pshape); k++) {
    const [l, h] = [ld[bl(k)], hd[bh(k)] - 1];
    if (l < bounds[0]) throw new RangeError(`low is out of bounds for ${dtype}`);
    if (h > bounds[1]) throw new RangeError(`high is out of bounds for ${dtype}`);
    if (l > h) throw boundsError(l);
  }
  const draw = boundedDrawer(rs, dtype);
  const [il, ih] = [indexer(lo.shape, out), indexer(hi.shape, out)];
  const values = Float64Array.from({length: sizeOf(out)}, (_, k) => {
    const l = ld[il(k)];
    return l + draw(hd[ih(k)] - 1 - l);
  });
  // One draw from scalar bounds is a JS number (exact up to 2**53, beyond NDArray's 32-bit int storage).
  if (shape === null && typeof lowArg === 'number' && typeof highArg === 'number') return values[0];
  return fromFn(dtype, out, (k) => values[k]);
}
