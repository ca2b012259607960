import * as E from 'fp-ts/Either';
import { deciderSpecification } from '@styring/eventstore-testkit';
import { authorize } from '../authority/authorize';
import { coversMatter } from '../authority/scope';
import type { EventCorrected, FieldChange } from '../corrections/messages';
import type { GovernanceEvent } from '../governance-event';
import { planDecider } from '../plans/plan-decider';
import type { PlanAdopted } from '../plans/messages';
import {
  chiefExecutiveToTechnicalDirector,
  councilToChiefExecutive,
  delegatedDecision,
  documentedUnits,
  recorded,
} from '../testing/fixtures';
import { governanceContextFrom } from './governance-context';

/** The log: the two standard delegations and the units, then whatever the test adds. */
const contextOf = (...more: GovernanceEvent[]) => {
  const log = [councilToChiefExecutive, chiefExecutiveToTechnicalDirector, ...documentedUnits, ...more].map(
    (event, index) => recorded(event, index + 1),
  );
  const context = governanceContextFrom(log);
  if (E.isLeft(context)) throw new Error(context.left.reason);
  return context.right;
};

/** The recorded id of the technical director's delegation in `contextOf` (the second event). */
const technicalDelegationEventId = 'event-2';

const correction = (
  correctedEventId: string,
  correctedEventType: string,
  changes: FieldChange[],
): EventCorrected => ({
  type: 'EventCorrected',
  correctedEventId,
  correctedEventType,
  correctedStreamId: 'stream',
  changes,
  reason: 'Feil i registreringen',
});

const award = (amountNok: number, decidedOn = '2025-03-03') =>
  authorize(
    delegatedDecision('direktor', 'kd-direktor-teknisk', { unit: 'teknisk-sektor', decidedOn }),
    coversMatter({ commandType: 'AwardContract', amountNok }),
    contextOf().delegations,
  );

const codeOf = (result: E.Either<{ code: string }, unknown>) =>
  E.isLeft(result) ? result.left.code : 'accepted';

describe('corrections that change what deciders see', () => {
  it('holds a decision after a corrected delegation limit to the corrected limit (authority.outside_delegation)', () => {
    expect(codeOf(award(4_200_000))).toBe('accepted');
    const corrected = contextOf(
      correction(technicalDelegationEventId, 'AuthorityDelegated', [
        { field: 'scope.maxAmountNok', before: 5_000_000, after: 1_000_000 },
      ]),
    );
    const decision = delegatedDecision('direktor', 'kd-direktor-teknisk', {
      unit: 'teknisk-sektor',
      decidedOn: '2025-03-03',
    });
    expect(
      codeOf(
        authorize(
          decision,
          coversMatter({ commandType: 'AwardContract', amountNok: 4_200_000 }),
          corrected.delegations,
        ),
      ),
    ).toBe('authority.outside_delegation');
    expect(
      codeOf(
        authorize(
          decision,
          coversMatter({ commandType: 'AwardContract', amountNok: 900_000 }),
          corrected.delegations,
        ),
      ),
    ).toBe('accepted');
  });

  it('holds a decision after a corrected validity to the corrected validity (authority.delegation_not_in_force), and keeps a revocation', () => {
    const shortened = correction(technicalDelegationEventId, 'AuthorityDelegated', [
      { field: 'validTo', before: '2027-12-31', after: '2024-12-31' },
    ]);
    const decision = delegatedDecision('direktor', 'kd-direktor-teknisk', {
      unit: 'teknisk-sektor',
      decidedOn: '2025-03-03',
    });
    const matter = coversMatter({ commandType: 'AwardContract', amountNok: 100_000 });
    expect(codeOf(authorize(decision, matter, contextOf(shortened).delegations))).toBe(
      'authority.delegation_not_in_force',
    );
    const revokedThenCorrected = contextOf(
      {
        type: 'AuthorityRevoked',
        delegationId: 'kd-direktor-teknisk',
        revokedFrom: '2024-06-01',
        reason: 'Ny lederavtale',
        decision: delegatedDecision('kommunedirektoren', 'ks-kd'),
      },
      correction(technicalDelegationEventId, 'AuthorityDelegated', [
        { field: 'scope.maxAmountNok', before: 5_000_000, after: 6_000_000 },
      ]),
    );
    expect(revokedThenCorrected.delegations.get('kd-direktor-teknisk')).toMatchObject({
      revokedFrom: '2024-06-01',
      scope: { maxAmountNok: 6_000_000 },
    });
  });

  it('holds a revision after a corrected plan kind to the corrected kind (plan.political_kind_requires_council)', () => {
    const adopted: PlanAdopted = {
      type: 'PlanAdopted',
      planId: 'arealstrategi',
      kind: 'virksomhetsplan',
      title: 'Arealstrategi',
      period: { from: '2025-01-01', to: '2028-12-31' },
      unit: 'teknisk-sektor',
      parentPlans: [],
      goals: [],
      assignments: [],
      decision: delegatedDecision('direktor', 'kd-direktor-teknisk', {
        unit: 'teknisk-sektor',
        decidedOn: '2024-12-16',
      }),
    };
    const adoptedEventId = `event-${2 + documentedUnits.length + 1}`;
    const revise = {
      type: 'RevisePlan' as const,
      planId: 'arealstrategi',
      title: 'Arealstrategi (revidert)',
      decision: delegatedDecision('direktor', 'kd-direktor-teknisk', {
        unit: 'teknisk-sektor',
        decidedOn: '2025-05-05',
      }),
    };
    const spec = deciderSpecification(planDecider);
    spec
      .given([adopted])
      .when(revise, contextOf(adopted))
      .then([{ ...revise, type: 'PlanRevised' }]);
    const kindCorrected = contextOf(
      adopted,
      correction(adoptedEventId, 'PlanAdopted', [
        { field: 'kind', before: 'virksomhetsplan', after: 'strategi' },
      ]),
    );
    expect(kindCorrected.plans.get('arealstrategi')?.kind).toBe('strategi');
    spec
      .given([adopted])
      .when(revise, kindCorrected)
      .thenRejectedWith('plan.political_kind_requires_council');
  });

  it('leaves the registers as they were for a correction of any other event', () => {
    const before = contextOf();
    const after = contextOf(
      correction('event-3', 'UnitEstablished', [
        { field: 'name', before: 'Teknisk sektor', after: 'Teknikk' },
      ]),
    );
    expect(after.delegations).toEqual(before.delegations);
    expect(after.units).toEqual(before.units);
  });
});
