import { CSV_BOM, csvRow } from '@styring/audit-export';
import type * as t from 'io-ts';
import { cellOf, type ColumnPath, columnsOf, valueAt } from './answer-columns';
import { columnHeader } from './column-headers';
import { displayNamesOf, namesCell } from './display-names';

export const csvMediaType = 'text/csv; charset=utf-8';

/** A list's CSV in pieces: the byte order mark and header row, and each item's row. */
export interface CsvTable {
  readonly header: string;
  readonly row: (item: unknown) => string;
}

interface CsvColumn {
  readonly header: string;
  readonly cell: (item: unknown) => string;
}

/** A column of the item, and beside it the Norwegian names of its values when they are slugs. */
const csvColumnsOf = (column: ColumnPath): CsvColumn[] => {
  const own = { header: columnHeader(column), cell: (item: unknown) => cellOf(item, column) };
  const names = displayNamesOf(column);
  if (names === undefined) return [own];
  return [own, { header: `${own.header} (navn)`, cell: (item) => namesCell(valueAt(item, column), names) }];
};

/**
 * The CSV of a list for spreadsheets, written by the audit export's own CSV writer (`;`, CRLF, RFC 4180
 * quoting, formula guard) after a UTF-8 byte order mark: columns from the item's codec (or those given)
 * with Norwegian headers, and the Norwegian names beside slugs (`Organ (navn)`).
 */
export const csvTableOf = (itemCodec: t.Mixed, columns = columnsOf(itemCodec)): CsvTable => {
  const csvColumns = columns.flatMap(csvColumnsOf);
  return {
    header: CSV_BOM + csvRow(csvColumns.map((column) => column.header)),
    row: (item) => csvRow(csvColumns.map((column) => column.cell(item))),
  };
};

/** A list answer as CSV: the header, then one row per item. */
export const csvOf = (itemCodec: t.Mixed, items: readonly unknown[]): string => {
  const table = csvTableOf(itemCodec);
  return table.header + items.map(table.row).join('');
};
