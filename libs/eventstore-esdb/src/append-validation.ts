import { EventStoreFailure, type NewEvent, validateAppend } from '@styring/eventstore';

/**
 * The port's append checks, plus EventStoreDB's own: stream names starting with '$' are its system
 * streams, which an application must never write.
 */
export const validateEsdbAppend = (
  streamId: unknown,
  events: readonly NewEvent[],
  expectedRevision: unknown,
): void => {
  if (typeof streamId === 'string' && streamId.startsWith('$')) {
    throw new EventStoreFailure(
      'invalid_argument',
      `streamId '${streamId}' starts with '$', which EventStoreDB keeps for system streams`,
    );
  }
  validateAppend(streamId, events, expectedRevision);
};
