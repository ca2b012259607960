import type { ReadModelReader } from '../read-models/read-model-reader';
import type * as t from 'io-ts';
import { delegationChain, type DelegationScope, isInForce } from '@styring/governance';
import { provenanceOf } from '../answers/provenance';
import { decisionOf, type DecisionSummary } from '../governance/decision-columns';
import { type PointInTime, resolvePointInTime } from '../point-in-time';
import { decisionsByDelegation } from './authority-queries';
import { type DelegationRow, delegationRowsAt, registerOf } from './delegation-rows';
import type { delegationRegisterAnswer } from './delegation-register-answers';

export interface DelegationRegisterQuery extends PointInTime {
  readonly delegationId?: string;
}

/** A scope as answers carry it (mutable lists, as io-ts types them). */
const scopeAnswer = (scope: DelegationScope) => ({
  commandTypes: [...scope.commandTypes],
  ...(scope.maxAmountNok === undefined ? {} : { maxAmountNok: scope.maxAmountNok }),
  ...(scope.planKinds === undefined ? {} : { planKinds: [...scope.planKinds] }),
  ...(scope.portfolios === undefined ? {} : { portfolios: [...scope.portfolios] }),
});

/**
 * Every delegation given by `asOf` – in force, expired and revoked (with when, why and by which decision) –
 * with its chain up to the council's decision, the delegations given under it, and the decisions made under
 * it; as known then (recorded clock) or as known now (effective clock).
 */
export const delegationRegister = async (
  reader: ReadModelReader,
  query: DelegationRegisterQuery = {},
): Promise<t.TypeOf<typeof delegationRegisterAnswer>> => {
  const pointInTime = resolvePointInTime(query);
  const { register, entries, grants, revocations } = registerOf(await delegationRowsAt(reader, pointInTime));
  // Only the decisions under delegations the register lists: a reference to none is no entry's.
  const decisions = await decisionsByDelegation(reader, query, (delegationId) => register.has(delegationId));
  return entries
    .filter((entry) => query.delegationId === undefined || entry.delegationId === query.delegationId)
    .map((entry) => {
      const { grantedBy, revokedBy, revokedFrom, scope, ...record } = entry;
      const chain = delegationChain(register, entry);
      const grant = grants.get(entry.delegationId) as DelegationRow;
      const revocation = revocations.get(entry.delegationId);
      return {
        ...record,
        scope: scopeAnswer(scope),
        grantedBy: { decision: grantedBy, ...provenanceOf(grant) },
        chain: (chain ?? [entry]).map((link) => ({
          delegationId: link.delegationId,
          from: link.from,
          to: link.to,
          grantedBy: decisionOf(grants.get(link.delegationId) as DelegationRow) as DecisionSummary,
        })),
        chainComplete: chain !== undefined,
        subDelegations: [...register.values()]
          .filter((other) => other.basis === entry.delegationId)
          .map((other) => other.delegationId),
        decisions: [...(decisions.get(entry.delegationId) ?? [])],
        ...(revokedFrom === undefined || revokedBy === undefined || revocation === undefined
          ? {}
          : {
              revoked: {
                revokedFrom,
                reason: revocation.reason,
                decision: revokedBy,
                ...provenanceOf(revocation),
              },
            }),
        ...(pointInTime.day === undefined ? {} : { inForce: isInForce(register, entry, pointInTime.day) }),
      };
    });
};
