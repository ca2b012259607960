/**
 * INTERIM, for the tests only: the decision and change log rows read from events, until the governance
 * domain exports its own toDecisionLogEntry and toChangeLogEntries (which the export then uses by default).
 * It reads only what the demo history needs.
 */
import type { RecordedEvent } from '@styring/eventstore';
import type { ChangeLogEntry, DecisionLogEntry, DecisionReference } from '@styring/governance';
import type { DecisionLogRows } from '../log-rows';

const kinds: Readonly<Record<string, string>> = {
  AuthorityDelegated: 'Myndighet delegert',
  UnitEstablished: 'Enhet opprettet',
  PlanAdopted: 'Plan vedtatt',
};

interface DemoData {
  readonly decision?: DecisionReference;
  readonly title?: string;
  readonly name?: string;
  readonly delegationId?: string;
  readonly correctedEventId?: string;
  readonly changes?: readonly { field: string; before?: unknown; after?: unknown }[];
  readonly reason?: string;
}

export const interimLogRows: DecisionLogRows = {
  toDecisionLogEntry: (event: RecordedEvent): DecisionLogEntry | undefined => {
    const data = event.data as DemoData;
    const kind = kinds[event.type];
    if (kind === undefined || data.decision === undefined) return undefined;
    const decision = data.decision;
    return {
      eventId: event.eventId,
      eventType: event.type,
      kind,
      summary: data.title ?? data.name ?? `Delegering ${data.delegationId}`,
      body: decision.body,
      decidedOn: decision.decidedOn,
      caseNumber: decision.caseNumber,
      ...(decision.meeting === undefined ? {} : { meeting: decision.meeting }),
      authority: decision.authority,
      actor: event.metadata.actor,
      role: event.metadata.role,
      ...(event.metadata.onBehalfOf === undefined ? {} : { onBehalfOf: event.metadata.onBehalfOf }),
      effectiveAt: event.metadata.effectiveAt,
      recordedAt: event.recordedAt,
      streamId: event.streamId,
      streamRevision: event.streamRevision,
      globalPosition: event.globalPosition,
      correlationId: event.metadata.correlationId,
      causationId: event.metadata.causationId,
    };
  },
  toChangeLogEntries: (event: RecordedEvent): ChangeLogEntry[] => {
    const data = event.data as DemoData;
    if (event.type !== 'EventCorrected' || data.changes === undefined) return [];
    return data.changes.map((change) => ({
      eventId: event.eventId,
      correctedEventId: data.correctedEventId ?? '',
      field: change.field,
      oldValue: change.before,
      newValue: change.after,
      reason: data.reason ?? '',
      actor: event.metadata.actor,
      role: event.metadata.role,
      effectiveAt: event.metadata.effectiveAt,
      recordedAt: event.recordedAt,
      globalPosition: event.globalPosition,
    }));
  },
};
