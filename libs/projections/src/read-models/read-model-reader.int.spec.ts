import Database from 'better-sqlite3';
import { describeWithPostgres } from '@styring/eventstore-postgres/testing';
import {
  postgresReadModelDatabase,
  type ReadModelDatabase,
  sqliteReadModelDatabase,
} from '../testing/read-model-databases';
import { temporaryDirectory } from '../testing/temporary-directory';
import type { ReadSnapshot } from './held-read-models';
import type { ReadModelReader } from './read-model-reader';

interface Row {
  readonly position: bigint;
  readonly label: string | null;
}

const ROWS = 2_500; // more than one PostgreSQL cursor page

/** The reader under test: the read models' own, or a snapshot's (a transaction the reads share). */
type ReaderOf = (readModels: ReadModelDatabase) => Promise<Pick<ReadSnapshot, 'reader' | 'end'>>;
const ownReader: ReaderOf = async (readModels) => ({ reader: readModels.reader, end: async () => undefined });
const snapshotReader: ReaderOf = (readModels) => readModels.snapshot();

/**
 * `forEachRow` hands a query's rows over one at a time: the same rows, in the same order and with the same
 * types as `select`, on both databases, through the read models' reader and a snapshot's; a failing visit
 * rejects and the reader stays usable, and so does a refused query for the reader outside a transaction.
 */
const suite = (open: () => ReadModelDatabase, readerOf: ReaderOf) => {
  let readModels: ReadModelDatabase;
  let reading: Awaited<ReturnType<ReaderOf>>;
  let reader: ReadModelReader;

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

  // A snapshot per test, ended before the suite's database goes away (a connection still held when the
  // throwaway PostgreSQL cluster stops fails the run).
  beforeEach(async () => {
    reading = await readerOf(readModels);
    reader = reading.reader;
  });

  afterEach(async () => {
    await reading.end();
  });

  const query = 'SELECT position, label FROM visited WHERE position > ? ORDER BY position DESC';

  it('visits every row select answers, in order, integers as bigint and NULL as null', async () => {
    const visited: Row[] = [];
    await reader.forEachRow<Row>(query, [10], (row) => visited.push(row));
    expect(visited).toHaveLength(ROWS - 10);
    expect(visited).toEqual(await reader.select<Row>(query, [10]));
    expect(visited[0]).toEqual({ position: BigInt(ROWS), label: `rad ${ROWS}` });
    expect(visited.at(-1)).toEqual({ position: 11n, label: 'rad 11' });
    expect(visited.find((row) => row.position === 14n)).toEqual({ position: 14n, label: null });
  });

  // In a transaction (a snapshot) PostgreSQL refuses everything after a refused statement, by design.
  if (readerOf === ownReader)
    it('rejects a query the database refuses, and answers the next one', async () => {
      // The driver's own error (better-sqlite3's comes from outside Jest's realm, so match its message).
      const refused = reader.forEachRow('SELECT label FROM nowhere', [], () => undefined);
      await expect(refused).rejects.toMatchObject({ message: expect.stringMatching(/nowhere/) });
      const counted: Row[] = [];
      await reader.forEachRow<Row>(query, [ROWS - 3], (row) => counted.push(row));
      expect(counted.map((row) => row.position)).toEqual([2500n, 2499n, 2498n]);
    });

  it('stops at a visit that throws, passes its error on, and answers the next query', async () => {
    let seen = 0;
    const stopped = reader.forEachRow<Row>(query, [0], () => {
      seen += 1;
      if (seen === 1_500) throw new Error('besøket feilet');
    });
    await expect(stopped).rejects.toThrow('besøket feilet');
    expect(seen).toBe(1_500);
    for (let again = 0; again < 12; again++) {
      // More than a pool's connections: each visit's connection (or the snapshot's cursor) was given back.
      let rows = 0;
      await reader.forEachRow<Row>(query, [ROWS - 1], () => (rows += 1));
      expect(rows).toBe(1);
    }
    expect(await reader.select(query, [ROWS - 1])).toHaveLength(1);
  });
};

describe('the read-model reader’s forEachRow', () => {
  for (const [through, readerOf] of [
    ['its own reader', ownReader],
    ['a snapshot', snapshotReader],
  ] as const) {
    describe(`in SQLite, through ${through}`, () => {
      let temporary: ReturnType<typeof temporaryDirectory>;
      afterAll(() => temporary.remove());
      suite(() => {
        temporary = temporaryDirectory();
        const db = new Database(temporary.file('read-models.db'));
        db.pragma('journal_mode = WAL');
        db.defaultSafeIntegers(true);
        return { ...sqliteReadModelDatabase(db), close: async () => void db.close() };
      }, readerOf);
    });

    describeWithPostgres(`in PostgreSQL, through ${through}`, (cluster) => {
      suite(
        () =>
          postgresReadModelDatabase(
            cluster().connectionString(),
            `visits_${readerOf === ownReader ? 'own' : 'snapshot'}`,
          ),
        readerOf,
      );
    });
  }
});
