import * as E from 'fp-ts/Either';
import type * as t from 'io-ts';
import { eventCodecs, type GovernanceEvent, type GovernanceEventType } from './governance-event';
import { compileCodec, invalid } from './shared/compile-codec';

/** The event codecs compiled once: stored events are decoded on the hot path of every rebuild and export. */
const compiledDecoders = Object.fromEntries(
  Object.entries(eventCodecs).map(([type, codec]) => [type, compileCodec(codec)]),
) as Readonly<Record<GovernanceEventType, (u: unknown) => unknown>>;

/**
 * Decodes a stored event (already upcast, with its `type`) as strictly as its io-ts codec, through the
 * compiled decoder; io-ts itself runs only on a refusal, to name the bad field.
 */
export const decodeStoredEvent = (
  type: GovernanceEventType,
  candidate: object,
): E.Either<t.Errors, GovernanceEvent> => {
  const decoded = compiledDecoders[type](candidate);
  return decoded === invalid
    ? (eventCodecs[type].decode(candidate) as E.Either<t.Errors, GovernanceEvent>)
    : E.right(decoded as GovernanceEvent);
};
