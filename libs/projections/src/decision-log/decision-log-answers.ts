import * as t from 'io-ts';
import { globalPosition, streamRevision } from '../answers/answer-codecs';
import { authorityBasisAnswer } from '../answers/decision-answer';

/** What a recorded decision is, wherever it is listed (the Vedtakslogg, the changes between two times). */
export const recordedDecisionFields = {
  eventId: t.string,
  eventType: t.string,
  kind: t.string,
  summary: t.string,
  body: t.string,
  decidedOn: t.string,
  caseNumber: t.string,
};

/** Who recorded an event: the actor and the role they acted in. */
export const recordedByFields = { actor: t.string, role: t.string };

/** A Vedtakslogg row: the domain's entry, plus when a correction last changed it (if one did). */
export const decisionLogRowAnswer = t.intersection(
  [
    t.type({
      ...recordedDecisionFields,
      authority: authorityBasisAnswer,
      ...recordedByFields,
      effectiveAt: t.string,
      recordedAt: t.string,
      streamId: t.string,
      streamRevision,
      globalPosition,
      correlationId: t.string,
      causationId: t.string,
    }),
    t.partial({
      meeting: t.string,
      unit: t.string,
      bodyUnit: t.string,
      onBehalfOf: t.string,
      correctedAt: t.string,
      /** A decision recorded though its authority did not hold: the stated reason and the finding. */
      recordedWithoutAuthority: t.intersection([
        t.type({ reason: t.string }),
        t.partial({ finding: t.type({ code: t.string, message: t.string, messageEn: t.string }) }),
      ]),
    }),
  ],
  'DecisionLogRow',
);
export type DecisionLogRow = t.TypeOf<typeof decisionLogRowAnswer>;

export const decisionLogAnswer = t.array(decisionLogRowAnswer, 'DecisionLog');
