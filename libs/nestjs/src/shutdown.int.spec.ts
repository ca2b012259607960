import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { type OpenedStore, openStore } from '@styring/app';
import { describeWithPostgres, holdAppends } from '@styring/eventstore-postgres/testing';
import { StyringCommands } from './commands/styring-command';
import { StyringModule } from './styring.module';
import { secretariat, unit } from './testing/fixtures';

// An append on PostgreSQL waits for the server with the event loop free, so shutdown can overtake it:
// only the module's drain (InFlight) keeps close() from finishing first.
describeWithPostgres('StyringModule shutdown', (cluster) => {
  let dir: string;
  let store: OpenedStore;
  let connectionString: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'styring-nestjs-shutdown-'));
    connectionString = await cluster().createDatabase('shutdown');
    store = await openStore(connectionString, { cwd: dir });
  });
  afterAll(async () => {
    await store?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('finishes a command in flight before close() returns, and its event is stored', async () => {
    @Module({ imports: [StyringModule.forRoot({ store, publishEvents: false })] })
    class ShutdownModule {}
    const app = await NestFactory.createApplicationContext(ShutdownModule, { logger: false });
    const lock = await holdAppends(connectionString);
    const order: string[] = [];
    const command = app
      .get(CommandBus)
      .execute(new StyringCommands.EstablishUnit(unit('styv'), { caller: secretariat }))
      .then((result: unknown) => (order.push('command answered'), result));
    // The command has read what it needs and its append waits for the lock: it is in flight.
    await lock.untilAnAppendWaits();

    const closed = app.close().then(() => order.push('closed'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(order).toEqual([]);
    await lock.release();

    expect(await command).toMatchObject({ status: 'accepted', streamId: 'organisation' });
    await closed;
    expect(order).toEqual(['command answered', 'closed']);
    const stored: string[] = [];
    for await (const event of store.events.readStream('organisation')) stored.push(event.type);
    expect(stored).toEqual(['UnitEstablished']);
  });
});
