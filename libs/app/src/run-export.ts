import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import {
  type ExportPhase,
  type ExportRegisters,
  type ExportSummary,
  loadSigningKey,
  type RegisterMoment,
  writeAuditExport,
} from '@styring/audit-export';
import {
  type CatchUpProgress,
  type ReadModelReader,
  sqliteProjectionRunner,
  sqliteReadModelReader,
} from '@styring/projections';
import { openLocalReadModels, type OpenedStore } from './open-store';
import { openProjections } from './projections';
import { type Runtime, systemRuntime } from './runtime';

/** Who the exports say they come from. */
export const defaultExportOrigin = 'Lørenskog kommune';

export interface ExportRequest {
  /** The export folder to create: it must not exist yet; its parent must. */
  readonly directory: string;
  /** The previous export of the same history: the new one then proves it only appended to it. */
  readonly previousExport?: string;
  /** The private key's PEM file; without it the key comes from STYRING_SIGNING_KEY in `env`. */
  readonly keyFile?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly origin?: string;
  /** Export events the domain cannot decode raw, counted and flagged, instead of stopping (see audit-export). */
  readonly allowUndecodable?: boolean;
  /** Witness cosignatures (the texts of the files witnesses sent back) to carry; see audit-export. */
  readonly witnessCosignatures?: readonly string[];
  /** Called as events are written (every 1,000 and at the end). */
  readonly onProgress?: (done: number) => void;
  /**
   * The read side's registers, read from read models of exactly the exported events: e.g.
   * `exportRegisters(readModelQueries)` of `@styring/read-routes`. Those kept beside the store (see
   * `openProjections`) are caught up and held at one position, and the export takes the events up to it;
   * while another process keeps rebuilding them, they are built for the export in a temporary SQLite file.
   */
  readonly registers?: (readModels: ReadModelReader, moment: RegisterMoment) => Promise<ExportRegisters>;
  /** With `registers`: called as the read models are built, before the events are written. */
  readonly onReadModelProgress?: (progress: CatchUpProgress) => void;
  /** Called as each phase ends: `read-models` (with `registers`), then the export's (see ExportPhase). */
  readonly onPhase?: (phase: 'read-models' | ExportPhase) => void;
}

/**
 * The temporary read models: a throwaway file, so nothing is journaled or synced (a crash loses only
 * what is rebuilt on the next export anyway).
 */
const openThrowawayReadModels = (file: string): Database.Database => {
  const db = openLocalReadModels(file);
  db.pragma('journal_mode = MEMORY');
  db.pragma('synchronous = OFF');
  return db;
};

/** Writes a signed audit export of the store's whole history (see @styring/audit-export for the format). */
export const runExport = async (
  store: OpenedStore,
  request: ExportRequest,
  runtime: Runtime = systemRuntime,
): Promise<ExportSummary> => {
  const { registers } = request;
  if (registers === undefined) return exportEvents(store, request, runtime);
  const withRegisters = { ...request, registers };
  return (
    (await exportWithKeptReadModels(store, withRegisters, runtime)) ??
    exportWithThrowawayReadModels(store, withRegisters, runtime)
  );
};

type RegistersOf = (moment: RegisterMoment) => Promise<ExportRegisters>;
type ExportWithRegisters = ExportRequest & Required<Pick<ExportRequest, 'registers'>>;

/**
 * With the read models kept beside the store (a running service keeps them current): caught up, held at
 * one position while the export writes the events up to it and reads the registers. Undefined when another
 * process kept rebuilding them.
 */
const exportWithKeptReadModels = async (
  store: OpenedStore,
  request: ExportWithRegisters,
  runtime: Runtime,
): Promise<ExportSummary | undefined> => {
  const projections = openProjections(
    store,
    request.onReadModelProgress === undefined ? {} : { onProgress: request.onReadModelProgress },
  );
  try {
    const held = await projections.hold();
    if (held === undefined) return undefined;
    try {
      request.onPhase?.('read-models');
      return await exportEvents(store, request, runtime, held.position, (moment) =>
        request.registers(held.reader, moment),
      );
    } finally {
      await held.release();
    }
  } finally {
    await projections.close();
  }
};

/** Read models built for this export alone, of exactly its events, in a temporary file. */
const exportWithThrowawayReadModels = async (
  store: OpenedStore,
  request: ExportWithRegisters,
  runtime: Runtime,
): Promise<ExportSummary> => {
  // The read models are built first; the export then takes the events up to the last one they hold.
  const folder = await mkdtemp(join(tmpdir(), 'styring-export-read-models-'));
  const readModels = openThrowawayReadModels(join(folder, 'read-models.db'));
  try {
    const last = await sqliteProjectionRunner({
      events: store.events,
      db: readModels,
      ...(request.onReadModelProgress === undefined ? {} : { onProgress: request.onReadModelProgress }),
    }).catchUp();
    request.onPhase?.('read-models');
    return await exportEvents(store, request, runtime, last, (moment) =>
      request.registers(sqliteReadModelReader(readModels), moment),
    );
  } finally {
    readModels.close();
    await rm(folder, { recursive: true, force: true });
  }
};

const exportEvents = async (
  store: OpenedStore,
  request: ExportRequest,
  runtime: Runtime,
  to?: bigint,
  registers?: RegistersOf,
): Promise<ExportSummary> => {
  const key = await loadSigningKey({
    ...(request.keyFile === undefined ? {} : { file: request.keyFile }),
    ...(request.env === undefined ? {} : { env: request.env }),
  });
  return writeAuditExport({
    events: store.events.readAll(to === undefined ? {} : { to }),
    ...(request.onProgress === undefined ? {} : { onProgress: request.onProgress }),
    directory: request.directory,
    signingKey: key.privateKey,
    clock: runtime.clock,
    origin: request.origin ?? defaultExportOrigin,
    ...(request.previousExport === undefined ? {} : { previousExport: request.previousExport }),
    ...(request.allowUndecodable === true ? { allowUndecodable: true } : {}),
    ...(request.witnessCosignatures === undefined
      ? {}
      : { witnessCosignatures: request.witnessCosignatures }),
    ...(registers === undefined ? {} : { registers }),
    ...(request.onPhase === undefined ? {} : { onPhase: request.onPhase }),
  });
};
