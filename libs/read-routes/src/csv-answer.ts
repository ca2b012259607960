import { CSV_BOM, csvRow } from '@styring/audit-export';
import type * as t from 'io-ts';
import { cellOf, columnsOf } from './answer-columns';
import { columnHeader } from './column-headers';

export const csvMediaType = 'text/csv; charset=utf-8';

/** A list's CSV in pieces: the byte order mark and header row, and each item's row. */
export interface CsvTable {
  readonly header: string;
  readonly row: (item: unknown) => string;
}

/**
 * The CSV of a list for spreadsheets, written by the audit export's own CSV writer (`;`, CRLF, RFC 4180
 * quoting, formula guard) after a UTF-8 byte order mark: columns from the item's codec (or those given)
 * with Norwegian headers.
 */
export const csvTableOf = (itemCodec: t.Mixed, columns = columnsOf(itemCodec)): CsvTable => ({
  header: CSV_BOM + csvRow(columns.map(columnHeader)),
  row: (item) => csvRow(columns.map((column) => cellOf(item, column))),
});

/** A list answer as CSV: the header, then one row per item. */
export const csvOf = (itemCodec: t.Mixed, items: readonly unknown[]): string => {
  const table = csvTableOf(itemCodec);
  return table.header + items.map(table.row).join('');
};
