import { cellOf, columnHeader, columnsOf } from '@styring/read-routes';
import type * as t from 'io-ts';
import { fit } from './fit-cell';

/** The widest a cell is shown; longer text is cut with an ellipsis (CSV and JSON have it whole). */
const maxWidth = 40;

/**
 * A list answer as a table for people: the item codec's columns with their Norwegian headers, leaving out
 * the columns that are empty in every row, each as wide as its widest cell (at most 40 characters).
 */
export const answerTable = (itemCodec: t.Mixed, items: readonly unknown[]): string => {
  const columns = columnsOf(itemCodec)
    .map((path) => ({ header: columnHeader(path), cells: items.map((item) => cellOf(item, path)) }))
    .filter((column) => column.cells.some((cell) => cell !== ''));
  const widths = columns.map((column) =>
    Math.min(maxWidth, Math.max(column.header.length, ...column.cells.map((cell) => cell.length))),
  );
  const line = (cells: readonly string[]) =>
    `${cells
      .map((cell, index) => fit(cell.replace(/\s+/g, ' '), widths[index] ?? maxWidth))
      .join('  ')
      .trimEnd()}\n`;
  return [
    line(columns.map((column) => column.header)),
    line(widths.map((width) => '-'.repeat(width))),
    ...items.map((_item, row) => line(columns.map((column) => column.cells[row] ?? ''))),
  ].join('');
};

/** The widest a value of a record is shown. */
const maxRecordWidth = 120;

/** One answer that is no list (a plan, a matrix) as `header: value` lines, long values cut. */
export const answerRecord = (codec: t.Mixed, answer: unknown): string =>
  columnsOf(codec)
    .map((path) => [columnHeader(path), cellOf(answer, path)] as const)
    .filter(([, cell]) => cell !== '')
    .map(([header, cell]) => `${header}: ${fit(cell, maxRecordWidth).trimEnd()}\n`)
    .join('');
