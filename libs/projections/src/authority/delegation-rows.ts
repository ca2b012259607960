import type { ReadModelReader } from '../read-models/read-model-reader';
import {
  type AuthorityDelegated,
  type AuthorityRevoked,
  type DelegationRegister,
  evolveDelegationRegister,
} from '@styring/governance';
import type { ProvenanceRow } from '../answers/provenance';
import { decisionOf, type DecisionRow, type DecisionSummary } from '../governance/decision-columns';
import type { ResolvedPointInTime } from '../point-in-time';
import { stateRowsAt } from '../sqlite/state-rows';
import type { DelegationEntry } from './authority-answers';

/** A row of `authority_delegations`: one delegating or revoking decision, with its whole event. */
export interface DelegationRow extends DecisionRow, ProvenanceRow {
  readonly delegation_id: string;
  readonly event_type: string;
  readonly event: string;
}

/** The delegation register as the rows say: folded in effective order by the domain's own fold. */
export const registerOf = (rows: readonly DelegationRow[]) => {
  let register: DelegationRegister = new Map();
  // The rows of the decisions that gave and revoked each delegation, for their decision and provenance.
  const grants = new Map<string, DelegationRow>();
  const revocations = new Map<string, DelegationRow & { readonly reason: string }>();
  for (const row of rows) {
    const event = JSON.parse(row.event) as AuthorityDelegated | AuthorityRevoked;
    register = evolveDelegationRegister(register, event);
    if (event.type === 'AuthorityDelegated') grants.set(row.delegation_id, row);
    else revocations.set(row.delegation_id, { ...row, reason: event.reason });
  }
  const entries: DelegationEntry[] = [...register.values()].map((record) => {
    const revoked = revocations.get(record.delegationId);
    const grant = grants.get(record.delegationId) as DelegationRow;
    return {
      ...record,
      grantedBy: decisionOf(grant) as DecisionSummary,
      ...(revoked === undefined || record.revokedFrom === undefined
        ? {}
        : { revokedBy: decisionOf(revoked) as DecisionSummary }),
    };
  });
  return { register, entries, grants, revocations };
};

/** The delegation rows that count for a state at a point in time (`Where.stateAt`), in effective order. */
export const delegationRowsAt = (reader: ReadModelReader, pointInTime: ResolvedPointInTime) =>
  stateRowsAt<DelegationRow>(reader, pointInTime, 'authority_delegations');
