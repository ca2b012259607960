import type { ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type Logger, pino } from 'pino';
import { ApiModule } from './api.module';
import { createTokenVerifier, ensureLocalKeyPair, localVerification } from '@styring/app';
import type { ApiConfig } from './config';
import { StoreHealth } from './http/store-health';
import { httpLogger } from './logging/http-logger';
import { PinoNestLogger } from './logging/nest-logger';
import { setUpDocs } from './openapi/docs';

export interface RunningApi {
  readonly app: INestApplication;
  /** `http://127.0.0.1:<port>`, with the port actually bound (also when the config said 0). */
  readonly url: string;
  readonly logger: Logger;
}

/** JSON would refuse bigints (revisions, positions): they go out as numbers, or strings past 2^53. */
const jsonReplacer = (_key: string, value: unknown) =>
  typeof value !== 'bigint'
    ? value
    : value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : String(value);

export interface StartOptions {
  readonly logger?: Logger;
}

/** Builds and starts the service; the caller decides when to close it. */
export const startApi = async (config: ApiConfig, options: StartOptions = {}): Promise<RunningApi> => {
  const logger = options.logger ?? pino({ level: config.logLevel });
  const verifier = createTokenVerifier({
    ...(config.auth.mode === 'external'
      ? config.auth.verification
      : localVerification(
          ensureLocalKeyPair(config.dataDir).publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        )),
    maxLifetimeSeconds: config.maxTokenLifetime,
  });
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.create(config, verifier), {
    logger: new PinoNestLogger(logger),
    // New requests during shutdown get 503 while the ones in flight finish.
    return503OnClosing: true,
    // The command controller reads the bytes again to refuse keys given twice (parseStrictJson).
    rawBody: true,
  });
  app.set('json replacer', jsonReplacer);
  // ETags here are stream revisions, set where a resource has one; express's body hashes would mislead.
  app.set('etag', false);
  app.disable('x-powered-by');
  app.use(httpLogger(logger));
  // Every answer of a read or write says whether the store works; `/health` reports it. Exports are
  // files of their own and say nothing about the store.
  const storeHealth = app.get(StoreHealth);
  app.use('/api', (request: { url: string }, response: ServerResponse, next: () => void) => {
    if (!request.url.startsWith('/exports'))
      response.on('finish', () => storeHealth.observe(response.statusCode));
    next();
  });
  setUpDocs(app);
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://${config.host}:${address.port}`, logger };
};
