import type { ClientBase } from 'pg';
import type { VersionedTableStore } from '../read-models/versioned-table-store';
import { postgresVersionedTables } from './postgres-versioned-tables';

/** A PostgreSQL read-model transaction: a client inside `BEGIN … COMMIT`, its search path the read models' schema. */
export class PostgresTx {
  readonly versionedTables: VersionedTableStore;

  constructor(readonly client: ClientBase) {
    this.versionedTables = postgresVersionedTables(client);
  }
}
