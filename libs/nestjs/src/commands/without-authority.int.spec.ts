import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import 'reflect-metadata';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { type Caller, type OpenedStore } from '@styring/app';
import {
  adoptPlanWithoutAuthority,
  establishUnitWithoutAuthority,
  registerCompany,
  withoutAuthorityReason as reason,
} from '@styring/app/testing';
import type { RecordedEvent } from '@styring/eventstore';
import { STYRING_STORE } from '../options';
import { StyringModule } from '../styring.module';
import { StyringCommand } from './styring-command';

const styv: Caller = { actor: 'internkontroll-1', role: 'styv', unit: 'styv' };
const kommunedirektor: Caller = { actor: 'kd', role: 'kommunedirektor', unit: 'kommunedirektoren' };
const virksomhetsleder: Caller = { actor: 'vl', role: 'virksomhetsleder', unit: 'biblioteket' };
const direktor: Caller = { actor: 'dir-teknisk', role: 'direktor', unit: 'teknisk-sektor' };
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
    expect(await app.get<OpenedStore>(STYRING_STORE).attempts.read()).toEqual([
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

  // The same case over HTTP: apps/api/src/http/without-authority.int.spec.ts; the CLI: test/cli/without-authority.e2e.spec.ts.
  it('refuses a unit established without authority to a virksomhetsleder, and records it for STYV though its role may not otherwise send that command', async () => {
    const bus = app.get(CommandBus);
    const refused = await bus.execute(
      new StyringCommand(establishUnitWithoutAuthority({ reason }), { caller: virksomhetsleder }),
    );
    expect(refused).toMatchObject({ status: 'rejected', code: 'caller.without_authority_not_allowed' });
    expect(await allEvents()).toEqual([]);
    expect(await app.get<OpenedStore>(STYRING_STORE).attempts.read()).toEqual([
      expect.objectContaining({ actor: 'vl', code: 'caller.without_authority_not_allowed' }),
    ]);
    const result = await bus.execute(
      new StyringCommand(establishUnitWithoutAuthority({ reason }), { caller: styv }),
    );
    expect(result).toMatchObject({ status: 'accepted' });
    const [event] = await allEvents();
    expect(event).toMatchObject({
      type: 'UnitEstablished',
      data: {
        decision: {
          recordedWithoutAuthority: { reason, finding: { code: 'authority.delegation_required' } },
        },
      },
      metadata: { actor: 'internkontroll-1', role: 'styv', onBehalfOf: 'kommunedirektoren' },
    });
  });

  // The command's roles, checked in the same shared path: over HTTP (403,
  // apps/api/src/http/without-authority.int.spec.ts) and in the CLI (exit 3, test/cli/command-roles.e2e.spec.ts)
  // with the same code.
  it('refuses a direktør registering a company (caller.command_not_allowed), writing nothing and logging the attempt', async () => {
    const bus = app.get(CommandBus);
    const refused = await bus.execute(new StyringCommand(registerCompany, { caller: direktor }));
    expect(refused).toMatchObject({
      status: 'rejected',
      commandType: 'RegisterCompany',
      code: 'caller.command_not_allowed',
    });
    expect(await allEvents()).toEqual([]);
    expect(await app.get<OpenedStore>(STYRING_STORE).attempts.read()).toEqual([
      expect.objectContaining({ actor: 'dir-teknisk', role: 'direktor', code: 'caller.command_not_allowed' }),
    ]);
    const accepted = await bus.execute(new StyringCommand(registerCompany, { caller: kommunedirektor }));
    expect(accepted).toMatchObject({ status: 'accepted' });
  });
});
