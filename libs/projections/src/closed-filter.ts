import { InvalidQuery } from './point-in-time';

/**
 * A filter with a closed set of values: a value outside it is an error naming the allowed ones, never an
 * empty answer (a typo must not look like "none found").
 */
export const checkedFilter = <V extends string>(
  field: string,
  value: string | undefined,
  allowed: readonly V[],
): V | undefined => {
  if (value !== undefined && !allowed.includes(value as V)) {
    throw new InvalidQuery(field, `'${value}' is not one of ${allowed.map((v) => `'${v}'`).join(', ')}`);
  }
  return value as V | undefined;
};
