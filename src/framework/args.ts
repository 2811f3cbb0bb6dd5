/**
 * Python's calling convention in TypeScript (DESIGN.md): positional arguments in TF1's order,
 * then, from any optional position on, one trailing options object with TF1's keyword names:
 * `tf.stack(xs, 1)`, `tf.stack(xs, {axis: 1})`, `tf.split(x, 2, 1, {name: 's'})`. A keyword also
 * given positionally or too many positional values is Python's TypeError; so is, with `kwargs`, a
 * keyword the function does not take (`bindArgs` leaves keywords beyond `names`, such as
 * deprecated aliases, to its caller).
 */

/** An options object: a plain object literal, never a Tensor, Variable, NDArray, DType or array. */
export function isKeywords(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/**
 * Binds `args` (positional values for `names`, in order, possibly ending with the keywords) into
 * one keyword object; `undefined` means "not given".
 */
export function bindArgs<O extends object>(fn: string, names: readonly (keyof O & string)[], args: readonly unknown[]): O {
  let n = args.length;
  while (n > 0 && args[n - 1] === undefined) n--;
  const last = args[n - 1];
  const kw: Record<string, unknown> = isKeywords(last) ? {...last} : {};
  const positional = isKeywords(last) ? args.slice(0, n - 1) : args.slice(0, n);
  if (positional.length > names.length) {
    throw new TypeError(`${fn}() takes at most ${names.length} positional arguments but ${positional.length} were given`);
  }
  positional.forEach((v, i) => {
    if (v === undefined) return;
    if (isKeywords(v)) throw new TypeError(`${fn}(): keyword arguments must come last, in one options object`);
    if (kw[names[i]] !== undefined) throw new TypeError(`${fn}() got multiple values for argument '${names[i]}'`);
    kw[names[i]] = v;
  });
  return kw as O;
}

/** `bindArgs`, with `defaults` for what was not given; the keywords are those of `defaults`. */
export function kwargs<T extends object>(fn: string, args: readonly unknown[], names: readonly (keyof T & string)[], defaults: T): T {
  const given = bindArgs<Record<string, unknown>>(fn, names, args);
  for (const k of Object.keys(given)) {
    if (!(k in defaults)) throw new TypeError(`${fn}() got an unexpected keyword argument '${k}'`);
  }
  const out: Record<string, unknown> = {...(defaults as Record<string, unknown>)};
  for (const [k, v] of Object.entries(given)) if (v !== undefined) out[k] = v;
  return out as T;
}
