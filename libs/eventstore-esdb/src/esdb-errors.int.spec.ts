import { closedPort, failureOf, newEvent, newEvents } from '@styring/eventstore-testkit';
import { openEsdbEventStore } from './esdb-event-store';
import { startEsdbStandIn } from './testing/esdb-standin/standin-server';

describe('EventStoreDB adapter errors (against the wire-level stand-in)', () => {
  it("says 'unavailable', naming host and port but not the password, when no server listens", async () => {
    const port = await closedPort();
    const failure = await failureOf(
      openEsdbEventStore({ connectionString: `esdb://admin:s3cret-pw@127.0.0.1:${port}?tls=false` }),
    );
    expect(failure.code).toBe('unavailable');
    expect(failure.message).toContain(`EventStoreDB at 127.0.0.1:${port}`);
    expect(failure.message).not.toContain('s3cret-pw');
  });

  it("says 'unavailable' when the server goes away while the store is in use", async () => {
    const standIn = await startEsdbStandIn();
    const store = await openEsdbEventStore({ connectionString: standIn.connectionString });
    try {
      await store.appendToStream('s', newEvents(1), { expectedRevision: 'no_stream' });
      await standIn.stop();
      const failure = await failureOf(store.appendToStream('s', newEvents(1), { expectedRevision: 0n }));
      expect(failure.code).toBe('unavailable');
      expect(failure.message).toContain(`127.0.0.1:${standIn.port}`);
    } finally {
      await store.close();
    }
  });

  it.each([true, false])(
    "refuses an append above the server's maximum append size with 'invalid_argument' (BatchAppend: %s)",
    async (batchAppend) => {
      const standIn = await startEsdbStandIn({ batchAppend, maxAppendSize: 10_000 });
      const store = await openEsdbEventStore({ connectionString: standIn.connectionString });
      try {
        const failure = await failureOf(
          store.appendToStream('s', [newEvent('large', { text: 'x'.repeat(20_000) })], {
            expectedRevision: 'any',
          }),
        );
        expect(failure.code).toBe('invalid_argument');
        expect(await store.streamExists('s')).toBe(false);
      } finally {
        await store.close();
        await standIn.stop();
      }
    },
  );

  it.each([
    [
      'an unknown option, without repeating the password',
      'esdb://admin:s3cret-pw@127.0.0.1:2113?tls=false&tlz=true',
      'tlz',
    ],
    ['throwOnAppendFailure', 'esdb://127.0.0.1:2113?throwOnAppendFailure=false', 'throwOnAppendFailure'],
    ['something that is not a connection string', 'postgres://127.0.0.1:5432', 'esdb://'],
  ])("refuses a connection string with %s ('invalid_argument')", async (_, connectionString, named) => {
    const failure = await failureOf(openEsdbEventStore({ connectionString }));
    expect(failure.code).toBe('invalid_argument');
    expect(failure.message).toContain(named);
    expect(failure.message).not.toContain('s3cret-pw');
  });

  it("says 'closed' for every use after close()", async () => {
    const standIn = await startEsdbStandIn();
    const store = await openEsdbEventStore({ connectionString: standIn.connectionString });
    await store.close();
    await store.close();
    await standIn.stop();
    expect((await failureOf(store.appendToStream('s', newEvents(1), { expectedRevision: 'any' }))).code).toBe(
      'closed',
    );
    expect((await failureOf(store.streamExists('s'))).code).toBe('closed');
    expect(() => store.subscribeToAll()).toThrow('closed');
  });
});
