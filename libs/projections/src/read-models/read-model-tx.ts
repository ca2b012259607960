import { PostgresTx } from '../postgres/postgres-tx';
import type { SqliteTx } from '../sqlite/sqlite-projection-store';
import { sqliteVersionedTables } from '../sqlite/sqlite-versioned-tables';
import type { VersionedTableStore } from './versioned-table-store';

/** A read-model transaction of either database: the governance projections run on both. */
export type ReadModelTx = SqliteTx | PostgresTx;

/** The versioned tables of the database `tx` is a transaction on. */
export const versionedTablesIn = (tx: ReadModelTx): VersionedTableStore =>
  tx instanceof PostgresTx ? tx.versionedTables : sqliteVersionedTables(tx);
