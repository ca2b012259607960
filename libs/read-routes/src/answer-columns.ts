import * as t from 'io-ts';

/** One column of a list as a table: the path of a field in each item (`decidedBy.caseNumber`). */
export type ColumnPath = readonly string[];

interface Struct {
  readonly required: t.Props;
  readonly optional: t.Props;
}
const isStruct = (codec: unknown): codec is Struct =>
  typeof codec === 'object' && codec !== null && 'required' in codec && 'optional' in codec;

const fieldsOf = (codec: t.Mixed): t.Props | undefined => {
  if (isStruct(codec)) return { ...codec.required, ...codec.optional };
  if (codec instanceof t.InterfaceType || codec instanceof t.PartialType) return codec.props as t.Props;
  if (codec instanceof t.IntersectionType || codec instanceof t.UnionType) {
    const parts = (codec.types as t.Mixed[]).map(fieldsOf);
    return parts.every((part) => part !== undefined) ? Object.assign({}, ...parts) : undefined;
  }
  return undefined;
};

/** The codec of the entries of a list field of an item's codec (`decisions` of a delegation). */
export const listFieldItemOf = (codec: t.Mixed, field: string): t.Mixed | undefined => {
  const list = fieldsOf(codec)?.[field];
  return list instanceof t.ArrayType ? (list.type as t.Mixed) : undefined;
};

/**
 * The columns of a list item's codec, in the codec's field order: nested objects are spread into their
 * fields (`authority.kind`, `authority.reference`), lists and free values stay one column. Every item gets
 * the same columns, whichever optional fields it has.
 */
export const columnsOf = (codec: t.Mixed, path: ColumnPath = []): ColumnPath[] => {
  const fields = fieldsOf(codec);
  if (fields === undefined) return [path];
  return Object.entries(fields).flatMap(([name, field]) => columnsOf(field, [...path, name]));
};

const bigintsAsText = (_key: string, value: unknown) =>
  typeof value === 'bigint' ? value.toString() : value;

/** A value as the text of a cell: yes/no in bokmål, lists of words joined, anything larger as JSON. */
const cellText = (value: unknown): string => {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'ja' : 'nei';
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')) {
    return value.join(', ');
  }
  return JSON.stringify(value, bigintsAsText);
};

/** The value of one column in one item (`undefined` where the item has none). */
export const valueAt = (item: unknown, path: ColumnPath): unknown =>
  path.reduce<unknown>(
    (value, name) =>
      typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined,
    item,
  );

/** The cell of one column in one item. */
export const cellOf = (item: unknown, path: ColumnPath): string => cellText(valueAt(item, path));
