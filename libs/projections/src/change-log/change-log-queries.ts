import type { ReadModelReader } from '../read-models/read-model-reader';
import { governanceEventTypes } from '@styring/governance';
import { oneOf } from '../closed-filter';
import { type PointInTime, resolvePointInTime } from '../point-in-time';
import { Where } from '../sqlite/where';
import type { ChangeLogRow } from './change-log-answers';

export interface ChangeLogQuery extends PointInTime {
  readonly correctedEventId?: string;
  /** The corrected event's type, e.g. `PlanAdopted`. */
  readonly correctedEventType?: string;
  /** Who made the correction. */
  readonly actor?: string;
}

interface Row {
  readonly event_id: string;
  readonly position: bigint;
  readonly corrected_event_id: string;
  readonly corrected_event_type: string | null;
  readonly corrected_stream_id: string | null;
  readonly field: string;
  readonly old_value: string | null;
  readonly new_value: string | null;
  readonly reason: string;
  readonly actor: string;
  readonly role: string;
  readonly effective_at: string;
  readonly recorded_at: string;
}

const fromJson = (value: string | null): unknown => (value === null ? undefined : JSON.parse(value));

const toEntry = (row: Row): ChangeLogRow => ({
  eventId: row.event_id,
  correctedEventId: row.corrected_event_id,
  ...(row.corrected_event_type === null ? {} : { correctedEventType: row.corrected_event_type }),
  ...(row.corrected_stream_id === null ? {} : { correctedStreamId: row.corrected_stream_id }),
  field: row.field,
  oldValue: fromJson(row.old_value),
  newValue: fromJson(row.new_value),
  reason: row.reason,
  actor: row.actor,
  role: row.role,
  effectiveAt: row.effective_at,
  recordedAt: row.recorded_at,
  globalPosition: row.position,
});

/**
 * The Endringslogg in log order: what was corrected, which field, old and new value, by whom and when. On
 * the recorded clock the corrections recorded by `asOf`; on the effective clock those in effect by then.
 */
export const changeLog = async (
  reader: ReadModelReader,
  query: ChangeLogQuery = {},
): Promise<ChangeLogRow[]> => {
  const where = new Where()
    .historyAt(resolvePointInTime(query), 'change_log')
    .and('change_log.corrected_event_id = ?', query.correctedEventId)
    .and(
      'change_log.corrected_event_type = ?',
      oneOf('correctedEventType', query.correctedEventType, governanceEventTypes),
    )
    .and('change_log.actor = ?', query.actor);
  const rows = await reader.select<Row>(
    `SELECT * FROM change_log ${where} ORDER BY position, ordinal`,
    where.params,
  );
  return rows.map(toEntry);
};
