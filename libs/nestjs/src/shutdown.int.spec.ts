import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { Client } from 'pg';
import { type OpenedStore, openStore } from '@styring/app';
import { describeWithPostgres } from '@styring/eventstore-postgres';
import { StyringCommands } from './commands/styring-command';
import { StyringModule } from './styring.module';
import { secretariat, unit } from './testing/fixtures';

/** Appends to the PostgreSQL store wait while the test holds this lock (reads do not). */
const holdAppends = async (connectionString: string) => {
  const client = new Client({ connectionString });
  await client.connect();
  await client.query('BEGIN');
  await client.query('LOCK TABLE "styring"."events" IN SHARE ROW EXCLUSIVE MODE');
  const waiting = async () =>
    (
      await client.query(
        `SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND relation = '"styring"."events"'::regclass`,
      )
    ).rows[0].n as number;
  return { waiting, release: async () => (await client.query('COMMIT'), await client.end()) };
};

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
    const deadline = Date.now() + 10_000;
    while ((await lock.waiting()) === 0 && Date.now() < deadline);
    expect(await lock.waiting()).toBe(1);

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
