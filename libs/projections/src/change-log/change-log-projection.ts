import type { RunnerProjection } from '../runner/runner-projection';
import { changeLogEntriesOf } from '@styring/governance';
import { governanceProjection, type GovernanceProjectionSpec } from '../governance/governance-projection';
import { declareEvents } from '../governance/event-declaration';

import type { EventSource } from '../governance/revisions';
import { normalizeTimestamp } from '../point-in-time';
import type { ReadModelTx } from '../read-models/read-model-tx';

export const changeLogName = 'change-log';

/** One row per corrected field (the domain's `ChangeLogEntry`); values as JSON, `NULL` for "had none". */
export const changeLogTable = {
  name: 'change_log',
  columns: {
    corrected_event_id: 'TEXT NOT NULL',
    corrected_event_type: 'TEXT',
    corrected_stream_id: 'TEXT',
    field: 'TEXT NOT NULL',
    old_value: 'TEXT',
    new_value: 'TEXT',
    reason: 'TEXT NOT NULL',
    actor: 'TEXT NOT NULL',
    role: 'TEXT NOT NULL',
    effective_at: 'TEXT NOT NULL',
    recorded_at: 'TEXT NOT NULL',
    /** The field's place among its correction's changes: the order they are read back in. */
    ordinal: 'INTEGER NOT NULL',
  },
  indexes: [['corrected_event_id']],
};

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

/** The Endringslogg: every correction, field by field, from the domain's `changeLogEntriesOf`. */
export const changeLogProjectionSpec: GovernanceProjectionSpec = {
  name: changeLogName,
  version: 3,
  handledHash: '9ba1555e72c8',
  tables: [changeLogTable],
  events: declareEvents({
    handled: ['EventCorrected'],
    ignoredKinds: [
      'organisation',
      'delegation',
      'plan',
      'project',
      'ranking',
      'procurement',
      'company',
      'ownershipReport',
      'riskScale',
      'risk',
      'report',
      'checklist',
      'deviation',
      'supervision',
    ],
  }),
  factsOf: (event, recorded) =>
    changeLogEntriesOf(event, recorded).map((entry, ordinal) => ({
      table: changeLogTable.name,
      effectiveFrom: normalizeTimestamp(entry.effectiveAt, 'effectiveAt'),
      values: {
        corrected_event_id: entry.correctedEventId,
        corrected_event_type: entry.correctedEventType,
        corrected_stream_id: entry.correctedStreamId,
        field: entry.field,
        old_value: json(entry.oldValue),
        new_value: json(entry.newValue),
        reason: entry.reason,
        actor: entry.actor,
        role: entry.role,
        effective_at: entry.effectiveAt,
        recorded_at: entry.recordedAt,
        ordinal,
      },
    })),
};

export const changeLogProjection = (source: EventSource): RunnerProjection<ReadModelTx> =>
  governanceProjection(changeLogProjectionSpec, source);
