import { isValidIsoDate } from '@styring/governance';
import { nextDay, osloDay, osloDayStart, startOfOsloDay } from './oslo-time';

/**
 * The older, one-clock way to ask (still accepted): `asOf` with
 * - `recorded`: `asOf` is the recorded time – the same as `knownAt` alone;
 * - `effective` (the default): `asOf` is the effective time, as known now.
 */
export type HistoryClock = 'recorded' | 'effective';

/**
 * A query's point in time on the two clocks of the history, either or both:
 * - `asOf` (effective time): what was in force then – facts whose `effectiveAt` is by then;
 * - `knownAt` (recorded time): what the system knew then – facts and corrections recorded by then, the
 *   answer a report run at that moment would have given. Absent: everything known now.
 * Each is a date (`YYYY-MM-DD`, meaning the end of that day in Europe/Oslo) or an ISO 8601 timestamp.
 * "As known on 20.02.2025, what was in force on 31.12.2024" is `{ asOf: '2024-12-31', knownAt: '2025-02-20' }`.
 */
export interface PointInTime {
  readonly asOf?: string;
  readonly knownAt?: string;
  /** The older form: `clock: 'recorded'` makes `asOf` mean `knownAt`. Defaults to `effective`. */
  readonly clock?: HistoryClock;
}

/** A query's point in time, checked and turned into exclusive upper bounds on normalized timestamps. */
export interface ResolvedPointInTime {
  /** Effective times strictly before it count (from `asOf`); `undefined`: no bound was asked for. */
  readonly effectiveBefore: string | undefined;
  /** Recorded times strictly before it count (from `knownAt`); `undefined`: everything known now. */
  readonly knownBefore: string | undefined;
  /**
   * The Oslo day (`YYYY-MM-DD`) of `asOf` – or of `knownAt` when only that is given – for questions asked
   * per day (in force, overdue, due).
   */
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
    /** The same reason in bokmål, for the people who read it; absent where none was written. */
    readonly reasonNo?: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/** A date or timestamp argument as an instant; a bare date is the start of that Oslo day. */
const parse = (value: string, field: string): Date => {
  const isDate = datePattern.test(value);
  const wellFormed = isDate || timestampPattern.test(value);
  // Date.parse rolls 2024-02-30 over into March; the calendar check does not.
  if (!wellFormed || !isValidIsoDate(value.slice(0, 10)) || Number.isNaN(Date.parse(value))) {
    throw new InvalidQuery(
      field,
      `'${value}' is neither a date (YYYY-MM-DD) nor an ISO 8601 timestamp`,
      `«${value}» er verken en dato (ÅÅÅÅ-MM-DD) eller et tidspunkt (ISO 8601)`,
    );
  }
  return isDate ? startOfOsloDay(value) : new Date(value);
};

/**
 * Every timestamp is stored as `YYYY-MM-DDTHH:MM:SS.sssZ` (UTC), so that SQL compares them as text; a bare
 * date is the start of that day in Oslo.
 */
export const normalizeTimestamp = (value: string, field = 'timestamp'): string =>
  normalizedPattern.test(value) ? value : parse(value, field).toISOString();

/**
 * A domain date (`YYYY-MM-DD`, already checked by its codec) as the timestamp of the start of that day:
 * the domain's dates are Oslo days, so a fact dated 2024-06-30 takes effect at 2024-06-29T22:00:00.000Z.
 */
export const startOfDay = (date: string): string => osloDayStart(date);

/** Checks a `YYYY-MM-DD` date argument. */
export const checkDate = (value: string, field: string): string => {
  if (!datePattern.test(value)) {
    throw new InvalidQuery(
      field,
      `'${value}' is not a date (YYYY-MM-DD)`,
      `«${value}» er ikke en dato (ÅÅÅÅ-MM-DD)`,
    );
  }
  parse(value, field);
  return value;
};

/** A bound: a date means through the end of that Oslo day, a timestamp through that very millisecond. */
const boundOf = (value: string, field: string): { before: string; day: string } => {
  if (datePattern.test(value)) {
    parse(value, field);
    return { before: startOfOsloDay(nextDay(value)).toISOString(), day: value };
  }
  const moment = parse(value, field);
  return { before: new Date(moment.getTime() + 1).toISOString(), day: osloDay(moment) };
};

export const resolvePointInTime = (pointInTime: PointInTime): ResolvedPointInTime => {
  const clock = pointInTime.clock ?? 'effective';
  if (clock !== 'recorded' && clock !== 'effective') {
    throw new InvalidQuery(
      'clock',
      `'${String(clock)}' is not one of 'recorded', 'effective'`,
      `«${String(clock)}» er ikke en av 'recorded', 'effective'`,
    );
  }
  if (clock === 'recorded' && pointInTime.asOf !== undefined && pointInTime.knownAt !== undefined) {
    throw new InvalidQuery(
      'clock',
      "'recorded' makes asOf the recorded time, so it cannot go with knownAt: give asOf and knownAt without clock",
      "'recorded' gjør asOf til registreringstid og kan ikke gis sammen med knownAt: gi asOf og knownAt uten clock",
    );
  }
  // The older form: on the recorded clock, asOf is what knownAt is now.
  const asOf = clock === 'recorded' ? undefined : pointInTime.asOf;
  const knownAt = clock === 'recorded' ? (pointInTime.knownAt ?? pointInTime.asOf) : pointInTime.knownAt;
  const effective = asOf === undefined ? undefined : boundOf(asOf, 'asOf');
  const known =
    knownAt === undefined ? undefined : boundOf(knownAt, clock === 'recorded' ? 'asOf' : 'knownAt');
  return {
    effectiveBefore: effective?.before,
    knownBefore: known?.before,
    day: (effective ?? known)?.day,
  };
};
