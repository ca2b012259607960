/**
 * The schema, as numbered steps. A database records the last step applied in `PRAGMA user_version`, and
 * carries `APPLICATION_ID` in `PRAGMA application_id` as the mark that it is a styring event store.
 * Steps are only ever added: a released step is never edited.
 */
export const APPLICATION_ID = 0x53545952; // 'STYR'

export interface Migration {
  readonly version: number;
  readonly sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    sql: `
      -- One row per event. AUTOINCREMENT: a global position is never handed out twice. event_id has no
      -- index on purpose: random ids make every append rewrite index pages all over the file (2-3x slower
      -- batched appends); repeated appends are recognised by stream and revision instead (see the README).
      CREATE TABLE events (
        global_position INTEGER PRIMARY KEY AUTOINCREMENT,
        stream_id TEXT NOT NULL CHECK (length(stream_id) > 0),
        stream_revision INTEGER NOT NULL CHECK (stream_revision >= 0),
        event_id TEXT NOT NULL,
        type TEXT NOT NULL,
        schema_version INTEGER NOT NULL,
        data TEXT NOT NULL,
        metadata TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        UNIQUE (stream_id, stream_revision)
      ) STRICT;

      -- The history is append-only: corrections are new events.
      CREATE TRIGGER events_are_never_updated BEFORE UPDATE ON events
      BEGIN SELECT RAISE(ABORT, 'events are immutable: append a correcting event instead'); END;
      CREATE TRIGGER events_are_never_deleted BEFORE DELETE ON events
      BEGIN SELECT RAISE(ABORT, 'events are immutable: nothing in the history is ever deleted'); END;
    `,
  },
];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
