import type Database from 'better-sqlite3';
import type { ReadSnapshot } from '../read-models/held-read-models';
import { sqliteReadModelReader } from './sqlite-read-model-reader';

/**
 * A read transaction on a SQLite connection of its own, opened here and closed at its end (WAL: it waits
 * for no writer, and no writer for it). `BEGIN` is deferred: the snapshot is taken by the first read.
 */
export const sqliteReadSnapshot = async (openConnection: () => Database.Database): Promise<ReadSnapshot> => {
  const db = openConnection();
  try {
    db.exec('BEGIN');
  } catch (error) {
    db.close();
    throw error;
  }
  return {
    reader: sqliteReadModelReader(db),
    end: async () => {
      if (!db.open) return;
      if (db.inTransaction) db.exec('ROLLBACK');
      db.close();
    },
  };
};
