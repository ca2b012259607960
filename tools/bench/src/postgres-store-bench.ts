import { Client } from 'pg';
import {
  findPostgresBinaries,
  openPostgresEventStore,
  startThrowawayCluster,
} from '@styring/eventstore-postgres';
import { emmettPostgresPeer } from './emmett-postgres-peer';
import { stopExpectingIdleClientsToDrop } from './expected-shutdown';
import type { Figure } from './figure';
import { rawPostgresFloor } from './postgres-raw-floor';
import { compareStores, eventStoreSubject, startPeer } from './store-comparison';
import type { Subject } from './subject';
import type { Workload } from './workload';

/** Measures only a server that keeps every returned commit, so that every subject pays for the WAL flush. */
const checkDurability = async (connectionString: string) => {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    for (const setting of ['fsync', 'synchronous_commit']) {
      const { rows } = await client.query<Record<string, string>>(`SHOW ${setting}`);
      const value = rows[0]?.[setting];
      if (value !== 'on') throw new Error(`the throwaway cluster runs with ${setting} = ${value}, not on`);
    }
  } finally {
    await client.end();
  }
};

/**
 * Our PostgreSQL store against the raw `pg` floor and Emmett on PostgreSQL, each in its own database of one
 * private throwaway cluster (the machine's own PostgreSQL, default durability), started and stopped here.
 * Without PostgreSQL binaries it returns the one line that says so.
 */
export const postgresStoreBenchmark = async (workload: Workload): Promise<Figure[] | string> => {
  if (findPostgresBinaries() === undefined) {
    return (
      'Skipped: no PostgreSQL binaries (initdb, pg_ctl) on PATH, in $PG_BIN_DIR or in /usr/lib/postgresql/*/bin ' +
      '(apt-get install postgresql)'
    );
  }
  const cluster = await startThrowawayCluster();
  const subjects: Subject[] = [];
  const started = <T extends Subject | undefined>(subject: T) => {
    if (subject !== undefined) subjects.push(subject);
    return subject;
  };
  try {
    await checkDurability(cluster.connectionString());
    const floor = started(await rawPostgresFloor(await cluster.createDatabase('raw_floor')));
    const connection = await cluster.createDatabase('styring');
    const store = started(await eventStoreSubject(await openPostgresEventStore({ connection }), workload));
    const emmettDatabase = await cluster.createDatabase('emmett');
    const peer = started(
      await startPeer('Emmett on PostgreSQL', () => emmettPostgresPeer(emmettDatabase, workload)),
    );
    return await compareStores({ floor, store, peer }, workload, {
      single: 1_500,
      batched: 25_000,
      readStream: 100_000,
      readAll: 100_000,
    });
  } finally {
    await Promise.all(subjects.map((subject) => subject.close()));
    await stopExpectingIdleClientsToDrop(() => cluster.destroy());
  }
};
