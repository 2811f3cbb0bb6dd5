/**
 * The protocol buffer text-format parser behind text_format.ts `parse`: what Python's
 * `text_format.Parse` accepts for the messages of src/framework/proto — `{}` or `<>` around
 * messages, an optional colon before them, `[a, b]` lists, `#` comments, `,`/`;` separators,
 * enum names or numbers, hex and octal integers, `inf`/`nan`, adjacent strings, and C, octal, hex
 * and unicode escapes. Errors are `ParseError`s with protobuf's `line:col : message` wording.
 */
import type * as protobuf from 'protobufjs';
import {isEnumType, isMessageType} from './proto/index';

type Msg = Record<string, unknown>;

/** A text-format syntax error, as `google.protobuf.text_format.ParseError`: `line:col : message`. */
export class ParseError extends Error {
  constructor(message: string, readonly line?: number, readonly column?: number) {
    super(line === undefined ? message : `${line}:${column} : ${message}`);
    this.name = 'ParseError';
  }
}

function isMap(field: protobuf.Field | protobuf.MapField): field is protobuf.MapField {
  return field.map;
}


interface Token {
  text: string;
  kind: 'ident' | 'number' | 'string' | 'symbol';
  line: number;
  column: number;
}

const TOKEN_RE = /\s+|#[^\n]*|([A-Za-z_][\w.]*)|(-?(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[fF]?|inf(?:inity)?|nan))|("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|([{}<>:[\],;\/])/y;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let lineStart = 0;
  TOKEN_RE.lastIndex = 0;
  while (TOKEN_RE.lastIndex < text.length) {
    const start = TOKEN_RE.lastIndex;
    const m = TOKEN_RE.exec(text);
    if (!m) throw new ParseError(`Invalid text "${text.slice(start, start + 10)}"`, line, start - lineStart + 1);
    const column = start - lineStart + 1;
    if (m[1] !== undefined) tokens.push({text: m[1], kind: 'ident', line, column});
    else if (m[2] !== undefined) tokens.push({text: m[2], kind: 'number', line, column});
    else if (m[3] !== undefined) tokens.push({text: m[3], kind: 'string', line, column});
    else if (m[4] !== undefined) tokens.push({text: m[4], kind: 'symbol', line, column});
    for (let i = start; i < TOKEN_RE.lastIndex; i++) {
      if (text.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
  }
  return tokens;
}

/** Parses a message of `type` from text format into a plain object (see proto/index.ts). */
export function parseMessage(type: protobuf.Type, text: string): Msg {
  return new Parser(tokenize(text)).message(type, null);
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }
  private next(what: string): Token {
    const t = this.tokens[this.i++];
    if (!t) throw new ParseError(`Expected ${what}, got end of input.`);
    return t;
  }
  private fail(t: Token | undefined, message: string): never {
    if (!t) throw new ParseError(message);
    throw new ParseError(message, t.line, t.column);
  }
  private accept(symbol: string): boolean {
    const t = this.peek();
    if (t && t.kind === 'symbol' && t.text === symbol) {
      this.i++;
      return true;
    }
    return false;
  }
  private expect(symbol: string): void {
    const t = this.peek();
    if (!this.accept(symbol)) this.fail(t, `Expected "${symbol}".`);
  }

  /** Fields until `close` (or the end of input at the top level). */
  message(type: protobuf.Type, close: string | null): Msg {
    const msg: Msg = {};
    const seen = new Set<string>();
    for (;;) {
      const t = this.peek();
      if (!t) {
        if (close !== null) this.fail(t, `Expected "${close}".`);
        return msg;
      }
      if (close !== null && t.kind === 'symbol' && t.text === close) {
        this.i++;
        return msg;
      }
      if (t.kind !== 'ident') this.fail(t, `Expected identifier or number, got ${t.text}.`);
      this.i++;
      const field = type.fields[t.text];
      if (!field) this.fail(t, `Message type "${type.fullName.replace(/^\./, '')}" has no field named "${t.text}".`);
      field.resolve();
      if (!field.repeated && !(isMap(field))) {
        if (seen.has(field.name)) this.fail(t, `Message type "${type.fullName.replace(/^\./, '')}" should not have multiple "${field.name}" fields.`);
        seen.add(field.name);
        // A oneof holds one member: a later member replaces an earlier one, as in protobuf.
        if (field.partOf) for (const other of field.partOf.oneof) if (other !== field.name) delete msg[other];
      }
      this.field(field, msg);
      if (!this.accept(',')) this.accept(';');
    }
  }

  private field(field: protobuf.Field, msg: Msg): void {
    const isMessage = isMessageType(field.resolvedType) || isMap(field);
    const colon = this.accept(':');
    if (!colon && !isMessage) this.fail(this.peek(), `Expected ":".`);
    const store = (v: unknown): void => {
      if (isMap(field)) {
        const entry = v as {key?: unknown; value?: unknown};
        const map = (msg[field.name] ??= {}) as Msg;
        map[String(entry.key ?? defaultKey(field.keyType))] = entry.value ?? defaultOf(field);
      } else if (field.repeated) {
        ((msg[field.name] ??= []) as unknown[]).push(v);
      } else {
        msg[field.name] = v;
      }
    };
    if (this.accept('[')) {
      if (!field.repeated) this.fail(this.peek(), `Field "${field.name}" is not repeated.`);
      if (!this.accept(']')) {
        do store(this.value(field)); while (this.accept(','));
        this.expect(']');
      }
      return;
    }
    store(this.value(field));
  }

  private value(field: protobuf.Field): unknown {
    if (isMap(field)) return this.mapEntry(field);
    if (isMessageType(field.resolvedType)) {
      const open = this.next('"{"');
      const close = open.text === '{' ? '}' : open.text === '<' ? '>' : this.fail(open, `Expected "{".`);
      return this.message(field.resolvedType, close);
    }
    return this.scalar(field.type, field.resolvedType);
  }

  private mapEntry(field: protobuf.MapField): {key?: unknown; value?: unknown} {
    const open = this.next('"{"');
    const close = open.text === '{' ? '}' : open.text === '<' ? '>' : this.fail(open, `Expected "{".`);
    const entry: {key?: unknown; value?: unknown} = {};
    while (!this.accept(close)) {
      const t = this.next('"key" or "value"');
      if (t.text === 'key') {
        this.expect(':');
        entry.key = this.scalar(field.keyType, null);
      } else if (t.text === 'value') {
        if (isMessageType(field.resolvedType)) {
          this.accept(':');
          const o = this.next('"{"');
          const c = o.text === '{' ? '}' : o.text === '<' ? '>' : this.fail(o, `Expected "{".`);
          entry.value = this.message(field.resolvedType, c);
        } else {
          this.expect(':');
          entry.value = this.scalar(field.type, field.resolvedType);
        }
      } else {
        this.fail(t, `Map entry has no field named "${t.text}".`);
      }
      if (!this.accept(',')) this.accept(';');
    }
    return entry;
  }

  private scalar(kind: string, resolved: protobuf.ReflectionObject | null): unknown {
    const t = this.next('a value');
    if (isEnumType(resolved)) {
      if (t.kind === 'ident') {
        const v = resolved.values[t.text];
        if (v === undefined) this.fail(t, `Enum type "${resolved.fullName.replace(/^\./, '')}" has no value named ${t.text}.`);
        return v;
      }
      if (t.kind === 'number') return parseInteger(t, this);
      this.fail(t, `Expected an enum value, got ${t.text}.`);
    }
    switch (kind) {
      case 'string':
      case 'bytes': {
        if (t.kind !== 'string') this.fail(t, `Expected string, got ${t.text}.`);
        const parts = [unescape(t, this)];
        while (this.peek()?.kind === 'string') parts.push(unescape(this.next('string'), this));
        const bytes = concat(parts);
        return kind === 'bytes' ? bytes : new TextDecoder().decode(bytes);
      }
      case 'bool':
        if (['true', 't', 'True', '1'].includes(t.text)) return true;
        if (['false', 'f', 'False', '0'].includes(t.text)) return false;
        return this.fail(t, `Expected "true" or "false", got ${t.text}.`);
      case 'float':
      case 'double': {
        const v = parseFloatToken(t);
        if (v === null) this.fail(t, `Couldn't parse float: ${t.text}`);
        return kind === 'float' ? Math.fround(v) : v;
      }
      default: {
        const v = parseInteger(t, this);
        if (kind.startsWith('uint') || kind.startsWith('fixed')) {
          if (v < 0) this.fail(t, `Couldn't parse unsigned integer: ${t.text}`);
        }
        return v;
      }
    }
  }

  failAt(t: Token, message: string): never {
    return this.fail(t, message);
  }
}

function defaultKey(kind: string): string | number | boolean {
  return kind === 'string' ? '' : kind === 'bool' ? false : 0;
}

function defaultOf(field: protobuf.MapField): unknown {
  if (isMessageType(field.resolvedType)) return {};
  if (field.type === 'string') return '';
  if (field.type === 'bytes') return new Uint8Array(0);
  if (field.type === 'bool') return false;
  return 0;
}

function parseInteger(t: Token, p: Parser): number {
  const s = t.text;
  let v: number;
  if (/^-?0[xX][0-9a-fA-F]+$/.test(s)) v = (s.startsWith('-') ? -1 : 1) * parseInt(s.replace(/^-?0[xX]/, ''), 16);
  else if (/^-?0[0-7]+$/.test(s)) v = (s.startsWith('-') ? -1 : 1) * parseInt(s.replace(/^-?0/, ''), 8);
  else if (/^-?\d+$/.test(s)) v = Number(s);
  else return p.failAt(t, `Couldn't parse integer: ${s}`);
  return v;
}

function parseFloatToken(t: Token): number | null {
  if (t.kind !== 'number' && t.kind !== 'ident') return null;
  const s = t.text.toLowerCase().replace(/([\d.])f$/, '$1');
  if (/^-?inf(inity)?$/.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (/^-?nan$/.test(s)) return NaN;
  if (/^-?0x[0-9a-f]+$/.test(s)) return (s.startsWith('-') ? -1 : 1) * parseInt(s.replace(/^-?0x/, ''), 16);
  const v = Number(s);
  return Number.isNaN(v) ? null : v;
}

/** The bytes of a quoted string token: C escapes, octal, hex and \u escapes. */
function unescape(t: Token, p: Parser): Uint8Array {
  const body = t.text.slice(1, -1);
  const out: number[] = [];
  const enc = new TextEncoder();
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== '\\') {
      const cp = body.codePointAt(i)!;
      if (cp > 0xffff) i++;
      if (cp < 128) out.push(cp);
      else out.push(...enc.encode(String.fromCodePoint(cp)));
      continue;
    }
    const e = body[++i];
    const simple: Record<string, number> = {n: 10, t: 9, r: 13, '"': 34, "'": 39, '\\': 92, a: 7, b: 8, f: 12, v: 11, '?': 63};
    if (e in simple) out.push(simple[e]);
    else if (/[0-7]/.test(e)) {
      let j = i;
      while (j < i + 3 && /[0-7]/.test(body[j] ?? '')) j++;
      out.push(parseInt(body.slice(i, j), 8) & 0xff);
      i = j - 1;
    } else if (e === 'x' || e === 'X') {
      let j = i + 1;
      while (j < i + 3 && /[0-9a-fA-F]/.test(body[j] ?? '')) j++;
      if (j === i + 1) p.failAt(t, 'Invalid escape sequence: \\x');
      out.push(parseInt(body.slice(i + 1, j), 16));
      i = j - 1;
    } else if (e === 'u' || e === 'U') {
      const n = e === 'u' ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + n);
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) p.failAt(t, `Invalid escape sequence: \\${e}${hex}`);
      out.push(...enc.encode(String.fromCodePoint(parseInt(hex, 16))));
      i += n;
    } else {
      p.failAt(t, `Invalid escape sequence: \\${e ?? ''}`);
    }
  }
  return Uint8Array.from(out);
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
