import { open } from 'node:fs/promises';
import { CSV_BOM, CSV_SEPARATOR } from './csv';
import { chunksOf } from './file-chunks';

const QUOTE = 0x22;
const LINE_FEED = 0x0a;

/** What an archival description needs to know of one CSV file, read from the file as written. */
export interface CsvLayout {
  /** The column names of the header row. */
  readonly fields: readonly string[];
  /** Data records: every record after the header (a quoted line break is inside a record, not between). */
  readonly records: number;
}

/** Splits one header row (without its CRLF) into its cells, undoing RFC 4180 quoting. */
export const parseCsvHeader = (line: string): string[] => {
  const cells: string[] = [];
  let at = 0;
  for (;;) {
    let cell = '';
    if (line[at] === '"') {
      at += 1;
      for (;;) {
        const quote = line.indexOf('"', at);
        if (quote < 0) throw new Error('the header has an unclosed quote');
        cell += line.slice(at, quote);
        at = quote + 1;
        if (line[at] !== '"') break;
        cell += '"';
        at += 1;
      }
    } else {
      const end = line.indexOf(CSV_SEPARATOR, at);
      cell = line.slice(at, end < 0 ? line.length : end);
      at = end < 0 ? line.length : end;
    }
    cells.push(cell);
    if (at >= line.length) return cells;
    if (!line.startsWith(CSV_SEPARATOR, at)) throw new Error(`the header has text after a quoted cell`);
    at += CSV_SEPARATOR.length;
  }
};

/** Counts the line feeds outside quotes (a doubled quote in a quoted cell toggles twice) in one pass. */
class RecordCounter {
  records = 0;
  /** Where the first record (the header) ends in the file: its line feed's offset. */
  headerEnd = -1;
  #inQuotes = false;
  #offset = 0;

  add(chunk: Buffer) {
    let at = 0;
    const unknown = -2; // -1: none in the rest of the chunk
    let nextQuote = unknown;
    let nextLineFeed = unknown;
    while (at < chunk.length) {
      if (this.#inQuotes) {
        const quote = chunk.indexOf(QUOTE, at);
        if (quote < 0) break;
        this.#inQuotes = false;
        at = quote + 1;
        continue;
      }
      // Each search runs again only once passed, so a chunk is scanned about once for each byte value.
      if (nextQuote === unknown || (nextQuote >= 0 && nextQuote < at)) nextQuote = chunk.indexOf(QUOTE, at);
      if (nextLineFeed === unknown || (nextLineFeed >= 0 && nextLineFeed < at))
        nextLineFeed = chunk.indexOf(LINE_FEED, at);
      const quote = nextQuote < 0 ? Infinity : nextQuote;
      const lineFeed = nextLineFeed < 0 ? Infinity : nextLineFeed;
      if (lineFeed < quote) {
        if (this.records === 0) this.headerEnd = this.#offset + lineFeed;
        this.records += 1;
        at = lineFeed + 1;
      } else if (quote !== Infinity) {
        this.#inQuotes = true;
        at = quote + 1;
      } else {
        break;
      }
    }
    this.#offset += chunk.length;
  }
}

/**
 * Reads a CSV file as written: its header row's column names, and its records counted by the line feeds
 * outside quotes (so a quoted line break inside a cell does not count).
 */
export const readCsvLayout = async (file: string): Promise<CsvLayout> => {
  const counter = new RecordCounter();
  for await (const chunk of chunksOf(file)) counter.add(chunk);
  if (counter.headerEnd < 0) throw new Error(`${file} has no header row`);
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(counter.headerEnd);
    await handle.read(head, 0, head.length, 0);
    const text = head.toString('utf8').replace(/\r$/, '');
    return {
      fields: parseCsvHeader(text.startsWith(CSV_BOM) ? text.slice(CSV_BOM.length) : text),
      records: counter.records - 1,
    };
  } finally {
    await handle.close();
  }
};
