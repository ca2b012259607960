// The given/when/then helper lives in the testkit; the domain's own code never imports it.
import * as E from 'fp-ts/Either';
import * as fc from 'fast-check';
import { deciderSpecification } from '@styring/eventstore-testkit';
import { addDays } from '../reporting/deadlines';
import { budgetRecommendationDecision } from '../shared/decision-reference';
import { contextWith, councilDecision, delegatedDecision, standardContext } from '../testing/fixtures';
import type {
  AdoptPlan,
  BudgetRecommended,
  PlanAdopted,
  RecommendBudget,
  RetirePlan,
  RevisePlan,
} from './messages';
import { planDecider } from './plan-decider';
import type { BudgetPlanKind } from './plan-kinds';
import { isBudgetAdoptedLate } from './plan-rules';

const spec = deciderSpecification(planDecider);

const samfunnsdel: AdoptPlan = {
  type: 'AdoptPlan',
  planId: 'kommuneplan-samfunnsdel-2024',
  kind: 'kommuneplan-samfunnsdel',
  title: 'Kommuneplanens samfunnsdel 2024–2036',
  period: { from: '2024-01-01', to: '2036-12-31' },
  parentPlans: ['planstrategi-2024-2028'],
  goals: [
    {
      goalId: 'hm-1',
      level: 'hovedmal',
      text: 'Innbyggerne opplever tilhørighet og fellesskap',
      focusArea: 'tilhorighet-og-fellesskap',
      sdgs: [10, 11],
    },
    { goalId: 'dm-1-1', level: 'delmal', mainGoalId: 'hm-1', text: 'Flere møteplasser', sdgs: [11] },
  ],
  decision: councilDecision(),
};
/** What adoption records: the command, with the lists it left out as empty lists. */
const adopted = (command: AdoptPlan): PlanAdopted => ({
  ...command,
  type: 'PlanAdopted',
  parentPlans: command.parentPlans ?? [],
  goals: command.goals ?? [],
  assignments: command.assignments ?? [],
});
const samfunnsdelAdopted = adopted(samfunnsdel);

const virksomhetsplan: AdoptPlan = {
  type: 'AdoptPlan',
  planId: 'virksomhetsplan-teknisk-2025',
  kind: 'virksomhetsplan',
  title: 'Virksomhetsplan Teknisk sektor 2025',
  period: { from: '2025-01-01', to: '2025-12-31' },
  unit: 'teknisk-sektor',
  assignments: [
    {
      assignmentId: 'oppdrag-1',
      text: 'Kartlegge arealbehov for formålsbygg',
      responsibleUnit: 'prosjektvirksomheten',
      goals: [{ planId: 'kommuneplan-samfunnsdel-2024', goalId: 'hm-1' }],
    },
  ],
  decision: delegatedDecision('direktor', 'kd-direktor-teknisk', {
    unit: 'teknisk-sektor',
    decidedOn: '2024-12-16',
  }),
};

const budget = (period: { from: string; to: string }): AdoptPlan => ({
  type: 'AdoptPlan',
  planId: 'arsbudsjett-2025',
  kind: 'arsbudsjett',
  title: 'Årsbudsjett 2025',
  period,
  decision: councilDecision({ decidedOn: '2024-12-11' }),
});

/** Formannskapet's innstilling to the budget `command` adopts, laid out for inspection on `laidOutOn`. */
const recommendation = (command: AdoptPlan, laidOutOn = '2024-11-22'): RecommendBudget => ({
  type: 'RecommendBudget',
  planId: command.planId,
  kind: command.kind as BudgetPlanKind,
  period: command.period,
  laidOutForInspectionOn: laidOutOn,
  decision: budgetRecommendationDecision('2024-11-21', '2024/2100', 'Formannskapet 21.11.2024'),
});
const recommended = (command: AdoptPlan, laidOutOn?: string): BudgetRecommended => ({
  ...recommendation(command, laidOutOn),
  type: 'BudgetRecommended',
});

describe('planDecider: AdoptPlan', () => {
  it('adopts a political plan by the council, with goals tied to focus areas and SDGs', () => {
    spec.given([]).when(samfunnsdel, standardContext).then([samfunnsdelAdopted]);
  });

  it('adopts a virksomhetsplan with assignments by a director under delegation', () => {
    spec
      .given([])
      .when(virksomhetsplan, standardContext)
      .then([adopted(virksomhetsplan)]);
  });

  it('adopts a plan once (plan.already_adopted)', () => {
    spec
      .given([samfunnsdelAdopted])
      .when(samfunnsdel, standardContext)
      .thenRejectedWith('plan.already_adopted');
  });

  it('leaves political plans to the council (plan.political_kind_requires_council)', () => {
    spec
      .given([])
      .when({ ...samfunnsdel, decision: delegatedDecision('kommunedirektoren', 'ks-kd') }, standardContext)
      .thenRejectedWith('plan.political_kind_requires_council');
  });

  it('leaves the budget and the økonomiplan to the council itself (plan.budget_requires_council)', () => {
    const yearly = budget({ from: '2025-01-01', to: '2025-12-31' });
    spec
      .given([recommended(yearly)])
      .when(yearly, standardContext)
      .then([adopted(yearly)]);
    spec
      .given([])
      .when({ ...yearly, decision: councilDecision({ body: 'formannskapet' }) }, standardContext)
      .thenRejectedWith('plan.budget_requires_council');
  });

  it('leaves administrative plans to the kommunedirektør or a director (plan.administrative_kind_requires_administration)', () => {
    spec
      .given([])
      .when({ ...virksomhetsplan, decision: councilDecision() }, standardContext)
      .thenRejectedWith('plan.administrative_kind_requires_administration');
    spec
      .given([])
      .when(
        {
          ...virksomhetsplan,
          kind: 'styringsbrev',
          assignments: [],
          decision: delegatedDecision('virksomhetsleder', 'kd-direktor-teknisk'),
        },
        standardContext,
      )
      .thenRejectedWith('plan.administrative_kind_requires_administration');
  });

  it('refuses a direktør adopting another sector’s virksomhetsplan (plan.unit_outside_decider), and one without its unit (plan.unit_required)', () => {
    spec
      .given([])
      .when({ ...virksomhetsplan, planId: 'virksomhetsplan-styv-2025', unit: 'styv' }, standardContext)
      .thenRejectedWith('plan.unit_outside_decider');
    const inTheSector = {
      ...virksomhetsplan,
      planId: 'virksomhetsplan-prosjektvirksomheten-2025',
      unit: 'prosjektvirksomheten',
    };
    spec
      .given([])
      .when(inTheSector, standardContext)
      .then([adopted(inTheSector)]);
    const leaderMayAdopt = contextWith(
      [
        {
          type: 'AuthorityDelegated',
          delegationId: 'direktor-prosjektvirksomheten',
          from: { body: 'direktor', unit: 'teknisk-sektor' },
          to: { body: 'virksomhetsleder', unit: 'prosjektvirksomheten' },
          scope: { commandTypes: ['AdoptPlan'], planKinds: ['virksomhetsplan'] },
          validFrom: '2024-01-01',
          decision: delegatedDecision('direktor', 'kd-direktor-teknisk', { unit: 'teknisk-sektor' }),
        },
      ],
      standardContext,
    );
    const byTheLeader = {
      ...inTheSector,
      decision: delegatedDecision('virksomhetsleder', 'direktor-prosjektvirksomheten', {
        unit: 'prosjektvirksomheten',
        decidedOn: '2024-12-16',
      }),
    };
    spec
      .given([])
      .when(byTheLeader, leaderMayAdopt)
      .then([adopted(byTheLeader)]);
    spec
      .given([])
      .when({ ...byTheLeader, unit: 'regulering-byggesak-geodata' }, leaderMayAdopt)
      .thenRejectedWith('plan.unit_outside_decider');
    const { unit: _unit, ...withoutUnit } = virksomhetsplan;
    spec.given([]).when(withoutUnit, standardContext).thenRejectedWith('plan.unit_required');
  });

  it('refuses a parent plan that does not exist (plan.parent_unknown) or is not in force on the adoption date (plan.parent_not_in_force)', () => {
    spec
      .given([])
      .when({ ...samfunnsdel, parentPlans: ['planstrategi-1999'] }, standardContext)
      .thenRejectedWith('plan.parent_unknown');
    spec
      .given([])
      .when({ ...samfunnsdel, decision: councilDecision({ decidedOn: '2023-11-15' }) }, standardContext)
      .thenRejectedWith('plan.parent_not_in_force');
    const retired = contextWith(
      [
        {
          type: 'PlanRetired',
          planId: 'planstrategi-2024-2028',
          reason: 'Erstattet',
          decision: councilDecision({ decidedOn: '2024-03-20' }),
        },
      ],
      standardContext,
    );
    spec.given([]).when(samfunnsdel, retired).thenRejectedWith('plan.parent_not_in_force');
  });

  it('needs a director to hold a delegation covering the plan kind (authority.outside_delegation)', () => {
    spec
      .given([])
      .when({ ...virksomhetsplan, kind: 'styringsbrev', assignments: [] }, standardContext)
      .thenRejectedWith('authority.outside_delegation');
  });

  it('refuses a period that ends before it starts (date.period_unordered)', () => {
    spec
      .given([])
      .when({ ...samfunnsdel, period: { from: '2036-12-31', to: '2024-01-01' } }, standardContext)
      .thenRejectedWith('date.period_unordered');
  });

  it('holds the årsbudsjett to one calendar year (plan.budget_not_calendar_year)', () => {
    spec
      .given([])
      .when(budget({ from: '2025-01-01', to: '2026-12-31' }), standardContext)
      .thenRejectedWith('plan.budget_not_calendar_year');
  });

  it('holds the økonomiplan to at least four budget years (plan.okonomiplan_too_short)', () => {
    const okonomiplan = (to: string): AdoptPlan => ({
      ...budget({ from: '2025-01-01', to }),
      planId: 'okonomiplan-2025-2028',
      kind: 'okonomiplan',
    });
    spec
      .given([recommended(okonomiplan('2028-12-31'))])
      .when(okonomiplan('2028-12-31'), standardContext)
      .then([adopted(okonomiplan('2028-12-31'))]);
    spec
      .given([])
      .when(okonomiplan('2027-12-31'), standardContext)
      .thenRejectedWith('plan.okonomiplan_too_short');
  });

  it('counts whole budget years after the adoption year, not the labels of the period (plan.okonomiplan_too_short)', () => {
    const okonomiplan = (period: { from: string; to: string }, decidedOn: string): AdoptPlan => ({
      ...budget(period),
      planId: 'okonomiplan',
      kind: 'okonomiplan',
      decision: councilDecision({ decidedOn }),
    });
    // Four year labels (2025–2028), but only 2026 and 2027 are whole budget years.
    spec
      .given([])
      .when(okonomiplan({ from: '2025-12-31', to: '2028-01-01' }, '2024-12-11'), standardContext)
      .thenRejectedWith('plan.okonomiplan_too_short');
    // Adopted in December 2024, a 2023–2026 plan covers two of the four years that follow.
    spec
      .given([])
      .when(okonomiplan({ from: '2023-01-01', to: '2026-12-31' }, '2024-12-11'), standardContext)
      .thenRejectedWith('plan.okonomiplan_too_short');
    const longer = okonomiplan({ from: '2025-01-01', to: '2029-12-31' }, '2024-12-11');
    spec
      .given([recommended(longer)])
      .when(longer, standardContext)
      .then([adopted(longer)]);
  });

  it('records an årsbudsjett adopted after its year began, and flags it as late (isBudgetAdoptedLate)', () => {
    const late = {
      ...budget({ from: '2025-01-01', to: '2025-12-31' }),
      decision: councilDecision({ decidedOn: '2025-01-15' }),
    };
    spec
      .given([recommended(late)])
      .when(late, standardContext)
      .then([adopted(late)]);
    expect(isBudgetAdoptedLate('arsbudsjett', late.period, '2025-01-15')).toBe(true);
    expect(isBudgetAdoptedLate('arsbudsjett', late.period, '2024-12-11')).toBe(false);
    expect(isBudgetAdoptedLate('okonomiplan', late.period, '2025-01-15')).toBe(false);
  });

  it('adopts the budget on formannskapet’s innstilling laid out 14 days before (plan.budget_recommendation_missing)', () => {
    const arsbudsjett = budget({ from: '2025-01-01', to: '2025-12-31' });
    spec.given([]).when(arsbudsjett, standardContext).thenRejectedWith('plan.budget_recommendation_missing');
    spec
      .given([recommended(arsbudsjett)])
      .when(arsbudsjett, standardContext)
      .then([adopted(arsbudsjett)]);
  });

  it('holds the council to the innstilling’s plan kind and period (plan.budget_recommendation_mismatch)', () => {
    const arsbudsjett = budget({ from: '2025-01-01', to: '2025-12-31' });
    const forOtherYear = budget({ from: '2026-01-01', to: '2026-12-31' });
    spec
      .given([recommended(forOtherYear)])
      .when(arsbudsjett, standardContext)
      .thenRejectedWith('plan.budget_recommendation_mismatch');
  });

  it('adopts no earlier than 14 days after the innstilling was laid out, whatever the dates (plan.budget_inspection_too_short)', () => {
    fc.assert(
      // Any decision day of the year before the budget year, and any laying out up to 60 days before it.
      fc.property(
        fc.integer({ min: 0, max: 365 }),
        fc.integer({ min: 0, max: 60 }),
        (dayOfYear, daysLaidOut) => {
          const decidedOn = addDays('2024-01-01', dayOfYear);
          const arsbudsjett = {
            ...budget({ from: '2025-01-01', to: '2025-12-31' }),
            decision: councilDecision({ decidedOn }),
          };
          const laidOutOn = addDays(decidedOn, -daysLaidOut);
          const result = planDecider.decide(
            arsbudsjett,
            planDecider.evolve(planDecider.initialState, recommended(arsbudsjett, laidOutOn)),
            standardContext,
          );
          if (daysLaidOut >= 14) expect(E.isRight(result)).toBe(true);
          else expect(E.isLeft(result) && result.left.code).toBe('plan.budget_inspection_too_short');
        },
      ),
    );
  });

  it('records formannskapet’s innstilling, laid out no earlier than given, and no innstilling after adoption (plan.recommendation_requires_formannskapet)', () => {
    const arsbudsjett = budget({ from: '2025-01-01', to: '2025-12-31' });
    spec
      .given([])
      .when(recommendation(arsbudsjett), standardContext)
      .then([recommended(arsbudsjett)]);
    spec
      .given([])
      .when({ ...recommendation(arsbudsjett), decision: councilDecision() }, standardContext)
      .thenRejectedWith('plan.recommendation_requires_formannskapet');
    spec
      .given([])
      .when(recommendation(arsbudsjett, '2024-11-20'), standardContext)
      .thenRejectedWith('date.period_unordered');
    spec
      .given([recommended(arsbudsjett), adopted(arsbudsjett)])
      .when(recommendation(arsbudsjett), standardContext)
      .thenRejectedWith('plan.already_adopted');
    const { meeting: _meeting, ...outsideMeeting } = recommendation(arsbudsjett).decision;
    spec
      .given([])
      .when({ ...recommendation(arsbudsjett), decision: outsideMeeting }, standardContext)
      .thenRejectedWith('decision.meeting_required');
  });

  it('refuses a goal id given twice (plan.duplicate_goal)', () => {
    const goals = samfunnsdel.goals ?? [];
    spec
      .given([])
      .when({ ...samfunnsdel, goals: [...goals, goals[0]!] }, standardContext)
      .thenRejectedWith('plan.duplicate_goal');
  });

  it('ties every delmål to a hovedmål of the plan (plan.subgoal_requires_main_goal)', () => {
    const orphan = {
      goalId: 'dm-9',
      level: 'delmal' as const,
      mainGoalId: 'hm-9',
      text: 'Uten hovedmål',
      sdgs: [],
    };
    spec
      .given([])
      .when({ ...samfunnsdel, goals: [...(samfunnsdel.goals ?? []), orphan] }, standardContext)
      .thenRejectedWith('plan.subgoal_requires_main_goal');
  });

  it('gives assignments only in virksomhetsplaner (plan.assignments_only_in_virksomhetsplan)', () => {
    spec
      .given([])
      .when({ ...samfunnsdel, assignments: virksomhetsplan.assignments ?? [] }, standardContext)
      .thenRejectedWith('plan.assignments_only_in_virksomhetsplan');
  });
});

describe('planDecider: RevisePlan and RetirePlan', () => {
  const revise: RevisePlan = {
    type: 'RevisePlan',
    planId: samfunnsdel.planId,
    period: { from: '2024-01-01', to: '2040-12-31' },
    decision: councilDecision({ decidedOn: '2025-06-18', caseNumber: '2025/300' }),
  };
  const retire: RetirePlan = {
    type: 'RetirePlan',
    planId: samfunnsdel.planId,
    reason: 'Erstattet av ny samfunnsdel',
    decision: councilDecision({ decidedOn: '2030-06-12', caseNumber: '2030/10' }),
  };

  it('revises and retires an adopted plan', () => {
    spec
      .given([samfunnsdelAdopted])
      .when(revise, standardContext)
      .then([{ ...revise, type: 'PlanRevised' }]);
    spec
      .given([samfunnsdelAdopted])
      .when(retire, standardContext)
      .then([{ ...retire, type: 'PlanRetired' }]);
  });

  it('changes only an adopted plan (plan.not_adopted) that is not retired (plan.retired)', () => {
    spec.given([]).when(revise, standardContext).thenRejectedWith('plan.not_adopted');
    spec
      .given([samfunnsdelAdopted, { ...retire, type: 'PlanRetired' }])
      .when(revise, standardContext)
      .thenRejectedWith('plan.retired');
    spec.given([]).when(retire, standardContext).thenRejectedWith('plan.not_adopted');
    spec
      .given([samfunnsdelAdopted, { ...retire, type: 'PlanRetired' }])
      .when(retire, standardContext)
      .thenRejectedWith('plan.retired');
  });

  it('holds revisions to the rule of the plan kind fixed at adoption', () => {
    spec
      .given([samfunnsdelAdopted])
      .when({ ...retire, decision: delegatedDecision('kommunedirektoren', 'ks-kd') }, standardContext)
      .thenRejectedWith('plan.political_kind_requires_council');
    spec
      .given([samfunnsdelAdopted])
      .when({ ...revise, period: { from: '2024-01-01', to: '2023-12-31' } }, standardContext)
      .thenRejectedWith('date.period_unordered');
  });
});
