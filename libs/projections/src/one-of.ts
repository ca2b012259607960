import { InvalidQuery } from './point-in-time';

/** Checks a filter with a closed set of values: an unknown one is an error naming the allowed values. */
export const checkOneOf = (field: string, value: string | undefined, allowed: readonly string[]): void => {
  if (value !== undefined && !allowed.includes(value)) {
    throw new InvalidQuery(field, `'${value}' is not one of ${allowed.map((a) => `'${a}'`).join(', ')}`);
  }
};
