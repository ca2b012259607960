import { closeSync, openSync, readSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import type { RecordedEvent } from '@styring/eventstore';
import {
  decisionLogEntryOf,
  type EventCorrected,
  type GovernanceEvent,
  governanceEventSerde,
} from '@styring/governance';
import { correctedEvent } from './corrected-event';
import { csvRow } from './csv';
import { chunksOf } from './file-chunks';
import type { ManifestFile } from './format';
import { type AppliedCorrection, decisionAmount, decisionLogCells } from './log-rows';
import { OutputFile } from './output-file';
import { reportDecisionRow } from './report';

/** What the report states about the decisions, counted from their values in force. */
export interface DecisionTotals {
  readonly decisionCount: number;
  readonly correctedDecisionCount: number;
  /** Decisions recorded after the previous export's last event. */
  readonly newDecisionCount: number;
  /** Decisions counted per deciding body, then per kind. */
  readonly decisionsByBodyAndKind: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** The earliest and latest decision date (`YYYY-MM-DD`); null without decisions. */
  readonly decidedRange: { readonly first: string; readonly last: string } | null;
}

/** A span of bytes in a file: where an event's line is in events.jsonl, or a row in a CSV. */
export interface ByteSpan {
  readonly start: number;
  readonly end: number;
}

/** Where lines are read back into: one buffer, grown for a longer line (a buffer per line was freed late). */
let lineBuffer = Buffer.allocUnsafe(1 << 16);

/** The recorded event of one events.jsonl line (the record is canonical JSON; bigints are decimal text). */
const readRecorded = (events: number, span: ByteSpan): RecordedEvent => {
  const length = span.end - span.start;
  if (length > lineBuffer.length) lineBuffer = Buffer.allocUnsafe(length);
  readSync(events, lineBuffer, 0, length, span.start);
  const { record } = JSON.parse(lineBuffer.toString('utf8', 0, length)) as {
    record: RecordedEvent & { streamRevision: string; globalPosition: string };
  };
  return {
    ...record,
    streamRevision: BigInt(record.streamRevision),
    globalPosition: BigInt(record.globalPosition),
  };
};

/** The corrections at `lines` (seq, start, end of each) in events.jsonl, as the decision log shows them. */
const appliedCorrections = (events: number, lines: readonly number[]): AppliedCorrection[] => {
  const applied: AppliedCorrection[] = [];
  for (let i = 0; i < lines.length; i += 3) {
    const recorded = readRecorded(events, { start: lines[i + 1]!, end: lines[i + 2]! });
    const decoded = governanceEventSerde.fromRecorded(recorded);
    // It decoded when it was first read (or the export would have stopped); it is the same event.
    if (decoded._tag === 'Left' || decoded.right.type !== 'EventCorrected')
      throw new Error(`event ${recorded.eventId} is no longer the correction it was`);
    const correction = decoded.right;
    applied.push({
      seq: lines[i]!,
      changes: correction.changes,
      actor: recorded.metadata.actor,
      recordedAt: recorded.recordedAt,
      reason: correction.reason,
    });
  }
  return applied;
};

const COPY_CHUNK = 1 << 16;

/** Copies bytes `from`–`to` of an open file into `out`'s buffer, a chunk at a time. */
const copyRange = async (source: number, from: number, to: number, out: OutputFile) => {
  for (let position = from; position < to;) {
    const length = Math.min(to - position, COPY_CHUNK);
    const waiting = out.room(length);
    if (waiting !== undefined) await waiting;
    const read = readSync(source, out.buffer, out.used, length, position);
    if (read === 0) throw new Error(`${out.path}: its source ended at byte ${position} of ${to}`);
    out.commit(out.used + read);
    position += read;
  }
};

/** The lines of a file, read 64 KB at a time (readline costs more per line than the work on it). */
async function* linesOf(file: string): AsyncGenerator<string> {
  let rest = '';
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunksOf(file, COPY_CHUNK)) {
    const lines = (rest + decoder.write(chunk)).split('\n');
    rest = lines.pop()!;
    yield* lines;
  }
  if (rest !== '') yield rest;
}

const increment = <K>(counts: Map<K, number>, key: K, by: number) => {
  const count = (counts.get(key) ?? 0) + by;
  if (count === 0) counts.delete(key);
  else counts.set(key, count);
};

/**
 * The decision log's rows, as they read when the export is made. A correction comes after the decision it
 * corrects, so each decision is written at once as first recorded (to vedtakslogg.csv and the report's
 * rows), and an index line notes where: its rows' byte spans and its event's line in events.jsonl. The
 * corrections' lines are noted in memory (one entry per corrected event). At the end, when a decision was
 * corrected, both files are copied once with the corrected decisions' rows replaced: each is read back
 * from events.jsonl with its corrections, derived again with them applied, and carries what was corrected,
 * by whom, when and why. Without corrections nothing is read back; the counts shown in the report are kept per
 * body, kind and decision date, so corrected values only move a decision from one count to another.
 */
export class DecisionRows {
  /**
   * Where the corrections of each corrected event are in events.jsonl, in order, as flat numbers (seq,
   * start, end of each line): there can be tens of thousands, and the lines are read back only for the
   * decisions they correct. Holding less keeps the heap, and so the memory the runtime reserves, small.
   */
  readonly #corrections = new Map<string, number[]>();
  readonly #byBodyAndKind = new Map<string, Map<string, number>>();
  readonly #byDate = new Map<string, number>();
  #decisionCount = 0;
  #newDecisionCount = 0;

  /** `newAfterSeq`: the previous export's tree size; the decisions after it are new (0: none before). */
  private constructor(
    readonly csv: OutputFile,
    readonly reportRows: OutputFile,
    readonly index: OutputFile,
    readonly newAfterSeq: number,
  ) {}

  /** Takes over writing `csv` (after its header) and `reportRows`; the index goes to `indexPath`. */
  static async create(
    csv: OutputFile,
    reportRows: OutputFile,
    indexPath: string,
    newAfterSeq: number,
  ): Promise<DecisionRows> {
    return new DecisionRows(csv, reportRows, await OutputFile.create(indexPath), newAfterSeq);
  }

  #count(body: string, kind: string, decidedOn: string, by: 1 | -1) {
    let kinds = this.#byBodyAndKind.get(body);
    if (kinds === undefined) this.#byBodyAndKind.set(body, (kinds = new Map()));
    increment(kinds, kind, by);
    if (kinds.size === 0) this.#byBodyAndKind.delete(body);
    increment(this.#byDate, decidedOn, by);
  }

  #isNew(seq: number) {
    return this.newAfterSeq > 0 && seq > this.newAfterSeq;
  }

  /**
   * Writes the decision of `event` (none when it is no decision). Returns a promise only when a buffer had
   * to be written out first: most events are no decisions, and awaiting each would cost more than the rest.
   */
  add(
    event: GovernanceEvent,
    recorded: RecordedEvent,
    seq: number,
    line: ByteSpan,
  ): Promise<void> | undefined {
    const entry = decisionLogEntryOf(event, recorded);
    if (entry === undefined) return undefined;
    this.#decisionCount += 1;
    if (this.#isNew(seq)) this.#newDecisionCount += 1;
    this.#count(entry.body, entry.kind, entry.decidedOn, 1);
    // A write that must wait appends its text when the buffer is free: the ends are read after both.
    const csvStart = this.csv.position;
    const csvWrite = this.csv.write(csvRow(decisionLogCells(entry, seq, decisionAmount(event), [])));
    const htmlStart = this.reportRows.position;
    const htmlWrite = this.reportRows.write(reportDecisionRow(entry, seq, [], this.#isNew(seq)));
    const index = () =>
      this.index.write(
        `${recorded.eventId}\t${seq}\t${line.start}\t${line.end}\t${csvStart}\t${this.csv.position}\t` +
          `${htmlStart}\t${this.reportRows.position}\n`,
      );
    return csvWrite === undefined && htmlWrite === undefined
      ? index()
      : Promise.all([csvWrite, htmlWrite]).then(index);
  }

  addCorrection(correction: EventCorrected, seq: number, line: ByteSpan): void {
    const earlier = this.#corrections.get(correction.correctedEventId);
    if (earlier === undefined)
      this.#corrections.set(correction.correctedEventId, [seq, line.start, line.end]);
    else earlier.push(seq, line.start, line.end);
  }

  /**
   * Closes vedtakslogg.csv and the report's rows with every corrected decision as it reads now, removes
   * the index, and gives the totals and the CSV's entry for the manifest. `eventsFile`: events.jsonl,
   * complete.
   */
  async finish(eventsFile: string): Promise<{ totals: DecisionTotals; csv: ManifestFile }> {
    const [csvAsRecorded] = await Promise.all([
      this.csv.close(),
      this.reportRows.close(),
      this.index.close(),
    ]);
    const corrected = this.#corrections.size === 0 ? undefined : await this.#correctRows(eventsFile);
    await rm(this.index.path);
    const dates = [...this.#byDate.keys()].sort();
    return {
      totals: {
        decisionCount: this.#decisionCount,
        correctedDecisionCount: corrected?.count ?? 0,
        newDecisionCount: this.#newDecisionCount,
        decisionsByBodyAndKind: this.#byBodyAndKind,
        decidedRange: dates.length === 0 ? null : { first: dates[0]!, last: dates[dates.length - 1]! },
      },
      csv: corrected?.csv ?? csvAsRecorded,
    };
  }

  /** Rewrites both files with the rows of the corrected decisions replaced, in one sequential copy each. */
  async #correctRows(eventsFile: string): Promise<{ count: number; csv: ManifestFile } | undefined> {
    const csvPath = this.csv.path;
    const rowsPath = this.reportRows.path;
    await Promise.all([rename(csvPath, `${csvPath}.recorded`), rename(rowsPath, `${rowsPath}.recorded`)]);
    const sources = {
      events: openSync(eventsFile, 'r'),
      csv: openSync(`${csvPath}.recorded`, 'r'),
      rows: openSync(`${rowsPath}.recorded`, 'r'),
    };
    const csv = await OutputFile.create(csvPath);
    const rows = await OutputFile.create(rowsPath);
    try {
      let count = 0;
      let csvDone = 0;
      let rowsDone = 0;
      for await (const line of linesOf(this.index.path)) {
        const [eventId, ...numbers] = line.split('\t');
        const lines = this.#corrections.get(eventId!);
        if (lines === undefined) continue;
        const corrections = appliedCorrections(sources.events, lines);
        const [seq, eventStart, eventEnd, csvStart, csvEnd, rowStart, rowEnd] = numbers.map(Number) as [
          number,
          number,
          number,
          number,
          number,
          number,
          number,
        ];
        const recorded = readRecorded(sources.events, { start: eventStart, end: eventEnd });
        const row = this.#correctedRow(recorded, seq, corrections);
        count += 1;
        await copyRange(sources.csv, csvDone, csvStart, csv);
        const csvWrite = csv.write(row.csv);
        if (csvWrite !== undefined) await csvWrite;
        csvDone = csvEnd;
        await copyRange(sources.rows, rowsDone, rowStart, rows);
        const rowWrite = rows.write(row.html);
        if (rowWrite !== undefined) await rowWrite;
        rowsDone = rowEnd;
      }
      await copyRange(sources.csv, csvDone, this.csv.position, csv);
      await copyRange(sources.rows, rowsDone, this.reportRows.position, rows);
      const [csvFile] = await Promise.all([csv.close(), rows.close()]);
      return { count, csv: csvFile };
    } catch (error) {
      await Promise.all([csv.discard(), rows.discard()]);
      throw error;
    } finally {
      Object.values(sources).forEach((fd) => closeSync(fd));
      await Promise.all([rm(`${csvPath}.recorded`), rm(`${rowsPath}.recorded`)]);
    }
  }

  /** The rows of a corrected decision, derived again from its event with the corrections applied. */
  #correctedRow(recorded: RecordedEvent, seq: number, corrections: readonly AppliedCorrection[]) {
    const decoded = governanceEventSerde.fromRecorded(recorded);
    // It decoded when it was first read (or the export would have stopped); it is the same event.
    if (decoded._tag === 'Left') throw new Error(`event ${recorded.eventId} no longer decodes`);
    const original = decisionLogEntryOf(decoded.right, recorded)!;
    const event = correctedEvent(decoded.right, recorded, corrections);
    const entry = decisionLogEntryOf(event, recorded)!;
    this.#count(original.body, original.kind, original.decidedOn, -1);
    this.#count(entry.body, entry.kind, entry.decidedOn, 1);
    return {
      csv: csvRow(decisionLogCells(entry, seq, decisionAmount(event), corrections)),
      html: reportDecisionRow(entry, seq, corrections, this.#isNew(seq)),
    };
  }

  discard(): Promise<void> {
    return this.index.discard();
  }
}
