import { deciderSpecification } from '@styring/eventstore-testkit';
import { organisationDecider } from '../organisation/organisation-decider';
import { planDecider } from '../plans/plan-decider';
import type { AdoptPlan } from '../plans/messages';
import { procurementDecider } from '../procurement/procurement-decider';
import { riskScaleDecider } from '../risk/risk-scale-decider';
import { commandTypes } from '../command-types';
import type { DecidingBody } from '../shared/bodies';
import { councilDecision, standardContext } from '../testing/fixtures';
import { adoptRiskScale } from '../testing/risk-scale';
import { competence } from './competence';
import { delegationDecider } from './delegation-decider';

/** A decision of kontrollutvalget in its meeting, resting on kommuneloven kap. 23. */
const controlCommittee = councilDecision({
  body: 'kontrollutvalget',
  meeting: 'Kontrollutvalget 04.03.2025',
  decidedOn: '2025-03-04',
  caseNumber: '2025/12',
  authority: { kind: 'law', reference: 'kommuneloven kap. 23' },
});

describe('competence: what each body decides of its own authority', () => {
  it('names a source for every body, and gives own authority to the council (all), kontrollutvalget and formannskapet (its budget innstilling) only', () => {
    const withOwn = (Object.keys(competence) as DecidingBody[]).filter((body) => competence[body].own);
    expect(withOwn).toEqual(['kommunestyret', 'kontrollutvalget', 'formannskapet']);
    expect(competence.formannskapet.own?.commandTypes).toEqual(['RecommendBudget']);
    expect(competence.kommunestyret.own?.commandTypes).toEqual(commandTypes);
    for (const entry of Object.values(competence)) expect(entry.source).toMatch(/kommuneloven|Lederansvaret/);
  });

  it('lets kontrollutvalget change its plan for forvaltningsrevisjon during the period, which the council adopted', () => {
    const adopt: AdoptPlan = {
      type: 'AdoptPlan',
      planId: 'plan-forvaltningsrevisjon-2024-2027',
      kind: 'plan-forvaltningsrevisjon',
      title: 'Plan for forvaltningsrevisjon 2024–2027',
      period: { from: '2024-01-01', to: '2027-12-31' },
      decision: councilDecision(),
    };
    const adopted = { ...adopt, type: 'PlanAdopted' as const, parentPlans: [], goals: [], assignments: [] };
    const spec = deciderSpecification(planDecider);
    spec.given([]).when(adopt, standardContext).then([adopted]);
    spec
      .given([])
      .when({ ...adopt, decision: controlCommittee }, standardContext)
      .thenRejectedWith('plan.political_kind_requires_council');
    const revise = {
      type: 'RevisePlan' as const,
      planId: adopt.planId,
      title: 'Plan for forvaltningsrevisjon 2024–2027 (revidert)',
      decision: controlCommittee,
    };
    spec
      .given([adopted])
      .when(revise, standardContext)
      .then([{ ...revise, type: 'PlanRevised' }]);
  });

  it('refuses kontrollutvalget establishing a unit (authority.outside_competence)', () => {
    deciderSpecification(organisationDecider)
      .given([])
      .when(
        {
          type: 'EstablishUnit',
          unit: 'kontrollenhet',
          name: 'Kontrollenhet',
          kind: 'seksjon',
          decision: controlCommittee,
        },
        standardContext,
      )
      .thenRejectedWith('authority.outside_competence');
  });

  it('refuses kontrollutvalget delegating plan authority to a direktør (authority.outside_competence)', () => {
    deciderSpecification(delegationDecider)
      .given([])
      .when(
        {
          type: 'DelegateAuthority',
          delegationId: 'ku-direktor',
          to: { body: 'direktor', unit: 'teknisk-sektor' },
          scope: { commandTypes: ['AdoptPlan'], planKinds: ['virksomhetsplan'] },
          validFrom: '2025-04-01',
          decision: controlCommittee,
        },
        standardContext,
      )
      .thenRejectedWith('authority.outside_competence');
  });

  it('refuses kontrollutvalget awarding a contract (authority.outside_competence)', () => {
    deciderSpecification(procurementDecider)
      .given([
        {
          type: 'ProcurementRegistered',
          procurementId: 'revisjonstjenester',
          title: 'Revisjonstjenester',
          estimatedValueNok: 900_000,
          callOff: false,
          requestingUnit: 'styv',
          registeredOn: '2025-01-10',
          responsibleUnit: 'styv',
          thresholdNok: 1_300_000,
        },
      ])
      .when(
        {
          type: 'AwardContract',
          procurementId: 'revisjonstjenester',
          supplier: 'Revisor AS (fiktivt)',
          contractValueNok: 850_000,
          decision: controlCommittee,
        },
        standardContext,
      )
      .thenRejectedWith('authority.outside_competence');
  });

  it('refuses kontrollutvalget adopting the risk scale (authority.outside_competence)', () => {
    deciderSpecification(riskScaleDecider)
      .given([])
      .when(
        adoptRiskScale(controlCommittee, {
          scaleVersion: 2,
          consequenceDimensions: ['okonomi'],
          validFrom: '2025-04-01',
        }),
        standardContext,
      )
      .thenRejectedWith('authority.outside_competence');
  });
});
