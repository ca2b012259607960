import { rejection } from '@styring/eventstore';
import { bodyLabels, type DecidingBody } from '../shared/bodies';

export const portfolioRejections = {
  alreadyRegistered: (projectId: string) =>
    rejection(
      'project.already_registered',
      `Prosjektet «${projectId}» er allerede registrert.`,
      `The project '${projectId}' is already registered.`,
    ),
  owningUnitUnknown: (unit: string) =>
    rejection(
      'project.owning_unit_unknown',
      `Et prosjekt må eies av en enhet i linjen; enheten «${unit}» finnes ikke eller er nedlagt.`,
      `A project must be owned by a unit of the line; the unit '${unit}' does not exist or is dissolved.`,
    ),
  needRequired: () =>
    rejection(
      'project.need_required',
      'Et prosjekt må være forankret i et behov definert i linjen; beskriv behovet.',
      'A project must be anchored in a need defined in the line; describe the need.',
    ),
  notRegistered: (projectId: string) =>
    rejection(
      'project.not_registered',
      `Prosjektet «${projectId}» er ikke registrert.`,
      `The project '${projectId}' is not registered.`,
    ),
  closed: (projectId: string) =>
    rejection(
      'project.closed',
      `Prosjektet «${projectId}» er avsluttet eller avbrutt.`,
      `The project '${projectId}' is completed or cancelled.`,
    ),
  investmentRequiresCouncil: (body: DecidingBody) =>
    rejection(
      'portfolio.investment_requires_council',
      `Investeringsprosjekter prioriteres og avbrytes av kommunestyret, ikke av ${bodyLabels[body].toLowerCase()}.`,
      `Investment projects are prioritized and cancelled by the council, not by the ${body}.`,
    ),
  developmentRequiresLeadershipGroup: (body: DecidingBody) =>
    rejection(
      'portfolio.development_requires_leadership_group',
      `Utviklings- og digitaliseringsprosjekter prioriteres og avbrytes av kommunedirektørens ledergruppe, ikke av ${bodyLabels[body].toLowerCase()}.`,
      `Development and digitalisation projects are prioritized and cancelled by the leadership group, not by the ${body}.`,
    ),
  projectUnknown: (projectId: string) =>
    rejection(
      'portfolio.project_unknown',
      `Prosjektet «${projectId}» er ikke registrert, og kan ikke prioriteres.`,
      `The project '${projectId}' is not registered, so it cannot be prioritized.`,
    ),
  projectInOtherPortfolio: (projectId: string) =>
    rejection(
      'portfolio.project_in_other_portfolio',
      `Prosjektet «${projectId}» hører til den andre porteføljen.`,
      `The project '${projectId}' belongs to the other portfolio.`,
    ),
  rankTaken: (rank: number, projectId: string) =>
    rejection(
      'portfolio.rank_taken',
      `Plass ${rank} i denne prioriteringsrunden er allerede gitt til «${projectId}».`,
      `Rank ${rank} in this round is already given to '${projectId}'.`,
    ),
  alreadyRanked: (projectId: string) =>
    rejection(
      'portfolio.project_already_ranked',
      `Prosjektet «${projectId}» er allerede prioritert i denne runden.`,
      `The project '${projectId}' is already ranked in this round.`,
    ),
};
