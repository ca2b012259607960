import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const correlationHeader = 'x-correlation-id';

/** A caller's correlation id is kept when it is short printable text; anything else gets a new one. */
export const correlationIdFor = (request: IncomingMessage): string => {
  const given = request.headers[correlationHeader];
  const value = Array.isArray(given) ? given[0] : given;
  return value !== undefined && /^[\x21-\x7e]{1,128}$/.test(value) ? value : randomUUID();
};
