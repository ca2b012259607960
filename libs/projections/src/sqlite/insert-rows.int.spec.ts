import Database from 'better-sqlite3';
import fc from 'fast-check';
import { insertRows } from './insert-rows';
import type { SqlValue } from './versioned-table';

const columns = ['a', 'b', 'c'];
const value: fc.Arbitrary<SqlValue> = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constant(null),
);

describe('insertRows', () => {
  it('stores every row, in order, whatever their number (around and across 32 per statement)', () => {
    const db = new Database(':memory:');
    try {
      fc.assert(
        fc.property(fc.array(fc.tuple(value, value, value), { maxLength: 100, size: 'max' }), (rows) => {
          db.exec('DROP TABLE IF EXISTS facts');
          db.exec(`CREATE TABLE facts (${columns.join(', ')})`);
          insertRows(db, 'facts', columns, rows);
          const stored = db
            .prepare(`SELECT ${columns.join(', ')} FROM facts ORDER BY rowid`)
            .raw()
            .all();
          expect(stored).toEqual(rows);
        }),
        { numRuns: 200 },
      );
    } finally {
      db.close();
    }
  });
});
