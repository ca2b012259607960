import { InvalidQuery, type PointInTime, resolvePointInTime } from '@styring/projections';

/**
 * The two controls every page shares: `asOf` (what was in force: effective time) and `knownAt` (what the
 * system knew: recorded time), each a date or an instant, each optional (absent: today, and all that is
 * recorded now).
 */
export interface PageTime {
  readonly asOf?: string;
  readonly knownAt?: string;
}

/**
 * Named values of a query string, each under the option name it stands for; a value given empty (a form's
 * blank field) or not as one string is left out, so that the default applies.
 */
export const queryValues = <K extends string>(
  query: Record<string, unknown>,
  parameters: Readonly<Record<K, string>>,
): Partial<Record<K, string>> => {
  const values: Partial<Record<K, string>> = {};
  for (const [option, parameter] of Object.entries(parameters) as [K, string][]) {
    const value = query[parameter];
    if (typeof value === 'string' && value.trim() !== '') values[option] = value.trim();
  }
  return values;
};

/** The controls from a page's query string (an empty field means the default). */
export const pageTimeOf = (query: Record<string, unknown>): PageTime =>
  queryValues(query, { asOf: 'asOf', knownAt: 'knownAt' });

/** The point in time a read-model query gets: the page's `asOf` and `knownAt`, each as the queries take it. */
export const queryTimeOf = (time: PageTime): PointInTime => ({
  ...(time.asOf === undefined ? {} : { asOf: time.asOf }),
  ...(time.knownAt === undefined ? {} : { knownAt: time.knownAt }),
});

/** The same page at the same time: a link keeps the controls. */
export const hrefAt = (path: string, time: PageTime, more: Record<string, string> = {}): string => {
  const query = new URLSearchParams({ ...more, ...time }).toString();
  return query === '' ? path : `${path}?${query}`;
};

/** A bad `asOf` or `knownAt` is named before any page is built (the start page asks no query of it). */
export const checkPageTime = (time: PageTime): void => {
  for (const field of ['asOf', 'knownAt'] as const) {
    const value = time[field];
    if (value === undefined) continue;
    try {
      resolvePointInTime({ asOf: value });
    } catch (error) {
      if (!(error instanceof InvalidQuery)) throw error;
      throw new InvalidQuery(
        field,
        `'${value}' er verken en dato (ÅÅÅÅ-MM-DD) eller et tidspunkt (ISO 8601)`,
      );
    }
  }
};
