import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import 'reflect-metadata';
import { Injectable, Module, type INestApplicationContext } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import {
  CommandBus,
  EventBus,
  EventsHandler,
  type IEvent,
  type IEventHandler,
  ofType,
  QueryBus,
  Saga,
} from '@nestjs/cqrs';
import { filter, map, type Observable } from 'rxjs';
import { type OpenedStore, openProjections } from '@styring/app';
import type { RecordedEvent } from '@styring/eventstore';
import { newEvent } from '@styring/eventstore-testkit';
import { InvalidQuery } from '@styring/projections';
import { StyringCommand, StyringCommands } from './commands/styring-command';
import { storeCheckpoints } from './events/bridge-checkpoints';
import { EventBridge } from './events/event-bridge';
import { StyringEvent } from './events/styring-event';
import { StyringEvents } from './events/styring-events';
import { toBusEvent } from './events/to-bus-event';
import { STYRING_STORE } from './options';
import { readModelQueries } from './queries/read-model-queries';
import { StyringQueries } from './queries/styring-query';
import { StyringModule } from './styring.module';
import { councilDecision, eventually, secretariat, unit } from './testing/fixtures';

const repository = path.resolve(__dirname, '../../..');
const childScript = path.join(__dirname, 'testing', 'append-from-another-process.js');

type UnitEstablished = InstanceType<typeof StyringEvents.UnitEstablished>;

/** What the test handlers saw, in order. */
@Injectable()
class Seen {
  readonly units: UnitEstablished[] = [];
  readonly everything: StyringEvent[] = [];
  failures = 0;
}

@EventsHandler(StyringEvents.UnitEstablished)
class FailingHandler implements IEventHandler {
  constructor(private readonly seen: Seen) {}
  handle(): void {
    this.seen.failures += 1;
    throw new Error('this handler always fails');
  }
}

@EventsHandler(StyringEvents.UnitEstablished)
class RecordingHandler implements IEventHandler {
  constructor(private readonly seen: Seen) {}
  handle(event: UnitEstablished): void {
    this.seen.units.push(event);
  }
}

@EventsHandler(StyringEvent)
class EverythingHandler implements IEventHandler {
  constructor(private readonly seen: Seen) {}
  handle(event: StyringEvent): void {
    this.seen.everything.push(event);
  }
}

/** When a top-level unit appears (from any process), the secretariat adds its analysis section. */
@Injectable()
class AnalysisSectionSaga {
  @Saga()
  unitEstablished = (events$: Observable<IEvent>): Observable<StyringCommand> =>
    events$.pipe(
      ofType(StyringEvents.UnitEstablished),
      // Only top-level units: the saga's own sections must not start another round.
      filter((event) => event.data.parent === undefined),
      map(
        (event) =>
          new StyringCommands.EstablishUnit(unit(`${event.data.unit}-analyse`, event.data.unit), {
            caller: secretariat,
          }),
      ),
    );
}

let dir: string;
let storeUrl: string;
const contexts: INestApplicationContext[] = [];

const boot = async (providers: unknown[] = [], publishEvents = true): Promise<INestApplicationContext> => {
  @Module({
    imports: [
      StyringModule.forRoot({ store: storeUrl, createStore: true, subscriberName: 'spec', publishEvents }),
    ],
    providers: [Seen, ...(providers as never[])],
  })
  class TestModule {}
  const context = await NestFactory.createApplicationContext(TestModule, { logger: false });
  contexts.push(context);
  return context;
};

const close = async (context: INestApplicationContext) => {
  contexts.splice(contexts.indexOf(context), 1);
  await context.close();
};

const allEvents = async (context: INestApplicationContext): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = [];
  for await (const event of context.get<OpenedStore>(STYRING_STORE).events.readAll()) events.push(event);
  return events;
};

/** Runs one command in a separate process through the built application layer, as the CLI would. */
const appendFromAnotherProcess = async (command: object) => {
  const { stdout } = await promisify(execFile)(process.execPath, [
    childScript,
    storeUrl,
    JSON.stringify(command),
    // The commands are council decisions, which the secretariat enters.
    JSON.stringify({ ...secretariat, actor: 'another-process' }),
  ]);
  return JSON.parse(stdout) as { status: string };
};

beforeAll(() => {
  // The second process runs the built application layer; `tsc -b` is a no-op when it is up to date.
  execFileSync('npx', ['tsc', '-b', 'libs/app'], { cwd: repository, stdio: 'inherit' });
}, 180_000);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'styring-nestjs-'));
  storeUrl = `sqlite:${path.join(dir, 'styring.db')}`;
});

afterEach(async () => {
  for (const context of [...contexts]) await close(context);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('StyringModule', () => {
  it('runs a typed command from the CommandBus and publishes its event, with the sender as metadata', async () => {
    const app = await boot([RecordingHandler]);
    const result = await app
      .get(CommandBus)
      .execute(
        new StyringCommands.EstablishUnit(unit('styv'), { caller: { ...secretariat, correlationId: 'c-1' } }),
      );

    expect(result).toMatchObject({ status: 'accepted', streamId: 'organisation', revision: 0n });
    const seen = app.get(Seen);
    await eventually(() => seen.units.length === 1);
    const [event] = seen.units;
    expect(event).toBeInstanceOf(StyringEvents.UnitEstablished);
    expect(event?.data).toMatchObject({ unit: 'styv', kind: 'stabsavdeling' });
    expect(event?.metadata).toMatchObject({
      actor: 'test-sekretariat',
      role: 'kommunestyre-sekretariat',
      onBehalfOf: 'kommunestyret',
      correlationId: 'c-1',
    });
  });

  it('answers invalid, rejected and conflicting commands with their reason and writes nothing', async () => {
    const app = await boot();
    const bus = app.get(CommandBus);
    await bus.execute(new StyringCommands.EstablishUnit(unit('styv'), { caller: secretariat }));
    const before = await allEvents(app);

    const invalid = await bus.execute(
      new StyringCommand({ type: 'EstablishUnit', ...unit('Ikke en id') }, { caller: secretariat }),
    );
    const rejected = await bus.execute(
      new StyringCommands.EstablishUnit(unit('styv'), { caller: secretariat }),
    );
    const conflict = await bus.execute(
      new StyringCommands.EstablishUnit(unit('stra'), { caller: secretariat, expectedRevision: 7n }),
    );

    expect(invalid).toMatchObject({ status: 'invalid', errors: [expect.objectContaining({ path: 'unit' })] });
    expect(rejected).toMatchObject({ status: 'rejected', code: 'organisation.unit_exists' });
    expect(conflict).toMatchObject({ status: 'conflict', expected: 7n, actual: 0n });
    expect(await allEvents(app)).toEqual(before);
  });

  it('gives a retry with the same commandId the first outcome, and keeps a refused command in the attempt log', async () => {
    const app = await boot();
    const bus = app.get(CommandBus);
    const send = () =>
      bus.execute(new StyringCommands.EstablishUnit(unit('styv'), { caller: secretariat, commandId: 'n-1' }));
    const first = await send();
    expect(await send()).toEqual(first);
    expect(await allEvents(app)).toHaveLength(1);

    const refused = await bus.execute(
      new StyringCommands.EstablishUnit(unit('stra'), { caller: { actor: 'r', role: 'revisor' } }),
    );
    expect(refused).toMatchObject({ status: 'rejected', code: 'caller.read_only' });
    expect(await app.get<OpenedStore>(STYRING_STORE).attempts.read()).toEqual([
      expect.objectContaining({ actor: 'r', commandType: 'EstablishUnit', code: 'caller.read_only' }),
    ]);
  });

  it('keeps publishing to every other handler when one handler throws', async () => {
    const app = await boot([FailingHandler, RecordingHandler, EverythingHandler]);
    const bus = app.get(CommandBus);
    for (const id of ['styv', 'stra', 'teknisk-sektor']) {
      await bus.execute(new StyringCommands.EstablishUnit(unit(id), { caller: secretariat }));
    }
    const seen = app.get(Seen);
    await eventually(() => seen.units.length === 3 && seen.everything.length === 3);
    expect(seen.units.map((event) => event.data.unit)).toEqual(['styv', 'stra', 'teknisk-sektor']);
    expect(seen.failures).toBe(3);
  });

  it('skips an event it cannot put on the bus, once, and goes on publishing the ones after it', async () => {
    // The bridge's own guard is all that stands between a failing conversion and a bridge that
    // resubscribes forever at the same event: @nestjs/cqrs never sees this one.
    const app = await boot([RecordingHandler], false);
    const store = app.get<OpenedStore>(STYRING_STORE);
    const conversions: string[] = [];
    const failingForOneType = (recorded: RecordedEvent) => {
      conversions.push(recorded.type);
      if (recorded.type === 'Unconvertible') throw new Error('cannot convert this event');
      return toBusEvent(recorded);
    };
    const checkpoints = storeCheckpoints(store);
    const bridge = new EventBridge(store.events, checkpoints, app.get(EventBus), failingForOneType, 'guard');
    await bridge.start();
    try {
      const bus = app.get(CommandBus);
      await bus.execute(new StyringCommands.EstablishUnit(unit('styv'), { caller: secretariat }));
      await store.events.appendToStream('elsewhere-1', [newEvent('Unconvertible')], {
        expectedRevision: 'no_stream',
      });
      await bus.execute(new StyringCommands.EstablishUnit(unit('stra'), { caller: secretariat }));

      const seen = app.get(Seen);
      await eventually(() => seen.units.length === 2, 5_000);
      expect(seen.units.map((event) => event.data.unit)).toEqual(['styv', 'stra']);
      expect(conversions).toEqual(['UnitEstablished', 'Unconvertible', 'UnitEstablished']);
    } finally {
      await bridge.stop();
      checkpoints.close();
    }
  });

  it('runs a saga on an event appended by another process, and the saga’s command is recorded', async () => {
    const app = await boot([AnalysisSectionSaga, RecordingHandler]);

    expect(await appendFromAnotherProcess({ type: 'EstablishUnit', ...unit('stra') })).toMatchObject({
      status: 'accepted',
    });

    const seen = app.get(Seen);
    await eventually(() => seen.units.length === 2);
    expect(seen.units.map((event) => [event.data.unit, event.metadata.actor])).toEqual([
      ['stra', 'another-process'],
      ['stra-analyse', 'test-sekretariat'],
    ]);
    expect((await allEvents(app)).map((event) => event.type)).toEqual(['UnitEstablished', 'UnitEstablished']);
  });

  it('resumes after a restart from the checkpoint in the store: nothing twice, nothing missed', async () => {
    const first = await boot([RecordingHandler]);
    await first
      .get(CommandBus)
      .execute(new StyringCommands.EstablishUnit(unit('styv'), { caller: secretariat }));
    await eventually(() => first.get(Seen).units.length === 1);
    await close(first);

    await appendFromAnotherProcess({ type: 'EstablishUnit', ...unit('stra') });

    const second = await boot([RecordingHandler]);
    const seen = second.get(Seen);
    await eventually(() => seen.units.length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen.units.map((event) => event.data.unit)).toEqual(['stra']);
  });

  it('takes its options from a factory with injected configuration (forRootAsync)', async () => {
    @Module({
      imports: [
        ConfigModule.forRoot({ ignoreEnvFile: true, load: [() => ({ STYRING_STORE: storeUrl })] }),
        StyringModule.forRootAsync({
          imports: [ConfigModule],
          inject: [ConfigService],
          useFactory: (config: ConfigService) => ({
            store: config.getOrThrow<string>('STYRING_STORE'),
            createStore: true,
          }),
        }),
      ],
      providers: [Seen, RecordingHandler],
    })
    class AsyncModule {}
    const app = await NestFactory.createApplicationContext(AsyncModule, { logger: false });
    contexts.push(app);
    await app
      .get(CommandBus)
      .execute(new StyringCommands.EstablishUnit(unit('styv'), { caller: secretariat }));
    await eventually(() => app.get(Seen).units.length === 1);
    expect(app.get<OpenedStore>(STYRING_STORE).location).toEqual({
      kind: 'sqlite',
      file: path.join(dir, 'styring.db'),
    });
  });

  it('answers every read model on the QueryBus, up to date with the commands before it', async () => {
    const app = await boot();
    const readModels = openProjections(app.get<OpenedStore>(STYRING_STORE));
    const covered = new Set(Object.values(readModelQueries).map((query) => query.readModel));
    expect([...covered].sort()).toEqual([...readModels.names].sort());
    await readModels.close();

    await app
      .get(CommandBus)
      .execute(new StyringCommands.EstablishUnit(unit('styv'), { caller: secretariat }));
    const log = await app.get(QueryBus).execute(new StyringQueries.DecisionLog());
    expect(log.map((row) => [row.eventType, row.body, row.caseNumber])).toEqual([
      ['UnitEstablished', 'kommunestyret', '2024/100'],
    ]);
  });

  it('answers queries sent together, each up to date with the command before it', async () => {
    const app = await boot();
    const [commands, queries] = [app.get(CommandBus), app.get(QueryBus)];
    const caseNumbers = ['2024/101', '2024/102', '2024/103', '2024/104'];
    const seen = await Promise.all(
      caseNumbers.map(async (caseNumber, index) => {
        const fields = { ...unit(`enhet-${index}`), decision: councilDecision('2024-01-10', caseNumber) };
        await commands.execute(new StyringCommands.EstablishUnit(fields, { caller: secretariat }));
        const log = await queries.execute(new StyringQueries.DecisionLog());
        return log.some((row) => row.caseNumber === caseNumber);
      }),
    );
    expect(seen).toEqual([true, true, true, true]);
    expect(await queries.execute(new StyringQueries.DecisionLog())).toHaveLength(4);
  });

  it('answers as of a date on both clocks: in force then as known now, or as the system knew it then, and refuses an unknown kind', async () => {
    const app = await boot();
    // Decided on 2024-01-10, recorded today: in effect on 2024-06-01, but not yet known to the system then.
    await app
      .get(CommandBus)
      .execute(new StyringCommands.EstablishUnit(unit('styv'), { caller: secretariat }));
    const queries = app.get(QueryBus);
    const effective = await queries.execute(
      new StyringQueries.DecisionLog({ asOf: '2024-06-01', clock: 'effective' }),
    );
    const recorded = await queries.execute(
      new StyringQueries.DecisionLog({ asOf: '2024-06-01', clock: 'recorded' }),
    );
    const before = await queries.execute(new StyringQueries.DecisionLog({ asOf: '2024-01-09' }));
    expect([effective.length, recorded.length, before.length]).toEqual([1, 0, 0]);
    // Both clocks at once: in force on 2024-06-01, as known then and as known now.
    const knownThen = await queries.execute(
      new StyringQueries.DecisionLog({ asOf: '2024-06-01', knownAt: '2024-06-01' }),
    );
    const knownNow = await queries.execute(
      new StyringQueries.DecisionLog({ asOf: '2024-06-01', knownAt: new Date().toISOString() }),
    );
    expect([knownThen.length, knownNow]).toEqual([0, effective]);
    await expect(queries.execute(new StyringQueries.DecisionLog({ kind: 'Enhet oppretta' }))).rejects.toThrow(
      "kind: 'Enhet oppretta' is not one of 'UnitEstablished'",
    );
    await expect(queries.execute(new StyringQueries.DecisionLog({ asOf: 'i går' }))).rejects.toBeInstanceOf(
      InvalidQuery,
    );
  });
});
