import { CSV_BOM, csvRow } from '@styring/audit-export';
import type * as t from 'io-ts';
import { cellOf, columnsOf } from './answer-columns';
import { columnHeader } from './column-headers';

export const csvMediaType = 'text/csv; charset=utf-8';

/**
 * A list answer as CSV for spreadsheets, written by the audit export's own CSV writer (`;`, CRLF, RFC 4180
 * quoting, formula guard) after a UTF-8 byte order mark: one row per item, columns from the item's codec
 * with Norwegian headers.
 */
export const csvOf = (itemCodec: t.Mixed, items: readonly unknown[]): string => {
  const columns = columnsOf(itemCodec);
  return (
    CSV_BOM +
    csvRow(columns.map(columnHeader)) +
    items.map((item) => csvRow(columns.map((column) => cellOf(item, column)))).join('')
  );
};
