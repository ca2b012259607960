import type { ReadModelReader } from '../read-models/read-model-reader';
import {
  DecidingBody,
  decisionTypes,
  eventKindLabels,
  type RecordedWithoutAuthority,
} from '@styring/governance';
import { oneOf } from '../closed-filter';
import {
  checkDate,
  InvalidQuery,
  normalizeTimestamp,
  type PointInTime,
  resolvePointInTime,
} from '../point-in-time';
import { Where } from '../sqlite/where';
import type { DecisionLogRow } from './decision-log-answers';

export interface DecisionLogQuery extends PointInTime {
  /** Deciding body, e.g. `kommunestyret`. */
  readonly body?: string;
  /** The kind of decision: its Norwegian label (`Plan vedtatt`) or its event type (`PlanAdopted`). */
  readonly kind?: string;
  /** The unit the decision concerns or the unit of the body that decided. */
  readonly unit?: string;
  readonly actor?: string;
  /** Decision dates from and to (`YYYY-MM-DD`, both included). */
  readonly from?: string;
  readonly to?: string;
  readonly caseNumber?: string;
  /** Decisions made under this delegation. */
  readonly delegationId?: string;
  /** Paging: at most this many rows, after this global position. */
  readonly limit?: number;
  readonly afterPosition?: bigint;
}

interface Row {
  readonly event_id: string;
  readonly position: bigint;
  readonly known_from: string;
  readonly event_type: string;
  readonly kind: string;
  readonly summary: string;
  readonly body: string;
  readonly body_unit: string | null;
  readonly decided_on: string;
  readonly case_number: string;
  readonly meeting: string | null;
  readonly authority_kind: string;
  readonly authority_reference: string;
  readonly recorded_without_authority: string | null;
  readonly unit: string | null;
  readonly actor: string;
  readonly role: string;
  readonly on_behalf_of: string | null;
  readonly effective_at: string;
  readonly recorded_at: string;
  readonly stream_id: string;
  readonly stream_revision: bigint;
  readonly correlation_id: string;
  readonly causation_id: string;
}

const toEntry = (row: Row): DecisionLogRow => ({
  eventId: row.event_id,
  eventType: row.event_type,
  kind: row.kind,
  summary: row.summary,
  body: row.body,
  decidedOn: row.decided_on,
  caseNumber: row.case_number,
  ...(row.meeting === null ? {} : { meeting: row.meeting }),
  authority:
    row.authority_kind === 'delegation'
      ? { kind: 'delegation', delegationId: row.authority_reference }
      : { kind: 'law', reference: row.authority_reference },
  ...(row.recorded_without_authority === null
    ? {}
    : {
        recordedWithoutAuthority: JSON.parse(row.recorded_without_authority) as RecordedWithoutAuthority,
      }),
  ...(row.unit === null ? {} : { unit: row.unit }),
  ...(row.body_unit === null ? {} : { bodyUnit: row.body_unit }),
  actor: row.actor,
  role: row.role,
  ...(row.on_behalf_of === null ? {} : { onBehalfOf: row.on_behalf_of }),
  effectiveAt: row.effective_at,
  recordedAt: row.recorded_at,
  streamId: row.stream_id,
  streamRevision: row.stream_revision,
  globalPosition: row.position,
  correlationId: row.correlation_id,
  causationId: row.causation_id,
  ...(row.known_from === normalizeTimestamp(row.recorded_at) ? {} : { correctedAt: row.known_from }),
});

const checkLimit = (limit: number | undefined): number | undefined => {
  if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 1)) {
    throw new InvalidQuery('limit', `${limit} is not a whole number of 1 or more`);
  }
  return limit;
};

/**
 * The Vedtakslogg in log order: who decided what, in which body, on which date, in which case, under
 * which authority. On the recorded clock, the decisions recorded by `asOf` as they read then; on the
 * effective clock, the decisions made by `asOf` as they read now, corrections included.
 */
const bodies = Object.keys(DecidingBody.keys) as readonly DecidingBody[];
/** A decision's kind by its event type (`PlanAdopted`) or its Norwegian label (`Plan vedtatt`). */
const decisionKinds: readonly string[] = [
  ...decisionTypes,
  ...new Set(decisionTypes.map((type) => eventKindLabels[type])),
];

export const decisionLog = async (
  reader: ReadModelReader,
  query: DecisionLogQuery = {},
): Promise<DecisionLogRow[]> => {
  const pointInTime = resolvePointInTime(query);
  const limit = checkLimit(query.limit);
  const where = new Where()
    .historyAt(pointInTime, 'decision_log')
    .and('decision_log.body = ?', oneOf('body', query.body, bodies))
    .and(
      '(decision_log.kind = ? OR decision_log.event_type = ?)',
      oneOf('kind', query.kind, decisionKinds),
      query.kind,
    )
    .and('(decision_log.unit = ? OR decision_log.body_unit = ?)', query.unit, query.unit)
    .and('decision_log.actor = ?', query.actor)
    .and('decision_log.decided_on >= ?', query.from === undefined ? undefined : checkDate(query.from, 'from'))
    .and('decision_log.decided_on <= ?', query.to === undefined ? undefined : checkDate(query.to, 'to'))
    .and('decision_log.case_number = ?', query.caseNumber)
    .and(
      "decision_log.authority_kind = 'delegation' AND decision_log.authority_reference = ?",
      query.delegationId,
    )
    .and('decision_log.position > ?', query.afterPosition);
  const rows = await reader.select<Row>(
    `SELECT * FROM decision_log ${where} ORDER BY position${limit === undefined ? '' : ' LIMIT ?'}`,
    [...where.params, ...(limit === undefined ? [] : [limit])],
  );
  return rows.map(toEntry);
};
