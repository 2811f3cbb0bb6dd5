/**
 * The protocol buffers of TensorFlow's file formats, loaded once with protobufjs from the .proto
 * files beside this module (TF's names and field numbers), and typed helpers to encode and decode
 * a message by name.
 *
 * Messages are handled as plain objects with TF's snake_case field names (`tensor_shape`,
 * `tensor_content`): enums as numbers, 64-bit integers as JS numbers, bytes as Uint8Array, and
 * fields at their proto3 default left out, as TF's own decoders present them.
 */
import * as fs from 'fs';
import * as path from 'path';
import type * as protobuf from 'protobufjs';

let root: protobuf.Root | undefined;

/**
 * protobufjs itself, loaded on first use: it takes ~70 ms to load, which a script that never
 * reads or writes a file should not pay at startup.
 */
function protobufjs(): typeof protobuf {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('protobufjs') as typeof protobuf;
}

/**
 * The directory holding the .proto files: this module's own when run from source, else the
 * source tree's (a build copies the .ts modules to dist/ but not the .proto files).
 */
export function protoDir(): string {
  const candidates = [__dirname, path.resolve(__dirname, '..', '..', '..', '..', 'src', 'framework', 'proto')];
  for (const dir of candidates) {
    if (fs.existsSync(dir) && fs.readdirSync(dir).some((f) => f.endsWith('.proto'))) return dir;
  }
  throw new Error(`tf1ts: no .proto files found in ${candidates.join(' or ')}`);
}

/** Every .proto of the directory in one Root, loaded on first use and kept. */
export function protoRoot(): protobuf.Root {
  if (!root) {
    const dir = protoDir();
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.proto')).sort().map((f) => path.join(dir, f));
    const r = new (protobufjs().Root)();
    // keepCase: TF's field names as written in the .proto files, as TF's Python API spells them.
    r.loadSync(files, {keepCase: true});
    r.resolveAll();
    root = r;
  }
  return root;
}

/** The message type `name` ('tensorflow.GraphDef'; the package may be left out: 'GraphDef'). */
export function protoType(name: string): protobuf.Type {
  const full = name.includes('.') ? name : `tensorflow.${name}`;
  return protoRoot().lookupType(full);
}

/** The enum `name` ('tensorflow.DataType' or 'DataType'). */
export function protoEnum(name: string): protobuf.Enum {
  const full = name.includes('.') ? name : `tensorflow.${name}`;
  return protoRoot().lookupEnum(full);
}

/**
 * The wire bytes of a message, as Python's `SerializeToString(deterministic=True)` writes them
 * (what `tf.io.write_graph(..., as_text=False)` writes): fields in field-number order, proto3
 * fields at their default left out (except a set oneof member), map entries in upb's key order.
 */
export function encodeProto(name: string, message: object): Uint8Array {
  const type = protoType(name);
  // fromObject accepts enum names as well as numbers, and numbers for 64-bit fields.
  return type.encode(type.fromObject(canonicalize(type, message as Record<string, unknown>))).finish();
}

/** Decodes wire bytes into a plain object (see the module comment); unknown fields are skipped. */
export function decodeProto<T = Record<string, unknown>>(name: string, bytes: Uint8Array): T {
  const type = protoType(name);
  let msg: protobuf.Message;
  try {
    msg = type.decode(bytes);
  } catch (e) {
    throw new Error(`tf1ts: cannot parse ${type.fullName}: ${(e as Error).message}`);
  }
  return type.toObject(msg, {longs: Number, enums: Number, bytes: Uint8Array, defaults: false, arrays: false}) as T;
}

/** A plain-object message with its proto3 defaults removed and its map keys in order. */
function canonicalize(type: protobuf.Type, obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of type.fieldsArray) {
    const v = obj[field.name];
    if (v === undefined || v === null) continue;
    field.resolve();
    const sub = isMessageType(field.resolvedType) ? field.resolvedType : null;
    if (field.map) {
      const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => upbKeyOrder(a, b));
      const m: Record<string, unknown> = {};
      for (const [k, x] of entries) m[k] = sub ? canonicalize(sub, x as Record<string, unknown>) : x;
      out[field.name] = m;
    } else if (field.repeated) {
      const items = v as unknown[];
      if (items.length) out[field.name] = sub ? items.map((x) => canonicalize(sub, x as Record<string, unknown>)) : items;
    } else if (sub) {
      out[field.name] = canonicalize(sub, v as Record<string, unknown>);
    } else if (field.partOf || !isDefaultScalar(v)) {
      out[field.name] = v;
    }
  }
  return out;
}

/** Whether a field's resolved type is a message type (not an enum), without loading protobufjs. */
export function isMessageType(t: protobuf.ReflectionObject | null): t is protobuf.Type {
  return t !== null && 'fieldsArray' in t;
}

/** Whether a field's resolved type is an enum. */
export function isEnumType(t: protobuf.ReflectionObject | null): t is protobuf.Enum {
  return t !== null && 'valuesById' in t;
}

/**
 * The order upb's deterministic encoder gives string map keys: by their common prefix, and a key
 * before its own prefixes ('Tidx' before 'T', 'seed2' before 'seed', '' last).
 */
function upbKeyOrder(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d;
  }
  return b.length - a.length;
}

/** Whether a scalar is proto3's default for its type (0, false, '', empty bytes). */
export function isDefaultScalar(v: unknown): boolean {
  if (typeof v === 'number') return v === 0 && !Object.is(v, -0);
  if (typeof v === 'boolean') return v === false;
  if (typeof v === 'string') return v === '';
  if (v instanceof Uint8Array) return v.length === 0;
  if (typeof v === 'object' && v !== null && 'low' in v && 'high' in v) {
    const l = v as {low: number; high: number};
    return l.low === 0 && l.high === 0;
  }
  return false;
}
