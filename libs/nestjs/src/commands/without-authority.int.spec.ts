import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import 'reflect-metadata';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { type Caller, type OpenedStore, readRefusedAttempts } from '@styring/app';
import { adoptPlanWithoutAuthority, withoutAuthorityReason as reason } from '@styring/app/testing';
import type { RecordedEvent } from '@styring/eventstore';
import { STYRING_STORE } from '../options';
import { StyringModule } from '../styring.module';
import { StyringCommand } from './styring-command';

const styv: Caller = { actor: 'internkontroll-1', role: 'styv', unit: 'styv' };
const kommunedirektor: Caller = { actor: 'kd', role: 'kommunedirektor', unit: 'kommunedirektoren' };
const command = (caller: Caller) => new StyringCommand(adoptPlanWithoutAuthority({ reason }), { caller });

describe('the CommandBus: a decision recorded without authority', () => {
  let dir: string;
  let app: INestApplicationContext;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'styring-nestjs-without-authority-'));
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
  afterEach(async () => {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const allEvents = async (): Promise<RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    for await (const event of app.get<OpenedStore>(STYRING_STORE).events.readAll()) events.push(event);
    return events;
  };

  it('refuses a caller without the privilege, writing nothing and logging the attempt', async () => {
    const result = await app.get(CommandBus).execute(command(kommunedirektor));
    expect(result).toMatchObject({ status: 'rejected', code: 'caller.without_authority_not_allowed' });
    expect(await allEvents()).toEqual([]);
    expect(readRefusedAttempts(app.get<OpenedStore>(STYRING_STORE).openReadModelDatabase)).toEqual([
      expect.objectContaining({ actor: 'kd', code: 'caller.without_authority_not_allowed' }),
    ]);
  });

  it('records it for STYV, the event carrying the finding and the reason', async () => {
    const result = await app.get(CommandBus).execute(command(styv));
    expect(result).toMatchObject({ status: 'accepted' });
    const [event] = await allEvents();
    expect(event?.data).toMatchObject({
      decision: { recordedWithoutAuthority: { reason, finding: { code: 'authority.delegation_required' } } },
    });
    expect(event?.metadata).toMatchObject({ actor: 'internkontroll-1', role: 'styv' });
  });
});
