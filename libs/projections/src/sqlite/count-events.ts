import type Database from 'better-sqlite3';
import { statement } from './statements';

/**
 * Counts the events after a position, for the progress bar of a rebuild. It reads the SQLite event store's
 * own `events` table (read only), which lives in the same file as the read models.
 */
export const countEventsAfter = (db: Database.Database, after: bigint | undefined): number =>
  Number(
    statement<[bigint], bigint>(db, 'SELECT count(*) FROM events WHERE global_position > ?')
      .pluck()
      .safeIntegers(true)
      .get(after ?? -1n) ?? 0n,
  );
