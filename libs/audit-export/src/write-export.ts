import type { KeyObject } from 'node:crypto';
import { sign } from 'node:crypto';
import { lstat, mkdtemp, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Clock, EventReader, RecordedEvent } from '@styring/eventstore';
import { writeArchivalDescription } from './archival-description';
import { AuditExportError } from './audit-export-error';
import { cosignaturesToCarry, writeCosignatures } from './carried-cosignatures';
import { writeChecksums } from './checksums';
import { CSV_BOM, csvRow } from './csv';
import { type ChainResult, EventChain } from './event-chain';
import {
  EVENTS_FILE,
  type ExportManifest,
  FORMAT,
  FORMAT_VERSION,
  MANIFEST_FILE,
  type ManifestFile,
  type ManifestRange,
  type PreviousExportReference,
  SIGNATURE_FILE,
  VERIFIER_FILE,
} from './format';
import { DecisionRows } from './decision-rows';
import { chunksOf } from './file-chunks';
import { CHANGE_LOG_HEADER, changeLogCells, DECISION_LOG_HEADER } from './log-rows';
import { OutputFile } from './output-file';
import { type PreviousExport, readPreviousExport } from './previous-export';
import { type RegisterSource, writeRegisterFiles, type WrittenRegisters } from './register-files';
import { type ReportFacts, reportHead, reportTail, type UndecodableEventNote } from './report';
import { type SigningKey, toSigningKey } from './signing-key';
import { changeLogEntriesOf, governanceEventSerde } from '@styring/governance';

export const DECISION_LOG_FILE = 'vedtakslogg.csv';
export const CHANGE_LOG_FILE = 'endringslogg.csv';
export const REPORT_FILE = 'rapport.html';
const REPORT_ROWS_PART = 'rapport-rows.part';
const DECISION_INDEX_PART = 'vedtak-index.part';
/** How often (in events) the export tells its progress. */
const PROGRESS_EVERY = 1000;
/** How many undecodable events the report lists by name (all are counted). */
const UNDECODABLE_LISTED = 50;

/** The verifier every export carries: the very file the library verifies with. */
export const VERIFIER_SOURCE = join(__dirname, '..', 'verifier', VERIFIER_FILE);

export interface WriteExportOptions {
  /** Every recorded event, in global order, from the first on (e.g. `store.readAll()`). */
  readonly events: AsyncIterable<RecordedEvent> | Iterable<RecordedEvent>;
  /** The export folder to create; it must not exist, its parent must. */
  readonly directory: string;
  /** The Ed25519 private key that signs the manifest (see loadSigningKey). */
  readonly signingKey: KeyObject;
  /** Gives the export's `created` time. */
  readonly clock: Clock;
  /** Who made the export, e.g. `Lørenskog kommune`. */
  readonly origin: string;
  /** The folder of the previous export of the same history: this one then proves it only extends it. */
  readonly previousExport?: string;
  /**
   * Export events the domain cannot decode raw (in events.jsonl only), counted in the manifest and flagged
   * on the report's first page. Without it such an event stops the export, named.
   */
  readonly allowUndecodable?: boolean;
  /**
   * Witness cosignatures (C2SP checkpoints, as text) sent back for this history: carried in the export,
   * with those the previous export carries, after checking that the events extend each tree head.
   */
  readonly witnessCosignatures?: readonly string[];
  /**
   * The read side's registers, built by the caller once the events are written (from the same events):
   * one CSV each, listed like every file, a section each in the report, and what is new since `previousExport`.
   */
  readonly registers?: RegisterSource;
  /** Called as events are written: with the number written, every 1,000 and at the end. */
  readonly onProgress?: (done: number) => void;
  /** Called as each phase of the export ends (see ExportPhase): for measuring where time and memory go. */
  readonly onPhase?: (phase: ExportPhase) => void;
}

/**
 * The phases of an export, in order: `log` the one pass over the events (events.jsonl with its hashes, the
 * decision and change logs, the report's rows), `corrections` the decision rows rewritten as corrected,
 * `registers` the register files, `report` rapport.html, `closing` the verifier, cosignatures, addml.xml,
 * SHA256SUMS and the signed manifest.
 */
export type ExportPhase = 'log' | 'corrections' | 'registers' | 'report' | 'closing';

export interface ExportSummary {
  readonly directory: string;
  readonly created: string;
  readonly eventCount: number;
  readonly decisionCount: number;
  readonly changeCount: number;
  /** Events exported raw because they could not be decoded (only with `allowUndecodable`). */
  readonly undecodableCount: number;
  readonly range: ManifestRange | null;
  readonly merkleRoot: string;
  readonly chainHead: string;
  /** Fingerprint of the public key that verifies the export: print it for the operator. */
  readonly signingKeyFingerprint: string;
  readonly previous: PreviousExportReference | null;
  readonly files: readonly ManifestFile[];
  /** The files of the witness cosignatures the export carries. */
  readonly witnessCosignatures: readonly string[];
}

const optionError = (field: string, why: string) =>
  new AuditExportError('invalid_option', `${field}: ${why}`);

const checkTarget = async (directory: string) => {
  if (typeof directory !== 'string' || directory.trim() === '') throw optionError('directory', 'is empty');
  const target = resolve(directory);
  if (
    await lstat(target).then(
      () => true,
      () => false,
    )
  ) {
    throw new AuditExportError(
      'target_exists',
      `directory: ${target} exists already; an export never overwrites`,
    );
  }
  const parent = await stat(dirname(target)).catch(() => undefined);
  if (!parent?.isDirectory())
    throw optionError('directory', `the parent folder ${dirname(target)} does not exist`);
  return target;
};

const checkedCreated = (clock: Clock) => {
  const now = typeof clock === 'function' ? clock() : undefined;
  if (!(now instanceof Date) || Number.isNaN(now.getTime()))
    throw optionError('clock', 'did not return a valid Date');
  return now.toISOString();
};

/** The files of one export being written, in a staging folder next to the target. */
interface OpenFiles {
  readonly events: OutputFile;
  readonly decisions: OutputFile;
  readonly changes: OutputFile;
  readonly reportRows: OutputFile;
  readonly decisionRows: DecisionRows;
}

const openFiles = async (staging: string, previousTreeSize: number): Promise<OpenFiles> => {
  const decisions = await OutputFile.create(join(staging, DECISION_LOG_FILE));
  const reportRows = await OutputFile.create(join(staging, REPORT_ROWS_PART));
  const files = {
    events: await OutputFile.create(join(staging, EVENTS_FILE)),
    decisions,
    changes: await OutputFile.create(join(staging, CHANGE_LOG_FILE)),
    reportRows,
    decisionRows: await DecisionRows.create(
      decisions,
      reportRows,
      join(staging, DECISION_INDEX_PART),
      previousTreeSize,
    ),
  };
  files.decisions.write(CSV_BOM + csvRow(DECISION_LOG_HEADER));
  files.changes.write(CSV_BOM + csvRow(CHANGE_LOG_HEADER));
  return files;
};

/** Writes rapport.html: the head (counts are known only now), the decision rows streamed aside, the tail. */
const writeReport = async (staging: string, facts: ReportFacts): Promise<ManifestFile> => {
  const report = await OutputFile.create(join(staging, REPORT_FILE));
  try {
    report.write(reportHead(facts));
    for await (const chunk of chunksOf(join(staging, REPORT_ROWS_PART))) await report.writeBytes(chunk);
    report.write(reportTail(facts));
    return await report.close();
  } catch (error) {
    await report.discard();
    throw error;
  }
};

const copyVerifier = async (staging: string): Promise<ManifestFile> => {
  const copy = await OutputFile.create(join(staging, VERIFIER_FILE));
  await copy.writeBytes(await readFile(VERIFIER_SOURCE));
  return copy.close();
};

const syncDirectory = async (directory: string) => {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
};

const writeNew = async (file: string, bytes: Buffer) => {
  const handle = await open(file, 'wx', 0o644);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
};

interface LogCounts {
  readonly changeCount: number;
  readonly newChangeCount: number;
  readonly undecodableCount: number;
  readonly undecodable: readonly UndecodableEventNote[];
}

const undecodableError = (note: UndecodableEventNote) =>
  new AuditExportError(
    'undecodable_event',
    `events.jsonl line ${note.seq}: event ${note.eventId} at global position ${note.globalPosition}, ` +
      `type ${note.type}, cannot be decoded: ${note.reason}. The export stops rather than leave it out ` +
      'of the decision log and the report unseen; --allow-undecodable exports it raw and flags it',
  );

/**
 * The one pass over the events: each one's line, decoded once for its decision (kept until the
 * corrections are known) and its change log rows. An event the domain cannot decode stops the export,
 * unless `allowUndecodable`: then it is only in events.jsonl, counted and named for the report.
 */
const writeEvents = async (
  events: WriteExportOptions['events'],
  chain: EventChain,
  files: OpenFiles,
  allowUndecodable: boolean,
  previousTreeSize: number,
  onProgress?: (done: number) => void,
): Promise<LogCounts> => {
  let changeCount = 0;
  let newChangeCount = 0;
  let undecodableCount = 0;
  const undecodable: UndecodableEventNote[] = [];
  // The writes return a promise only when a buffer is full: awaiting only those keeps the loop tight.
  for await (const event of events) {
    const start = files.events.position;
    const writing = chain.write(event);
    if (writing !== undefined) await writing;
    const seq = chain.seq;
    if (seq % PROGRESS_EVERY === 0) onProgress?.(seq);
    const decoded = governanceEventSerde.fromRecorded(event);
    if (decoded._tag === 'Left') {
      const note: UndecodableEventNote = {
        seq,
        eventId: event.eventId,
        globalPosition: String(event.globalPosition),
        type: event.type,
        reason: decoded.left.reason,
      };
      if (!allowUndecodable) throw undecodableError(note);
      undecodableCount += 1;
      if (undecodable.length < UNDECODABLE_LISTED) undecodable.push(note);
      continue;
    }
    const governanceEvent = decoded.right;
    const line = { start, end: files.events.position };
    const decision = files.decisionRows.add(governanceEvent, event, seq, line);
    if (decision !== undefined) await decision;
    if (governanceEvent.type !== 'EventCorrected') continue;
    files.decisionRows.addCorrection(governanceEvent, seq, line);
    for (const change of changeLogEntriesOf(governanceEvent, event)) {
      changeCount += 1;
      if (previousTreeSize > 0 && seq > previousTreeSize) newChangeCount += 1;
      const row = files.changes.write(csvRow(changeLogCells(change, seq)));
      if (row !== undefined) await row;
    }
  }
  onProgress?.(chain.seq);
  return { changeCount, newChangeCount, undecodableCount, undecodable };
};

const previousReference = (
  previous: PreviousExport | undefined,
  tree: ChainResult,
): PreviousExportReference | null =>
  previous === undefined
    ? null
    : {
        created: previous.manifest.created,
        treeSize: previous.manifest.treeSize,
        merkleRoot: previous.manifest.merkleRoot,
        chainHead: previous.manifest.chainHead,
        manifestSha256: previous.manifestSha256,
        consistencyProof: tree.consistencyProof ?? [],
      };

/** Writes manifest.json and its signature last, then moves the finished folder into place. */
const signAndPublish = async (staging: string, target: string, manifest: ExportManifest, key: SigningKey) => {
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8');
  await writeNew(join(staging, MANIFEST_FILE), manifestBytes);
  await writeNew(join(staging, SIGNATURE_FILE), sign(null, manifestBytes, key.privateKey));
  await syncDirectory(staging);
  await rename(staging, target);
  await syncDirectory(dirname(target));
};

/**
 * Writes a signed, tamper-evident export of every recorded event: events.jsonl, the decision and change
 * logs as CSV, rapport.html, the verifier, manifest.json and manifest.sig. Streams in constant memory.
 * Everything is written into a hidden staging folder next to the target and renamed into place at the end,
 * so a crash or a refusal never leaves a folder that looks like an export.
 */
export const writeAuditExport = async (options: WriteExportOptions): Promise<ExportSummary> => {
  const target = await checkTarget(options.directory);
  if (typeof options.origin !== 'string' || options.origin.trim() === '')
    throw optionError('origin', 'is empty');
  const origin = options.origin.trim();
  const key = toSigningKey(options.signingKey);
  const created = checkedCreated(options.clock);
  const previous =
    options.previousExport === undefined
      ? undefined
      : await readPreviousExport(options.previousExport, key.publicKey, origin);
  const cosignatures = await cosignaturesToCarry(options.witnessCosignatures ?? [], origin, previous);

  const staging = await mkdtemp(join(dirname(target), `.${basename(target)}.partial-`));
  let files: OpenFiles | undefined;
  try {
    const previousTreeSize = previous?.manifest.treeSize ?? 0;
    files = await openFiles(staging, previousTreeSize);
    const chain = new EventChain(files.events, previous?.manifest, cosignatures);
    const counts = await writeEvents(
      options.events,
      chain,
      files,
      options.allowUndecodable === true,
      previousTreeSize,
      options.onProgress,
    );
    const tree = chain.finish();
    const events = await files.events.close();
    const changes = await files.changes.close();
    options.onPhase?.('log');
    const { totals: decisionTotals, csv: decisions } = await files.decisionRows.finish(files.events.path);
    options.onPhase?.('corrections');
    const written = [events, decisions, changes];
    let registers: WrittenRegisters | null = null;
    if (options.registers !== undefined) {
      const source = await options.registers({
        created,
        range: tree.range,
        ...(previous === undefined ? {} : { previousRange: previous.manifest.range }),
      });
      const registerFiles = await writeRegisterFiles(
        staging,
        source,
        written.map((file) => file.name),
      );
      written.push(...registerFiles.files);
      registers = registerFiles.registers;
      options.onPhase?.('registers');
    }
    const facts: ReportFacts = {
      origin,
      created,
      range: tree.range,
      eventCount: tree.treeSize,
      ...counts,
      ...decisionTotals,
      merkleRoot: tree.merkleRoot,
      chainHead: tree.chainHead,
      signingKeyFingerprint: key.fingerprint,
      previous: previousReference(previous, tree),
      registers,
    };
    written.push(await writeReport(staging, facts));
    await rm(join(staging, REPORT_ROWS_PART));
    options.onPhase?.('report');
    written.push(await copyVerifier(staging));
    written.push(...(await writeCosignatures(staging, cosignatures)));
    // Last, so they describe every file above, whichever files that is.
    written.push(await writeArchivalDescription(staging, written, { origin, created }));
    written.push(await writeChecksums(staging, written));
    const summary: ExportSummary = {
      directory: target,
      created,
      eventCount: tree.treeSize,
      decisionCount: decisionTotals.decisionCount,
      changeCount: counts.changeCount,
      undecodableCount: counts.undecodableCount,
      range: tree.range,
      merkleRoot: tree.merkleRoot,
      chainHead: tree.chainHead,
      signingKeyFingerprint: key.fingerprint,
      previous: facts.previous,
      files: written,
      witnessCosignatures: cosignatures.map((cosignature) => cosignature.fileName),
    };
    await signAndPublish(staging, target, manifestOf(origin, tree, summary), key);
    options.onPhase?.('closing');
    return summary;
  } catch (error) {
    if (files !== undefined)
      await Promise.all(Object.values(files).map((file: OutputFile | DecisionRows) => file.discard()));
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
};

/** The manifest; `undecodableCount` only when events were exported raw, so other exports read as before. */
const manifestOf = (
  origin: string,
  tree: ChainResult,
  summary: ExportSummary,
): ExportManifest & { readonly undecodableCount?: number } => ({
  format: FORMAT,
  formatVersion: FORMAT_VERSION,
  origin,
  created: summary.created,
  range: tree.range,
  eventCount: tree.treeSize,
  decisionCount: summary.decisionCount,
  changeCount: summary.changeCount,
  ...(summary.undecodableCount === 0 ? {} : { undecodableCount: summary.undecodableCount }),
  treeSize: tree.treeSize,
  merkleRoot: tree.merkleRoot,
  chainHead: tree.chainHead,
  hashAlgorithm: 'sha-256',
  signatureAlgorithm: 'ed25519',
  signingKeyFingerprint: summary.signingKeyFingerprint,
  files: summary.files,
  previous: summary.previous,
});

export interface StoreExportOptions extends Omit<WriteExportOptions, 'events'> {
  /** The last global position to include; the end of the log by default. */
  readonly to?: bigint;
}

/** Exports the whole history of a store (every event, unfiltered), up to `to` when given. */
export const exportFromStore = (store: EventReader, options: StoreExportOptions): Promise<ExportSummary> => {
  const { to, ...rest } = options;
  return writeAuditExport({ ...rest, events: store.readAll(to === undefined ? {} : { to }) });
};
