/**
 * The checkpoint protocol buffers (src/framework/proto/{tensor_bundle,checkpoint_state,saver}.proto,
 * TF's field numbers), through the shared loader, and the protobuf text format of the
 * `checkpoint` state file.
 *
 * The shared encoder drops proto3 default values (a zero offset, the LITTLE endianness) and keeps
 * empty sub-messages (a scalar's `shape {}`), as TF's C++ serializer does, so an `.index` we
 * write has TF's bytes for the same tensors.
 */
import type * as protobuf from 'protobufjs';
import {decodeProto, encodeProto, protoType as sharedProtoType} from '../framework/proto/index';

type CheckpointMessage = 'BundleHeaderProto' | 'BundleEntryProto' | 'CheckpointState' | 'SaverDef';

export function protoType(name: CheckpointMessage): protobuf.Type {
  return sharedProtoType(`tensorflow.${name}`);
}

export interface BundleHeader {
  num_shards?: number;
  endianness?: number;
  version?: {producer?: number; min_consumer?: number; bad_consumers?: number[]};
}

export interface BundleEntry {
  dtype?: number;
  shape?: {dim?: {size?: number; name?: string}[]; unknown_rank?: boolean};
  shard_id?: number;
  offset?: number;
  size?: number;
  crc32c?: number;
  slices?: unknown[];
}

export function encodeMessage(name: CheckpointMessage, value: object): Uint8Array {
  return encodeProto(`tensorflow.${name}`, value);
}

export function decodeMessage<T>(name: CheckpointMessage, bytes: Uint8Array): T {
  return decodeProto<T>(`tensorflow.${name}`, bytes);
}

// ---- protobuf text format, for flat messages of scalars (CheckpointState) -------------------

/** Python's text_format.MessageToString for a message whose fields are scalars or repeated scalars. */
export function toTextFormat(type: protobuf.Type, value: Record<string, unknown>): string {
  let out = '';
  for (const field of type.fieldsArray) {
    const v = value[field.name];
    const items = field.repeated ? ((v as unknown[] | undefined) ?? []) : v === undefined || v === null || v === '' || v === 0 ? [] : [v];
    for (const item of items) out += `${field.name}: ${scalarText(field, item)}\n`;
  }
  return out;
}

function scalarText(field: protobuf.Field, x: unknown): string {
  if (field.type === 'string') return `"${cEscape(String(x))}"`;
  if (field.type === 'double' || field.type === 'float') return pythonFloat(Number(x));
  return String(x);
}

/** Python's repr of a float, as text_format prints doubles (`1.5`, `1700000000.25`, `3.0`, `1e-05`). */
function pythonFloat(x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa, e] = x.toExponential().split('e'); // shortest round-trip digits
  const exp = Number(e);
  if (exp < -4 || exp >= 16) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  const s = String(x); // positional in this range
  return s.includes('.') ? s : `${s}.0`;
}

/**
 * text_format's CEscape as TF 2's protobuf applies it (as_utf8): quotes, backslash and control
 * characters escaped, UTF-8 text left as it is.
 */
function cEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c === 0x22) out += '\\"';
    else if (c === 0x27) out += "\\'";
    else if (c === 0x5c) out += '\\\\';
    else if (c < 0x20 || c === 0x7f) out += `\\${c.toString(8).padStart(3, '0')}`;
    else out += ch;
  }
  return out;
}

/**
 * text_format.Merge for the same kind of message: `name: value` lines (a value is a quoted
 * string or a number); `#` comments and unknown fields are errors, as in Python.
 */
export function parseTextFormat(type: protobuf.Type, text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const re = /\s*(?:#[^\n]*|([A-Za-z_][A-Za-z0-9_]*)\s*:\s*("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|[^\s"']+))\s*/gy;
  let pos = 0;
  while (pos < text.length) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m || re.lastIndex === pos) throw new SyntaxError(`text format: cannot parse at offset ${pos}: ${JSON.stringify(text.slice(pos, pos + 20))}`);
    pos = re.lastIndex;
    if (!m[1]) continue;
    const field = type.fields[m[1]];
    if (!field) throw new SyntaxError(`text format: message type "${type.fullName.slice(1)}" has no field named "${m[1]}".`);
    const value = field.type === 'string' ? cUnescape(m[2]) : Number(m[2]);
    if (field.type !== 'string' && Number.isNaN(value)) throw new SyntaxError(`text format: bad value for ${m[1]}: ${m[2]}`);
    if (field.repeated) ((out[m[1]] ??= []) as unknown[]).push(value);
    else out[m[1]] = value;
  }
  return out;
}

function cUnescape(quoted: string): string {
  if (!/^(["']).*\1$/s.test(quoted)) throw new SyntaxError(`text format: expected a string, got ${quoted}`);
  const chars = Array.from(quoted.slice(1, -1)); // code points: a surrogate pair stays whole
  const bytes: number[] = [];
  const SIMPLE: Record<string, number> = {n: 10, r: 13, t: 9, '"': 34, "'": 39, '\\': 92, a: 7, b: 8, f: 12, v: 11, '?': 63};
  const run = (from: number, re: RegExp, max: number): string => {
    let s = '';
    while (s.length < max && from + s.length < chars.length && re.test(chars[from + s.length])) s += chars[from + s.length];
    return s;
  };
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const e = chars[++i] ?? '';
    if (e in SIMPLE) {
      bytes.push(SIMPLE[e]);
    } else if (/[0-7]/.test(e)) {
      const oct = run(i, /[0-7]/, 3);
      bytes.push(parseInt(oct, 8) & 0xff);
      i += oct.length - 1;
    } else if (e === 'x') {
      const hex = run(i + 1, /[0-9a-fA-F]/, 2);
      if (!hex) throw new SyntaxError('text format: bad \\x escape');
      bytes.push(parseInt(hex, 16));
      i += hex.length;
    } else {
      throw new SyntaxError(`text format: invalid escape \\${e}`);
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
