/**
 * numpy's `str(a)` and `repr(a)` for NDArray, with numpy's default print options (linewidth=75,
 * threshold=1000, edgeitems=3, precision=8): numpy's array2string layout, element formatters and
 * array_repr's `dtype=`/`shape=` suffixes. Float digits come from ./float_repr.
 */
import type {DtypeName, NDArray} from './ndarray';
import {
  FLOAT16, FLOAT32, FLOAT64, FloatKind, formatFloatScalar, formatPositional, formatScientific, nonFiniteText,
  shortestFloat32,
} from './float_repr';

export {shortestFloat32} from './float_repr';

const LINE_WIDTH = 75;
const THRESHOLD = 1000;
const EDGE_ITEMS = 3;
const SUMMARY = '...';

type Scalar = number | boolean | string;

/** numpy's `str(a)`: `[[1. 2.]\n [3. 4.]]`; a 0-d array prints as its scalar. */
export function formatArray(a: NDArray): string {
  if (a.shape.length === 0) return formatScalar(elementAt(a, 0), a.dtype);
  if (a.size === 0) return '[]';
  return array2string(a, ' ', '', LINE_WIDTH);
}

/** numpy's `repr(a)`: `array([[1., 2.],\n       [3., 4.]], dtype=float32)`. */
export function reprArray(a: NDArray): string {
  const prefix = 'array(';
  // array_repr reserves room for the closing ')' by narrowing the line (numpy's `suffix`).
  const body = a.size === 0 ? '[]' : array2string(a, ', ', prefix, LINE_WIDTH - 1);
  const extras: string[] = [];
  if ((a.size === 0 && !(a.shape.length === 1 && a.shape[0] === 0)) || a.size > THRESHOLD) {
    extras.push(`shape=${pythonTuple(a.shape)}`);
  }
  const dtype = numpyDtype(a.dtype);
  if (!IMPLIED_DTYPES.has(dtype) || a.size === 0) extras.push(`dtype=${dtype}`);
  if (extras.length === 0) return `${prefix}${body})`;
  const head = `${prefix}${body},`;
  const tail = `${extras.join(', ')})`;
  const lastLine = head.length - (head.lastIndexOf('\n') + 1);
  const spacer = lastLine + tail.length + 1 > LINE_WIDTH ? `\n${' '.repeat(prefix.length)}` : ' ';
  return head + spacer + tail;
}

/**
 * What `print(x)` shows for one numpy scalar of the dtype: floats in their shortest round-trip
 * form (`0.1`, `100.0`, `1e-05`, `nan`), integers as integers, bools as `True`/`False`, strings
 * as the bytes TF returns (`b'abc'`).
 */
export function formatScalar(x: Scalar, dtype: DtypeName): string {
  if (dtype === 'string') return bytesRepr(String(x));
  if (dtype === 'bool') return x === true || (typeof x === 'number' && x !== 0) ? 'True' : 'False';
  const v = Number(x);
  const kind = floatKind(dtype);
  if (kind !== undefined) return formatFloatScalar(v, kind);
  return String(integerValue(v, dtype));
}

/** The dtype name numpy would report for the array TF hands back (strings come as object arrays of bytes). */
function numpyDtype(dtype: DtypeName): string {
  return dtype === 'string' ? 'object' : dtype;
}

/** array_repr leaves dtype out when the printed values already imply it (int64 is np.int_ on Linux). */
const IMPLIED_DTYPES = new Set(['float64', 'int64', 'bool']);

function pythonTuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

function floatKind(dtype: DtypeName): FloatKind | undefined {
  if (dtype === 'float64') return FLOAT64;
  if (dtype === 'float32') return FLOAT32;
  if (dtype === 'float16') return FLOAT16;
  return undefined;
}

function integerValue(v: number, dtype: DtypeName): number {
  // Unsigned 32-bit values live in an Int32Array; reinterpret the bits as numpy holds them.
  return dtype === 'uint32' || dtype === 'uint64' ? v >>> 0 : v;
}

/**
 * The element as numpy holds it. A float64 array whose data is a Float32Array was computed in
 * float32, so each element shows as the float64 nearest its shortest float32 decimal (0.1, not
 * 0.10000000149011612), i.e. as numpy prints that float64 array.
 */
function elementAt(a: NDArray, i: number): Scalar {
  const v = a.data[i];
  if (a.dtype === 'float64' && a.data instanceof Float32Array) return shortestFloat32(v as number);
  if (a.dtype === 'bool') return v !== 0;
  return v;
}

/** numpy's per-dtype element formatter, fitted to the elements that will be shown. */
function elementFormatter(a: NDArray, shown: readonly Scalar[]): (x: Scalar) => string {
  const kind = floatKind(a.dtype);
  if (kind !== undefined) {
    const format = floatArrayFormatter(shown as number[], kind);
    return (x) => format(x as number);
  }
  if (a.dtype === 'bool') {
    // numpy's BoolFormat pads True to the width of False, except in a 0-d array.
    const trueText = a.shape.length === 0 ? 'True' : ' True';
    return (x) => (x ? trueText : 'False');
  }
  if (a.dtype === 'string') return (x) => bytesRepr(x as string);
  return integerFormatter(shown.map((x) => integerValue(x as number, a.dtype)), a.dtype);
}

/** Notation and column layout numpy's FloatingFormat settles on for one array. */
interface ArrayFloatLayout {
  scientific: boolean;
  /** Fraction digits: the cutoff in positional mode, every element's digit count in scientific. */
  precision: number;
  padLeft: number;
  padRight: number;
  expDigits: number;
}

const ARRAY_PRECISION = 8;

/**
 * numpy's FloatingFormat.fillFormat: scientific when max|x| >= 10**min(8, finfo.precision) (1e6 for
 * float32 since numpy 2.3), or min|x| < 1e-4, or max/min > 1e3, over the nonzero finite values.
 * The comparisons happen in the array's own type (NEP 50), so float32 1e-4 is not below 1e-4.
 */
function wantsScientific(finite: readonly number[], kind: FloatKind): boolean {
  const magnitudes = finite.filter((v) => v !== 0).map(Math.abs);
  if (magnitudes.length === 0) return false;
  const max = Math.max(...magnitudes);
  const min = Math.min(...magnitudes);
  return max >= 10 ** Math.min(8, kind.decimalPrecision) || min < kind.round(1e-4) || kind.round(max / min) > 1000;
}

function splitAt(text: string, mark: string): [string, string] {
  const i = text.indexOf(mark);
  return i < 0 ? [text, ''] : [text.slice(0, i), text.slice(i + 1)];
}

function widest(texts: readonly string[]): number {
  return texts.reduce((w, t) => Math.max(w, t.length), 0);
}

/** fillFormat's first pass: print every finite value once to measure the columns. */
function measure(finite: readonly number[], kind: FloatKind): ArrayFloatLayout {
  if (finite.length === 0) return {scientific: false, precision: ARRAY_PRECISION, padLeft: 0, padRight: 0, expDigits: -1};
  if (wantsScientific(finite, kind)) {
    const texts = finite.map((v) =>
      formatScientific(v, kind, {precision: ARRAY_PRECISION, minDigits: -1, trim: '.', padLeft: -1, expDigits: -1}));
    const mantissas = texts.map((t) => splitAt(t, 'e')[0]);
    const expDigits = widest(texts.map((t) => splitAt(t, 'e')[1])) - 1;
    const precision = widest(mantissas.map((m) => splitAt(m, '.')[1]));
    return {
      scientific: true,
      precision,
      padLeft: widest(mantissas.map((m) => splitAt(m, '.')[0])),
      padRight: expDigits + 2 + precision,
      expDigits,
    };
  }
  const texts = finite.map((v) =>
    formatPositional(v, kind, {precision: ARRAY_PRECISION, minDigits: -1, trim: '.', padLeft: -1, padRight: -1}));
  return {
    scientific: false,
    precision: ARRAY_PRECISION,
    padLeft: widest(texts.map((t) => splitAt(t, '.')[0])),
    padRight: widest(texts.map((t) => splitAt(t, '.')[1])),
    expDigits: -1,
  };
}

/**
 * numpy's FloatingFormat with the default print options (precision=8, floatmode='maxprec',
 * suppress=False, sign='-'): measures the values that will be shown and returns the function
 * that prints each of them into the shared column layout.
 */
function floatArrayFormatter(shown: readonly number[], kind: FloatKind): (x: number) => string {
  const values = shown.map(kind.round);
  const finite = values.filter(Number.isFinite);
  const layout = measure(finite, kind);
  if (finite.length !== values.length) {
    // nan/inf are right-aligned in the full column width, widening it if 'nan'/'-inf' need it.
    const negInf = values.some((v) => v === -Infinity) ? 1 : 0;
    const offset = layout.padRight + 1;
    layout.padLeft = Math.max(layout.padLeft, 3 - offset, 3 + negInf - offset);
  }
  const width = layout.padLeft + layout.padRight + 1;
  return (x: number): string => {
    const v = kind.round(x);
    if (!Number.isFinite(v)) return nonFiniteText(v).padStart(width);
    if (layout.scientific) {
      return formatScientific(v, kind, {
        precision: layout.precision, minDigits: layout.precision, trim: 'k',
        padLeft: layout.padLeft, expDigits: layout.expDigits,
      });
    }
    return formatPositional(v, kind, {
      precision: layout.precision, minDigits: 0, trim: '.', padLeft: layout.padLeft, padRight: layout.padRight,
    });
  };
}

/** numpy's IntegerFormat: right-aligned to the wider of the printed max and min. */
function integerFormatter(values: readonly number[], dtype: DtypeName): (x: Scalar) => string {
  let max = -Infinity;
  let min = Infinity;
  for (const v of values) {
    max = Math.max(max, v);
    min = Math.min(min, v);
  }
  const width = Math.max(String(max).length, String(min).length);
  return (x) => String(integerValue(x as number, dtype)).padStart(width);
}

/** Python's `repr(bytes)` of the string's UTF-8 encoding: `b'a\n'`, `b"it's"`, `b'\xc3\xa9'`. */
function bytesRepr(s: string): string {
  const bytes = new TextEncoder().encode(s);
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let body = '';
  for (const b of bytes) {
    const c = String.fromCharCode(b);
    if (c === quote || c === '\\') body += `\\${c}`;
    else if (c === '\t') body += '\\t';
    else if (c === '\n') body += '\\n';
    else if (c === '\r') body += '\\r';
    else if (b < 0x20 || b >= 0x7f) body += `\\x${b.toString(16).padStart(2, '0')}`;
    else body += c;
  }
  return `b${quote}${body}${quote}`;
}

/** The indices shown along an axis of length n: all of them, or the edges around a `null` for `...`. */
function shownIndices(n: number, summarize: boolean): (number | null)[] {
  const all = (from: number, to: number): number[] => Array.from({length: to - from}, (_, k) => from + k);
  if (summarize && n > 2 * EDGE_ITEMS) return [...all(0, EDGE_ITEMS), null, ...all(n - EDGE_ITEMS, n)];
  return all(0, n);
}

function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = acc;
    acc *= shape[i];
  }
  return strides;
}

/** Flat offsets of the elements numpy prints (its `_leading_trailing` corners when summarized). */
function shownOffsets(shape: readonly number[], strides: readonly number[], summarize: boolean): number[] {
  const out: number[] = [];
  const walk = (axis: number, offset: number): void => {
    if (axis === shape.length) {
      out.push(offset);
      return;
    }
    for (const i of shownIndices(shape[axis], summarize)) {
      if (i !== null) walk(axis + 1, offset + i * strides[axis]);
    }
  };
  walk(0, 0);
  return out;
}

/**
 * numpy's _extendLine: start a new line, indented by `indent`, when the word would pass `width`,
 * unless the line holds nothing but the indent (wrapping would not help then).
 */
function extendLine(text: string, line: string, word: string, width: number, indent: string): [string, string] {
  if (line.length + word.length > width && line.length > indent.length) {
    return [`${text}${line.trimEnd()}\n`, indent + word];
  }
  return [text, line + word];
}

/**
 * numpy's array2string/_formatArray for a non-empty array: nested brackets, elements wrapped at
 * `lineWidth` with continuation lines aligned under the first element, rows of the higher axes
 * separated by one newline per remaining axis, and `...` in place of the middle of any axis longer
 * than 2*edgeitems when the array has more than `threshold` elements.
 */
function array2string(a: NDArray, separator: string, prefix: string, lineWidth: number): string {
  const summarize = a.size > THRESHOLD;
  const strides = stridesOf(a.shape);
  const shown = shownOffsets(a.shape, strides, summarize).map((i) => elementAt(a, i));
  const format = elementFormatter(a, shown);
  const ndim = a.shape.length;
  const closing = separator.trimEnd();

  const recurse = (axis: number, offset: number, indent: string, width: number): string => {
    if (axis === ndim) return format(elementAt(a, offset));
    const items = shownIndices(a.shape[axis], summarize);
    const render = (i: number | null): string =>
      i === null ? SUMMARY : recurse(axis + 1, offset + i * strides[axis], `${indent} `, width - 1);
    let text = '';
    if (axis === ndim - 1) {
      // Each element leaves room for the separator or the closing bracket after it.
      const elementWidth = width - Math.max(closing.length, 1);
      let line = indent;
      items.forEach((i, k) => {
        [text, line] = extendLine(text, line, render(i), elementWidth, indent);
        if (k < items.length - 1) line += separator;
      });
      text += line;
    } else {
      const rowSeparator = closing + '\n'.repeat(ndim - axis - 1);
      text = items.map((i) => indent + render(i)).join(rowSeparator);
    }
    return `[${text.slice(indent.length)}]`;
  };
  return recurse(0, 0, ' '.repeat(1 + prefix.length), lineWidth);
}
