import * as t from 'io-ts';
import { refinedString } from '../shared/expectation';
import { nonEmptyList } from '../shared/lists';
import { commandNames } from '../shared/command-names';
import { message } from '../shared/message';
import { struct } from '../shared/struct';
import { Text } from '../shared/text';

/** An event id as the store gave it (a UUID or similar). */
export const EventId = refinedString('EventId', (s) => /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/.test(s), {
  nb: 'må være en hendelses-id',
  en: 'must be an event id',
});

/** The dotted path of a field in an event's data, as the change log shows it: `period.to`, `goals.0.text`. */
export const FieldPath = refinedString('FieldPath', (s) => /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(s), {
  nb: 'må være en feltsti som period.to',
  en: 'must be a field path such as period.to',
});

/** One corrected field: its value before (absent when it had none) and after (absent when removed). */
export const FieldChange = struct(
  'FieldChange',
  { field: FieldPath },
  { before: t.unknown, after: t.unknown },
);
export type FieldChange = t.TypeOf<typeof FieldChange>;

const correction = { correctedEventId: EventId, changes: nonEmptyList(FieldChange), reason: Text };

/** Correct fields of an earlier event. The event itself stays as it was; this one says what was wrong. */
export const CorrectEvent = message('CorrectEvent', correction);
export type CorrectEvent = t.TypeOf<typeof CorrectEvent>;
/** `correctedEventType` and `correctedStreamId` are copied from the corrected event, for readers. */
export const EventCorrected = message('EventCorrected', {
  ...correction,
  correctedEventType: Text,
  correctedStreamId: Text,
});
export type EventCorrected = t.TypeOf<typeof EventCorrected>;

/** This area's commands, by name: their part of the recorded vocabulary (`command-types.ts`). */
export const correctionCommandNames = commandNames(CorrectEvent);
