import { Client } from 'pg';
import type { Subject } from './subject';

/**
 * What `pg` itself does against the same server and durability (fsync and synchronous_commit on): one JSON
 * text row per event in a table with nothing but a primary key, each append one INSERT statement (its own
 * transaction, one round trip), read back by position in pages of 1,000 and parsed. No store can beat it;
 * the ratio to it shows what the store's checks, indexes and mapping cost.
 */
export const rawPostgresFloor = async (connectionString: string): Promise<Subject> => {
  const client = new Client({ connectionString });
  await client.connect();
  await client.query(
    'CREATE TABLE raw_events (position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body text NOT NULL)',
  );
  // Pages of 1,000 positions, as the store reads. A bounded window (positions are dense here: nothing rolls
  // back) keeps the plan an index range scan even before the fresh table has statistics.
  const read = async (count: number) => {
    for (let after = 0, left = count; left > 0;) {
      const { rows } = await client.query<{ position: string; body: string }>(
        'SELECT position::text AS position, body FROM raw_events WHERE position > $1 AND position <= $2 ORDER BY position',
        [after, after + Math.min(1000, left)],
      );
      // A short read fails, as it does for the stores (`counted`): a figure over fewer events is no figure.
      if (rows.length === 0) throw new Error(`read ${count - left} events, expected ${count}`);
      for (const row of rows) JSON.parse(row.body);
      after = Number(rows[rows.length - 1]!.position);
      left -= rows.length;
    }
  };
  return {
    prepareAppends: (batches) => {
      const bodies = batches.map((batch) =>
        batch.map(({ data, metadata }) => JSON.stringify({ data, metadata })),
      );
      // One client runs one statement at a time: appends made together wait their turn, one commit each.
      let previous: Promise<unknown> = Promise.resolve();
      return (n) => {
        const insert = previous.then(() =>
          client.query('INSERT INTO raw_events (body) SELECT unnest($1::text[])', [bodies[n]!]),
        );
        previous = insert.catch(() => undefined);
        return insert.then(() => undefined);
      };
    },
    // The floor has no streams: its readStream is the same read as its readAll, the first rows by position.
    readStream: read,
    readAll: read,
    close: () => client.end(),
  };
};
