import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { correlationIdFor } from './correlation-id';

/**
 * One JSON line per request, carrying the correlation id. The id is also echoed in `X-Correlation-Id` and
 * kept as `req.id`, from where it goes into the metadata of every event the request appends.
 */
export const httpLogger = (logger: Logger) =>
  pinoHttp({
    logger,
    genReqId: (request: IncomingMessage, response: ServerResponse) => {
      const id = correlationIdFor(request);
      response.setHeader('X-Correlation-Id', id);
      return id;
    },
    customProps: (request: IncomingMessage & { id?: unknown }) => ({ correlationId: request.id }),
    // Tokens never reach the log.
    redact: ['req.headers.authorization'],
    customLogLevel: (_request, response, error) =>
      error !== undefined || response.statusCode >= 500 ? 'error' : 'info',
  });
