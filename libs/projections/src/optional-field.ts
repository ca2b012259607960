/** A nullable column as an optional field of an answer: `{ key: value }`, or nothing when it is NULL. */
export const optional = <K extends string>(key: K, value: string | null) =>
  (value === null ? {} : { [key]: value }) as Partial<Record<K, string>>;
