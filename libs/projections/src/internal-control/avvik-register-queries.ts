import { oneOf } from '../closed-filter';
import type { ReadModelReader } from '../read-models/read-model-reader';
import type * as t from 'io-ts';
import { DeviationCategory } from '@styring/governance';
import { groupBy } from '../group-by';
import { type PointInTime, resolvePointInTime } from '../point-in-time';
import { Where } from '../sqlite/where';
import { rowsInEffectOrder, stateRowsAt } from '../sqlite/state-rows';
import type { avvikByUnitAnswer, avvikEntry, avvikRegisterAnswer } from './avvik-register-answers';

type AvvikEntry = t.TypeOf<typeof avvikEntry>;

const statuses = ['open', 'closed'] as const;
const categories = Object.keys(DeviationCategory.keys);

export interface AvvikQuery extends PointInTime {
  readonly status?: string;
  readonly unit?: string;
  readonly category?: string;
}

interface DeviationRow {
  readonly event_id: string;
  readonly position: bigint;
  readonly known_from: string;
  readonly deviation_id: string;
  readonly unit: string;
  readonly observed_on: string;
  readonly category: string;
  readonly description: string;
}

interface ClosingRow {
  readonly deviation_id: string;
  readonly closed_on: string;
  readonly corrective_action: string;
}

const dayMs = 86_400_000;
const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);

/**
 * The avvik register as it stood at `asOf`: every avvik observed by then, open or closed by then, with the
 * days it took to close (or has been open, on the day of `asOf`). On the recorded clock as known then; on
 * the effective clock as known now, corrections included.
 */
export const avvikRegister = async (
  reader: ReadModelReader,
  query: AvvikQuery = {},
): Promise<t.TypeOf<typeof avvikRegisterAnswer>> => {
  oneOf('status', query.status, statuses);
  oneOf('category', query.category, categories);
  const pointInTime = resolvePointInTime(query);
  const where = new Where()
    .stateAt(pointInTime, 'deviations')
    .and('deviations.unit = ?', query.unit)
    .and('deviations.category = ?', query.category);
  const rows = await rowsInEffectOrder<DeviationRow>(reader, 'deviations', where);
  const closings = groupBy(
    await stateRowsAt<ClosingRow>(reader, pointInTime, 'deviation_closings'),
    (row) => row.deviation_id,
  );
  return rows
    .map((row): AvvikEntry => {
      const closing = closings.get(row.deviation_id)?.at(-1);
      const base = {
        deviationId: row.deviation_id,
        unit: row.unit,
        observedOn: row.observed_on,
        category: row.category,
        description: row.description,
        eventId: row.event_id,
        globalPosition: row.position,
        knownFrom: row.known_from,
      };
      if (closing !== undefined) {
        return {
          ...base,
          status: 'closed',
          closedOn: closing.closed_on,
          correctiveAction: closing.corrective_action,
          daysToClose: daysBetween(row.observed_on, closing.closed_on),
        };
      }
      return {
        ...base,
        status: 'open',
        ...(pointInTime.day === undefined ? {} : { daysOpen: daysBetween(row.observed_on, pointInTime.day) }),
      };
    })
    .filter((entry) => query.status === undefined || entry.status === query.status);
};

/** The avvik register at `asOf` summed per unit: open, closed, and the average days to close. */
export const avvikByUnit = async (
  reader: ReadModelReader,
  query: Omit<AvvikQuery, 'status'> = {},
): Promise<t.TypeOf<typeof avvikByUnitAnswer>> =>
  [...groupBy(await avvikRegister(reader, query), (entry) => entry.unit)].map(([unit, entries]) => {
    const days = entries.flatMap((entry) => (entry.daysToClose === undefined ? [] : [entry.daysToClose]));
    return {
      unit,
      open: entries.length - days.length,
      closed: days.length,
      ...(days.length === 0
        ? {}
        : { averageDaysToClose: days.reduce((sum, value) => sum + value, 0) / days.length }),
    };
  });
