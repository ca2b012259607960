// Process A of the saga test: a Nest application running the README's saga example, compiled by
// `tsc -b libs/nestjs/tsconfig.spec.json`, on the store STYRING_STORE names. Prints `ready` once started;
// stopped by its pid (SIGKILL, or SIGTERM for a graceful close).
'use strict';
require('reflect-metadata');
const path = require('node:path');
const { NestFactory } = require('@nestjs/core');

const example = path.join(
  __dirname,
  '..',
  '..',
  'dist',
  'spec',
  'libs',
  'nestjs',
  'examples',
  'high-risk-saga.example.js',
);
const { HighRiskSagaModule } = require(example);

const main = async () => {
  const app = await NestFactory.createApplicationContext(HighRiskSagaModule, {
    logger: ['log', 'warn', 'error'],
  });
  app.enableShutdownHooks();
  process.stdout.write('ready\n');
};

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
