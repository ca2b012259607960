import { rejection } from '@styring/eventstore';
import { bodyLabels, type DecidingBody } from '../shared/bodies';
import { type PlanKind, planKindLabels } from './plan-kinds';

export const planRejections = {
  alreadyAdopted: (planId: string) =>
    rejection(
      'plan.already_adopted',
      `Planen «${planId}» er allerede vedtatt; endringer vedtas som revisjon.`,
      `The plan '${planId}' is already adopted; changes are adopted as a revision.`,
    ),
  notAdopted: (planId: string) =>
    rejection(
      'plan.not_adopted',
      `Planen «${planId}» er ikke vedtatt.`,
      `The plan '${planId}' is not adopted.`,
    ),
  retired: (planId: string) =>
    rejection(
      'plan.retired',
      `Planen «${planId}» er opphevet og kan ikke endres.`,
      `The plan '${planId}' is retired and cannot be changed.`,
    ),
  parentUnknown: (parentId: string) =>
    rejection(
      'plan.parent_unknown',
      `Overordnet plan «${parentId}» er ikke vedtatt.`,
      `The parent plan '${parentId}' is not adopted.`,
    ),
  parentNotInForce: (parentId: string, date: string) =>
    rejection(
      'plan.parent_not_in_force',
      `Overordnet plan «${parentId}» gjaldt ikke ${date} (ikke vedtatt ennå, opphevet eller utløpt).`,
      `The parent plan '${parentId}' was not in force on ${date} (not yet adopted, retired or expired).`,
    ),
  unitRequired: () =>
    rejection(
      'plan.unit_required',
      'En virksomhetsplan gjelder én enhet; oppgi enheten (unit).',
      'A virksomhetsplan governs one unit; name the unit.',
    ),
  unitOutsideDecider: (unit: string) =>
    rejection(
      'plan.unit_outside_decider',
      `Virksomhetsplanen for «${unit}» vedtas av lederen for enheten, direktøren for sektoren den ligger i, eller kommunedirektøren.`,
      `The virksomhetsplan of '${unit}' is adopted by the unit's leader, the director of its sector, or the kommunedirektør.`,
    ),
  budgetRequiresCouncil: (kind: PlanKind, body: DecidingBody) =>
    rejection(
      'plan.budget_requires_council',
      `${planKindLabels[kind]} vedtas av kommunestyret selv, ikke av ${bodyLabels[body].toLowerCase()}.`,
      `The ${kind} is adopted by the council itself, not by the ${body}.`,
    ),
  politicalKindRequiresCouncil: (kind: PlanKind, body: DecidingBody) =>
    rejection(
      'plan.political_kind_requires_council',
      `${planKindLabels[kind]} er en politisk plan og vedtas av kommunestyret, ikke av ${bodyLabels[body].toLowerCase()}.`,
      `A ${kind} is a political plan, adopted by the council, not by the ${body}.`,
    ),
  administrativeKindRequiresAdministration: (kind: PlanKind, body: DecidingBody) =>
    rejection(
      'plan.administrative_kind_requires_administration',
      `${planKindLabels[kind]} er et administrativt verktøy og vedtas av kommunedirektøren eller en direktør, ikke av ${bodyLabels[body].toLowerCase()}.`,
      `A ${kind} is an administrative tool, adopted by the kommunedirektør or a director, not by the ${body}.`,
    ),
  okonomiplanTooShort: () =>
    rejection(
      'plan.okonomiplan_too_short',
      'Økonomiplanen skal omfatte minst de fire neste budsjettårene etter året den vedtas, hvert av dem helt.',
      'The økonomiplan must cover, whole, at least the four budget years after the year it is adopted in.',
    ),
  budgetNotCalendarYear: () =>
    rejection(
      'plan.budget_not_calendar_year',
      'Årsbudsjettet gjelder ett kalenderår: fra 1. januar til 31. desember samme år.',
      'The årsbudsjett covers one calendar year: from 1 January to 31 December of the same year.',
    ),
  recommendationRequiresFormannskapet: (body: DecidingBody) =>
    rejection(
      'plan.recommendation_requires_formannskapet',
      `Innstillingen til økonomiplan og årsbudsjett gis av formannskapet, ikke av ${bodyLabels[body].toLowerCase()}.`,
      `The recommendation (innstilling) to the økonomiplan and årsbudsjett is given by formannskapet, not by the ${body}.`,
    ),
  budgetRecommendationMissing: (kind: PlanKind, planId: string) =>
    rejection(
      'plan.budget_recommendation_missing',
      `${planKindLabels[kind]} «${planId}» har ingen innstilling fra formannskapet; kommunestyret vedtar på grunnlag av innstillingen (kommuneloven § 14-3 tredje ledd).`,
      `The ${kind} '${planId}' has no recommendation (innstilling) from formannskapet; the council decides on it (kommuneloven § 14-3 third paragraph).`,
    ),
  budgetRecommendationMismatch: (planId: string) =>
    rejection(
      'plan.budget_recommendation_mismatch',
      `Formannskapets innstilling til «${planId}» gjelder en annen plantype eller periode enn vedtaket.`,
      `Formannskapet's recommendation to '${planId}' is for another plan kind or period than the decision.`,
    ),
  budgetInspectionTooShort: (laidOutOn: string, earliest: string) =>
    rejection(
      'plan.budget_inspection_too_short',
      `Innstillingen ble lagt ut til alminnelig ettersyn ${laidOutOn}; kommunestyret kan tidligst vedta den ${earliest} (minst 14 dager).`,
      `The recommendation was laid out for public inspection on ${laidOutOn}; the council may decide on it on ${earliest} at the earliest (at least 14 days).`,
    ),
  duplicateGoal: (goalId: string) =>
    rejection(
      'plan.duplicate_goal',
      `Målet «${goalId}» står mer enn én gang i planen.`,
      `The goal '${goalId}' appears more than once in the plan.`,
    ),
  subgoalRequiresMainGoal: (goalId: string) =>
    rejection(
      'plan.subgoal_requires_main_goal',
      `Delmålet «${goalId}» må vise til et hovedmål i samme plan.`,
      `The sub-goal '${goalId}' must name a main goal of the same plan.`,
    ),
  assignmentsOnlyInVirksomhetsplan: (kind: PlanKind) =>
    rejection(
      'plan.assignments_only_in_virksomhetsplan',
      `Oppdrag gis i virksomhetsplaner, ikke i ${planKindLabels[kind].toLowerCase()}.`,
      `Assignments are given in virksomhetsplaner, not in a ${kind}.`,
    ),
};
