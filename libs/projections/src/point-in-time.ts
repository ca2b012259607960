import { isValidIsoDate } from '@styring/governance';

/**
 * The two clocks of the history:
 * - `recorded`: what the system knew at `asOf` – only facts and corrections recorded by then; the answer a
 *   report run at that moment would have given;
 * - `effective`: what was in force at `asOf` as we know it now – facts whose `effectiveAt` is by then,
 *   with every correction applied, including those recorded later.
 */
export type HistoryClock = 'recorded' | 'effective';

export interface PointInTime {
  /** A date (`YYYY-MM-DD`, meaning the end of that day, UTC) or an ISO 8601 timestamp; absent: all that is known now. */
  readonly asOf?: string;
  /** Defaults to `effective`. */
  readonly clock?: HistoryClock;
}

/** A query's point in time, checked and turned into an exclusive upper bound on normalized timestamps. */
export interface ResolvedPointInTime {
  readonly clock: HistoryClock;
  /** Timestamps strictly before it count; `undefined` when every fact counts (no `asOf`). */
  readonly before: string | undefined;
  /** The day `asOf` falls on (`YYYY-MM-DD`), for questions asked per day (in force, overdue, due). */
  readonly day: string | undefined;
}

const normalizedPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const timestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Thrown for a bad query argument; names the field and why. */
export class InvalidQuery extends Error {
  override readonly name = 'InvalidQuery';
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

const parse = (value: string, field: string): Date => {
  const time = Date.parse(datePattern.test(value) ? `${value}T00:00:00.000Z` : value);
  const wellFormed = datePattern.test(value) || timestampPattern.test(value);
  // Date.parse rolls 2024-02-30 over into March; the calendar check does not.
  if (!wellFormed || !isValidIsoDate(value.slice(0, 10)) || Number.isNaN(time)) {
    throw new InvalidQuery(field, `'${value}' is neither a date (YYYY-MM-DD) nor an ISO 8601 timestamp`);
  }
  return new Date(time);
};

/**
 * Every timestamp is stored as `YYYY-MM-DDTHH:MM:SS.sssZ`, so that SQL compares them as text; a bare date
 * is the start of that day (UTC).
 */
export const normalizeTimestamp = (value: string, field = 'timestamp'): string =>
  normalizedPattern.test(value) ? value : parse(value, field).toISOString();

/** A domain date (`YYYY-MM-DD`, already checked by its codec) as the timestamp of the start of that day. */
export const startOfDay = (date: string): string => `${date}T00:00:00.000Z`;

/** Checks a `YYYY-MM-DD` date argument. */
export const checkDate = (value: string, field: string): string => {
  if (!datePattern.test(value)) throw new InvalidQuery(field, `'${value}' is not a date (YYYY-MM-DD)`);
  parse(value, field);
  return value;
};

const dayMs = 86_400_000;

export const resolvePointInTime = (pointInTime: PointInTime): ResolvedPointInTime => {
  const clock = pointInTime.clock ?? 'effective';
  if (clock !== 'recorded' && clock !== 'effective') {
    throw new InvalidQuery('clock', `'${String(clock)}' is not one of 'recorded', 'effective'`);
  }
  if (pointInTime.asOf === undefined) return { clock, before: undefined, day: undefined };
  const moment = parse(pointInTime.asOf, 'asOf');
  const endOfDay = datePattern.test(pointInTime.asOf);
  const before = new Date(moment.getTime() + (endOfDay ? dayMs : 1)).toISOString();
  return { clock, before, day: moment.toISOString().slice(0, 10) };
};
