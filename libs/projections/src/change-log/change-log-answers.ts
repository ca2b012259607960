import * as t from 'io-ts';
import { globalPosition } from '../answers/answer-codecs';
import { recordedByFields } from '../decision-log/decision-log-answers';

/** A corrected field, wherever it is listed (the change log, the changes between two times): what, why, who. */
export const correctedFieldFields = {
  eventId: t.string,
  correctedEventId: t.string,
  field: t.string,
  reason: t.string,
  ...recordedByFields,
};

/** The event a correction changed, where it is known. */
export const correctedEventFields = { correctedEventType: t.string, correctedStreamId: t.string };

/** One corrected field of an earlier event: what, when, who, old value and new value. */
export const changeLogEntryAnswer = t.intersection(
  [
    t.type({ ...correctedFieldFields, effectiveAt: t.string, recordedAt: t.string, globalPosition }),
    // A value is absent where the field had none (added or removed by the correction).
    t.partial({
      ...correctedEventFields,
      oldValue: t.unknown,
      newValue: t.unknown,
    }),
  ],
  'ChangeLogEntry',
);
/** A corrected field as the change log answers it (the domain's `ChangeLogEntry`, as read back). */
export type ChangeLogRow = t.TypeOf<typeof changeLogEntryAnswer>;

export const changeLogAnswer = t.array(changeLogEntryAnswer, 'ChangeLog');
