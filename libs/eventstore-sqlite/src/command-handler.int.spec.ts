import * as E from 'fp-ts/Either';
import {
  type CommandMetadata,
  commandHandler,
  type Decider,
  type EventSerde,
  type EventStore,
  rejection,
  type RecordedEvent,
  StreamStates,
} from '@styring/eventstore';
import { newEvent, storeWith } from '@styring/eventstore-testkit';
import { openSqliteEventStore, type SqliteEventStore } from './sqlite-event-store';
import { temporaryStoreFile } from './temporary-store-file';

// A budget line that money is added to: just enough domain to drive the real handler against the real store.
type Command = { readonly add: number };
type Event = { readonly type: 'added'; readonly amount: number };

const serde: EventSerde<Event> = {
  toStored: (event) => ({ type: event.type, schemaVersion: 1, data: { amount: event.amount } }),
  fromRecorded: (recorded) =>
    E.right({ type: 'added', amount: (recorded.data as { amount: number }).amount }),
};

const metadata: CommandMetadata = {
  commandId: 'command-1',
  actor: 'okonomisjef',
  role: 'okonomi',
  correlationId: 'request-1',
  effectiveAt: '2025-01-01',
};

const collect = async (events: AsyncIterable<RecordedEvent>) => {
  const all: RecordedEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
};

describe('the command handler on the SQLite store', () => {
  let temporary: ReturnType<typeof temporaryStoreFile>;
  let store: SqliteEventStore;
  let ids: number;
  const delays: number[] = [];

  const handlerFor = (decide: Decider<Command, Event, number>['decide'], random?: () => number) =>
    commandHandler({
      store,
      decider: { decide, evolve: (total, event) => total + event.amount, initialState: 0 },
      serde,
      newId: () => `event-${++ids}`,
      sleep: async (ms) => void delays.push(ms),
      ...(random === undefined ? {} : { random }),
    });

  const addPositive: Decider<Command, Event, number>['decide'] = (command) =>
    command.add > 0
      ? E.right([{ type: 'added', amount: command.add }])
      : E.left(rejection('budget.not_positive', 'Beløpet må være positivt.', 'The amount must be positive.'));

  beforeEach(() => {
    temporary = temporaryStoreFile();
    store = openSqliteEventStore({ file: temporary.file });
    ids = 0;
    delays.length = 0;
  });
  afterEach(async () => {
    await store.close();
    temporary.remove();
  });

  it('appends what the decider decides, with the command as cause', async () => {
    const result = await handlerFor(addPositive)('budget-1', { add: 5 }, metadata, undefined)();
    expect(result).toEqual(
      E.right({
        streamId: 'budget-1',
        events: [{ type: 'added', amount: 5 }],
        revision: 0n,
        lastPosition: 1n,
      }),
    );
    const [recorded] = await collect(store.readStream('budget-1'));
    expect(recorded).toMatchObject({ eventId: 'event-1', type: 'added', data: { amount: 5 } });
    expect(recorded?.metadata).toStrictEqual({
      actor: 'okonomisjef',
      role: 'okonomi',
      correlationId: 'request-1',
      causationId: 'command-1',
      effectiveAt: '2025-01-01',
    });
  });

  it('retries after a conflict, deciding again on the state that includes the other writer', async () => {
    const other: EventStore = openSqliteEventStore({ file: temporary.file });
    const statesSeen: number[] = [];
    const handle = handlerFor((command, state, context) => {
      statesSeen.push(state);
      // On the first attempt only, another writer appends between the handler's read and its append.
      if (statesSeen.length === 1) {
        void other.appendToStream(
          'budget-1',
          [{ ...newEvent('added', { amount: 100 }), eventId: 'theirs' }],
          {
            expectedRevision: 'any',
          },
        );
      }
      return addPositive(command, state, context);
    });
    try {
      const result = await handle('budget-1', { add: 5 }, metadata, undefined)();
      expect(E.isRight(result) && result.right.revision).toBe(1n);
      expect(statesSeen).toEqual([0, 100]);
      expect(delays).toEqual([5]);
      expect((await collect(store.readStream('budget-1'))).map((event) => event.eventId)).toEqual([
        'theirs',
        'event-2',
      ]);
    } finally {
      await other.close();
    }
  });

  it('spreads each retry over the second half of its doubled delay when given random numbers', async () => {
    const other: EventStore = openSqliteEventStore({ file: temporary.file });
    const draws = [0, 0.5, 0.75];
    let attempts = 0;
    // Another writer gets in between read and append on each of the first three attempts.
    const handle = handlerFor(
      (command, state, context) => {
        if (++attempts <= 3) {
          void other.appendToStream(
            'budget-1',
            [{ ...newEvent('added', { amount: 1 }), eventId: `theirs-${attempts}` }],
            {
              expectedRevision: 'any',
            },
          );
        }
        return addPositive(command, state, context);
      },
      () => draws.shift() ?? 0,
    );
    try {
      const result = await handle('budget-1', { add: 5 }, metadata, undefined)();
      expect(E.isRight(result) && result.right.revision).toBe(3n);
      expect(delays).toEqual([2.5, 7.5, 17.5]);
    } finally {
      await other.close();
    }
  });

  it('returns a conflict with the revision the caller saw at once, without retrying or writing', async () => {
    const handle = handlerFor(addPositive);
    await handle('budget-1', { add: 1 }, metadata, undefined)();
    await handle('budget-1', { add: 2 }, metadata, undefined)();
    const result = await handle('budget-1', { add: 3 }, metadata, undefined, { expectedRevision: 0n })();
    expect(result).toEqual(
      E.left({ _tag: 'ConcurrencyError', streamId: 'budget-1', expected: 0n, actual: 1n }),
    );
    expect(delays).toEqual([]);
    expect(await collect(store.readStream('budget-1'))).toHaveLength(2);
  });

  it('writes nothing for a rejected command', async () => {
    const result = await handlerFor(addPositive)('budget-1', { add: -3 }, metadata, undefined)();
    expect(E.isLeft(result) && result.left).toMatchObject({
      _tag: 'DomainRejection',
      code: 'budget.not_positive',
    });
    expect(await store.streamExists('budget-1')).toBe(false);
    expect(await collect(store.readAll())).toEqual([]);
  });

  it('appends nothing when the decider decides nothing', async () => {
    const handle = handlerFor(addPositive);
    await handle('budget-1', { add: 4 }, metadata, undefined)();
    const result = await handlerFor(() => E.right([]))('budget-1', { add: 4 }, metadata, undefined)();
    expect(result).toEqual(E.right({ streamId: 'budget-1', events: [], revision: 0n }));
    expect(await collect(store.readAll())).toHaveLength(1);
  });

  it('with stream states, reads only what was appended since, also by another handle, and decides the same', async () => {
    const states = new StreamStates<number>();
    const reads: (bigint | undefined)[] = [];
    const counting = storeWith<EventStore>(store, {
      readStream: (streamId, options) => {
        reads.push(options?.from);
        return store.readStream(streamId, options);
      },
    });
    // The running total must reach the decider: it refuses to pass 20.
    const capped: Decider<Command, Event, number>['decide'] = (command, total) =>
      total + command.add > 20
        ? E.left(rejection('budget.over', 'Over rammen.', 'Over the budget.'))
        : E.right([{ type: 'added', amount: command.add }]);
    const handle = commandHandler({
      store: counting,
      decider: { decide: capped, evolve: (total, event) => total + event.amount, initialState: 0 },
      serde,
      newId: () => `event-${++ids}`,
      states,
    });
    expect(E.isRight(await handle('budget-1', { add: 5 }, metadata, undefined)())).toBe(true);
    expect(E.isRight(await handle('budget-1', { add: 5 }, metadata, undefined)())).toBe(true);
    const other = openSqliteEventStore({ file: temporary.file });
    try {
      await other.appendToStream('budget-1', [{ ...newEvent('added'), data: { amount: 7 } }], {
        expectedRevision: 1n,
      });
    } finally {
      await other.close();
    }
    // 5 + 5 + 7 = 17: adding 4 passes 20 only if the other handle's 7 was read.
    const refused = await handle('budget-1', { add: 4 }, metadata, undefined)();
    expect(E.isLeft(refused) && refused.left._tag).toBe('DomainRejection');
    expect(E.isRight(await handle('budget-1', { add: 3 }, metadata, undefined)())).toBe(true);
    expect(reads).toEqual([undefined, 1n, 2n, 3n]);
    expect(states.get('budget-1')).toEqual({ revision: 3n, state: 20 });
  });
});
