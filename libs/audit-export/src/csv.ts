/**
 * CSV for spreadsheets, laid out for Excel with Norwegian regional settings: semicolon-separated (Excel
 * takes the list separator from the locale, and where the comma is the decimal mark it is `;`), CRLF line
 * ends, and RFC 4180 quoting with `;` in place of the comma (a field with a quote, semicolon or line break is
 * quoted, quotes doubled). The file starts with a UTF-8 byte order mark so that Excel reads æ, ø and å right.
 */
export const CSV_BOM = '\uFEFF';
/** The field separator, read by everything that describes the files (addml.xml) rather than repeated. */
export const CSV_SEPARATOR = ';';

/**
 * A cell that begins with = + - @ (or a tab or carriage return) is a formula to Excel and LibreOffice,
 * which an export must never smuggle into an auditor's spreadsheet (CSV injection). Such cells get a
 * leading apostrophe, which spreadsheets show as text; the value after it is unchanged.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[";\r\n]/;
// Most cells need neither: one scan tells.
const NEEDS_CARE = /^[=+\-@\t\r]|[";\r\n]/;

export const csvCell = (value: string): string => {
  if (!NEEDS_CARE.test(value)) return value;
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
};

export const csvRow = (cells: readonly string[]): string => cells.map(csvCell).join(CSV_SEPARATOR) + '\r\n';

/**
 * An amount in kroner as a number Excel sums: digits only, no thousands separator, and a decimal comma
 * (the Norwegian decimal mark) should an amount ever have øre. The domain's amounts are whole, non-negative
 * kroner. Absent: an empty cell.
 */
export const csvAmount = (amount: number | undefined): string =>
  amount === undefined ? '' : String(amount).replace('.', ',');
