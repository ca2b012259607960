import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { EventMetadata } from '@styring/eventstore';
import { openSqliteEventStore, type SqliteEventStore } from '@styring/eventstore-sqlite';
import { type GovernanceEvent, governanceEventSerde } from '@styring/governance';
import type { EventSource } from '../governance/revisions';
import { ProjectionRunner } from '../runner/projection-runner';
import type { RunnerProjection } from '../runner/runner-projection';
import type { ReadModelReader } from '../read-models/read-model-reader';
import type { ReadModelTx } from '../read-models/read-model-tx';
import { type ReadModelDatabase, sqliteReadModelDatabase } from './read-model-databases';
import { temporaryDirectory } from './temporary-directory';

export interface Recorded {
  readonly eventId: string;
  readonly position: bigint;
}

/**
 * A real SQLite event store in a temporary directory whose clock a test sets, with a runner over the
 * projections under test: the test records governance events "at" chosen moments and projects them.
 */
export interface TestHistory {
  readonly store: SqliteEventStore;
  readonly db: Database.Database;
  /** The read models, as the queries read them. */
  readonly reader: ReadModelReader;
  readonly runner: ProjectionRunner<ReadModelTx>;
  /** Appends one event to `streamId`, recorded at `recordedAt`; `effectiveAt` defaults to the same moment. */
  record(
    recordedAt: string,
    streamId: string,
    event: GovernanceEvent,
    metadata?: Partial<EventMetadata>,
  ): Promise<Recorded>;
  project(): Promise<bigint | undefined>;
  close(): Promise<void>;
}

export const openTestHistory = (
  projections: (source: EventSource) => readonly RunnerProjection<ReadModelTx>[],
  /** Where the read models are kept: by default beside the events, in the SQLite file. */
  readModelsIn?: () => ReadModelDatabase,
): TestHistory => {
  const temporary = temporaryDirectory();
  let now = new Date('2024-01-01T08:00:00.000Z');
  const store: SqliteEventStore = openSqliteEventStore({
    file: temporary.file('events.db'),
    clock: () => now,
  });
  const db: Database.Database = store.openConnection();
  const readModels = readModelsIn?.() ?? sqliteReadModelDatabase(db);
  const runner = new ProjectionRunner<ReadModelTx>({
    events: store,
    store: readModels.store,
    projections: projections(store),
    batchSize: 3,
  });
  return {
    store,
    db,
    reader: readModels.reader,
    runner,
    async record(recordedAt, streamId, event, metadata = {}) {
      now = new Date(recordedAt);
      const eventId = randomUUID();
      const outcome = await store.appendToStream(
        streamId,
        [
          {
            ...governanceEventSerde.toStored(event),
            eventId,
            metadata: {
              actor: 'saksbehandler-1',
              role: 'saksbehandler',
              correlationId: `correlation-${eventId}`,
              causationId: `command-${eventId}`,
              effectiveAt: recordedAt,
              ...metadata,
            },
          },
        ],
        { expectedRevision: 'any' },
      );
      if (outcome._tag !== 'Appended') throw new Error(`append to ${streamId} conflicted`);
      return { eventId, position: outcome.lastPosition };
    },
    project: () => runner.catchUp(),
    async close() {
      await runner.stop();
      await readModels.close();
      db.close();
      await store.close();
      temporary.remove();
    },
  };
};
