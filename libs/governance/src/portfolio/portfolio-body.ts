import type { DomainRejection } from '@styring/eventstore';
import type * as E from 'fp-ts/Either';
import type { DecidingBody } from '../shared/bodies';
import { ensure } from '../shared/ensure';
import { type Portfolio, portfolioGovernance } from './portfolios';
import { portfolioRejections as reject } from './rejections';

/** The investment portfolio is the council's; the development and digitalisation portfolio the ledergruppe's. */
export const bodyMayDecidePortfolio = (
  portfolio: Portfolio,
  body: DecidingBody,
): E.Either<DomainRejection, void> =>
  ensure(body === portfolioGovernance[portfolio].prioritizedBy, () =>
    portfolio === 'investering'
      ? reject.investmentRequiresCouncil(body)
      : reject.developmentRequiresLeadershipGroup(body),
  );
