import type { ReadModelReader } from '../read-models/read-model-reader';
import type * as t from 'io-ts';
import { changeLog } from '../change-log/change-log-queries';
import type { DecisionLogRow } from '../decision-log/decision-log-answers';
import { decisionLog } from '../decision-log/decision-log-queries';
import { InvalidQuery, type PointInTime, resolvePointInTime } from '../point-in-time';
import type { changesBetweenAnswer } from './changes-answers';
import { type EntryStatus, statusRegisters } from './status-registers';

export interface ChangesQuery extends PointInTime {
  /** The earlier recorded time (excluded): a date (`YYYY-MM-DD`, through its end) or an ISO 8601 timestamp. */
  readonly from: string;
  /** The later recorded time (included). */
  readonly to: string;
}

export type ChangesBetween = t.TypeOf<typeof changesBetweenAnswer>;

/** What the record said at a recorded time: the one place the change view chooses its point in time. */
const knownAt = (moment: string): PointInTime => ({ knownAt: moment });

/** Checks a bound and gives the instant it stands for, so that the two can be put in order. */
const instantOf = (value: unknown, field: 'from' | 'to'): string => {
  if (typeof value !== 'string') {
    throw new InvalidQuery(field, 'is required: a date (YYYY-MM-DD) or an ISO 8601 timestamp');
  }
  try {
    return resolvePointInTime(knownAt(value)).knownBefore as string;
  } catch (error) {
    if (!(error instanceof InvalidQuery)) throw error;
    throw new InvalidQuery(field, error.message.slice(error.field.length + 2));
  }
};

const checkedRange = (query: ChangesQuery) => {
  const pointInTime = (['asOf', 'knownAt', 'clock'] as const).find((field) => query[field] !== undefined);
  if (pointInTime !== undefined) {
    throw new InvalidQuery(
      pointInTime,
      'the change view compares two recorded times: give from and to instead',
    );
  }
  const from = instantOf(query.from, 'from');
  const to = instantOf(query.to, 'to');
  if (to < from) throw new InvalidQuery('to', `'${query.to}' is before from '${query.from}'`);
  return { from: query.from, to: query.to };
};

const newDecision = (row: DecisionLogRow): ChangesBetween['decisions'][number] => ({
  eventId: row.eventId,
  eventType: row.eventType,
  kind: row.kind,
  summary: row.summary,
  body: row.body,
  decidedOn: row.decidedOn,
  caseNumber: row.caseNumber,
  ...(row.meeting === undefined ? {} : { meeting: row.meeting }),
  ...(row.unit === undefined ? {} : { unit: row.unit }),
  ...(row.onBehalfOf === undefined ? {} : { onBehalfOf: row.onBehalfOf }),
  actor: row.actor,
  role: row.role,
  recordedAt: row.recordedAt,
  globalPosition: row.globalPosition,
});

/** The entries of one register whose status at `to` differs from their status at `from`. */
const statusChanges = (before: ReadonlyMap<string, EntryStatus>, after: ReadonlyMap<string, EntryStatus>) =>
  [...new Set([...before.keys(), ...after.keys()])].flatMap((key) => {
    const [then, now] = [before.get(key), after.get(key)];
    if (then?.status === now?.status) return [];
    return [
      {
        key,
        label: (now ?? then)?.label ?? key,
        ...(then === undefined ? {} : { before: then.status }),
        ...(now === undefined ? {} : { after: now.status }),
      },
    ];
  });

/**
 * What changed in the record between two recorded times, for events recorded after `from` and by `to`:
 * the decisions recorded, the corrections (each field with its value before and after, the reason and who),
 * and per register the entries whose status changed (a report late before a correction and on time after
 * it, a decision that no longer has authority, a risk in another band). The status changes are the
 * registers' own answers at both times compared, so they hold whatever made them (a correction, a late
 * registration, a due date passing).
 */
export const changesBetween = async (
  reader: ReadModelReader,
  query: ChangesQuery,
): Promise<ChangesBetween> => {
  const { from, to } = checkedRange(query);
  const [then, now] = [knownAt(from), knownAt(to)];
  const decidedBefore = new Set((await decisionLog(reader, then)).map((row) => row.eventId));
  const correctedKey = (entry: { eventId: string; field: string }) => `${entry.eventId} ${entry.field}`;
  const correctedBefore = new Set((await changeLog(reader, then)).map(correctedKey));
  return {
    from,
    to,
    decisions: (await decisionLog(reader, now))
      .filter((row) => !decidedBefore.has(row.eventId))
      .map(newDecision),
    corrections: (await changeLog(reader, now))
      .filter((entry) => !correctedBefore.has(correctedKey(entry)))
      .map((entry) => ({
        eventId: entry.eventId,
        correctedEventId: entry.correctedEventId,
        ...(entry.correctedEventType === undefined ? {} : { correctedEventType: entry.correctedEventType }),
        ...(entry.correctedStreamId === undefined ? {} : { correctedStreamId: entry.correctedStreamId }),
        field: entry.field,
        ...(entry.oldValue === undefined ? {} : { before: entry.oldValue }),
        ...(entry.newValue === undefined ? {} : { after: entry.newValue }),
        reason: entry.reason,
        actor: entry.actor,
        role: entry.role,
        recordedAt: entry.recordedAt,
        globalPosition: entry.globalPosition,
      })),
    registers: await Promise.all(
      statusRegisters.map(async ({ register, title, statuses }) => ({
        register,
        title,
        changes: statusChanges(await statuses(reader, then), await statuses(reader, now)),
      })),
    ),
  };
};
