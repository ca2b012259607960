import type { UnitDissolved, UnitEstablished } from '../organisation/messages';
import type { PlanEvent } from '../plans/messages';
import type { PlanKind } from '../plans/plan-kinds';
import type { Period } from '../shared/dates';
import type { Portfolio } from '../portfolio/portfolios';
import type { ProjectEvent } from '../portfolio/project-messages';
import type { RiskScaleAdopted } from '../risk/messages';
import type { RiskScaleRegister } from '../risk/risk-scale';
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

export const evolveUnitRegister = (
  units: UnitRegister,
  event: UnitEstablished | UnitDissolved,
): UnitRegister => {
  const next = new Map(units);
  if (event.type === 'UnitEstablished') {
    const { unit, name, kind, parent } = event;
    next.set(unit, { unit, name, kind, ...(parent === undefined ? {} : { parent }), dissolved: false });
  } else {
    const record = units.get(event.unit);
    if (record !== undefined) next.set(event.unit, { ...record, dissolved: true });
  }
  return next;
};

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

export const evolveProjectRegister = (projects: ProjectRegister, event: ProjectEvent): ProjectRegister => {
  switch (event.type) {
    case 'ProjectRegistered': {
      const { projectId, name, portfolio, owningUnit } = event;
      return new Map(projects).set(projectId, { projectId, name, portfolio, owningUnit, closed: false });
    }
    case 'ProjectCompleted':
    case 'ProjectCancelled': {
      const record = projects.get(event.projectId);
      return record === undefined
        ? projects
        : new Map(projects).set(event.projectId, { ...record, closed: true });
    }
    default:
      return projects;
  }
};

export const evolveRiskScaleRegister = (
  scales: RiskScaleRegister,
  event: RiskScaleAdopted,
): RiskScaleRegister => {
  const { type: _type, decision: _decision, ...scale } = event;
  return new Map(scales).set(scale.scaleVersion, scale);
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

export const evolvePlanRegister = (plans: PlanRegister, event: PlanEvent): PlanRegister => {
  const record = plans.get(event.planId);
  switch (event.type) {
    case 'PlanAdopted': {
      const { planId, kind, unit, period, decision } = event;
      return new Map(plans).set(planId, {
        planId,
        kind,
        ...(unit === undefined ? {} : { unit }),
        period,
        adoptedOn: decision.decidedOn,
      });
    }
    case 'PlanRevised':
      return record === undefined || event.period === undefined
        ? plans
        : new Map(plans).set(event.planId, { ...record, period: event.period });
    case 'PlanRetired':
      return record === undefined
        ? plans
        : new Map(plans).set(event.planId, { ...record, retiredOn: event.decision.decidedOn });
    case 'BudgetRecommended':
      return plans; // an innstilling is not a plan in force
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
