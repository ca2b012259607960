/** A real SQLite store in a temporary folder, a signing key and the means to export; for the tests. */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteEventStore, type SqliteEventStore } from '@styring/eventstore-sqlite';
import { exportFromStore, type ExportSummary, type StoreExportOptions } from '../write-export';

export interface ExportFixture {
  readonly dir: string;
  readonly store: SqliteEventStore;
  readonly signingKey: KeyObject;
  readonly publicKey: KeyObject;
  /** The public key as a PEM file, as an auditor would pin it. */
  readonly publicKeyFile: string;
  /** Moves the store's clock (the events' recordedAt); it then ticks a minute per append. */
  setStoreTime(iso: string): void;
  /** Exports the whole store into `dir/name`, created at `created`. */
  exportAs(name: string, created: string, options?: Partial<StoreExportOptions>): Promise<ExportSummary>;
  close(): Promise<void>;
}

export const exportFixture = (): ExportFixture => {
  const dir = mkdtempSync(join(tmpdir(), 'styring-audit-export-'));
  let storeTime = Date.parse('2024-06-12T08:00:00.000Z');
  const store = openSqliteEventStore({
    file: join(dir, 'events.db'),
    clock: () => new Date((storeTime += 60_000)),
  });
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const publicKeyFile = join(dir, 'kommunens-nokkel.pem');
  writeFileSync(publicKeyFile, publicKey.export({ format: 'pem', type: 'spki' }));
  return {
    dir,
    store,
    signingKey: privateKey,
    publicKey,
    publicKeyFile,
    setStoreTime: (iso) => {
      storeTime = Date.parse(iso);
    },
    exportAs: (name, created, options = {}) =>
      exportFromStore(store, {
        directory: join(dir, name),
        signingKey: privateKey,
        clock: () => new Date(created),
        origin: 'Lørenskog kommune (demo)',
        ...options,
      }),
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
