import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { RecordedEvent } from '@styring/eventstore';
import * as E from 'fp-ts/Either';
import {
  decisionLogEntryOf,
  type EventCorrected,
  type GovernanceEvent,
  governanceEventSerde,
} from '@styring/governance';
import { correctedEvent } from './corrected-event';
import { csvRow } from './csv';
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

/** Where an event's line is in events.jsonl, in bytes: a corrected decision is read back from there. */
export interface LineSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * The recorded event of one events.jsonl line (the record is canonical JSON; bigints are decimal text). Read
 * synchronously: a few kilobytes just written, so in the page cache, for the few decisions corrected.
 */
const readRecorded = (events: number, span: LineSpan): RecordedEvent => {
  const bytes = Buffer.alloc(span.end - span.start);
  readSync(events, bytes, 0, bytes.length, span.start);
  const { record } = JSON.parse(bytes.toString('utf8')) as {
    record: RecordedEvent & { streamRevision: string; globalPosition: string };
  };
  return {
    ...record,
    streamRevision: BigInt(record.streamRevision),
    globalPosition: BigInt(record.globalPosition),
  };
};

const countDecision = (counts: Map<string, Map<string, number>>, body: string, kind: string) => {
  let kinds = counts.get(body);
  if (kinds === undefined) counts.set(body, (kinds = new Map()));
  kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
};

/**
 * The decision log's rows, as they read when the export is made: a correction comes after the decision it
 * corrects, so the rows wait in a part file beside the export (each with its rows as first recorded, and
 * where its event's line is in events.jsonl) while the corrections are gathered in memory (one entry per
 * corrected event). At the end the rows are copied into vedtakslogg.csv and the report; a corrected one is
 * read back from events.jsonl and derived again with the corrections applied, and carries what was
 * corrected, by whom, when and why.
 */
export class DecisionRows {
  readonly #corrections = new Map<string, AppliedCorrection[]>();

  #newDecisionCount = 0;

  /** `newAfterSeq`: the previous export's tree size; the decisions after it are new (0: none before). */
  private constructor(
    readonly path: string,
    readonly part: OutputFile,
    readonly newAfterSeq: number,
  ) {}

  static async create(path: string, newAfterSeq: number): Promise<DecisionRows> {
    return new DecisionRows(path, await OutputFile.create(path), newAfterSeq);
  }

  /** Keeps the decision of `event` (none when it is no decision); a promise only when a buffer is full. */
  add(
    event: GovernanceEvent,
    recorded: RecordedEvent,
    seq: number,
    line: LineSpan,
  ): Promise<void> | undefined {
    const entry = decisionLogEntryOf(event, recorded);
    if (entry === undefined) return undefined;
    const amount = decisionAmount(event);
    const csv = csvRow(decisionLogCells(entry, seq, amount, []));
    const isNew = this.newAfterSeq > 0 && seq > this.newAfterSeq;
    if (isNew) this.#newDecisionCount += 1;
    const html = reportDecisionRow(entry, seq, [], isNew);
    // Tab-separated: ids, numbers and counting keys are plain text, the rows JSON (which escapes tabs and
    // newlines).
    return this.part.write(
      `${recorded.eventId}\t${seq}\t${line.start}\t${line.end}\t${entry.decidedOn}\t${entry.body}\t` +
        `${entry.kind}\t${JSON.stringify(csv)}\t${JSON.stringify(html)}\n`,
    );
  }

  addCorrection(correction: EventCorrected, recorded: RecordedEvent, seq: number): void {
    const applied: AppliedCorrection = {
      seq,
      changes: correction.changes,
      actor: recorded.metadata.actor,
      recordedAt: recorded.recordedAt,
      reason: correction.reason,
    };
    const earlier = this.#corrections.get(correction.correctedEventId);
    if (earlier === undefined) this.#corrections.set(correction.correctedEventId, [applied]);
    else earlier.push(applied);
  }

  /**
   * Writes every row, in the order of the log, into the CSV and the report's rows; removes the part.
   * `eventsFile` is events.jsonl, complete.
   */
  async finish(eventsFile: string, csv: OutputFile, reportRows: OutputFile): Promise<DecisionTotals> {
    await this.part.close();
    const events = openSync(eventsFile, 'r');
    try {
      return await this.#copyRows(events, csv, reportRows);
    } finally {
      closeSync(events);
    }
  }

  async #copyRows(events: number, csv: OutputFile, reportRows: OutputFile): Promise<DecisionTotals> {
    const decisionsByBodyAndKind = new Map<string, Map<string, number>>();
    let decisionCount = 0;
    let correctedDecisionCount = 0;
    let first: string | undefined;
    let last: string | undefined;
    for await (const line of linesOf(this.path)) {
      const [eventId, seq, start, end, decidedOn, body, kind, csvJson, htmlJson] = line.split('\t') as [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      const corrections = this.#corrections.get(eventId);
      const row =
        corrections === undefined
          ? {
              decidedOn,
              body,
              kind,
              csv: JSON.parse(csvJson) as string,
              html: JSON.parse(htmlJson) as string,
            }
          : correctedRow(
              readRecorded(events, { start: Number(start), end: Number(end) }),
              Number(seq),
              corrections,
              this.newAfterSeq,
            );
      decisionCount += 1;
      if (corrections !== undefined) correctedDecisionCount += 1;
      countDecision(decisionsByBodyAndKind, row.body, row.kind);
      if (first === undefined || row.decidedOn < first) first = row.decidedOn;
      if (last === undefined || row.decidedOn > last) last = row.decidedOn;
      const csvWrite = csv.write(row.csv);
      if (csvWrite !== undefined) await csvWrite;
      const htmlWrite = reportRows.write(row.html);
      if (htmlWrite !== undefined) await htmlWrite;
    }
    await rm(this.path);
    return {
      decisionCount,
      correctedDecisionCount,
      newDecisionCount: this.#newDecisionCount,
      decisionsByBodyAndKind,
      decidedRange: first === undefined || last === undefined ? null : { first, last },
    };
  }

  discard(): Promise<void> {
    return this.part.discard();
  }
}

/**
 * The lines of a file, read 64 KB at a time: readline costs more per line than the rows themselves, and
 * larger chunks keep more lines alive at once (measured: peak RSS 50 MB higher with 1 MB chunks).
 */
async function* linesOf(file: string): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 })) {
    const lines = (rest + (chunk as string)).split('\n');
    rest = lines.pop()!;
    yield* lines;
  }
  if (rest !== '') yield rest;
}

/** The rows of a corrected decision, derived again from its event with the corrections applied. */
const correctedRow = (
  recorded: RecordedEvent,
  seq: number,
  corrections: readonly AppliedCorrection[],
  newAfterSeq: number,
) => {
  const decoded = governanceEventSerde.fromRecorded(recorded);
  // It decoded when it was first read (or the export would have stopped); it is the same event.
  if (E.isLeft(decoded)) throw new Error(`event ${recorded.eventId} no longer decodes`);
  const event = correctedEvent(decoded.right, recorded, corrections);
  const entry = decisionLogEntryOf(event, recorded)!;
  return {
    decidedOn: entry.decidedOn,
    body: entry.body,
    kind: entry.kind,
    csv: csvRow(decisionLogCells(entry, seq, decisionAmount(event), corrections)),
    html: reportDecisionRow(entry, seq, corrections, newAfterSeq > 0 && seq > newAfterSeq),
  };
};
