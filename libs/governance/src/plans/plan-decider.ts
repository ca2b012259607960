import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type { Decider, DomainRejection } from '@styring/eventstore';
import { authorize } from '../authority/authorize';
import { coversMatter } from '../authority/scope';
import type { GovernanceContext } from '../context/governance-context';
import type { AdoptPlan, PlanCommand, PlanEvent, RetirePlan, RevisePlan } from './messages';
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

export type PlanState =
  { readonly status: 'none' } | { readonly status: 'adopted' | 'retired'; readonly kind: PlanKind };

type Decided = E.Either<DomainRejection, readonly PlanEvent[]>;

const adopt = (command: AdoptPlan, state: PlanState, context: GovernanceContext): Decided => {
  const { parentPlans = [], goals = [], assignments = [] } = command;
  return pipe(
    state.status === 'none' ? E.right(undefined) : E.left(reject.alreadyAdopted(command.planId)),
    E.chain(() => bodyMayDecidePlan(command.kind, command.decision.body)),
    E.chain(() => unitFitsDecider(command.kind, command.unit, command.decision, context.units)),
    E.chain(() => parentsInForce(parentPlans, context.plans, command.decision.decidedOn)),
    E.chain(() => periodFitsKind(command.kind, command.period, command.decision.decidedOn)),
    E.chain(() => goalsAreConsistent(goals)),
    E.chain(() => assignmentsFitKind(command.kind, assignments)),
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

/** A revision or retirement: of an adopted plan, by a body that may decide a plan of its kind. */
const change = (command: RevisePlan | RetirePlan, state: PlanState, context: GovernanceContext) => {
  if (state.status === 'none') return E.left(reject.notAdopted(command.planId));
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
 * A `plan-{planId}` stream per plan: adopted once, then revised or retired by a body allowed to decide a
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
        return state.status === 'none' ? state : { ...state, status: 'retired' };
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
    }
  },
};
