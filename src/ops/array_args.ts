/**
 * How the array-op functions take TF1's arguments (DESIGN.md): positional parameters in TF1's
 * order, and from any optional position on, one trailing options object of keywords:
 * `tf.stack(xs, 1)`, `tf.stack(xs, {axis: 1})`, `tf.split(x, 2, 1, {name: 's'})`.
 */
import {ValueError} from '../framework/errors';

/** An options object: a plain object literal, never a Tensor, Variable, NDArray, DType or array. */
export function isKeywords(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/**
 * Binds the optional arguments `args` (positional values for `names`, in order, possibly ending
 * with the keywords) into one keyword object; `undefined` means "not given". A value given both
 * ways, or too many positional values, is Python's TypeError.
 */
export function keywords<O extends object>(fn: string, names: readonly (keyof O & string)[], args: readonly unknown[]): O {
  let n = args.length;
  while (n > 0 && args[n - 1] === undefined) n--;
  const last = args[n - 1];
  const kw: Record<string, unknown> = isKeywords(last) ? {...last} : {};
  const positional = isKeywords(last) ? args.slice(0, n - 1) : args.slice(0, n);
  if (positional.length > names.length) {
    throw new TypeError(`${fn}() takes at most ${names.length} optional positional arguments (${positional.length} given)`);
  }
  positional.forEach((v, i) => {
    if (v === undefined) return;
    if (isKeywords(v)) throw new TypeError(`${fn}(): keyword arguments must come last, in one options object`);
    if (kw[names[i]] !== undefined) throw new TypeError(`${fn}() got multiple values for argument '${names[i]}'`);
    kw[names[i]] = v;
  });
  return kw as O;
}

/** TF's `deprecated_argument_lookup` (`axis`/`dim`, `axis`/`squeeze_dims`): never both. */
export function eitherOf<T>(name: string, value: T | undefined | null, deprecated: string, old: T | undefined | null): T | undefined {
  if (old === undefined || old === null) return value ?? undefined;
  if (value !== undefined && value !== null) throw new ValueError(`Cannot specify both '${deprecated}' and '${name}'.`);
  return old;
}
