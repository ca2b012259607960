import { join } from 'node:path';
import { AuditExportError } from './audit-export-error';
import type { ManifestFile, ManifestRange } from './format';
import { OutputFile } from './output-file';

/** What the report says of one register file. */
export interface RegisterFacts {
  /** Its Norwegian name, e.g. `Planregisteret`. */
  readonly title: string;
  /** What it holds, one sentence for the report. */
  readonly description: string;
  /** The CSV file's name in the export folder: lower case letters, digits and `-`, ending in `.csv`. */
  readonly fileName: string;
}

/**
 * One register of the read side as a CSV file of the export. The export knows no read model: whoever
 * builds the registers (the application layer, from the exported events) hands over how to read the
 * file's rows. They are read only when the file is written, one register after the other, and written as
 * they come, so that one register's answer at most is in memory, never its whole text.
 */
export interface RegisterTable extends RegisterFacts {
  /** The byte order mark and the header row. */
  readonly header: string;
  /** One CSV row (with its line end) per entry. */
  readonly rows: () => AsyncIterable<string> | Iterable<string>;
}

/** A register as written: its facts and how many rows its file has. */
export interface WrittenRegister extends RegisterFacts {
  readonly rowCount: number;
}

/** A decision recorded since the previous export (a subset of the read side's change view). */
export interface NewDecision {
  readonly decidedOn: string;
  readonly body: string;
  readonly kind: string;
  readonly summary: string;
  readonly caseNumber: string;
}

/** A field corrected since the previous export. */
export interface NewCorrection {
  readonly correctedEventId: string;
  readonly field: string;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly reason: string;
  readonly actor: string;
  readonly recordedAt: string;
}

/** The entries of one register whose status changed since the previous export. */
export interface RegisterStatusChanges {
  readonly title: string;
  readonly changes: readonly { readonly label: string; readonly before?: string; readonly after?: string }[];
}

/** What changed in the record between the previous export's last event and this export's last event. */
export interface NewSinceChanges {
  /** The previous export's last recorded time (excluded). */
  readonly from: string;
  /** This export's last recorded time (included). */
  readonly to: string;
  readonly decisions: readonly NewDecision[];
  readonly corrections: readonly NewCorrection[];
  readonly registers: readonly RegisterStatusChanges[];
}

/** The registers an export carries, and the point in time they show. */
export interface ExportRegisters<Table extends RegisterFacts = RegisterTable> {
  /** The effective time the registers are read at (what was in force). */
  readonly asOf: string;
  readonly tables: readonly Table[];
  /** Present when the export extends a previous one. */
  readonly newSince?: NewSinceChanges;
}

/** The registers as written, for the report. */
export type WrittenRegisters = ExportRegisters<WrittenRegister>;

/** What the registers are built for, known once the events have passed. */
export interface RegisterMoment {
  /** The export's `created` time. */
  readonly created: string;
  /** The exported events' range (null when there are none). */
  readonly range: ManifestRange | null;
  /** With a previous export: its range (null when it had no events); undefined without one. */
  readonly previousRange?: ManifestRange | null;
}

/** Builds the registers once the events are written (see WriteExportOptions.registers). */
export type RegisterSource = (moment: RegisterMoment) => ExportRegisters | Promise<ExportRegisters>;

const REGISTER_FILE_NAME = /^[a-z0-9][a-z0-9-]*\.csv$/;

const writeRows = async (output: OutputFile, table: RegisterTable): Promise<number> => {
  let rowCount = 0;
  output.write(table.header);
  for await (const row of table.rows()) {
    const waiting = output.write(row);
    if (waiting !== undefined) await waiting;
    rowCount += 1;
  }
  return rowCount;
};

/**
 * Writes each register's CSV into the staging folder, one after the other, rows as they come; a name that
 * is not plain or is taken is refused.
 */
export const writeRegisterFiles = async (
  staging: string,
  registers: ExportRegisters,
  taken: readonly string[],
): Promise<{ files: ManifestFile[]; registers: WrittenRegisters }> => {
  const names = new Set(taken);
  const files: ManifestFile[] = [];
  const tables: WrittenRegister[] = [];
  for (const table of registers.tables) {
    if (!REGISTER_FILE_NAME.test(table.fileName) || names.has(table.fileName))
      throw new AuditExportError(
        'invalid_option',
        `registers: '${table.fileName}' is not a plain .csv file name, or the export has that file already`,
      );
    names.add(table.fileName);
    const output = await OutputFile.create(join(staging, table.fileName));
    try {
      const rowCount = await writeRows(output, table);
      files.push(await output.close());
      tables.push({ title: table.title, description: table.description, fileName: table.fileName, rowCount });
    } catch (error) {
      await output.discard();
      throw error;
    }
  }
  return { files, registers: { ...registers, tables } };
};
