import { isEventStoreFailure, type NewEvent, type RecordedEvent } from '@styring/eventstore';
import { newEvents } from '@styring/eventstore-testkit';
import { openPostgresEventStore, type PostgresEventStore } from './postgres-event-store';
import { describeWithPostgres } from './testing/describe-with-postgres';

interface Attempt {
  readonly events: readonly NewEvent[];
  outcome?: { readonly revision: bigint; readonly position: bigint } | { readonly error: unknown };
}

const readEverything = async (store: PostgresEventStore) => {
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  return events;
};

describeWithPostgres('PostgreSQL server killed during a stream of appends', (cluster) => {
  it('keeps every append that succeeded, fails the others clearly, and duplicates nothing', async () => {
    const store = await openPostgresEventStore({
      connection: { connectionString: cluster().connectionString(), connectionTimeoutMillis: 2000 },
      schema: 'crash',
    });
    const attempts: Attempt[] = [];
    const append = async (attempt: Attempt) => {
      attempts.push(attempt);
      try {
        const outcome = await store.appendToStream('stream-of-appends', attempt.events, {
          expectedRevision: 'any',
        });
        if (outcome._tag !== 'Appended') throw new Error('unexpected conflict');
        attempt.outcome = { revision: outcome.nextExpectedRevision, position: outcome.lastPosition };
      } catch (error) {
        attempt.outcome = { error };
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    try {
      // Four writers append without pause; the server is killed under them, then started again.
      let running = true;
      const writers = Array.from({ length: 4 }, async (_, w) => {
        for (let n = 0; running; n++) await append({ events: newEvents(1 + ((n + w) % 3)) });
      });
      await new Promise((resolve) => setTimeout(resolve, 400));
      await cluster().crash();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await cluster().restart();
      await new Promise((resolve) => setTimeout(resolve, 400));
      running = false;
      await Promise.all(writers);

      const succeeded = attempts.filter((a) => a.outcome !== undefined && 'position' in a.outcome);
      const failed = attempts.filter((a) => a.outcome !== undefined && 'error' in a.outcome);
      expect(succeeded.length).toBeGreaterThan(10);
      expect(failed.length).toBeGreaterThan(0);
      // Appends also succeeded after the restart: the pool reconnected by itself.
      expect(attempts.at(-1)?.outcome).toHaveProperty('position');

      for (const attempt of failed) {
        const { error } = attempt.outcome as { error: unknown };
        expect(isEventStoreFailure(error) && error.code).toBe('unavailable');
        expect((error as Error).message).toContain(`127.0.0.1:${cluster().port}`);
      }

      const stored = await readEverything(store);
      const storedById = new Map(stored.map((event) => [event.eventId, event]));
      expect(storedById.size).toBe(stored.length);
      expect(stored.map((event) => event.globalPosition)).toEqual(stored.map((_, n) => BigInt(n + 1)));
      expect(stored.map((event) => event.streamRevision)).toEqual(stored.map((_, n) => BigInt(n)));

      for (const attempt of succeeded) {
        const { revision, position } = attempt.outcome as { revision: bigint; position: bigint };
        const last = storedById.get(attempt.events.at(-1)!.eventId);
        expect([last?.streamRevision, last?.globalPosition]).toEqual([revision, position]);
        for (const event of attempt.events) expect(storedById.has(event.eventId)).toBe(true);
      }
      // A failed append may have committed just before the crash took its answer away ("in doubt"):
      // then it is there whole, never in part.
      for (const attempt of failed) {
        const present = attempt.events.filter((event) => storedById.has(event.eventId)).length;
        expect([0, attempt.events.length]).toContain(present);
      }

      // Retrying the failed appends with the same event ids stores each exactly once.
      for (const attempt of failed) {
        const outcome = await store.appendToStream('stream-of-appends', attempt.events, {
          expectedRevision: 'any',
        });
        expect(outcome._tag).toBe('Appended');
      }
      const afterRetries = await readEverything(store);
      const expectedIds = attempts.flatMap((attempt) => attempt.events.map((event) => event.eventId));
      expect(afterRetries.map((event) => event.eventId).sort()).toEqual([...expectedIds].sort());
    } finally {
      await store.close();
    }
  }, 60_000);
});
