import { evolveDelegationRegister } from '../authority/delegation-register';
import type { AuthorityDelegated } from '../authority/messages';
import { correctedEvent } from '../corrections/apply-changes';
import type { EventCorrected } from '../corrections/messages';
import type { PlanAdopted } from '../plans/messages';
import type { GovernanceContext } from './governance-context';
import { evolvePlanRegister } from './registers';

/**
 * The events whose corrections change what deciders see: a delegation (its scope and limit, its validity, its
 * holder) and a plan's adoption (its kind, unit, period). Kept by event id, as corrected so far, since a
 * correction names the event and its `before` is the record as already corrected.
 */
export type CorrectableEvent = AuthorityDelegated | PlanAdopted;

export const rememberCorrectable = (
  context: GovernanceContext,
  event: CorrectableEvent,
  eventId: string | undefined,
): GovernanceContext =>
  eventId === undefined
    ? context
    : { ...context, correctableEvents: new Map(context.correctableEvents).set(eventId, event) };

/**
 * Applies a correction of a delegation or a plan adoption to the registers deciders read, so a decision
 * taken after it is held to the corrected record; what happened to the record since (a revocation, a
 * retirement, a revised period) stays. Corrections of other events fix the record for readers only.
 */
export const applyCorrection = (
  context: GovernanceContext,
  correction: EventCorrected,
): GovernanceContext => {
  const original = context.correctableEvents.get(correction.correctedEventId);
  const corrected = original === undefined ? undefined : correctedEvent(original, correction.changes);
  if (original === undefined || corrected === undefined) return context;
  const correctableEvents = new Map(context.correctableEvents).set(correction.correctedEventId, corrected);
  if (corrected.type === 'AuthorityDelegated' && original.type === 'AuthorityDelegated') {
    const previous = context.delegations.get(original.delegationId);
    const without = new Map(context.delegations);
    without.delete(original.delegationId);
    const delegations = new Map(evolveDelegationRegister(without, corrected));
    const record = delegations.get(corrected.delegationId);
    if (record !== undefined && previous?.revokedFrom !== undefined) {
      delegations.set(corrected.delegationId, { ...record, revokedFrom: previous.revokedFrom });
    }
    return { ...context, correctableEvents, delegations };
  }
  if (corrected.type === 'PlanAdopted') {
    const previous = context.plans.get(corrected.planId);
    const adopted = evolvePlanRegister(context.plans, corrected).get(corrected.planId);
    if (adopted === undefined) return context;
    const periodCorrected = correction.changes.some((change) => change.field.startsWith('period'));
    const plans = new Map(context.plans).set(corrected.planId, {
      ...previous,
      ...adopted,
      ...(previous === undefined || periodCorrected ? {} : { period: previous.period }),
      ...(previous?.retiredOn === undefined ? {} : { retiredOn: previous.retiredOn }),
    });
    return { ...context, correctableEvents, plans };
  }
  return context;
};
