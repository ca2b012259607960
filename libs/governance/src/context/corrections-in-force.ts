import { delegationChange } from '../authority/delegation-register';
import type { AuthorityDelegated } from '../authority/messages';
import { correctedEvent } from '../corrections/apply-changes';
import type { EventCorrected } from '../corrections/messages';
import type { PlanAdopted } from '../plans/messages';
import type { ContextDraft } from './context-draft';
import { planChange } from './registers';

/**
 * The events whose corrections change what deciders see: a delegation (its scope and limit, its validity, its
 * holder) and a plan's adoption (its kind, unit, period). Kept by event id, as corrected so far, since a
 * correction names the event and its `before` is the record as already corrected.
 */
export type CorrectableEvent = AuthorityDelegated | PlanAdopted;

export const rememberCorrectable = (
  draft: ContextDraft,
  event: CorrectableEvent,
  eventId: string | undefined,
): void => {
  if (eventId !== undefined) draft.change('correctableEvents', [eventId, event]);
};

/**
 * Applies a correction of a delegation or a plan adoption to the registers deciders read, so a decision
 * taken after it is held to the corrected record; what happened to the record since (a revocation, a
 * retirement, a revised period) stays. Corrections of other events fix the record for readers only.
 */
export const applyCorrection = (draft: ContextDraft, correction: EventCorrected): void => {
  const { correctedEventId } = correction;
  const original = draft.get('correctableEvents').get(correctedEventId);
  const corrected = original === undefined ? undefined : correctedEvent(original, correction.changes);
  if (corrected?.type === 'AuthorityDelegated' && original?.type === 'AuthorityDelegated') {
    const previous = draft.get('delegations').get(original.delegationId);
    // Removed first: a correction may move the delegation to another id.
    draft.delete('delegations', original.delegationId);
    const [delegationId, record] = delegationChange(draft.get('delegations'), corrected)!;
    draft.change('correctableEvents', [correctedEventId, corrected]);
    draft.change('delegations', [
      delegationId,
      previous?.revokedFrom === undefined ? record : { ...record, revokedFrom: previous.revokedFrom },
    ]);
  } else if (corrected?.type === 'PlanAdopted') {
    const previous = draft.get('plans').get(corrected.planId);
    const [planId, adopted] = planChange(draft.get('plans'), corrected)!;
    const periodCorrected = correction.changes.some((change) => change.field.startsWith('period'));
    draft.change('correctableEvents', [correctedEventId, corrected]);
    draft.change('plans', [
      planId,
      {
        ...previous,
        ...adopted,
        ...(previous === undefined || periodCorrected ? {} : { period: previous.period }),
        ...(previous?.retiredOn === undefined ? {} : { retiredOn: previous.retiredOn }),
      },
    ]);
  }
};
