import type { CommandSpec } from '../command-spec';
import { councilAndExecutiveRoles } from '../shared/roles';
import { streamById } from '../stream-categories';
import { CorrectEvent, EventCorrected } from './messages';

/** Corrections of earlier events, one `correction-{correctedEventId}` stream per corrected event. */
export const correctionCommands = {
  CorrectEvent: {
    codec: CorrectEvent,
    decider: 'correction',
    stream: streamById('correction', 'correctedEventId'),
    route: {
      path: 'events/:correctedEventId/corrections',
      summary: 'Korriger felter i en tidligere hendelse',
      tag: 'korrigeringer',
    },
    roles: [...councilAndExecutiveRoles, 'styv'],
    events: { EventCorrected: { codec: EventCorrected, label: 'Korrigering' } },
  } satisfies CommandSpec<CorrectEvent, EventCorrected>,
};
