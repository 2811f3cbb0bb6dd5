/**
 * Protocol buffer text format, for any message of src/framework/proto (protobufjs has none):
 * `messageToString` writes what Python's `google.protobuf.text_format.MessageToString` writes —
 * the printer behind `tf.io.write_graph(..., as_text=True)` and `str(graph_def)` — and `parse`
 * reads it (and the rest of the text format: `<>` brackets, `[a, b]` lists, comments, hex and
 * octal integers, adjacent strings).
 *
 * Matched details of the Python printer: fields in field-number order; proto3 fields at their
 * default left out unless they are a set oneof member; map entries sorted by key, an empty key
 * left out; a float as the shortest decimal that reads back as the same float32, a double as
 * Python's repr (`1e-05`, `0.0001`, `1e+16`); `string` fields escaped as UTF-8 text, `bytes`
 * fields with octal escapes for everything outside printable ASCII.
 */
import type * as protobuf from 'protobufjs';
import {protoType, isDefaultScalar, isEnumType, isMessageType} from './proto/index';
import {formatFloatScalar, FLOAT64} from '../ndarray/float_repr';
import {parseMessage} from './text_format_parser';

export {ParseError} from './text_format_parser';

type Msg = Record<string, unknown>;

function isMap(field: protobuf.Field | protobuf.MapField): field is protobuf.MapField {
  return field.map;
}

function typeOf(type: string | protobuf.Type): protobuf.Type {
  return typeof type === 'string' ? protoType(type) : type;
}

// ---- printing ---------------------------------------------------------------------------------

/** The message in text format, as Python's `text_format.MessageToString(message)`. */
export function messageToString(type: string | protobuf.Type, message: object): string {
  const out: string[] = [];
  printMessage(typeOf(type), message as Msg, '', out);
  return out.join('');
}

function printMessage(type: protobuf.Type, msg: Msg, indent: string, out: string[]): void {
  for (const field of [...type.fieldsArray].sort((a, b) => a.id - b.id)) {
    const v = msg[field.name];
    if (v === undefined || v === null) continue;
    field.resolve();
    if (isMap(field)) {
      const keys = Object.keys(v as Msg).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      for (const k of keys) {
        out.push(`${indent}${field.name} {\n`);
        const inner = indent + '  ';
        if (k !== '') out.push(`${inner}key: ${scalarText(field.keyType, null, k)}\n`);
        printValue(field, 'value', (v as Msg)[k], inner, out, true);
        out.push(`${indent}}\n`);
      }
    } else if (field.repeated) {
      for (const x of v as unknown[]) printValue(field, field.name, x, indent, out, false);
    } else if (isMessageType(field.resolvedType) || field.partOf || !isDefaultScalar(v)) {
      printValue(field, field.name, v, indent, out, false);
    }
  }
}

/** One `name: value` line, or a `name { … }` block for a message. */
function printValue(field: protobuf.Field, name: string, v: unknown, indent: string, out: string[], mapValue: boolean): void {
  if (isMessageType(field.resolvedType)) {
    out.push(`${indent}${name} {\n`);
    printMessage(field.resolvedType, v as Msg, indent + '  ', out);
    out.push(`${indent}}\n`);
  } else if (!mapValue || !isDefaultScalar(v)) {
    out.push(`${indent}${name}: ${scalarText(field.type, field.resolvedType, v)}\n`);
  }
}

function scalarText(kind: string, resolved: protobuf.ReflectionObject | null, v: unknown): string {
  if (isEnumType(resolved)) return resolved.valuesById[v as number] ?? String(v);
  switch (kind) {
    case 'string': return `"${escapeString(v as string)}"`;
    case 'bytes': return `"${escapeBytes(v as Uint8Array)}"`;
    case 'bool': return v ? 'true' : 'false';
    case 'float': return Number.isNaN(v) ? 'nan' : pythonFloatRepr(toShortestFloat(v as number));
    case 'double': return pythonFloatRepr(v as number);
    default: return String(v);
  }
}

/**
 * protobuf's `type_checkers.ToShortestFloat`: the float32 rounded to 6 significant digits, or 7,
 * 8 … until it reads back as the same float32 (so a denormal prints `1.4013e-45`, not `1e-45`).
 */
function toShortestFloat(x: number): number {
  const v = Math.fround(x);
  if (!Number.isFinite(v) || v === 0) return v;
  for (let p = 6; p < 17; p++) {
    const r = Number(v.toPrecision(p));
    if (Math.fround(r) === v) return r;
  }
  return v;
}

/** Python's `repr(float)`: `0.1`, `1.0`, `1e-05`, `1e+16`, `nan`, `inf`. */
export function pythonFloatRepr(x: number): string {
  return formatFloatScalar(x, FLOAT64);
}

const printable = (c: number): boolean => c >= 32 && c < 127;

function escapeChar(c: number): string | null {
  switch (c) {
    case 9: return '\\t';
    case 10: return '\\n';
    case 13: return '\\r';
    case 34: return '\\"';
    case 39: return "\\'";
    case 92: return '\\\\';
    default: return null;
  }
}

/** A `string` field: UTF-8 text with ASCII control characters and quotes escaped. */
export function escapeString(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const e = escapeChar(c);
    out += e ?? (c < 128 && !printable(c) ? `\\${c.toString(8).padStart(3, '0')}` : ch);
  }
  return out;
}

/** A `bytes` field: printable ASCII as is, every other byte as a three-digit octal escape. */
export function escapeBytes(b: Uint8Array): string {
  let out = '';
  for (const c of b) out += escapeChar(c) ?? (printable(c) ? String.fromCharCode(c) : `\\${c.toString(8).padStart(3, '0')}`);
  return out;
}

/** Parses a message of `type` from text format into a plain object (see proto/index.ts). */
export function parse<T = Msg>(type: string | protobuf.Type, text: string): T {
  return parseMessage(typeOf(type), text) as T;
}
