import * as t from 'io-ts';

/** The kinds of plan in the plan hierarchy (DOMAIN.md, «Plans»), from planstrategi down to virksomhetsplan. */
export const PlanKind = t.keyof(
  {
    planstrategi: null,
    'kommuneplan-samfunnsdel': null,
    'kommuneplan-arealdel': null,
    kommunedelplan: null,
    temaplan: null,
    strategi: null,
    handlingsplan: null,
    okonomiplan: null,
    arsbudsjett: null,
    reguleringsplan: null,
    styringsbrev: null,
    virksomhetsplan: null,
    'plan-forvaltningsrevisjon': null,
    'plan-eierskapskontroll': null,
  },
  'PlanKind',
);
export type PlanKind = t.TypeOf<typeof PlanKind>;

export const planKindLabels: Readonly<Record<PlanKind, string>> = {
  planstrategi: 'Kommunal planstrategi',
  'kommuneplan-samfunnsdel': 'Kommuneplanens samfunnsdel',
  'kommuneplan-arealdel': 'Kommuneplanens arealdel',
  kommunedelplan: 'Kommunedelplan',
  temaplan: 'Temaplan',
  strategi: 'Strategi',
  handlingsplan: 'Handlingsplan',
  okonomiplan: 'Økonomiplan',
  arsbudsjett: 'Årsbudsjett',
  reguleringsplan: 'Reguleringsplan',
  styringsbrev: 'Styringsbrev',
  virksomhetsplan: 'Virksomhetsplan',
  'plan-forvaltningsrevisjon': 'Plan for forvaltningsrevisjon',
  'plan-eierskapskontroll': 'Plan for eierskapskontroll',
};

/** Økonomiplan and årsbudsjett: the council adopts them itself and may not delegate them (kommuneloven § 14-2). */
export const budgetPlanKinds: readonly PlanKind[] = ['okonomiplan', 'arsbudsjett'];

/** The kinds formannskapet gives its innstilling to (§ 14-3 third paragraph). */
export const BudgetPlanKind = t.keyof({ okonomiplan: null, arsbudsjett: null }, 'BudgetPlanKind');
export type BudgetPlanKind = t.TypeOf<typeof BudgetPlanKind>;

/**
 * Where the line in the plan hierarchy falls: every plan above it is adopted politically, by kommunestyret
 * («Alle planene over streken vedtas politisk, mens planene under streken er administrative verktøy»).
 * Below it are the administration's tools: the kommunedirektør's styringsbrev and the yearly virksomhetsplaner.
 */
export const administrativePlanKinds: readonly PlanKind[] = ['styringsbrev', 'virksomhetsplan'];

export const isPoliticalPlanKind = (kind: PlanKind): boolean => !administrativePlanKinds.includes(kind);

/**
 * The control committee's plans (kommuneloven §§ 23-3, 23-4): kommunestyret adopts them itself; kontrollutvalget
 * prepares them and changes them during the plan period.
 */
export const controlPlanKinds: readonly PlanKind[] = ['plan-forvaltningsrevisjon', 'plan-eierskapskontroll'];
