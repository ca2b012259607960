import * as t from 'io-ts';
import { globalPosition } from '../answers/answer-codecs';

/** One corrected field of an earlier event: what, when, who, old value and new value. */
export const changeLogEntryAnswer = t.intersection(
  [
    t.type({
      eventId: t.string,
      correctedEventId: t.string,
      field: t.string,
      reason: t.string,
      actor: t.string,
      role: t.string,
      effectiveAt: t.string,
      recordedAt: t.string,
      globalPosition,
    }),
    // A value is absent where the field had none (added or removed by the correction).
    t.partial({
      correctedEventType: t.string,
      correctedStreamId: t.string,
      oldValue: t.unknown,
      newValue: t.unknown,
    }),
  ],
  'ChangeLogEntry',
);
/** A corrected field as the change log answers it (the domain's `ChangeLogEntry`, as read back). */
export type ChangeLogRow = t.TypeOf<typeof changeLogEntryAnswer>;

export const changeLogAnswer = t.array(changeLogEntryAnswer, 'ChangeLog');
