import type Database from 'better-sqlite3';
import { governanceProjectionSpecs } from '../governance-projections';

/** Read models held at one position of the log, until `release`. */
export interface HeldReadModels {
  /** The last event every read model holds (undefined: the log is empty). */
  readonly position: bigint | undefined;
  /** Ends the read transaction: the connection sees later writes again. */
  readonly release: () => void;
}

/** Tries before giving up on read models that another process keeps moving (e.g. rebuilding). */
const ATTEMPTS = 3;

const checkpointPositions = (db: Database.Database): Map<string, bigint | null> =>
  new Map(
    (
      db.prepare('SELECT name, position FROM projection_checkpoints').safeIntegers(true).all() as {
        name: string;
        position: bigint | null;
      }[]
    ).map((row) => [row.name, row.position]),
  );

/**
 * Catches the governance read models of a SQLite connection up (`catchUp`, the runner's) and holds them
 * there: a read transaction on the connection, begun once every checkpoint stands at one position at
 * least as far as the catch-up reached, so that whatever is read through it afterwards – however long it
 * takes, whatever other processes append and project meanwhile (WAL: readers and writers do not wait for
 * each other) – shows the read models at exactly that position. Undefined when they could not be held
 * (another process was rebuilding them at each try): the caller builds its own.
 */
export const holdCaughtUpReadModels = async (
  db: Database.Database,
  catchUp: () => Promise<bigint | undefined>,
): Promise<HeldReadModels | undefined> => {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const reached = await catchUp();
    db.exec('BEGIN'); // deferred: the snapshot is taken by the first read, the checkpoints' just below
    const positions = checkpointPositions(db);
    const held = new Set(governanceProjectionSpecs.map((spec) => positions.get(spec.name)));
    const [position] = held;
    if (
      held.size === 1 &&
      position !== undefined &&
      (reached === undefined || (position ?? -1n) >= reached)
    ) {
      return {
        position: position ?? undefined,
        release: () => void (db.inTransaction && db.exec('ROLLBACK')),
      };
    }
    db.exec('ROLLBACK');
  }
  return undefined;
};
