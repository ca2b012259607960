import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isEventStoreFailure } from '@styring/eventstore';
import { openStore } from './open-store';

describe('openStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'styring-app-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates a SQLite store, with its directory, only when asked to', async () => {
    const url = 'sqlite:./nested/data/styring.db';
    await expect(openStore(url, { cwd: dir })).rejects.toThrow(
      /no event store at .*nested\/data\/styring\.db/,
    );
    expect(fs.existsSync(path.join(dir, 'nested'))).toBe(false);

    const created = await openStore(url, { cwd: dir, create: true });
    await created.close();
    const reopened = await openStore(url, { cwd: dir });
    expect(await reopened.events.streamExists('anything')).toBe(false);
    await reopened.close();
  });

  it('refuses a URL of an unknown scheme without touching the disk', async () => {
    const failure = await openStore('mongodb://localhost/styring', { cwd: dir, create: true }).catch(
      (e: unknown) => e,
    );
    expect(isEventStoreFailure(failure) && failure.code).toBe('invalid_argument');
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
