/**
 * TensorFlow's dtypes (tf.float32, tf.int32, …) and how each one is computed on tfjs.
 *
 * tfjs computes in float32, int32, bool and string only. TF1 scripts also name float64, int64,
 * int16, uint8 …; those are accepted everywhere (graphs keep the declared dtype, so printing and
 * GraphDefs say `float64`) and computed in the nearest tfjs dtype, with a one-time warning.
 */
export type TfjsDtype = 'float32' | 'int32' | 'bool' | 'string';

/** TF's DataType enum values (types.proto), used by GraphDefs and by error messages. */
const ENUM: Record<string, number> = {
  float32: 1, float64: 2, int32: 3, uint8: 4, int16: 5, int8: 6, string: 7, complex64: 8,
  int64: 9, bool: 10, uint16: 17, float16: 19, uint32: 22, uint64: 23,
};

/** How TF names a dtype in runtime messages ("with dtype float and shape [?,784]"). */
const PROTO_NAME: Record<string, string> = {
  float32: 'float', float64: 'double', int32: 'int32', uint8: 'uint8', int16: 'int16',
  int8: 'int8', string: 'string', int64: 'int64', bool: 'bool', uint16: 'uint16',
  float16: 'half', uint32: 'uint32', uint64: 'uint64', complex64: 'complex64',
};

const TFJS: Record<string, TfjsDtype> = {
  float32: 'float32', float64: 'float32', float16: 'float32',
  int32: 'int32', int64: 'int32', int16: 'int32', int8: 'int32', uint8: 'int32', uint16: 'int32',
  uint32: 'int32', uint64: 'int32',
  bool: 'bool', string: 'string',
};

const warned = new Set<string>();

export class DType {
  /** The non-reference dtype (`float32` for `float32_ref`). */
  readonly base_dtype: DType;
  readonly _is_ref_dtype: boolean;
  private refType: DType | undefined;

  /** @internal use the constants below (tf.float32 …) or `as_dtype`. */
  constructor(readonly base: string, base_dtype?: DType) {
    this._is_ref_dtype = base_dtype !== undefined;
    this.base_dtype = base_dtype ?? this;
  }

  get name(): string {
    return this._is_ref_dtype ? `${this.base}_ref` : this.base;
  }
  /** The reference dtype of a variable's output (`float32_ref`). */
  get _as_ref(): DType {
    if (this._is_ref_dtype) return this;
    return (this.refType ??= new DType(this.base, this));
  }
  get as_datatype_enum(): number {
    return ENUM[this.base] + (this._is_ref_dtype ? 100 : 0);
  }
  get is_floating(): boolean {
    return this.base === 'float32' || this.base === 'float64' || this.base === 'float16';
  }
  get is_integer(): boolean {
    return /^u?int\d+$/.test(this.base);
  }
  get is_unsigned(): boolean {
    return this.base.startsWith('uint') || this.base === 'bool';
  }
  get is_bool(): boolean {
    return this.base === 'bool';
  }
  get is_numeric(): boolean {
    return this.is_floating || this.is_integer;
  }
  /** The tfjs dtype this dtype is computed in. */
  get tfjs(): TfjsDtype {
    const t = TFJS[this.base];
    if (t !== this.base && !warned.has(this.base)) {
      warned.add(this.base);
      process.emitWarning(`tf1ts computes ${this.base} in ${t} (tfjs has no ${this.base}).`, {
        code: 'TF1TS_DTYPE',
      });
    }
    return t;
  }
  /** TF's name in runtime messages: `float` for float32, `double` for float64. */
  get protoName(): string {
    return PROTO_NAME[this.base];
  }
  get min(): number {
    return dtypeLimits(this.base)[0];
  }
  get max(): number {
    return dtypeLimits(this.base)[1];
  }
  is_compatible_with(other: DTypeLike): boolean {
    return as_dtype(other).base_dtype === this.base_dtype;
  }
  toString(): string {
    return `<dtype: '${this.name}'>`;
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

function dtypeLimits(base: string): [number, number] {
  switch (base) {
    case 'int8': return [-128, 127];
    case 'uint8': return [0, 255];
    case 'int16': return [-32768, 32767];
    case 'uint16': return [0, 65535];
    case 'int32': return [-2147483648, 2147483647];
    case 'uint32': return [0, 4294967295];
    case 'int64': return [-9223372036854775808, 9223372036854775807];
    case 'bool': return [0, 1];
    case 'float16': return [-65504, 65504];
    case 'float32': return [-3.4028234663852886e38, 3.4028234663852886e38];
    default: return [-Number.MAX_VALUE, Number.MAX_VALUE];
  }
}

export const float16 = new DType('float16');
export const float32 = new DType('float32');
export const float64 = new DType('float64');
export const int8 = new DType('int8');
export const int16 = new DType('int16');
export const int32 = new DType('int32');
export const int64 = new DType('int64');
export const uint8 = new DType('uint8');
export const uint16 = new DType('uint16');
export const bool = new DType('bool');
export const string = new DType('string');
export const half = float16;
export const double = float64;

const BY_NAME: Record<string, DType> = {
  float16, half: float16, float32, float: float32, float64, double: float64,
  int8, int16, int32, int64, int: int64, uint8, uint16, bool, string, str: string, bytes: string,
};

/** Anything TF1 accepts where it wants a dtype: a DType, `'float32'`, `'float'`, `'int'` … */
export type DTypeLike = DType | string;

/** `tf.as_dtype`: numpy/TF names, including numpy's `'float'` (= float32 in TF1's placeholders). */
export function as_dtype(x: DTypeLike): DType {
  if (x instanceof DType) return x;
  if (typeof x === 'string') {
    if (x.endsWith('_ref')) return as_dtype(x.slice(0, -4))._as_ref;
    const d = BY_NAME[x];
    if (d) return d;
  }
  throw new TypeError(`Cannot convert value ${JSON.stringify(x)} to a TensorFlow DType.`);
}
