import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type { Decider, DomainRejection } from '@styring/eventstore';
import { authorize } from '../authority/authorize';
import { coversMatter } from '../authority/scope';
import type { GovernanceContext } from '../context/governance-context';
import { ensure } from '../shared/ensure';
import { isBlank } from '../shared/text';
import { bodyMayDecidePortfolio } from './portfolio-body';
import type { Portfolio } from './portfolios';
import type { CancelProject, ProjectCommand, ProjectEvent, RegisterProject } from './project-messages';
import { portfolioRejections as reject } from './rejections';

export type ProjectState =
  | { readonly status: 'none' }
  | { readonly status: 'active' | 'completed' | 'cancelled'; readonly portfolio: Portfolio };

type Decided = E.Either<DomainRejection, readonly ProjectEvent[]>;

const register = (command: RegisterProject, state: ProjectState, context: GovernanceContext): Decided =>
  pipe(
    ensure(state.status === 'none', () => reject.alreadyRegistered(command.projectId)),
    E.chain(() =>
      ensure(context.units.get(command.owningUnit)?.dissolved === false, () =>
        reject.owningUnitUnknown(command.owningUnit),
      ),
    ),
    E.chain(() => ensure(!isBlank(command.need), reject.needRequired)),
    E.map(() => [{ ...command, type: 'ProjectRegistered' }]),
  );

/** A project that is registered and still running; what a status, a completion or a cancellation needs. */
const running = (projectId: string, state: ProjectState): E.Either<DomainRejection, Portfolio> =>
  state.status === 'none'
    ? E.left(reject.notRegistered(projectId))
    : state.status === 'active'
      ? E.right(state.portfolio)
      : E.left(reject.closed(projectId));

const cancel = (command: CancelProject, state: ProjectState, context: GovernanceContext): Decided =>
  pipe(
    running(command.projectId, state),
    E.chainFirst((portfolio) => bodyMayDecidePortfolio(portfolio, command.decision.body)),
    E.chainFirst((portfolio) =>
      authorize(
        command.decision,
        coversMatter({ commandType: command.type, portfolio }),
        context.delegations,
      ),
    ),
    E.map(() => [{ ...command, type: 'ProjectCancelled' }]),
  );

/**
 * A `project-{projectId}` stream per project: registered once, with an owning unit and a stated need; then
 * status reports, completion or cancellation while it runs, and evaluations (læring) at any time after.
 */
export const projectDecider: Decider<ProjectCommand, ProjectEvent, ProjectState, GovernanceContext> = {
  initialState: { status: 'none' },
  evolve: (state, event) => {
    switch (event.type) {
      case 'ProjectRegistered':
        return { status: 'active', portfolio: event.portfolio };
      case 'ProjectCompleted':
        return state.status === 'none' ? state : { ...state, status: 'completed' };
      case 'ProjectCancelled':
        return state.status === 'none' ? state : { ...state, status: 'cancelled' };
      default:
        return state;
    }
  },
  decide: (command, state, context): Decided => {
    switch (command.type) {
      case 'RegisterProject':
        return register(command, state, context);
      case 'ReportProjectStatus':
        return pipe(
          running(command.projectId, state),
          E.map(() => [{ ...command, type: 'ProjectStatusReported' }]),
        );
      case 'CompleteProject':
        return pipe(
          running(command.projectId, state),
          E.map(() => [{ ...command, type: 'ProjectCompleted' }]),
        );
      case 'CancelProject':
        return cancel(command, state, context);
      case 'EvaluateProject':
        return state.status === 'none'
          ? E.left(reject.notRegistered(command.projectId))
          : E.right([{ ...command, type: 'ProjectEvaluated' }]);
    }
  },
};
