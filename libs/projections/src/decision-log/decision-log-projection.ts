import type { RunnerProjection } from '../runner/runner-projection';
import {
  decisionLogEntryOf,
  decisionTypes,
  type GovernanceEventType,
  governanceEventTypes,
} from '@styring/governance';
import { governanceProjection, type GovernanceProjectionSpec } from '../governance/governance-projection';
import type { EventSource } from '../governance/revisions';
import { startOfDay } from '../point-in-time';
import type { ReadModelTx } from '../read-models/read-model-tx';

export const decisionLogName = 'decision-log';

/** One row per decision (vedtak): the domain's `DecisionLogEntry`, the same row the audit export writes. */
export const decisionLogTable = {
  name: 'decision_log',
  columns: {
    event_type: 'TEXT NOT NULL',
    kind: 'TEXT NOT NULL',
    summary: 'TEXT NOT NULL',
    body: 'TEXT NOT NULL',
    body_unit: 'TEXT',
    decided_on: 'TEXT NOT NULL',
    case_number: 'TEXT NOT NULL',
    meeting: 'TEXT',
    authority_kind: 'TEXT NOT NULL',
    authority_reference: 'TEXT NOT NULL',
    /** JSON of the reason and authority finding, for a decision recorded without authority. */
    recorded_without_authority: 'TEXT',
    unit: 'TEXT',
    actor: 'TEXT NOT NULL',
    role: 'TEXT NOT NULL',
    on_behalf_of: 'TEXT',
    effective_at: 'TEXT NOT NULL',
    recorded_at: 'TEXT NOT NULL',
    stream_id: 'TEXT NOT NULL',
    stream_revision: 'INTEGER NOT NULL',
    correlation_id: 'TEXT NOT NULL',
    causation_id: 'TEXT NOT NULL',
  },
};

/** Every event type that records a decision (has a `decision` field); the others never reach this projection. */
export const decisionEventTypes: readonly GovernanceEventType[] = decisionTypes;

/**
 * The Vedtakslogg: rows made by the domain's `decisionLogEntryOf` (the one implementation behind the
 * `toDecisionLogEntry` the audit export uses, here given the event the runner decoded once), so that the
 * log a leader reads and the one in a signed audit export cannot disagree. On the effective clock a decision counts from its
 * decision date (`decidedOn`, which a correction may move).
 */
export const decisionLogProjectionSpec: GovernanceProjectionSpec = {
  name: decisionLogName,
  version: 4,
  handledHash: 'e14adb1a4eae',
  everyDecision: true,
  tables: [decisionLogTable],
  events: {
    handled: decisionEventTypes,
    ignored: governanceEventTypes.filter((type) => !decisionEventTypes.includes(type)),
  },
  factsOf: (event, recorded) => {
    const entry = decisionLogEntryOf(event, recorded);
    if (entry === undefined) return [];
    return [
      {
        table: decisionLogTable.name,
        effectiveFrom: startOfDay(entry.decidedOn),
        values: {
          event_type: entry.eventType,
          kind: entry.kind,
          summary: entry.summary,
          body: entry.body,
          body_unit: entry.bodyUnit,
          decided_on: entry.decidedOn,
          case_number: entry.caseNumber,
          meeting: entry.meeting,
          authority_kind: entry.authority.kind,
          authority_reference:
            entry.authority.kind === 'law' ? entry.authority.reference : entry.authority.delegationId,
          recorded_without_authority:
            entry.recordedWithoutAuthority === undefined
              ? undefined
              : JSON.stringify(entry.recordedWithoutAuthority),
          unit: entry.unit,
          actor: entry.actor,
          role: entry.role,
          on_behalf_of: entry.onBehalfOf,
          effective_at: entry.effectiveAt,
          recorded_at: entry.recordedAt,
          stream_id: entry.streamId,
          stream_revision: entry.streamRevision,
          correlation_id: entry.correlationId,
          causation_id: entry.causationId,
        },
      },
    ];
  },
};

export const decisionLogProjection = (source: EventSource): RunnerProjection<ReadModelTx> =>
  governanceProjection(decisionLogProjectionSpec, source);
