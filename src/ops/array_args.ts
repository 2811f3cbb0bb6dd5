/** Argument helpers of the array ops (the calling convention itself: framework/args.ts). */
import {ValueError} from '../framework/errors';

/** TF's `deprecated_argument_lookup` (`axis`/`dim`, `axis`/`squeeze_dims`): never both. */
export function eitherOf<T>(name: string, value: T | undefined | null, deprecated: string, old: T | undefined | null): T | undefined {
  if (old === undefined || old === null) return value ?? undefined;
  if (value !== undefined && value !== null) throw new ValueError(`Cannot specify both '${deprecated}' and '${name}'.`);
  return old;
}
