// A Nest application with the StyringModule on the store STYRING_STORE names, as a service instance would
// run it: prints `ready` once started, then one JSON line per event its EventBus carries. Stopped by its pid.
'use strict';
require('reflect-metadata');
const { NestFactory } = require('@nestjs/core');
const { EventBus } = require('@nestjs/cqrs');
const { StyringModule } = require('@styring/nestjs');

const main = async () => {
  const app = await NestFactory.createApplicationContext(
    StyringModule.forRoot({ store: process.env.STYRING_STORE }),
    { logger: ['warn', 'error'] },
  );
  app.enableShutdownHooks();
  app.get(EventBus).subscribe((event) => {
    process.stdout.write(
      `${JSON.stringify({ eventId: event.eventId, position: String(event.globalPosition) })}\n`,
    );
  });
  process.stdout.write('ready\n');
};

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
