import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type { Decider } from '@styring/eventstore';
import { authorize } from '../authority/authorize';
import { coversMatter } from '../authority/scope';
import type { GovernanceContext } from '../context/governance-context';
import { ensure } from '../shared/ensure';
import { bodyMayDecidePortfolio } from './portfolio-body';
import type { PrioritizeProject, ProjectPrioritized } from './ranking-messages';
import { portfolioRejections as reject } from './rejections';

/** The ranks given in one round of one portfolio: rank → project. */
export type RankingState = ReadonlyMap<number, string>;

const prioritize = (command: PrioritizeProject, ranks: RankingState, context: GovernanceContext) => {
  const project = context.projects.get(command.projectId);
  const holder = ranks.get(command.rank);
  return pipe(
    bodyMayDecidePortfolio(command.portfolio, command.decision.body),
    E.chain(() =>
      project === undefined ? E.left(reject.projectUnknown(command.projectId)) : E.right(project),
    ),
    E.chain((known) =>
      pipe(
        ensure(known.portfolio === command.portfolio, () =>
          reject.projectInOtherPortfolio(command.projectId),
        ),
        E.chain(() => ensure(!known.closed, () => reject.closed(command.projectId))),
      ),
    ),
    E.chain(() => ensure(holder === undefined, () => reject.rankTaken(command.rank, holder ?? ''))),
    E.chain(() =>
      ensure(![...ranks.values()].includes(command.projectId), () => reject.alreadyRanked(command.projectId)),
    ),
    E.chain(() =>
      authorize(
        command.decision,
        coversMatter({ commandType: command.type, portfolio: command.portfolio }),
        context.delegations,
      ),
    ),
    E.map((): readonly ProjectPrioritized[] => [{ ...command, type: 'ProjectPrioritized' }]),
  );
};

/**
 * A `ranking-{portfolio}-{round}` stream per prioritization round: ranks are unique within the round and a
 * project is ranked once in it, which one stream per round enforces; the project itself is a fact from
 * the context (registered, in this portfolio, still running).
 */
export const rankingDecider: Decider<PrioritizeProject, ProjectPrioritized, RankingState, GovernanceContext> =
  {
    initialState: new Map(),
    evolve: (ranks, event) => new Map(ranks).set(event.rank, event.projectId),
    decide: prioritize,
  };
