import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isCorrelationId } from '@styring/app';

export const correlationHeader = 'x-correlation-id';

/** A caller's correlation id is kept when `isCorrelationId` allows it; anything else gets a new one. */
export const correlationIdFor = (request: IncomingMessage): string => {
  const given = request.headers[correlationHeader];
  const value = Array.isArray(given) ? given[0] : given;
  return value !== undefined && isCorrelationId(value) ? value : randomUUID();
};
