import * as E from 'fp-ts/Either';

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

const segmentsOf = (path: string): readonly string[] => path.split('.');

/** The value at a dotted path (`period.to`, `goals.0.text`); `undefined` where there is none. */
export const valueAt = (value: unknown, path: string): unknown =>
  segmentsOf(path).reduce<unknown>(
    (current, key) =>
      Array.isArray(current) ? current[Number(key)] : isRecord(current) ? current[key] : undefined,
    value,
  );

const setSegments = (
  value: unknown,
  [head, ...rest]: readonly string[],
  next: unknown,
): E.Either<string, unknown> => {
  if (head === undefined) return E.right(next);
  if (Array.isArray(value)) {
    const index = Number(head);
    if (!/^\d+$/.test(head) || index > value.length) return E.left(head);
    return E.map((child) =>
      value.map((item, i) => (i === index ? child : item)).concat(index === value.length ? [child] : []),
    )(setSegments(value[index], rest, next));
  }
  if (value !== undefined && !isRecord(value)) return E.left(head);
  const record = value ?? {};
  return E.map((child) => {
    const { [head]: _previous, ...others } = record;
    return child === undefined ? others : { ...others, [head]: child };
  })(setSegments(record[head], rest, next));
};

/**
 * A copy of `value` with the field at `path` set to `next` (removed when `next` is undefined). Left names the
 * path segment that cannot be addressed (an index past the end of a list, or a field inside a plain value).
 */
export const withValueAt = (value: unknown, path: string, next: unknown): E.Either<string, unknown> =>
  setSegments(value, segmentsOf(path), next);

/** Equality of JSON values, key order aside. */
export const sameJson = (a: unknown, b: unknown): boolean => {
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => sameJson(item, b[i]))
    );
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a).filter((key) => a[key] !== undefined);
    return (
      keys.length === Object.keys(b).filter((key) => b[key] !== undefined).length &&
      keys.every((key) => sameJson(a[key], b[key]))
    );
  }
  return a === b;
};
