import { InvalidQuery } from './point-in-time';

/**
 * A filter whose values form a closed set (a kind, a body, a status …): a value outside it is an error
 * naming the allowed values, never a silently empty answer. Absent filters pass as absent.
 */
export const oneOf = <T extends string>(
  field: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined => {
  if (value === undefined || (allowed as readonly string[]).includes(value)) return value as T | undefined;
  const list = allowed.map((item) => `'${item}'`).join(', ');
  throw new InvalidQuery(field, `'${value}' is not one of ${list}`, `«${value}» er ikke en av ${list}`);
};
