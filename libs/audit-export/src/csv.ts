/**
 * CSV for spreadsheets, per RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a
 * quote, comma or line break (quotes doubled). The file starts with a UTF-8 byte order mark so that Excel
 * reads æ, ø and å right.
 */
export const CSV_BOM = '\uFEFF';
/** The field separator, read by everything that describes the files (addml.xml) rather than repeated. */
export const CSV_SEPARATOR = ',';

/**
 * A cell that begins with = + - @ (or a tab or carriage return) is a formula to Excel and LibreOffice,
 * which an export must never smuggle into an auditor's spreadsheet (CSV injection). Such cells get a
 * leading apostrophe, which spreadsheets show as text; the value after it is unchanged.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;
// Most cells need neither: one scan tells.
const NEEDS_CARE = /^[=+\-@\t\r]|[",\r\n]/;

export const csvCell = (value: string): string => {
  if (!NEEDS_CARE.test(value)) return value;
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
};

export const csvRow = (cells: readonly string[]): string => cells.map(csvCell).join(CSV_SEPARATOR) + '\r\n';
