import fc from 'fast-check';
import { Client } from 'pg';
import { describeWithPostgres } from '@styring/eventstore-postgres/testing';
import { postgresArrayLiteral } from './postgres-array-literal';

describeWithPostgres('postgresArrayLiteral', (cluster) => {
  let client: Client;
  // Each test its own client, ended before the cluster's own afterAll stops the server.
  beforeEach(async () => {
    client = new Client({ connectionString: cluster().connectionString() });
    await client.connect();
  });
  afterEach(() => client.end());

  it('reaches PostgreSQL as the same texts, quotes, backslashes, braces, commas and NULL included', async () => {
    // PostgreSQL's text cannot hold U+0000.
    const text = fc.string({ unit: 'binary' }).map((s) => s.replaceAll('\u0000', ''));
    const tricky = fc.constantFrom('NULL', 'null', '', ' ', '"', '\\', '\\"', '{}', 'a,b', '{"a"}', ' x ');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.option(fc.oneof(text, tricky), { nil: null }), { maxLength: 20 }),
        async (values) => {
          const { rows } = await client.query<{ value: string | null }>(
            'SELECT unnest($1::text[]) AS value',
            [postgresArrayLiteral(values)],
          );
          expect(rows.map((row) => row.value)).toEqual(values);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reaches PostgreSQL as the same numbers, bigint and double precision', async () => {
    const integers = [0n, -1n, 2n ** 63n - 1n, -(2n ** 63n)];
    const doubles = [0, -0.5, 1e21, 0.1 + 0.2, Number.MIN_VALUE, Number.MAX_VALUE];
    const { rows } = await client.query<{ integers: string[]; doubles: number[] }>(
      'SELECT $1::bigint[]::text[] AS integers, $2::double precision[] AS doubles',
      [postgresArrayLiteral(integers), postgresArrayLiteral(doubles)],
    );
    expect(rows[0]?.integers).toEqual(integers.map(String));
    expect(rows[0]?.doubles).toEqual(doubles);
  });
});
