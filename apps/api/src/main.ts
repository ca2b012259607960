import 'reflect-metadata';
import type { Logger } from 'pino';
import { demoRecordingClock, maskStoreUrl, type OpenedStore, openStore, seedDemo } from '@styring/app';
import { type ApiConfig, ConfigError, readApiConfig } from './config';
import { openApiPath, docsPath } from './openapi/docs';
import { serviceLogger } from './logging/service-logger';
import { sampleTokens } from './sample-tokens';
import { startApi } from './server';
import { SignInCodes } from './pages/sign-in-codes';

const isEmpty = async (store: OpenedStore) => {
  for await (const _event of store.events.readAll({ maxCount: 1 })) return false;
  return true;
};

/**
 * Writes the FICTITIOUS Lørenskog demo history into an empty store (first start with `--demo`), before
 * the service opens it: nothing else writes meanwhile, and no request sees half a demo.
 */
const seedOnFirstStart = async (config: ApiConfig, logger: Logger) => {
  // Recorded on the days the story says each step was entered, so the recorded clock has a history too.
  const recording = demoRecordingClock();
  const store = await openStore(config.store, { create: true, cwd: config.cwd, clock: recording.clock });
  try {
    if (!(await isEmpty(store))) return;
    logger.info('the store is empty: writing the demo history (fictitious data)');
    logger.info(await seedDemo(store.events, { recording }), 'demo history written');
  } finally {
    await store.close();
  }
};

/**
 * What a person starting the service needs: where to look (to stderr), with the store's password masked;
 * tokens to try it with only with the demo, whose data is fictitious – a real service prints none.
 */
const printBanner = async (config: ApiConfig, url: string, codes: SignInCodes) => {
  const lines = [
    '',
    `styring API: ${url}`,
    `  revisjonsvisning (pages):  ${url}/revisjon`,
    `  docs (OpenAPI, browsable): ${url}/${docsPath}`,
    `  OpenAPI description:       ${url}/${openApiPath}`,
    `  health:                    ${url}/health`,
    `  store:                     ${maskStoreUrl(config.store)}`,
  ];
  if (config.auth.mode === 'local' && config.seedDemo) {
    lines.push('', 'Sample tokens (12 h; mint more with `styring tokens issue --role … --unit … --sub …`):');
    const samples = await sampleTokens(config.dataDir);
    for (const sample of samples) {
      lines.push(`  ${sample.role} (${sample.subject}):`, `    ${sample.token}`);
    }
    lines.push('', `Try: curl -H "Authorization: Bearer <token>" ${url}/api/decision-log`);
    // A one-time code, not the token: the link may end up in a browser history or a terminal scrollback.
    const revisor = samples.find((sample) => sample.role === 'revisor');
    if (revisor !== undefined) {
      lines.push(
        '',
        'Sign the demo revisor in to the revisjonsvisning with one click (one use, within 10 minutes):',
        `  ${url}/revisjon/logg-inn/kode?kode=${codes.issue(revisor.token)}`,
      );
    }
  }
  lines.push('', 'Stop with Ctrl+C: requests in flight are finished first.');
  process.stderr.write(`${lines.join('\n')}\n`);
};

const main = async () => {
  const config = readApiConfig(process.env, process.cwd(), process.argv.slice(2));
  const logger = serviceLogger(config.logLevel);
  if (config.seedDemo) await seedOnFirstStart(config, logger);
  const { app, url } = await startApi(config, { logger });
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    app.close().then(
      () => logger.info('stopped'),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exitCode = 1;
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  logger.info({ url, docs: `${url}/${docsPath}` }, 'listening');
  await printBanner(config, url, app.get(SignInCodes));
};

main().catch((error: unknown) => {
  process.stderr.write(
    `styring API could not start: ${error instanceof ConfigError ? error.message : String((error as Error).stack ?? error)}\n`,
  );
  process.exitCode = 1;
});
