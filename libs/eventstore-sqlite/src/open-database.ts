import Database from 'better-sqlite3';
import { EventStoreFailure } from '@styring/eventstore';
import { APPLICATION_ID, LATEST_SCHEMA_VERSION, migrations } from './migrations';
import { toEventStoreFailure } from './sqlite-failure';

type Connection = Database.Database;

interface Marker {
  readonly applicationId: bigint;
  readonly schemaVersion: bigint;
  readonly schemaObjects: bigint;
}

/** Reads, and only reads, what the file says about itself. */
const readMarker = (db: Connection): Marker => ({
  applicationId: db.pragma('application_id', { simple: true }) as bigint,
  schemaVersion: db.pragma('user_version', { simple: true }) as bigint,
  schemaObjects: db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as bigint,
});

const isEmpty = (marker: Marker) =>
  marker.applicationId === 0n && marker.schemaVersion === 0n && marker.schemaObjects === 0n;

/** Refuses, before anything is written, a file that is not ours or is newer than this code. */
const checkMarker = (marker: Marker, file: string): void => {
  if (isEmpty(marker)) return;
  if (marker.applicationId !== BigInt(APPLICATION_ID)) {
    throw new EventStoreFailure(
      'not_an_event_store',
      `${file} is a SQLite database of something else (application_id ${marker.applicationId}, ` +
        `${marker.schemaObjects} schema objects); refusing to touch it`,
    );
  }
  if (marker.schemaVersion > BigInt(LATEST_SCHEMA_VERSION)) {
    throw new EventStoreFailure(
      'schema_too_new',
      `${file} has event store schema version ${marker.schemaVersion}, newer than the ${LATEST_SCHEMA_VERSION} ` +
        'this version of styring knows; upgrade styring to open it',
    );
  }
};

/** Applies the missing migrations in one immediate transaction; a second process waits, then finds them done. */
const migrate = (db: Connection, file: string): void => {
  db.transaction(() => {
    const marker = readMarker(db);
    checkMarker(marker, file);
    for (const migration of migrations) {
      if (BigInt(migration.version) <= marker.schemaVersion) continue;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }
    if (isEmpty(marker)) db.pragma(`application_id = ${APPLICATION_ID}`);
  }).immediate();
};

/**
 * Opens (creating it when missing) an event store file: WAL, `synchronous = FULL`, integers as bigint,
 * schema migrated. Throws an `EventStoreFailure` and leaves the file untouched when it is not ours.
 */
export const openDatabase = (file: string, busyTimeoutMs: number): Connection => {
  let db: Connection;
  try {
    db = new Database(file, { timeout: busyTimeoutMs });
  } catch (error) {
    throw toEventStoreFailure(error, file, busyTimeoutMs);
  }
  try {
    db.defaultSafeIntegers(true);
    const marker = readMarker(db);
    checkMarker(marker, file);
    const journalMode = db.pragma('journal_mode = WAL', { simple: true });
    if (journalMode !== 'wal') {
      throw new EventStoreFailure(
        'invalid_argument',
        `${file} cannot use write-ahead logging (${journalMode})`,
      );
    }
    // FULL: every commit is synced to the WAL before it returns, so it survives power loss, not only a crash.
    db.pragma('synchronous = FULL');
    if (marker.schemaVersion < BigInt(LATEST_SCHEMA_VERSION)) migrate(db, file);
    return db;
  } catch (error) {
    db.close();
    throw toEventStoreFailure(error, file, busyTimeoutMs);
  }
};
