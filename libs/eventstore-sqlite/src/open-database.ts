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

/** Reads, and only reads, what the file says about itself: in one transaction, so from one snapshot. */
const readMarker = (db: Connection): Marker =>
  db.transaction(() => ({
    applicationId: db.pragma('application_id', { simple: true }) as bigint,
    schemaVersion: db.pragma('user_version', { simple: true }) as bigint,
    schemaObjects: db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as bigint,
  }))();

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

const isBusy = (error: unknown) => /^SQLITE_BUSY/.test(String((error as { code?: unknown } | null)?.code));

/**
 * Switches a new file to write-ahead logging (a no-op for a file already in WAL). SQLite refuses the
 * switch while another process has the new file open, without waiting: so wait here, up to the timeout.
 */
const switchToWal = (db: Connection, file: string, busyTimeoutMs: number): void => {
  const deadline = Date.now() + busyTimeoutMs;
  for (;;) {
    try {
      const journalMode = db.pragma('journal_mode = WAL', { simple: true });
      if (journalMode === 'wal') return;
      throw new EventStoreFailure(
        'invalid_argument',
        `${file} cannot use write-ahead logging (${journalMode})`,
      );
    } catch (error) {
      if (!isBusy(error) || Date.now() >= deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5); // a synchronous 5 ms pause
    }
  }
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
    switchToWal(db, file, busyTimeoutMs);
    // FULL: every commit is synced to the WAL before it returns, so it survives power loss, not only a crash.
    db.pragma('synchronous = FULL');
    if (marker.schemaVersion < BigInt(LATEST_SCHEMA_VERSION)) migrate(db, file);
    return db;
  } catch (error) {
    db.close();
    throw toEventStoreFailure(error, file, busyTimeoutMs);
  }
};
