import type { CommandSpec } from '../command-spec';
import { lineRoles, secretariatRole } from '../shared/roles';
import { streamById } from '../stream-categories';
import {
  AdoptPlan,
  BudgetRecommended,
  PlanAdopted,
  PlanRetired,
  PlanRevised,
  RecommendBudget,
  RetirePlan,
  RevisePlan,
} from './messages';
import { planKindLabels } from './plan-kinds';

const planStream = streamById('plan', 'planId');
const planRoles = [secretariatRole, ...lineRoles];
/** A revision's summary names what it changed, in Norwegian. */
const revisedFieldLabels = [
  ['title', 'tittel'],
  ['period', 'periode'],
  ['parentPlans', 'overordnede planer'],
  ['goals', 'mål'],
  ['assignments', 'oppdrag'],
  ['documentReference', 'dokumentreferanse'],
] as const;

/** Plans adopted, revised and retired, one `plan-{id}` stream each. */
export const planCommands = {
  AdoptPlan: {
    codec: AdoptPlan,
    decider: 'plan',
    stream: planStream,
    route: { path: 'plans', summary: 'Vedta en plan', tag: 'planer' },
    roles: planRoles,
    events: {
      PlanAdopted: {
        codec: PlanAdopted,
        label: 'Plan vedtatt',
        schemaVersion: 2,
        decision: {
          summary: (e) =>
            `${planKindLabels[e.kind]} «${e.title}» (${e.period.from} – ${e.period.to}) vedtatt`,
          matter: (e) => ({ planId: e.planId, planKind: e.kind }),
          unit: (e) => e.unit,
        },
      },
    },
  } satisfies CommandSpec<AdoptPlan, PlanAdopted>,
  RevisePlan: {
    codec: RevisePlan,
    decider: 'plan',
    stream: planStream,
    route: { path: 'plans/:planId/revisions', summary: 'Revider en vedtatt plan', tag: 'planer' },
    roles: planRoles,
    events: {
      PlanRevised: {
        codec: PlanRevised,
        label: 'Plan revidert',
        decision: {
          summary: (e) => {
            const changed = revisedFieldLabels
              .filter(([field]) => e[field] !== undefined)
              .map(([, label]) => label)
              .join(', ');
            return `Plan ${e.planId} revidert${changed === '' ? '' : ` (endret: ${changed})`}`;
          },
          matter: (e) => ({ planId: e.planId }),
        },
      },
    },
  } satisfies CommandSpec<RevisePlan, PlanRevised>,
  RetirePlan: {
    codec: RetirePlan,
    decider: 'plan',
    stream: planStream,
    route: { path: 'plans/:planId/retirement', summary: 'Avslutt (utfas) en plan', tag: 'planer' },
    roles: planRoles,
    events: {
      PlanRetired: {
        codec: PlanRetired,
        label: 'Plan opphevet',
        decision: {
          summary: (e) => `Plan ${e.planId} opphevet: ${e.reason}`,
          matter: (e) => ({ planId: e.planId }),
        },
      },
    },
  } satisfies CommandSpec<RetirePlan, PlanRetired>,
  RecommendBudget: {
    codec: RecommendBudget,
    decider: 'plan',
    stream: planStream,
    route: {
      path: 'plans/:planId/recommendation',
      summary:
        'Formannskapets innstilling til økonomiplan eller årsbudsjett, lagt ut til alminnelig ettersyn',
      tag: 'planer',
    },
    roles: [secretariatRole],
    events: {
      BudgetRecommended: {
        codec: BudgetRecommended,
        label: 'Innstilling til budsjett lagt ut',
        decision: {
          summary: (e) =>
            `Innstilling til ${planKindLabels[e.kind].toLowerCase()} (${e.period.from} – ${e.period.to}), ` +
            `lagt ut til alminnelig ettersyn ${e.laidOutForInspectionOn}`,
          matter: (e) => ({ planId: e.planId, planKind: e.kind }),
        },
      },
    },
  } satisfies CommandSpec<RecommendBudget, BudgetRecommended>,
};
