import { join } from 'node:path';
import { emmettSubject } from './emmett-subject';
import type { Subject } from './subject';
import type { Workload } from './workload';

/**
 * Emmett on SQLite (`@event-driven-io/emmett-sqlite`, on the `sqlite3` driver) doing what our store does,
 * with the global log read by `readMessagesBatch`, as its consumers do. It gets one long-lived connection
 * (by default it opens a connection per call) with the same durability as ours: WAL, synchronous = FULL.
 */
export const emmettSqlitePeer = async (directory: string, workload: Workload): Promise<Subject> => {
  const emmett = await import('@event-driven-io/emmett-sqlite');
  const fileName = join(directory, 'emmett.db');
  const connection = emmett.sqliteConnection({ fileName });
  await connection.command('PRAGMA journal_mode = WAL');
  await connection.command('PRAGMA synchronous = FULL');
  const store = emmett.getSQLiteEventStore({ fileName, connectionOptions: { singleton: true, connection } });
  return emmettSubject(
    store,
    (after, batchSize) => emmett.readMessagesBatch(connection, { after, batchSize }),
    async () => connection.close(),
    workload,
  );
};
