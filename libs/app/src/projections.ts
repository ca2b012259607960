import {
  type CatchUpProgress,
  decisionLog,
  type DecisionLogQuery,
  type DecisionLogRow,
  governanceProjections,
  type ReadModelReader,
  sqliteReadModelReader,
  sqliteProjectionRunner,
} from '@styring/projections';
import { coalesced } from './coalesced';
import type { OpenedStore } from './open-store';

/** The read models of a store, kept by one runner: catch up before a query, rebuild on request. */
export interface OpenedProjections {
  /** Every read model's name, e.g. `decision-log`. */
  readonly names: readonly string[];
  /** Where the queries of `@styring/projections` read the read models. */
  readonly reader: ReadModelReader;
  /**
   * Brings every read model to the end of the log (rebuilding those whose version changed). Calls made
   * while one runs share the next one, which begins after they were made.
   */
  readonly catchUp: () => Promise<void>;
  /** Empties one read model, or all, and replays the whole log into it. */
  readonly rebuild: (name?: string) => Promise<void>;
  /** The Vedtakslogg on either clock; call `catchUp` first. */
  readonly decisionLog: (query?: DecisionLogQuery) => Promise<DecisionLogRow[]>;
  readonly close: () => void;
}

/** Opens the governance read models of a store (in its SQLite file, or in the local read-model file). */
export const openProjections = (
  store: OpenedStore,
  options: { readonly onProgress?: (progress: CatchUpProgress) => void } = {},
): OpenedProjections => {
  const db = store.openReadModelDatabase();
  const reader = sqliteReadModelReader(db);
  const projections = governanceProjections(store.events);
  const runner = sqliteProjectionRunner({
    events: store.events,
    db,
    projections,
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
  return {
    names: projections.map((projection) => projection.name),
    reader,
    // Concurrent queries share a catch-up (each still waits for one begun after it arrived).
    catchUp: coalesced(async () => {
      await runner.catchUp();
    }),
    rebuild: (name) => (name === undefined ? runner.rebuild() : runner.rebuild(name)),
    decisionLog: (query = {}) => decisionLog(reader, query),
    close: () => db.close(),
  };
};
