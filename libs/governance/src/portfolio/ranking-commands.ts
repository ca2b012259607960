import type { CommandSpec } from '../command-spec';
import { councilAndExecutiveRoles } from '../shared/roles';
import { streamCategories } from '../stream-categories';
import { portfolioLabels } from './portfolios';
import { PrioritizeProject, ProjectPrioritized } from './ranking-messages';

/** Prioritization rounds, one `ranking-{portfolio}-{round}` stream each. */
export const rankingCommands = {
  PrioritizeProject: {
    codec: PrioritizeProject,
    decider: 'ranking',
    stream: (c) => `${streamCategories.ranking}-${c.portfolio}-${c.round}`,
    route: {
      path: 'portfolios/:portfolio/rounds/:round/prioritizations',
      summary: 'Prioriter et prosjekt i en prioriteringsrunde',
      tag: 'prosjekter',
    },
    roles: [...councilAndExecutiveRoles, 'styv'],
    events: {
      ProjectPrioritized: {
        codec: ProjectPrioritized,
        label: 'Prosjekt prioritert',
        decision: {
          summary: (e) =>
            `Prosjekt ${e.projectId} prioritert som nr. ${e.rank} i ${portfolioLabels[e.portfolio].toLowerCase()}, runde ${e.round}`,
          matter: (e) => ({ projectId: e.projectId, portfolio: e.portfolio }),
        },
      },
    },
  } satisfies CommandSpec<PrioritizeProject, ProjectPrioritized>,
};
