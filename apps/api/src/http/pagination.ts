import { createHash } from 'node:crypto';

/** Page sizes of list answers: the default, and the most one page may hold. */
export const defaultPageSize = 100;
export const maxPageSize = 1000;

/** One page of a list answer: the JSON envelope of every list route. */
export interface Page<T> {
  readonly items: readonly T[];
  /** How many items the whole list has. */
  readonly total: number;
  readonly pageSize: number;
  /** Pass as `cursor` (with the same filters) for the next page; absent on the last page. */
  readonly nextCursor?: string;
}

/** Why a paging parameter cannot be used: the field and the reason, in Norwegian and English. */
export class PagingError extends Error {
  constructor(
    readonly field: 'pageSize' | 'cursor',
    readonly messageNb: string,
    messageEn: string,
    /** The list changed under the reader since the cursor was made (409 rather than 400). */
    readonly stale = false,
  ) {
    super(messageEn);
  }
}

const digest = (value: unknown): string =>
  createHash('sha256')
    .update(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)))
    .digest('base64url')
    .slice(0, 16);

/**
 * What a cursor holds: where the next page starts, which question it continues (the route and its filters),
 * and the last item the reader got. Base64url JSON: opaque to readers, and checked on every use.
 */
interface Cursor {
  readonly offset: number;
  readonly question: string;
  readonly last: string;
}

const encodeCursor = (cursor: Cursor): string => Buffer.from(JSON.stringify(cursor)).toString('base64url');

const decodeCursor = (text: string): Cursor => {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const cursor = value as Partial<Cursor> | undefined;
  if (
    typeof cursor !== 'object' ||
    cursor === null ||
    !Number.isSafeInteger(cursor.offset) ||
    (cursor.offset as number) < 1 ||
    typeof cursor.question !== 'string' ||
    typeof cursor.last !== 'string'
  ) {
    throw new PagingError('cursor', 'er ikke en gyldig markør', 'is not a valid cursor');
  }
  return cursor as Cursor;
};

export const pageSizeOf = (value: unknown): number => {
  if (value === undefined) return defaultPageSize;
  if (typeof value !== 'string' || !/^\d+$/.test(value) || Number(value) < 1) {
    throw new PagingError('pageSize', 'må være et heltall fra 1', 'must be a whole number of 1 or more');
  }
  if (Number(value) > maxPageSize) {
    throw new PagingError('pageSize', `kan være høyst ${maxPageSize}`, `may be at most ${maxPageSize}`);
  }
  return Number(value);
};

/**
 * The page of `items` (in the query's own, stable order) that `cursor` points to, first page without one.
 * `question` names what was asked (route and filters): a cursor only continues the question that made it,
 * and only while the list still holds the item the reader saw last – if history grew in between, the reader
 * is told (409) rather than given a page that skips or repeats items.
 */
export const pageOf = <T>(
  items: readonly T[],
  question: unknown,
  cursorText: unknown,
  pageSize: number,
): Page<T> => {
  if (cursorText !== undefined && typeof cursorText !== 'string') {
    throw new PagingError('cursor', 'kan bare gis én gang', 'may be given only once');
  }
  const asked = digest(question);
  let offset = 0;
  if (cursorText !== undefined) {
    const cursor = decodeCursor(cursorText);
    if (cursor.question !== asked) {
      throw new PagingError(
        'cursor',
        'hører til en annen spørring (andre filtre)',
        'belongs to another query (other filters)',
      );
    }
    if (cursor.offset > items.length || digest(items[cursor.offset - 1]) !== cursor.last) {
      throw new PagingError(
        'cursor',
        'listen er endret siden forrige side; begynn på nytt',
        'the list changed since the previous page; start again',
        true,
      );
    }
    offset = cursor.offset;
  }
  const end = Math.min(offset + pageSize, items.length);
  const next =
    end < items.length ? { offset: end, question: asked, last: digest(items[end - 1]) } : undefined;
  return {
    items: items.slice(offset, end),
    total: items.length,
    pageSize,
    ...(next === undefined ? {} : { nextCursor: encodeCursor(next) }),
  };
};
