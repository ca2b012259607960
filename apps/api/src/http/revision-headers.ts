import { positionOf } from '@styring/read-routes';
import { BadRequestException } from '@nestjs/common';
import type { CurrentRevision, ExpectedRevision } from '@styring/eventstore';

/** A stream-backed resource's ETag is its stream revision: `"5"` after the stream's sixth event. */
export const etagOf = (revision: CurrentRevision): string | undefined =>
  revision === undefined ? undefined : `"${revision}"`;

/**
 * The revision a writer saw, from its conditional headers:
 * `If-Match: "5"` – the stream must still be at revision 5; `If-Match: *` – it must exist;
 * `If-None-Match: *` – it must not exist yet. Without them the write is unconditional.
 */
export const expectedRevisionFrom = (
  ifMatch: string | undefined,
  ifNoneMatch: string | undefined,
): ExpectedRevision | undefined => {
  if (ifMatch !== undefined && ifNoneMatch !== undefined) {
    throw invalidHeader(
      'if-match',
      'send If-Match eller If-None-Match, ikke begge',
      'send If-Match or If-None-Match, not both',
    );
  }
  if (ifNoneMatch !== undefined) {
    if (ifNoneMatch.trim() !== '*')
      throw invalidHeader(
        'if-none-match',
        "bare '*' (strømmen må ikke finnes)",
        "only '*' (the stream must not exist)",
      );
    return 'no_stream';
  }
  if (ifMatch === undefined) return undefined;
  const value = ifMatch.trim();
  if (value === '*') return 'stream_exists';
  const quoted = /^"(\d+)"$/.exec(value)?.[1];
  const revision = quoted === undefined ? undefined : positionOf(quoted);
  if (revision === undefined) {
    throw invalidHeader(
      'if-match',
      `'${ifMatch}' er ikke én ETag fra denne tjenesten, f.eks. "5", eller *`,
      `'${ifMatch}' is not one ETag from this service, e.g. "5", or *`,
    );
  }
  return revision;
};

/** Like every 400 of the service: the field's path, why in bokmål (`message`) and in English (`messageEn`). */
const invalidHeader = (header: string, why: string, whyEn: string) =>
  new BadRequestException({
    error: 'invalid',
    message: `Ugyldig ${header}-felt.`,
    messageEn: `invalid ${header} header: ${whyEn}`,
    errors: [{ path: `headers.${header}`, message: why, messageEn: whyEn }],
  });
