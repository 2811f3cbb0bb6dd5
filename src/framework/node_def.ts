/**
 * NodeDef text, as TF1 prints an Operation (`print(op)`) and writes `.pbtxt` GraphDefs:
 * protobuf text format, attrs sorted by key.
 */
import {NDArray} from '../ndarray/ndarray';
import {DType} from './dtypes';
import type {Operation} from './operation';
import type {AttrValue} from './registry';
import {TensorShape} from './tensor_shape';

const DT_NAMES: Record<string, string> = {
  float32: 'DT_FLOAT', float64: 'DT_DOUBLE', int32: 'DT_INT32', uint8: 'DT_UINT8', int16: 'DT_INT16',
  int8: 'DT_INT8', string: 'DT_STRING', int64: 'DT_INT64', bool: 'DT_BOOL', float16: 'DT_HALF',
  uint16: 'DT_UINT16', uint32: 'DT_UINT32', uint64: 'DT_UINT64', complex64: 'DT_COMPLEX64',
};

/** `DT_FLOAT`, `DT_INT32_REF` … */
export function dtEnumName(d: DType): string {
  return DT_NAMES[d.base] + (d._is_ref_dtype ? '_REF' : '');
}

export function nodeDefText(op: Operation): string {
  const def = op.node_def;
  const lines = [`name: ${quote(def.name)}`, `op: ${quote(def.op)}`];
  for (const i of def.input) lines.push(`input: ${quote(i)}`);
  if (def.device) lines.push(`device: ${quote(def.device)}`);
  const floats = new Set(op.def.floatAttrs ?? []);
  for (const key of Object.keys(def.attr).sort()) {
    const value = def.attr[key];
    if (value === null || value === undefined) continue;
    lines.push('attr {', `  key: ${quote(key)}`, '  value {');
    for (const l of attrValueLines(value, floats.has(key))) lines.push(`    ${l}`);
    lines.push('  }', '}');
  }
  return lines.join('\n') + '\n';
}

/** The body of an AttrValue message, one field per line. */
export function attrValueLines(v: AttrValue, isFloat: boolean): string[] {
  if (v instanceof DType) return [`type: ${dtEnumName(v)}`];
  if (v instanceof TensorShape) return shapeLines(v);
  if (v instanceof NDArray) return ['tensor {', ...tensorLines(v).map((l) => `  ${l}`), '}'];
  if (typeof v === 'boolean') return [`b: ${v}`];
  if (typeof v === 'string') return [`s: ${quote(v)}`];
  if (typeof v === 'number') return isFloat || !Number.isInteger(v) ? [`f: ${floatText(v)}`] : [`i: ${v}`];
  if (Array.isArray(v)) {
    if (v.length === 0) return ['list {', '}'];
    const items = (v as readonly unknown[]).map((x) =>
      x instanceof DType ? `type: ${dtEnumName(x)}` : typeof x === 'string' ? `s: ${quote(x)}`
        : isFloat ? `f: ${floatText(x as number)}` : `i: ${x}`,
    );
    return ['list {', ...items.map((l) => `  ${l}`), '}'];
  }
  return [];
}

function shapeLines(s: TensorShape): string[] {
  if (s.dims === null) return ['shape {', '  unknown_rank: true', '}'];
  if (s.dims.length === 0) return ['shape {', '}'];
  return ['shape {', ...s.dims.flatMap((d) => ['  dim {', `    size: ${d ?? -1}`, '  }']), '}'];
}

function tensorLines(a: NDArray): string[] {
  const dt = a.dtype === 'float64' ? 'DT_DOUBLE' : DT_NAMES[a.dtype];
  const shape = a.shape.length
    ? ['tensor_shape {', ...a.shape.flatMap((d) => ['  dim {', `    size: ${d}`, '  }']), '}']
    : ['tensor_shape {', '}'];
  const field = a.dtype.startsWith('float') ? (a.dtype === 'float64' ? 'double_val' : 'float_val')
    : a.dtype === 'bool' ? 'bool_val' : a.dtype === 'string' ? 'string_val' : a.dtype === 'int64' ? 'int64_val' : 'int_val';
  const values = Array.from({length: a.size}, (_, i) => {
    const x = a.scalarAt(i);
    return `${field}: ${typeof x === 'string' ? quote(x) : typeof x === 'number' && field.endsWith('float_val') ? floatText(x) : x}`;
  });
  return [`dtype: ${dt}`, ...shape, ...values];
}

function floatText(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  return String(Math.fround(x) === x ? shortest32(x) : x);
}

function shortest32(x: number): number {
  for (let p = 1; p <= 9; p++) {
    const y = Number(x.toPrecision(p));
    if (Math.fround(y) === x) return y;
  }
  return x;
}

function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}
