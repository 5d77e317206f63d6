// An option that takes one of a fixed list: checked here so the usage error can name the choices.
import { UsageError } from '../usage-error.js';

export function choice<T extends string>(value: string | undefined, allowed: readonly T[], option: string): T {
  if (value !== undefined && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} must be one of: ${allowed.join(', ')}${value === undefined ? '' : ` (not "${value}")`}.`);
}

/** The same, for an option that may be left out. */
export function optionalChoice<T extends string>(value: string | undefined, allowed: readonly T[], option: string): T | undefined {
  return value === undefined ? undefined : choice(value, allowed, option);
}
