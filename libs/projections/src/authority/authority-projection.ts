import type { RecordedEvent } from '@styring/eventstore';
import type { RunnerProjection } from '../runner/runner-projection';
import { recordedAtColumn, recordedAtValue } from '../answers/provenance';
import {
  commandOfDecision,
  type Decision,
  decisionMatterOf,
  type GovernanceEvent,
  governanceEventTypes,
  type GovernanceEventType,
  isDecision,
} from '@styring/governance';
import { decisionColumns, decisionValues } from '../governance/decision-columns';
import { governanceProjection, type GovernanceProjectionSpec } from '../governance/governance-projection';

import type { EventSource } from '../governance/revisions';
import { startOfDay } from '../point-in-time';
import type { ReadModelTx } from '../read-models/read-model-tx';
import type { FactRow } from '../sqlite/versioned-table';
import { decisionEventTypes } from '../decision-log/decision-log-projection';

export const authorityName = 'authority';

/** Delegations given and revoked: the whole event, folded by the domain's `evolveDelegationRegister`. */
const delegations = {
  name: 'authority_delegations',
  columns: {
    delegation_id: 'TEXT NOT NULL',
    event_type: 'TEXT NOT NULL',
    event: 'TEXT NOT NULL',
    ...recordedAtColumn,
    ...decisionColumns,
  },
  indexes: [['delegation_id']],
};

/**
 * Every decision, with the matter its authority must cover: the command, and the plan kind, portfolio,
 * amount or delegated scope where the decision has one. A revision names its plan and a cancellation its
 * project; their kind and portfolio are looked up when the authority is checked.
 */
const decisions = {
  name: 'authority_decisions',
  columns: {
    event_type: 'TEXT NOT NULL',
    command_type: 'TEXT NOT NULL',
    plan_id: 'TEXT',
    plan_kind: 'TEXT',
    project_id: 'TEXT',
    portfolio: 'TEXT',
    amount_nok: 'INTEGER',
    scope: 'TEXT',
    delegation_id: 'TEXT',
    /** JSON of the reason, the authority finding and who recorded it, for a decision recorded without authority. */
    recorded_without_authority: 'TEXT',
    ...decisionColumns,
  },
  indexes: [['authority_reference']],
};

/** Projects and their portfolio: a cancellation's matter. */
const projects = {
  name: 'authority_projects',
  columns: { project_id: 'TEXT NOT NULL', portfolio: 'TEXT NOT NULL' },
};

/** The JSON of a decision recorded without authority: its reason and finding, and who recorded it (the event's metadata). */
const recordedWithoutAuthority = (event: Decision, recorded: RecordedEvent): string | undefined => {
  const marked = event.decision.recordedWithoutAuthority;
  if (marked === undefined) return undefined;
  const { actor, role } = recorded.metadata;
  return JSON.stringify({ ...marked, recordedBy: { actor, role } });
};

const factsOf = (event: GovernanceEvent, recorded: RecordedEvent): FactRow[] => {
  if (event.type === 'ProjectRegistered') {
    return [
      {
        table: projects.name,
        effectiveFrom: startOfDay(event.registeredOn),
        values: { project_id: event.projectId, portfolio: event.portfolio },
      },
    ];
  }
  if (!isDecision(event)) return [];
  const effectiveFrom = startOfDay(event.decision.decidedOn);
  const decision = decisionValues(event.decision);
  // The domain's matter of the decision, a column each (absent parts stay NULL). Spread objects only at
  // the end of a row: properties after a spread are added one by one the slow way, for every decision.
  const matter = decisionMatterOf(event);
  const rows: FactRow[] = [
    {
      table: decisions.name,
      effectiveFrom,
      values: {
        event_type: event.type,
        command_type: commandOfDecision(event),
        delegation_id: matter.delegationId,
        scope: matter.scope === undefined ? undefined : JSON.stringify(matter.scope),
        plan_id: matter.planId,
        plan_kind: matter.planKind,
        project_id: matter.projectId,
        portfolio: matter.portfolio,
        amount_nok: matter.amountNok,
        recorded_without_authority: recordedWithoutAuthority(event, recorded),
        ...decision,
      },
    },
  ];
  if (event.type === 'AuthorityDelegated' || event.type === 'AuthorityRevoked') {
    rows.push({
      table: delegations.name,
      effectiveFrom,
      values: {
        delegation_id: event.delegationId,
        event_type: event.type,
        event: JSON.stringify(event),
        ...recordedAtValue(recorded),
        ...decision,
      },
    });
  }
  return rows;
};

/** The decisions, and the projects whose portfolio a cancellation's matter needs. */
const authorityEventTypes: readonly GovernanceEventType[] = [...decisionEventTypes, 'ProjectRegistered'];

/** Authority: the delegation register and every decision with the matter its authority has to cover. */
export const authorityProjectionSpec: GovernanceProjectionSpec = {
  name: authorityName,
  version: 3,
  handledHash: '4971e8237e0f',
  everyDecision: true,
  tables: [delegations, decisions, projects],
  events: {
    handled: authorityEventTypes,
    ignored: governanceEventTypes.filter((type) => !authorityEventTypes.includes(type)),
  },
  factsOf,
};

export const authorityProjection = (source: EventSource): RunnerProjection<ReadModelTx> =>
  governanceProjection(authorityProjectionSpec, source);
