import { isEventStoreFailure } from '@styring/eventstore';
import { defaultStoreUrl, maskStoreUrl, parseStoreUrl } from './store-url';

describe('parseStoreUrl', () => {
  it('resolves the default SQLite file against the working directory', () => {
    expect(parseStoreUrl(defaultStoreUrl, '/home/kari/styring')).toEqual({
      kind: 'sqlite',
      file: '/home/kari/styring/data/styring.db',
    });
  });

  it('keeps an absolute SQLite path, also in the sqlite:/// form', () => {
    expect(parseStoreUrl('sqlite:/var/lib/styring.db', '/tmp')).toEqual({
      kind: 'sqlite',
      file: '/var/lib/styring.db',
    });
    expect(parseStoreUrl('sqlite:///var/lib/styring.db', '/tmp')).toEqual({
      kind: 'sqlite',
      file: '/var/lib/styring.db',
    });
  });

  it('passes PostgreSQL and EventStoreDB connection strings through unchanged', () => {
    const pg = 'postgres://styring:secret@127.0.0.1:5432/styring';
    expect(parseStoreUrl(pg, '/')).toEqual({ kind: 'postgres', connectionString: pg });
    const esdb = 'esdb://127.0.0.1:2113?tls=false';
    expect(parseStoreUrl(esdb, '/')).toEqual({ kind: 'esdb', connectionString: esdb });
  });

  it.each([
    ['mysql://localhost/styring', "unknown store URL scheme 'mysql:'"],
    ['./data/styring.db', 'has no scheme'],
    ['sqlite:', 'names no file'],
  ])('refuses %s with a clear invalid_argument error', (url, message) => {
    let thrown: unknown;
    try {
      parseStoreUrl(url, '/');
    } catch (error) {
      thrown = error;
    }
    expect(isEventStoreFailure(thrown) && thrown.code).toBe('invalid_argument');
    expect((thrown as Error).message).toContain(message);
  });
});

describe('maskStoreUrl', () => {
  it.each([
    [
      'postgres://styring:S3cretPassw0rd@127.0.0.1:5999/postgres',
      'postgres://styring:***@127.0.0.1:5999/postgres',
    ],
    ['postgresql://u:p%40ss@db/x?sslmode=require', 'postgresql://u:***@db/x?sslmode=require'],
    ['postgres://db/x?user=u&password=hemmelig&x=1', 'postgres://db/x?user=u&password=***&x=1'],
    ['esdb://admin:changeit@localhost:2113?tls=false', 'esdb://admin:***@localhost:2113?tls=false'],
    ['sqlite:./data/styring.db', 'sqlite:./data/styring.db'],
    ['postgres://reader@db/x', 'postgres://reader@db/x'],
  ])('shows %s as %s', (url, shown) => {
    expect(maskStoreUrl(url)).toBe(shown);
  });

  it('keeps a password out of the error for an unknown scheme', () => {
    expect(() => parseStoreUrl('postgress://u:hemmelig@db/x', '/')).toThrow(/u:\*\*\*@db/);
    expect(() => parseStoreUrl('postgress://u:hemmelig@db/x', '/')).not.toThrow(/hemmelig/);
  });
});
