import type Database from 'better-sqlite3';
import { bookkeepingColumns } from '../governance/fact-changes';
import type { VersionedTableStore } from '../read-models/versioned-table-store';
import { statement } from './statements';
import { insertRows } from './insert-rows';
import { createIndexSql, createVersionedTable, secondaryIndexes } from './versioned-table';

/**
 * The latest corrected form of each event a projection has seen corrected, so that a second correction
 * builds on the first (see `governance/revisions.ts`). Rows belong to one projection and go when it is
 * reset, so a rebuild replays the corrections in order from the events as recorded.
 */
const revisionsTable = `
  CREATE TABLE IF NOT EXISTS projection_revisions (
    projection TEXT NOT NULL,
    event_id TEXT NOT NULL,
    recorded TEXT NOT NULL,
    PRIMARY KEY (projection, event_id)
  ) STRICT, WITHOUT ROWID`;

const stores = new WeakMap<Database.Database, VersionedTableStore>();

/**
 * The versioned tables in a SQLite database, written synchronously inside the runner's transaction with
 * statements prepared once per connection.
 */
export const sqliteVersionedTables = (db: Database.Database): VersionedTableStore => {
  let store = stores.get(db);
  if (store === undefined) {
    store = {
      reset(projection, tables) {
        for (const table of tables) createVersionedTable(db, table);
        db.exec(revisionsTable);
        statement(db, 'DELETE FROM projection_revisions WHERE projection = ?').run(projection);
      },
      completeIndexes(tables) {
        for (const index of tables.flatMap(secondaryIndexes)) statement(db, createIndexSql(index)).run();
      },
      revisions(projection, eventIds) {
        const found = new Map<string, string>();
        const select = statement<[string, string], string>(
          db,
          'SELECT recorded FROM projection_revisions WHERE projection = ? AND event_id = ?',
        ).pluck();
        for (const eventId of eventIds) {
          const recorded = select.get(projection, eventId);
          if (recorded !== undefined) found.set(eventId, recorded);
        }
        return found;
      },
      write(projection, tables, changes) {
        for (const [position, knownUntil] of changes.superseded) {
          for (const table of tables) {
            statement(
              db,
              `UPDATE ${table.name} SET known_until = ? WHERE position = ? AND known_until IS NULL`,
            ).run(knownUntil, position);
          }
        }
        for (const table of tables) {
          const rows = changes.inserted.get(table.name);
          if (rows === undefined) continue;
          insertRows(db, table.name, [...bookkeepingColumns, ...Object.keys(table.columns)], rows);
        }
        const upsert = statement(
          db,
          `INSERT INTO projection_revisions (projection, event_id, recorded) VALUES (?, ?, ?)
           ON CONFLICT (projection, event_id) DO UPDATE SET recorded = excluded.recorded`,
        );
        for (const [eventId, recorded] of changes.revisions) upsert.run(projection, eventId, recorded);
      },
    };
    stores.set(db, store);
  }
  return store;
};
