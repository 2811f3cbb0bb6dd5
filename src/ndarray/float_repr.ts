/**
 * numpy's float-to-text conversion: the Dragon4 digit generator behind `np.format_float_positional`
 * and `np.format_float_scientific`, and the scalar `str()` built on them.
 *
 * Digits come from exact BigInt arithmetic on the value's binary mantissa and exponent, so they are
 * numpy's for every float16/float32/float64: the shortest decimal that reads back to the same value
 * of that type ("unique" mode), cut off after `precision` digits with the exact value rounded
 * half-to-even, and optionally extended with further exact digits (`min_digits`).
 */

/** A binary IEEE format numpy prints, described by what Dragon4 needs to know about it. */
export interface FloatKind {
  readonly name: 'float16' | 'float32' | 'float64';
  /** Significand bits including the implicit leading 1. */
  readonly precisionBits: number;
  /** Binary exponent of the smallest normal value (2^minExponent). */
  readonly minExponent: number;
  /** `np.finfo(dtype).precision`: numpy 2 switches arrays to scientific at 10**min(8, this). */
  readonly decimalPrecision: number;
  /** numpy scalar `str()` is positional for 1e-4 <= |x| < this, scientific outside. */
  readonly scalarPositionalLimit: number;
  /** Rounds a double to the nearest value of this format (ties to even). */
  readonly round: (x: number) => number;
}

export const FLOAT64: FloatKind = {
  name: 'float64', precisionBits: 53, minExponent: -1022, decimalPrecision: 15,
  scalarPositionalLimit: 1e16, round: (x) => x,
};
export const FLOAT32: FloatKind = {
  name: 'float32', precisionBits: 24, minExponent: -126, decimalPrecision: 6,
  scalarPositionalLimit: 1e6, round: Math.fround,
};
export const FLOAT16: FloatKind = {
  name: 'float16', precisionBits: 11, minExponent: -14, decimalPrecision: 3,
  scalarPositionalLimit: 1e3, round: roundFloat16,
};

const scratch = new DataView(new ArrayBuffer(8));

/** Sign bit of a double, so that -0 prints as `-0.` as numpy does. */
function signBit(x: number): boolean {
  return x < 0 || Object.is(x, -0);
}

/** floor(log2 |x|) for a finite nonzero double, read exactly from its bits. */
function binaryExponent(x: number): number {
  scratch.setFloat64(0, x);
  const biased = (scratch.getUint16(0) >> 4) & 0x7ff;
  if (biased !== 0) return biased - 1023;
  const hi = scratch.getUint32(0) & 0xfffff;
  const lo = scratch.getUint32(4);
  return hi !== 0 ? -1042 + (31 - Math.clz32(hi)) : -1074 + (31 - Math.clz32(lo));
}

function roundFloat16(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const a = Math.abs(x);
  // 65520 is halfway between float16 max (65504) and 2^16; ties-to-even rounds it up to inf.
  if (a >= 65520) return Math.sign(x) * Infinity;
  const ulp = 2 ** (Math.max(binaryExponent(a), -14) - 10);
  const q = a / ulp;
  let r = Math.round(q);
  if (r - q === 0.5 && r % 2 !== 0) r -= 1;
  return Math.sign(x) * r * ulp;
}

/** The value as mantissa * 2^exponent in the given format, with the flags Dragon4 needs. */
interface Decomposed {
  mantissa: bigint;
  exponent: number;
  /** Index of the mantissa's highest set bit. */
  mantissaBit: number;
  /** At a power of two (not the smallest normal) the gap below is half the gap above. */
  unequalMargins: boolean;
}

function decompose(a: number, kind: FloatKind): Decomposed {
  const log2 = binaryExponent(a);
  const exponent = Math.max(log2, kind.minExponent) - (kind.precisionBits - 1);
  scratch.setFloat64(0, a);
  const bits = scratch.getBigUint64(0);
  const biased = Number(bits >> 52n);
  const fraction = bits & ((1n << 52n) - 1n);
  const m53 = biased === 0 ? fraction : fraction | (1n << 52n);
  const e53 = biased === 0 ? -1074 : biased - 1075;
  const mantissa = e53 >= exponent ? m53 << BigInt(e53 - exponent) : m53 >> BigInt(exponent - e53);
  const normal = log2 >= kind.minExponent;
  return {
    mantissa,
    exponent,
    mantissaBit: normal ? kind.precisionBits - 1 : log2 - exponent,
    unequalMargins: normal && log2 > kind.minExponent && mantissa === 1n << BigInt(kind.precisionBits - 1),
  };
}

/** Decimal digits d0 d1 d2 … meaning d0.d1d2… × 10^exponent. */
interface Digits {
  digits: string;
  exponent: number;
}

/**
 * Cutoffs as numpy's Dragon4 takes them: `max` stops digit generation (-1: none), `min` forces at
 * least that many (-1: none). 'fraction' counts digits after the point, 'total' significant digits.
 */
interface Cutoff {
  mode: 'fraction' | 'total';
  max: number;
  min: number;
}

const LOG10_2 = 0.30102999566398119521373889472449;

/** numpy's Dragon4 in unique mode for a positive finite value (or zero) of the given format. */
function dragon4(a: number, kind: FloatKind, cutoff: Cutoff): Digits {
  if (a === 0) return {digits: '0', exponent: 0};
  const {mantissa, exponent, mantissaBit, unequalMargins} = decompose(a, kind);
  const isEven = (mantissa & 1n) === 0n;
  const factor = unequalMargins ? 4n : 2n;
  let value = mantissa * factor * (exponent > 0 ? 1n << BigInt(exponent) : 1n);
  let scale = factor * (exponent > 0 ? 1n : 1n << BigInt(-exponent));
  let marginLow = exponent > 0 ? 1n << BigInt(exponent) : 1n;
  const highRatio = unequalMargins ? 2n : 1n;

  // Burger & Dybvig's estimate of floor(log10 a) + 1, low by at most one; numpy then raises it to
  // the fractional cutoff so that values below it round to 0 or to 10^-cutoff.
  let digitExponent = Math.ceil((mantissaBit + exponent) * LOG10_2 - 0.69);
  if (cutoff.max >= 0 && cutoff.mode === 'fraction' && digitExponent <= -cutoff.max) {
    digitExponent = -cutoff.max + 1;
  }
  if (digitExponent > 0) scale *= 10n ** BigInt(digitExponent);
  else if (digitExponent < 0) {
    const p = 10n ** BigInt(-digitExponent);
    value *= p;
    marginLow *= p;
  }
  if (value >= scale) digitExponent += 1;
  else {
    value *= 10n;
    marginLow *= 10n;
  }

  // Without a cutoff numpy stops only at the end of its 16384-character output buffer.
  let maxExponent = digitExponent - 16384;
  if (cutoff.max >= 0) {
    maxExponent = Math.max(maxExponent, cutoff.mode === 'total' ? digitExponent - cutoff.max : -cutoff.max);
  }
  let minExponent = digitExponent;
  if (cutoff.min >= 0) {
    minExponent = Math.min(minExponent, cutoff.mode === 'total' ? digitExponent - cutoff.min : -cutoff.min);
  }
  const firstExponent = digitExponent - 1;

  let out = '';
  let digit = 0;
  let low = false;
  let high = false;
  for (;;) {
    digitExponent -= 1;
    digit = Number(value / scale);
    value %= scale;
    // Boundaries count as inside the rounding interval only when the mantissa is even, because
    // round-half-even parsing would map a decimal exactly halfway back to the even neighbour.
    const marginHigh = marginLow * highRatio;
    low = isEven ? value <= marginLow : value < marginLow;
    high = isEven ? value + marginHigh >= scale : value + marginHigh > scale;
    if (((low || high) && digitExponent <= minExponent) || digitExponent === maxExponent) break;
    out += String(digit);
    value *= 10n;
    marginLow *= 10n;
  }

  let roundDown = low;
  if (low === high) {
    const twice = value * 2n;
    roundDown = twice < scale || (twice === scale && digit % 2 === 0);
  }
  if (roundDown) return {digits: out + String(digit), exponent: firstExponent};
  return roundUp(out, digit, firstExponent);
}

function roundUp(prefix: string, digit: number, exponent: number): Digits {
  if (digit < 9) return {digits: prefix + String(digit + 1), exponent};
  const kept = prefix.replace(/9+$/, '');
  if (kept === '') return {digits: '1', exponent: exponent + 1};
  return {digits: kept.slice(0, -1) + String(Number(kept[kept.length - 1]) + 1), exponent};
}

/**
 * numpy's trim modes: 'k' keeps trailing zeros (padding to min_digits), '.' trims zeros but keeps
 * the point (`1.`), '0' keeps one zero (`1.0`), '-' trims zeros and the point (`1`).
 */
export type Trim = 'k' | '.' | '0' | '-';

export interface PositionalOptions {
  precision: number;
  minDigits: number;
  trim: Trim;
  padLeft: number;
  padRight: number;
}

/** `np.format_float_positional(x, unique=True, fractional=True, …)` for a finite x. */
export function formatPositional(x: number, kind: FloatKind, o: PositionalOptions): string {
  x = kind.round(x);
  const sign = signBit(x) ? '-' : '';
  const {digits, exponent} = dragon4(Math.abs(x), kind, {mode: 'fraction', max: o.precision, min: o.minDigits});
  let whole: string;
  let frac: string;
  if (exponent >= 0) {
    whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
    frac = digits.slice(exponent + 1);
  } else {
    whole = '0';
    frac = '0'.repeat(-exponent - 1) + digits;
  }
  if (o.trim === '0' && frac === '') frac = '0';
  if (o.trim === 'k') frac = frac.padEnd(Math.max(o.minDigits, 0), '0');
  else if (frac !== '') {
    frac = frac.replace(/0+$/, '');
    if (frac === '' && o.trim === '0') frac = '0';
  }
  let text = sign + whole + (o.trim === '-' && frac === '' ? '' : '.') + frac;
  if (o.padRight >= frac.length) {
    // numpy keeps the columns aligned by padding a space where '-' mode dropped the point.
    if (o.trim === '-' && frac === '') text += ' ';
    text += ' '.repeat(o.padRight - frac.length);
  }
  return ' '.repeat(Math.max(0, o.padLeft - whole.length - sign.length)) + text;
}

export interface ScientificOptions {
  precision: number;
  minDigits: number;
  trim: Trim;
  padLeft: number;
  expDigits: number;
}

/** `np.format_float_scientific(x, unique=True, …)` for a finite x. */
export function formatScientific(x: number, kind: FloatKind, o: ScientificOptions): string {
  x = kind.round(x);
  const sign = signBit(x) ? '-' : '';
  const {digits, exponent} = dragon4(Math.abs(x), kind, {
    mode: 'total',
    max: o.precision < 0 ? -1 : o.precision + 1,
    min: o.minDigits < 0 ? -1 : o.minDigits + 1,
  });
  let frac = digits.slice(1);
  if (o.trim === '0' && frac === '') frac = '0';
  if (o.trim === 'k') frac = frac.padEnd(Math.max(o.minDigits, 0), '0');
  else if (frac !== '') {
    frac = frac.replace(/0+$/, '');
    if (frac === '' && o.trim === '0') frac = '0';
  }
  // Unlike the positional case, numpy leaves the point in place when '-' trimming empties the
  // fraction; it only omits it when no fractional digit was generated at all.
  const point = o.trim === '-' && digits.length === 1 ? '' : '.';
  const expText = String(Math.abs(exponent)).padStart(Math.min(o.expDigits < 0 ? 2 : o.expDigits, 5), '0');
  const pad = ' '.repeat(Math.max(0, o.padLeft - 1 - sign.length));
  return `${pad}${sign}${digits[0]}${point}${frac}e${exponent < 0 ? '-' : '+'}${expText}`;
}

/** The non-finite spellings numpy uses with its default nanstr/infstr and sign='-'. */
export function nonFiniteText(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  return x < 0 ? '-inf' : 'inf';
}

/**
 * `str(np.float32(x))` and friends: the shortest round-trip digits, positional (`100.0`, `0.1`)
 * for 1e-4 <= |x| < limit and scientific (`1e-05`, `1.5e+16`) otherwise. The lower bound is
 * compared in double, so np.float32(1e-4) (just below 1e-4) prints `1e-04`.
 */
export function formatFloatScalar(x: number, kind: FloatKind): string {
  const v = kind.round(x);
  if (!Number.isFinite(v)) return nonFiniteText(v);
  const a = Math.abs(v);
  if (a === 0 || (a < kind.scalarPositionalLimit && a >= 1e-4)) {
    return formatPositional(v, kind, {precision: -1, minDigits: -1, trim: '0', padLeft: -1, padRight: -1});
  }
  return formatScientific(v, kind, {precision: -1, minDigits: -1, trim: '-', padLeft: -1, expDigits: -1});
}

/**
 * The double whose JS string is the shortest decimal that reads back as the same float32
 * (Math.fround(0.1) → 0.1): what numpy shows for a float32, as a JS number.
 */
export function shortestFloat32(x: number): number {
  const v = Math.fround(x);
  if (!Number.isFinite(v) || v === 0) return v;
  const {digits, exponent} = dragon4(Math.abs(v), FLOAT32, {mode: 'total', max: -1, min: -1});
  const magnitude = Number(`${digits[0]}.${digits.slice(1)}e${exponent}`);
  return v < 0 ? -magnitude : magnitude;
}
