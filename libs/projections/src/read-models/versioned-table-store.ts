import type { FactChanges } from '../governance/fact-changes';
import type { MaybePromise } from '../runner/maybe-promise';
import type { VersionedTable } from '../sqlite/versioned-table';

/**
 * What the governance read models need of a read-model transaction, whichever database holds it: SQLite
 * answers at once (its transaction must not await), PostgreSQL with promises.
 */
export interface VersionedTableStore {
  /**
   * (Re)creates a projection's tables empty, indexed by position only, and forgets its revisions; the
   * queries' indexes follow from `completeIndexes` once the rebuild has caught up.
   */
  reset(projection: string, tables: readonly VersionedTable[]): MaybePromise<void>;
  /** Builds the tables' secondary indexes that do not exist yet (none, except after a reset). */
  completeIndexes(tables: readonly VersionedTable[]): MaybePromise<void>;
  /** The stored latest corrected forms (JSON) of those of `eventIds` the projection has seen corrected. */
  revisions(projection: string, eventIds: readonly string[]): MaybePromise<ReadonlyMap<string, string>>;
  /** Applies one batch's changes (see `FactChanges` for the order). */
  write(projection: string, tables: readonly VersionedTable[], changes: FactChanges): MaybePromise<void>;
}
