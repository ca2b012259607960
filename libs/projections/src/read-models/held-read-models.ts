import { governanceProjectionSpecs } from '../governance-projections';
import type { ReadModelReader } from './read-model-reader';

/** A read transaction on one connection to the read models: what it reads stays as it was when it began. */
export interface ReadSnapshot {
  /** Reads inside the transaction (the first read fixes what it sees). */
  readonly reader: ReadModelReader;
  /** Ends the transaction and gives the connection back; once, however often it is called. */
  readonly end: () => Promise<void>;
}

/** Read models held at one position of the log, until `release`. */
export interface HeldReadModels {
  /** The last event every read model holds (undefined: the log is empty). */
  readonly position: bigint | undefined;
  /** Reads the read models as they stand at `position`. */
  readonly reader: ReadModelReader;
  readonly release: () => Promise<void>;
}

/** Tries before giving up on read models that another process keeps moving (e.g. rebuilding). */
const ATTEMPTS = 3;

/**
 * Catches the governance read models up (`catchUp`, their runner's) and holds them there: a read snapshot
 * (`beginSnapshot`) taken once every checkpoint stands at one position at least as far as the catch-up
 * reached, so that whatever is read through it afterwards – however long it takes, whatever other
 * processes append and project meanwhile – shows the read models at exactly that position. Undefined when
 * they could not be held (another process was rebuilding them at each try): the caller builds its own.
 */
export const holdCaughtUpReadModels = async (
  catchUp: () => Promise<bigint | undefined>,
  beginSnapshot: () => Promise<ReadSnapshot>,
): Promise<HeldReadModels | undefined> => {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const reached = await catchUp();
    const snapshot = await beginSnapshot();
    try {
      const rows = await snapshot.reader.select<{ name: string; position: bigint | null }>(
        'SELECT name, position FROM projection_checkpoints',
      );
      const positions = new Map(rows.map((row) => [row.name, row.position]));
      // Per read model: undefined if it never ran, null if it ran before the log's first event.
      const [position, ...others] = governanceProjectionSpecs.map((spec) => positions.get(spec.name));
      const together = position !== undefined && others.every((other) => other === position);
      const farEnough = reached === undefined || (typeof position === 'bigint' && position >= reached);
      if (together && farEnough) {
        return { position: position ?? undefined, reader: snapshot.reader, release: snapshot.end };
      }
    } catch (error) {
      await snapshot.end();
      throw error;
    }
    await snapshot.end();
  }
  return undefined;
};
