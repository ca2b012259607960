import Database from 'better-sqlite3';
import { describeWithPostgres } from '@styring/eventstore-postgres/testing';
import {
  postgresReadModelDatabase,
  type ReadModelDatabase,
  sqliteReadModelDatabase,
} from '../testing/read-model-databases';

interface Row {
  readonly position: bigint;
  readonly label: string | null;
}

const ROWS = 2_500; // more than one PostgreSQL cursor page

/**
 * `forEachRow` hands a query's rows over one at a time: the same rows, in the same order and with the same
 * types as `select`, on both databases; a failing query or visit rejects, and the reader stays usable.
 */
const suite = (open: () => ReadModelDatabase) => {
  let readModels: ReadModelDatabase;

  beforeAll(async () => {
    readModels = open();
    await readModels.execute('CREATE TABLE visited (position BIGINT NOT NULL, label TEXT)');
    const values = Array.from(
      { length: ROWS },
      (_, n) => `(${n + 1}, ${(n + 1) % 7 === 0 ? 'NULL' : `'rad ${n + 1}'`})`,
    );
    await readModels.execute(`INSERT INTO visited (position, label) VALUES ${values.join(', ')}`);
  });

  afterAll(async () => {
    await readModels.close();
  });

  const query = 'SELECT position, label FROM visited WHERE position > ? ORDER BY position DESC';

  it('visits every row select answers, in order, integers as bigint and NULL as null', async () => {
    const visited: Row[] = [];
    await readModels.reader.forEachRow<Row>(query, [10], (row) => visited.push(row));
    expect(visited).toHaveLength(ROWS - 10);
    expect(visited).toEqual(await readModels.reader.select<Row>(query, [10]));
    expect(visited[0]).toEqual({ position: BigInt(ROWS), label: `rad ${ROWS}` });
    expect(visited.at(-1)).toEqual({ position: 11n, label: 'rad 11' });
    expect(visited.find((row) => row.position === 14n)).toEqual({ position: 14n, label: null });
  });

  it('rejects a query the database refuses, and answers the next one', async () => {
    // The driver's own error (better-sqlite3's comes from outside Jest's realm, so match its message).
    await expect(
      readModels.reader.forEachRow('SELECT label FROM nowhere', [], () => undefined),
    ).rejects.toMatchObject({ message: expect.stringMatching(/nowhere/) });
    const counted: Row[] = [];
    await readModels.reader.forEachRow<Row>(query, [ROWS - 3], (row) => counted.push(row));
    expect(counted.map((row) => row.position)).toEqual([2500n, 2499n, 2498n]);
  });

  it('stops at a visit that throws, passes its error on, and answers the next query', async () => {
    let seen = 0;
    const stopped = readModels.reader.forEachRow<Row>(query, [0], () => {
      seen += 1;
      if (seen === 1_500) throw new Error('besøket feilet');
    });
    await expect(stopped).rejects.toThrow('besøket feilet');
    expect(seen).toBe(1_500);
    for (let again = 0; again < 12; again++) {
      // More than a pool's connections: each visit's connection went back.
      let rows = 0;
      await readModels.reader.forEachRow<Row>(query, [ROWS - 1], () => (rows += 1));
      expect(rows).toBe(1);
    }
    expect(await readModels.reader.select(query, [ROWS - 1])).toHaveLength(1);
  });
};

describe('the read-model reader’s forEachRow', () => {
  describe('in SQLite', () => {
    suite(() => {
      const db = new Database(':memory:');
      db.defaultSafeIntegers(true);
      return { ...sqliteReadModelDatabase(db), close: async () => void db.close() };
    });
  });

  describeWithPostgres('in PostgreSQL', (cluster) => {
    suite(() => postgresReadModelDatabase(cluster().connectionString(), 'visits'));
  });
});
