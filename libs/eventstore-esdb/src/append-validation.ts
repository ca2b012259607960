import { EventStoreFailure, type NewEvent, validateAppend } from '@styring/eventstore';
import { CLAIM_STREAM_PREFIX } from './event-id-claims';

/**
 * The port's append checks, plus EventStoreDB's own: stream names starting with '$' are its system
 * streams, which an application must never write, and the store keeps its event id claims in streams of
 * their own.
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
  if (typeof streamId === 'string' && streamId.startsWith(CLAIM_STREAM_PREFIX)) {
    throw new EventStoreFailure(
      'invalid_argument',
      `streamId '${streamId}' starts with '${CLAIM_STREAM_PREFIX}', where the store claims event ids`,
    );
  }
  validateAppend(streamId, events, expectedRevision);
};
