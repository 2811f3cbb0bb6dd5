/**
 * Python's calling convention in TypeScript: positional arguments in the TF1 order, then an
 * optional trailing options object with TF1's keyword names. `kwargs(args, names, defaults)`
 * merges both; a keyword also given positionally is a TypeError, as in Python.
 */

function isOptionsObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x) || ArrayBuffer.isView(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

export function kwargs<T extends object>(
  fn: string,
  args: readonly unknown[],
  names: readonly (keyof T & string)[],
  defaults: T,
): T {
  const last = args[args.length - 1];
  const options = args.length && isOptionsObject(last) ? last : {};
  const positional = options === last ? args.slice(0, -1) : args;
  if (positional.length > names.length) {
    throw new TypeError(`${fn}() takes at most ${names.length} positional arguments but ${positional.length} were given`);
  }
  const out: Record<string, unknown> = {...(defaults as Record<string, unknown>)};
  positional.forEach((v, i) => {
    if (v !== undefined) out[names[i]] = v;
  });
  for (const [k, v] of Object.entries(options)) {
    if (!(k in defaults)) throw new TypeError(`${fn}() got an unexpected keyword argument '${k}'`);
    const i = names.indexOf(k as keyof T & string);
    if (i >= 0 && i < positional.length && positional[i] !== undefined) {
      throw new TypeError(`${fn}() got multiple values for argument '${k}'`);
    }
    if (v !== undefined) out[k] = v;
  }
  return out as T;
}
