import type { KeyObject } from 'node:crypto';
import { sign } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, mkdtemp, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Clock, EventReader, RecordedEvent } from '@styring/eventstore';
import { writeArchivalDescription } from './archival-description';
import { AuditExportError } from './audit-export-error';
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
import {
  CHANGE_LOG_HEADER,
  changeLogCells,
  DECISION_LOG_HEADER,
  type DecisionLogRows,
  decisionLogCells,
  governanceLogRows,
} from './log-rows';
import { OutputFile } from './output-file';
import { type PreviousExport, readPreviousExport } from './previous-export';
import { reportDecisionRow, type ReportFacts, reportHead, reportTail } from './report';
import { type SigningKey, toSigningKey } from './signing-key';

export const DECISION_LOG_FILE = 'vedtakslogg.csv';
export const CHANGE_LOG_FILE = 'endringslogg.csv';
export const REPORT_FILE = 'rapport.html';
const REPORT_ROWS_PART = 'rapport-rows.part';

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
  /** How decisions and corrections are read from events; the governance domain's functions by default. */
  readonly rows?: DecisionLogRows;
}

export interface ExportSummary {
  readonly directory: string;
  readonly created: string;
  readonly eventCount: number;
  readonly decisionCount: number;
  readonly changeCount: number;
  readonly range: ManifestRange | null;
  readonly merkleRoot: string;
  readonly chainHead: string;
  /** Fingerprint of the public key that verifies the export: print it for the operator. */
  readonly signingKeyFingerprint: string;
  readonly previous: PreviousExportReference | null;
  readonly files: readonly ManifestFile[];
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

const checkRows = (rows: DecisionLogRows) => {
  if (typeof rows?.toDecisionLogEntry !== 'function' || typeof rows.toChangeLogEntries !== 'function') {
    throw optionError('rows', 'needs the functions toDecisionLogEntry and toChangeLogEntries');
  }
};

/** The files of one export being written, in a staging folder next to the target. */
interface OpenFiles {
  readonly events: OutputFile;
  readonly decisions: OutputFile;
  readonly changes: OutputFile;
  readonly reportRows: OutputFile;
}

const openFiles = async (staging: string): Promise<OpenFiles> => {
  const files = {
    events: await OutputFile.create(join(staging, EVENTS_FILE)),
    decisions: await OutputFile.create(join(staging, DECISION_LOG_FILE)),
    changes: await OutputFile.create(join(staging, CHANGE_LOG_FILE)),
    reportRows: await OutputFile.create(join(staging, REPORT_ROWS_PART)),
  };
  files.decisions.write(CSV_BOM + csvRow(DECISION_LOG_HEADER));
  files.changes.write(CSV_BOM + csvRow(CHANGE_LOG_HEADER));
  return files;
};

const countDecision = (counts: Map<string, Map<string, number>>, body: string, kind: string) => {
  let kinds = counts.get(body);
  if (kinds === undefined) counts.set(body, (kinds = new Map()));
  kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
};

/** Writes rapport.html: the head (counts are known only now), the decision rows streamed aside, the tail. */
const writeReport = async (staging: string, facts: ReportFacts): Promise<ManifestFile> => {
  const report = await OutputFile.create(join(staging, REPORT_FILE));
  try {
    report.write(reportHead(facts));
    for await (const chunk of createReadStream(join(staging, REPORT_ROWS_PART)))
      await report.writeBytes(chunk as Buffer);
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
  readonly decisionCount: number;
  readonly changeCount: number;
  readonly decisionsByBodyAndKind: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** The one pass over the events: each one's line, its decision log row and its change log rows. */
const writeEvents = async (
  events: WriteExportOptions['events'],
  chain: EventChain,
  rows: DecisionLogRows,
  files: OpenFiles,
): Promise<LogCounts> => {
  const decisionsByBodyAndKind = new Map<string, Map<string, number>>();
  let decisionCount = 0;
  let changeCount = 0;
  // The writes return a promise only when a buffer is full: awaiting only those keeps the loop tight.
  for await (const event of events) {
    const writing = chain.write(event);
    if (writing !== undefined) await writing;
    const seq = chain.seq;
    const decision = rows.toDecisionLogEntry(event);
    if (decision !== undefined) {
      decisionCount += 1;
      countDecision(decisionsByBodyAndKind, decision.body, decision.kind);
      const row = files.decisions.write(csvRow(decisionLogCells(decision, seq)));
      if (row !== undefined) await row;
      const reportRow = files.reportRows.write(reportDecisionRow(decision, seq));
      if (reportRow !== undefined) await reportRow;
    }
    for (const change of rows.toChangeLogEntries(event)) {
      changeCount += 1;
      const row = files.changes.write(csvRow(changeLogCells(change, seq)));
      if (row !== undefined) await row;
    }
  }
  return { decisionCount, changeCount, decisionsByBodyAndKind };
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
  const rows = options.rows ?? governanceLogRows;
  checkRows(rows);
  const key = toSigningKey(options.signingKey);
  const created = checkedCreated(options.clock);
  const previous =
    options.previousExport === undefined
      ? undefined
      : await readPreviousExport(options.previousExport, key.publicKey, origin);

  const staging = await mkdtemp(join(dirname(target), `.${basename(target)}.partial-`));
  let files: OpenFiles | undefined;
  try {
    files = await openFiles(staging);
    const chain = new EventChain(files.events, previous?.manifest);
    const counts = await writeEvents(options.events, chain, rows, files);
    const tree = chain.finish();
    // Synced together: each close waits for its file to reach the disk.
    const [events, decisions, changes] = await Promise.all([
      files.events.close(),
      files.decisions.close(),
      files.changes.close(),
      files.reportRows.close(),
    ]);
    const written = [events, decisions, changes];
    const facts: ReportFacts = {
      origin,
      created,
      range: tree.range,
      eventCount: tree.treeSize,
      ...counts,
      merkleRoot: tree.merkleRoot,
      chainHead: tree.chainHead,
      signingKeyFingerprint: key.fingerprint,
      previous: previousReference(previous, tree),
    };
    written.push(await writeReport(staging, facts));
    await rm(join(staging, REPORT_ROWS_PART));
    written.push(await copyVerifier(staging));
    // Last, so they describe every file above, whichever files that is.
    written.push(await writeArchivalDescription(staging, written, { origin, created }));
    written.push(await writeChecksums(staging, written));
    const summary: ExportSummary = {
      directory: target,
      created,
      eventCount: tree.treeSize,
      decisionCount: counts.decisionCount,
      changeCount: counts.changeCount,
      range: tree.range,
      merkleRoot: tree.merkleRoot,
      chainHead: tree.chainHead,
      signingKeyFingerprint: key.fingerprint,
      previous: facts.previous,
      files: written,
    };
    await signAndPublish(staging, target, manifestOf(origin, tree, summary), key);
    return summary;
  } catch (error) {
    if (files !== undefined)
      await Promise.all(Object.values(files).map((file: OutputFile) => file.discard()));
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
};

const manifestOf = (origin: string, tree: ChainResult, summary: ExportSummary): ExportManifest => ({
  format: FORMAT,
  formatVersion: FORMAT_VERSION,
  origin,
  created: summary.created,
  range: tree.range,
  eventCount: tree.treeSize,
  decisionCount: summary.decisionCount,
  changeCount: summary.changeCount,
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
