import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import 'reflect-metadata';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { type Caller, type OpenedStore, readRefusedAttempts } from '@styring/app';
import { registerCompany } from '@styring/app/testing';
import type { RecordedEvent } from '@styring/eventstore';
import { STYRING_STORE } from '../options';
import { StyringModule } from '../styring.module';
import { StyringCommand } from './styring-command';

const direktor: Caller = { actor: 'dir-teknisk', role: 'direktor', unit: 'teknisk-sektor' };
const kommunedirektor: Caller = { actor: 'kd', role: 'kommunedirektor', unit: 'kommunedirektoren' };

// The same case over HTTP (apps/api/src/http/command-roles.int.spec.ts, 403) and in the CLI
// (test/cli/command-roles.e2e.spec.ts, exit 3), with the same code.
describe('the CommandBus: a command the caller’s role may not send', () => {
  let dir: string;
  let app: INestApplicationContext;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'styring-nestjs-command-roles-'));
    @Module({
      imports: [
        StyringModule.forRoot({
          store: `sqlite:${path.join(dir, 'styring.db')}`,
          createStore: true,
          subscriberName: 'spec',
          publishEvents: false,
        }),
      ],
    })
    class TestModule {}
    app = await NestFactory.createApplicationContext(TestModule, { logger: false });
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const allEvents = async (): Promise<RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    for await (const event of app.get<OpenedStore>(STYRING_STORE).events.readAll()) events.push(event);
    return events;
  };

  it('refuses a direktør registering a company (caller.command_not_allowed), writing nothing and logging the attempt', async () => {
    const bus = app.get(CommandBus);
    const refused = await bus.execute(new StyringCommand(registerCompany, { caller: direktor }));
    expect(refused).toMatchObject({
      status: 'rejected',
      commandType: 'RegisterCompany',
      code: 'caller.command_not_allowed',
    });
    expect(await allEvents()).toEqual([]);
    expect(readRefusedAttempts(app.get<OpenedStore>(STYRING_STORE).openReadModelDatabase)).toEqual([
      expect.objectContaining({ actor: 'dir-teknisk', role: 'direktor', code: 'caller.command_not_allowed' }),
    ]);
    const accepted = await bus.execute(new StyringCommand(registerCompany, { caller: kommunedirektor }));
    expect(accepted).toMatchObject({ status: 'accepted' });
  });
});
