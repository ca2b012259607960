import type Database from 'better-sqlite3';
import type { AttemptLog, RefusedAttempt } from './attempt-log';

const schema = `CREATE TABLE IF NOT EXISTS refused_attempts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  role TEXT NOT NULL,
  unit TEXT,
  command_type TEXT NOT NULL,
  code TEXT NOT NULL,
  correlation_id TEXT
) STRICT`;

/** The attempt log in a SQLite database, opened for each use (the CLI and the service share the file). */
export const sqliteAttemptLog = (open: () => Database.Database): AttemptLog => {
  const withDatabase = <T>(use: (db: Database.Database) => T): Promise<T> => {
    const db = open();
    try {
      db.exec(schema);
      return Promise.resolve(use(db));
    } finally {
      db.close();
    }
  };
  return {
    keep: (attempts) =>
      withDatabase((db) => {
        const insert = db.prepare(
          `INSERT INTO refused_attempts (at, actor, role, unit, command_type, code, correlation_id)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        );
        db.transaction(() => {
          for (const a of attempts) {
            insert.run(a.at, a.actor, a.role, a.unit, a.commandType, a.code, a.correlationId);
          }
        })();
      }),
    read: () =>
      withDatabase(
        (db) =>
          db
            .prepare(
              `SELECT at, actor, role, unit, command_type AS commandType, code, correlation_id AS correlationId
               FROM refused_attempts ORDER BY id`,
            )
            .all() as RefusedAttempt[],
      ),
  };
};
