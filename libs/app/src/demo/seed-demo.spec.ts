import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openStore, type OpenedStore } from '../open-store';
import { demoHistory } from './demo-history';
import { seedDemo } from './seed-demo';

describe('seedDemo', () => {
  let dir: string;
  let store: OpenedStore;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'styring-demo-'));
    store = await openStore('sqlite:./styring.db', { cwd: dir, create: true });
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes every step of the demo through the command path', async () => {
    const seeded = await seedDemo(store.events);
    expect(seeded.commands).toBe(demoHistory.length);
  });
});
