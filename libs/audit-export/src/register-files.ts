import { join } from 'node:path';
import { AuditExportError } from './audit-export-error';
import type { ManifestFile, ManifestRange } from './format';
import { OutputFile } from './output-file';

/**
 * One register of the read side as a CSV file of the export. The export knows no read model: whoever
 * builds the registers (the application layer, from the exported events) hands over the finished file.
 */
export interface RegisterTable {
  /** Its Norwegian name, e.g. `Planregisteret`. */
  readonly title: string;
  /** What it holds, one sentence for the report. */
  readonly description: string;
  /** The CSV file's name in the export folder: lower case letters, digits and `-`, ending in `.csv`. */
  readonly fileName: string;
  readonly rowCount: number;
  /** The whole file: byte order mark, header row and one row per entry. */
  readonly csv: string;
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
export interface ExportRegisters {
  /** The effective time the registers are read at (what was in force). */
  readonly asOf: string;
  readonly tables: readonly RegisterTable[];
  /** Present when the export extends a previous one. */
  readonly newSince?: NewSinceChanges;
}

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

/** Writes each register's CSV into the staging folder; a name that is not plain or is taken is refused. */
export const writeRegisterFiles = async (
  staging: string,
  registers: ExportRegisters,
  taken: readonly string[],
): Promise<ManifestFile[]> => {
  const names = new Set(taken);
  const written: ManifestFile[] = [];
  for (const table of registers.tables) {
    if (!REGISTER_FILE_NAME.test(table.fileName) || names.has(table.fileName))
      throw new AuditExportError(
        'invalid_option',
        `registers: '${table.fileName}' is not a plain .csv file name, or the export has that file already`,
      );
    names.add(table.fileName);
    const output = await OutputFile.create(join(staging, table.fileName));
    try {
      await output.writeBytes(Buffer.from(table.csv, 'utf8'));
      written.push(await output.close());
    } catch (error) {
      await output.discard();
      throw error;
    }
  }
  return written;
};
