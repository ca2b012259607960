import type Database from 'better-sqlite3';

/**
 * Every read-model table of a database (checkpoints and revisions included, the event store's own tables
 * not), each as its rows in a stable order: two databases with equal snapshots hold equal read models.
 */
export const readModelSnapshot = (db: Database.Database): Record<string, string[]> => {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT IN ('events', 'sqlite_sequence')
       AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  const snapshot: Record<string, string[]> = {};
  for (const table of tables) {
    const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).join(
      ', ',
    );
    snapshot[table] = db
      .prepare(`SELECT * FROM ${table} ORDER BY ${columns}`)
      .raw()
      .safeIntegers(true)
      .all()
      .map((row) =>
        JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value)),
      );
  }
  return snapshot;
};
