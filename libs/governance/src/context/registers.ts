import type { UnitDissolved, UnitEstablished } from '../organisation/messages';
import type { PlanEvent } from '../plans/messages';
import type { PlanKind } from '../plans/plan-kinds';
import type { Period } from '../shared/dates';
import type { Portfolio } from '../portfolio/portfolios';
import type { ProjectEvent } from '../portfolio/project-messages';
import type { RiskScaleAdopted } from '../risk/messages';
import type { RiskScale } from '../risk/risk-scale';
import type { RegisterChange } from './context-draft';
import type { UnitKind } from '../shared/units';

/** A unit of the organization, as other streams need to know it. */
export interface UnitRecord {
  readonly unit: string;
  readonly name: string;
  readonly kind: UnitKind;
  readonly parent?: string;
  readonly dissolved: boolean;
}
export type UnitRegister = ReadonlyMap<string, UnitRecord>;

/** What a unit event changes in the register. */
export const unitChange = (
  units: UnitRegister,
  event: UnitEstablished | UnitDissolved,
): RegisterChange<string, UnitRecord> => {
  if (event.type === 'UnitEstablished') {
    const { unit, name, kind, parent } = event;
    return [unit, { unit, name, kind, ...(parent === undefined ? {} : { parent }), dissolved: false }];
  }
  const record = units.get(event.unit);
  return record === undefined ? undefined : [event.unit, { ...record, dissolved: true }];
};

/** The register with one change made, as a new map: the register given is left as it is. */
export const withChange = <K, V>(
  register: ReadonlyMap<K, V>,
  change: RegisterChange<K, V>,
): ReadonlyMap<K, V> => (change === undefined ? register : new Map(register).set(change[0], change[1]));

export const evolveUnitRegister = (
  units: UnitRegister,
  event: UnitEstablished | UnitDissolved,
): UnitRegister => withChange(units, unitChange(units, event));

/** A registered project, as a prioritization round needs to know it. */
export interface ProjectRecord {
  readonly projectId: string;
  readonly name: string;
  readonly portfolio: Portfolio;
  readonly owningUnit: string;
  /** Completed or cancelled: no longer prioritized. */
  readonly closed: boolean;
}
export type ProjectRegister = ReadonlyMap<string, ProjectRecord>;

/** What a project event changes in the register (only registering and closing do). */
export const projectChange = (
  projects: ProjectRegister,
  event: ProjectEvent,
): RegisterChange<string, ProjectRecord> => {
  switch (event.type) {
    case 'ProjectRegistered': {
      const { projectId, name, portfolio, owningUnit } = event;
      return [projectId, { projectId, name, portfolio, owningUnit, closed: false }];
    }
    case 'ProjectCompleted':
    case 'ProjectCancelled': {
      const record = projects.get(event.projectId);
      return record === undefined ? undefined : [event.projectId, { ...record, closed: true }];
    }
    default:
      return undefined;
  }
};

export const riskScaleChange = (event: RiskScaleAdopted): RegisterChange<number, RiskScale> => {
  const { type: _type, decision: _decision, ...scale } = event;
  return [scale.scaleVersion, scale];
};

/** An adopted plan, as a plan that names it as a parent needs to know it. */
export interface PlanRecord {
  readonly planId: string;
  readonly kind: PlanKind;
  readonly unit?: string;
  readonly period: Period;
  readonly adoptedOn: string;
  readonly retiredOn?: string;
}
export type PlanRegister = ReadonlyMap<string, PlanRecord>;

/** What a plan event changes in the register. */
export const planChange = (plans: PlanRegister, event: PlanEvent): RegisterChange<string, PlanRecord> => {
  const record = plans.get(event.planId);
  switch (event.type) {
    case 'PlanAdopted': {
      const { planId, kind, unit, period, decision } = event;
      return [
        planId,
        { planId, kind, ...(unit === undefined ? {} : { unit }), period, adoptedOn: decision.decidedOn },
      ];
    }
    case 'PlanRevised':
      return record === undefined || event.period === undefined
        ? undefined
        : [event.planId, { ...record, period: event.period }];
    case 'PlanRetired':
      return record === undefined
        ? undefined
        : [event.planId, { ...record, retiredOn: event.decision.decidedOn }];
    case 'BudgetRecommended':
      return undefined; // an innstilling is not a plan in force
  }
};

/** In force on `date`: adopted by then, not retired by then, and its period not over before it. */
export const isPlanInForce = (plan: PlanRecord, date: string): boolean =>
  plan.adoptedOn <= date && (plan.retiredOn === undefined || date < plan.retiredOn) && date <= plan.period.to;

/** The units from `unit` up to the top of the tree, `unit` first (a unit's sector is among them). */
export const unitLineage = (units: UnitRegister, unit: string): string[] => {
  const line: string[] = [];
  for (let current: string | undefined = unit; current !== undefined && !line.includes(current);) {
    line.push(current);
    current = units.get(current)?.parent;
  }
  return line;
};
