import type { RecordedEvent } from '@styring/eventstore';
import { type GovernanceEvent, governanceEventSerde, withValueAt } from '@styring/governance';
import { AuditExportError } from './audit-export-error';
import type { AppliedCorrection } from './log-rows';

/**
 * An event as it reads after its corrections, applied in the order they were recorded (each one's `after`
 * at its field path), and decoded again so that the corrected form is a valid event of its type. The
 * domain accepted each correction against the event's schema when it was recorded, so a failure here means
 * a history this code does not understand: the export names it and stops rather than print a guess.
 */
export const correctedEvent = (
  original: GovernanceEvent,
  recorded: RecordedEvent,
  corrections: readonly AppliedCorrection[],
): GovernanceEvent => {
  const { type, ...data } = original;
  let corrected: unknown = data;
  for (const correction of corrections) {
    for (const change of correction.changes) {
      const next = withValueAt(corrected, change.field, change.after);
      if (next._tag === 'Left') {
        throw new AuditExportError(
          'invalid_event',
          `events.jsonl line ${correction.seq}: the correction of event ${recorded.eventId} sets field ` +
            `'${change.field}', which that event does not have (segment '${next.left}')`,
        );
      }
      corrected = next.right;
    }
  }
  const stored = governanceEventSerde.toStored({ ...(corrected as object), type } as GovernanceEvent);
  const decoded = governanceEventSerde.fromRecorded({ ...recorded, ...stored });
  if (decoded._tag === 'Left') {
    throw new AuditExportError(
      'invalid_event',
      `event ${recorded.eventId} (${type}) is not a valid event once corrected: ${decoded.left.reason}`,
    );
  }
  return decoded.right;
};
