// The given/when/then helper lives in the testkit; the domain's own code never imports it.
import { deciderSpecification } from '@styring/eventstore-testkit';
import type { ProjectRegistered } from './project-messages';
import { councilDecision, contextWith, delegatedDecision, standardContext } from '../testing/fixtures';
import { rankingDecider } from './ranking-decider';
import type { PrioritizeProject, ProjectPrioritized } from './ranking-messages';

const spec = deciderSpecification(rankingDecider);

const project = (projectId: string, portfolio: ProjectRegistered['portfolio']): ProjectRegistered => ({
  type: 'ProjectRegistered',
  projectId,
  name: projectId,
  portfolio,
  owningUnit: portfolio === 'investering' ? 'prosjektvirksomheten' : 'utvikling-og-digitalisering',
  need: 'Et behov i linjen',
  registeredOn: '2024-02-01',
});

const context = contextWith(
  [
    project('ny-brannstasjon', 'investering'),
    project('rehabilitering-skole', 'investering'),
    project('digital-byggesak', 'utvikling-digitalisering'),
    project('nytt-sak-arkiv', 'utvikling-digitalisering'),
    project('avsluttet', 'utvikling-digitalisering'),
    { type: 'ProjectCompleted', projectId: 'avsluttet', completedOn: '2024-05-01' },
  ],
  standardContext,
);

const investment = (projectId: string, rank: number): PrioritizeProject => ({
  type: 'PrioritizeProject',
  portfolio: 'investering',
  round: '2025',
  projectId,
  rank,
  decision: councilDecision(),
});
const development = (projectId: string, rank: number): PrioritizeProject => ({
  type: 'PrioritizeProject',
  portfolio: 'utvikling-digitalisering',
  round: '2025-h1',
  projectId,
  rank,
  decision: delegatedDecision('ledergruppen', 'ks-kd'),
});
const done = (command: PrioritizeProject): ProjectPrioritized => ({ ...command, type: 'ProjectPrioritized' });

describe('rankingDecider', () => {
  it('lets the council prioritize the investment portfolio (portfolio.investment_requires_council)', () => {
    spec
      .given([])
      .when(investment('ny-brannstasjon', 1), context)
      .then([done(investment('ny-brannstasjon', 1))]);
    spec
      .given([])
      .when(
        { ...investment('ny-brannstasjon', 1), decision: delegatedDecision('kommunedirektoren', 'ks-kd') },
        context,
      )
      .thenRejectedWith('portfolio.investment_requires_council');
  });

  it('lets the ledergruppe prioritize the development portfolio (portfolio.development_requires_leadership_group)', () => {
    spec
      .given([])
      .when(development('digital-byggesak', 1), context)
      .then([done(development('digital-byggesak', 1))]);
    spec
      .given([])
      .when({ ...development('digital-byggesak', 1), decision: councilDecision() }, context)
      .thenRejectedWith('portfolio.development_requires_leadership_group');
  });

  it('keeps ranks unique within a round (portfolio.rank_taken)', () => {
    const first = done(investment('ny-brannstasjon', 1));
    spec
      .given([first])
      .when(investment('rehabilitering-skole', 1), context)
      .thenRejectedWith('portfolio.rank_taken');
    spec
      .given([first])
      .when(investment('rehabilitering-skole', 2), context)
      .then([done(investment('rehabilitering-skole', 2))]);
  });

  it('ranks a project once within a round (portfolio.project_already_ranked)', () => {
    spec
      .given([done(investment('ny-brannstasjon', 1))])
      .when(investment('ny-brannstasjon', 2), context)
      .thenRejectedWith('portfolio.project_already_ranked');
  });

  it('ranks only registered projects of the same portfolio that still run', () => {
    spec.given([]).when(investment('ukjent', 1), context).thenRejectedWith('portfolio.project_unknown');
    spec
      .given([])
      .when(investment('digital-byggesak', 1), context)
      .thenRejectedWith('portfolio.project_in_other_portfolio');
    spec.given([]).when(development('avsluttet', 1), context).thenRejectedWith('project.closed');
  });

  it('needs the ledergruppe to act on a delegation covering the portfolio', () => {
    spec
      .given([])
      .when(
        {
          ...development('nytt-sak-arkiv', 1),
          decision: delegatedDecision('ledergruppen', 'kd-direktor-teknisk'),
        },
        context,
      )
      .thenRejectedWith('authority.delegation_not_held');
  });
});
