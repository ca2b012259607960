import { rejection } from '@styring/eventstore';
import { bodyLabels, type DecidingBody } from '../shared/bodies';

/** The refusals of the authority rules; the codes are stable, the README lists them with their sources. */
export const authorityRejections = {
  meetingRequired: (body: DecidingBody) =>
    rejection(
      'decision.meeting_required',
      `${bodyLabels[body]} treffer vedtak i møte; oppgi møtet.`,
      `${body} decides in meetings; name the meeting.`,
    ),
  delegationRequired: (body: DecidingBody) =>
    rejection(
      'authority.delegation_required',
      `${bodyLabels[body]} kan bare treffe vedtaket med delegert myndighet; oppgi delegeringen vedtaket bygger på.`,
      `${body} may only decide this under delegated authority; name the delegation the decision rests on.`,
    ),
  outsideCompetence: (body: DecidingBody, source: string) =>
    rejection(
      'authority.outside_competence',
      `${bodyLabels[body]} har ikke myndighet til å treffe dette vedtaket (${source}).`,
      `${body} has no authority to make this decision (${source}).`,
    ),
  delegationUnknown: (delegationId: string) =>
    rejection(
      'authority.delegation_unknown',
      `Delegeringen «${delegationId}» finnes ikke.`,
      `The delegation '${delegationId}' does not exist.`,
    ),
  delegationNotHeld: (delegationId: string, body: DecidingBody) =>
    rejection(
      'authority.delegation_not_held',
      `Delegeringen «${delegationId}» er ikke gitt til ${bodyLabels[body].toLowerCase()} som traff vedtaket.`,
      `The delegation '${delegationId}' was not given to the ${body} who decided.`,
    ),
  delegationNotInForce: (delegationId: string, date: string) =>
    rejection(
      'authority.delegation_not_in_force',
      `Delegeringen «${delegationId}» gjaldt ikke ${date} (utenfor gyldighetstiden, tilbakekalt, eller bygger på en delegering som ikke gjaldt).`,
      `The delegation '${delegationId}' was not in force on ${date} (outside its validity, revoked, or resting on a delegation not in force).`,
    ),
  outsideDelegation: (delegationId: string) =>
    rejection(
      'authority.outside_delegation',
      `Vedtaket ligger utenfor delegeringen «${delegationId}» (sakstype, plantype, portefølje eller beløp).`,
      `The decision lies outside the delegation '${delegationId}' (command type, plan kind, portfolio or amount).`,
    ),
  mustFlowDown: (from: DecidingBody, to: DecidingBody) =>
    rejection(
      'authority.delegation_must_flow_down',
      `${bodyLabels[from]} kan ikke delegere til ${bodyLabels[to].toLowerCase()}: myndighet delegeres nedover i linjen.`,
      `${from} cannot delegate to ${to}: authority is delegated down the line.`,
    ),
  budgetNotDelegable: () =>
    rejection(
      'authority.budget_not_delegable',
      'Økonomiplan og årsbudsjett vedtas av kommunestyret selv og kan ikke delegeres; en delegering av plansaker må nevne plantypene, og ikke disse.',
      'The økonomiplan and årsbudsjett are adopted by the council itself and cannot be delegated; a delegation of plan matters must list its plan kinds, and not these.',
    ),
  politicalPlanNotDelegable: () =>
    rejection(
      'authority.political_plan_not_delegable',
      'Politiske planer vedtas av kommunestyret; bare administrative plantyper (styringsbrev, virksomhetsplan) kan delegeres.',
      'Political plans are adopted by the council; only administrative plan kinds (styringsbrev, virksomhetsplan) can be delegated.',
    ),
  delegationExists: (delegationId: string) =>
    rejection(
      'authority.delegation_exists',
      `Delegeringen «${delegationId}» er allerede registrert.`,
      `The delegation '${delegationId}' is already recorded.`,
    ),
  delegationNotFound: (delegationId: string) =>
    rejection(
      'authority.delegation_not_found',
      `Delegeringen «${delegationId}» er ikke registrert, og kan ikke tilbakekalles.`,
      `The delegation '${delegationId}' is not recorded, so it cannot be revoked.`,
    ),
  alreadyRevoked: (delegationId: string) =>
    rejection(
      'authority.already_revoked',
      `Delegeringen «${delegationId}» er allerede tilbakekalt.`,
      `The delegation '${delegationId}' is already revoked.`,
    ),
  subdelegationNotInScope: (delegationId: string) =>
    rejection(
      'authority.subdelegation_not_in_scope',
      `Delegeringen «${delegationId}» gir ikke myndighet til å delegere videre (DelegateAuthority er ikke med).`,
      `The delegation '${delegationId}' gives no authority to delegate further (DelegateAuthority is not in its scope).`,
    ),
  revokeByDelegator: (delegationId: string) =>
    rejection(
      'authority.revoke_by_delegator',
      `Bare den som ga delegeringen «${delegationId}», eller kommunestyret, kan tilbakekalle den.`,
      `Only whoever gave the delegation '${delegationId}', or the council, can revoke it.`,
    ),
  hasAuthority: () =>
    rejection(
      'authority.not_without_authority',
      'Vedtaket har hjemmel; det føres som et vanlig vedtak, uten recordedWithoutAuthority.',
      'The decision has authority; record it as an ordinary decision, without recordedWithoutAuthority.',
    ),
};
