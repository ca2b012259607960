import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type { Decider, DomainRejection } from '@styring/eventstore';
import { authorize } from '../authority/authorize';
import { coversMatter } from '../authority/scope';
import type { GovernanceContext } from '../context/governance-context';
import { ensureOrdered } from '../shared/ensure';
import {
  type BudgetRecommendation,
  bodyMayRecommendBudget,
  recommendationPrecedesBudget,
} from './budget-procedure';
import type { AdoptPlan, PlanCommand, PlanEvent, RecommendBudget, RetirePlan, RevisePlan } from './messages';
import type { PlanKind } from './plan-kinds';
import {
  assignmentsFitKind,
  bodyMayChangePlan,
  bodyMayDecidePlan,
  goalsAreConsistent,
  parentsInForce,
  periodFitsKind,
  unitFitsDecider,
} from './plan-rules';
import { planRejections as reject } from './rejections';

/** `recommended`: not adopted yet, with formannskapet's latest innstilling to it (a budget or økonomiplan). */
export type PlanState =
  | { readonly status: 'none' }
  | { readonly status: 'recommended'; readonly recommendation: BudgetRecommendation }
  | { readonly status: 'adopted' | 'retired'; readonly kind: PlanKind };

const isAdopted = (state: PlanState): boolean => state.status === 'adopted' || state.status === 'retired';

type Decided = E.Either<DomainRejection, readonly PlanEvent[]>;

const adopt = (command: AdoptPlan, state: PlanState, context: GovernanceContext): Decided => {
  const { parentPlans = [], goals = [], assignments = [] } = command;
  return pipe(
    isAdopted(state) ? E.left(reject.alreadyAdopted(command.planId)) : E.right(undefined),
    E.chain(() => bodyMayDecidePlan(command.kind, command.decision.body)),
    E.chain(() => unitFitsDecider(command.kind, command.unit, command.decision, context.units)),
    E.chain(() => parentsInForce(parentPlans, context.plans, command.decision.decidedOn)),
    E.chain(() => periodFitsKind(command.kind, command.period, command.decision.decidedOn)),
    E.chain(() => goalsAreConsistent(goals)),
    E.chain(() => assignmentsFitKind(command.kind, assignments)),
    E.chain(() =>
      recommendationPrecedesBudget(
        command.planId,
        { kind: command.kind, period: command.period, decidedOn: command.decision.decidedOn },
        state.status === 'recommended' ? state.recommendation : undefined,
      ),
    ),
    E.chain(() =>
      authorize(
        command.decision,
        coversMatter({ commandType: command.type, planKind: command.kind }),
        context.delegations,
      ),
    ),
    E.map(() => [{ ...command, type: 'PlanAdopted', parentPlans, goals, assignments }]),
  );
};

/**
 * Formannskapet's innstilling to a budget or økonomiplan not yet adopted, laid out for inspection no earlier
 * than it was given. A new innstilling (formannskapet reconsidering) replaces the earlier one.
 */
const recommend = (command: RecommendBudget, state: PlanState, context: GovernanceContext): Decided =>
  pipe(
    isAdopted(state) ? E.left(reject.alreadyAdopted(command.planId)) : E.right(undefined),
    E.chain(() => bodyMayRecommendBudget(command.decision.body)),
    E.chain(() => periodFitsKind(command.kind, command.period, command.decision.decidedOn)),
    E.chain(() =>
      ensureOrdered(command.decision.decidedOn, command.laidOutForInspectionOn, 'laidOutForInspectionOn'),
    ),
    E.chain(() =>
      authorize(
        command.decision,
        coversMatter({ commandType: command.type, planKind: command.kind }),
        context.delegations,
      ),
    ),
    E.map(() => [{ ...command, type: 'BudgetRecommended' }]),
  );

/** A revision or retirement: of an adopted plan, by a body that may decide a plan of its kind. */
const change = (command: RevisePlan | RetirePlan, state: PlanState, context: GovernanceContext) => {
  if (state.status === 'none' || state.status === 'recommended')
    return E.left(reject.notAdopted(command.planId));
  if (state.status === 'retired') return E.left(reject.retired(command.planId));
  // The kind as corrected, when a correction changed it (the context applies corrections of adoptions).
  const kind = context.plans.get(command.planId)?.kind ?? state.kind;
  return pipe(
    bodyMayChangePlan(kind, command.decision.body),
    E.chain(() =>
      authorize(
        command.decision,
        coversMatter({ commandType: command.type, planKind: kind }),
        context.delegations,
      ),
    ),
    E.map(() => kind),
  );
};

const revise = (command: RevisePlan, state: PlanState, context: GovernanceContext): Decided =>
  pipe(
    change(command, state, context),
    E.chainFirst((kind) =>
      command.period === undefined
        ? E.right(undefined)
        : periodFitsKind(kind, command.period, command.decision.decidedOn),
    ),
    E.chainFirst(() => goalsAreConsistent(command.goals ?? [])),
    E.chainFirst((kind) => assignmentsFitKind(kind, command.assignments ?? [])),
    E.map(() => [{ ...command, type: 'PlanRevised' }]),
  );

const retire = (command: RetirePlan, state: PlanState, context: GovernanceContext): Decided =>
  pipe(
    change(command, state, context),
    E.map(() => [{ ...command, type: 'PlanRetired' }]),
  );

/**
 * A `plan-{planId}` stream per plan: a budget or økonomiplan first gets formannskapet's innstilling; adopted once, then revised or retired by a body allowed to decide a
 * plan of its kind. The kind is set at adoption (or by a correction of it), so every later decision is held
 * to the rule of the kind on record.
 */
export const planDecider: Decider<PlanCommand, PlanEvent, PlanState, GovernanceContext> = {
  initialState: { status: 'none' },
  evolve: (state, event) => {
    switch (event.type) {
      case 'PlanAdopted':
        return { status: 'adopted', kind: event.kind };
      case 'PlanRevised':
        return state;
      case 'PlanRetired':
        return state.status === 'adopted' ? { ...state, status: 'retired' } : state;
      case 'BudgetRecommended':
        return {
          status: 'recommended',
          recommendation: {
            kind: event.kind,
            period: event.period,
            laidOutForInspectionOn: event.laidOutForInspectionOn,
          },
        };
    }
  },
  decide: (command, state, context) => {
    switch (command.type) {
      case 'AdoptPlan':
        return adopt(command, state, context);
      case 'RevisePlan':
        return revise(command, state, context);
      case 'RetirePlan':
        return retire(command, state, context);
      case 'RecommendBudget':
        return recommend(command, state, context);
    }
  },
};
