import * as t from 'io-ts';
import { eventProvenanceFields } from '../answers/provenance';

const checklistItem = t.intersection([
  t.type({ item: t.string, status: t.keyof({ ok: null, avvik: null, 'ikke-relevant': null }) }),
  t.partial({ comment: t.string }),
]);

/** One completed internkontroll checklist: what was checked, by whom, when, and the outcome. */
export const checklistEntry = t.intersection([
  t.type({
    unit: t.string,
    period: t.type({ from: t.string, to: t.string }),
    completedOn: t.string,
    items: t.array(checklistItem),
    /** How many items were answered ok, avvik and ikke-relevant. */
    outcome: t.type({ ok: t.number, avvik: t.number, ikkeRelevant: t.number }),
    /** Who recorded the completed checklist (the event's actor and role). */
    completedBy: t.type({ actor: t.string, role: t.string }),
    ...eventProvenanceFields,
  }),
  t.partial({ obligationId: t.string }),
]);

export const internalControlChecklistsAnswer = t.array(checklistEntry);
