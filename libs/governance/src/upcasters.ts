import type { GovernanceEventType } from './governance-event';

/** Turns an event's stored data of one schema version into the data of the next version. */
export type Upcaster = (data: Readonly<Record<string, unknown>>) => Record<string, unknown>;

/**
 * The upcasters, by event type and the version they read (each lifts one version). A stored event is
 * lifted step by step to the current version before it is decoded.
 */
export const upcasters: Partial<Record<GovernanceEventType, Readonly<Record<number, Upcaster>>>> = {
  /** Version 1 had one optional `parentPlanId`; a plan may follow several parents (a temaplan under the samfunnsdel and a kommunedelplan), so version 2 has the list `parentPlans`. */
  PlanAdopted: {
    1: ({ parentPlanId, ...rest }) => ({
      ...rest,
      parentPlans: typeof parentPlanId === 'string' ? [parentPlanId] : [],
    }),
  },
};
