import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RecordedEvent } from '@styring/eventstore';
import { openStore, type OpenedStore } from '../open-store';

/** A SQLite store in a new temporary folder, for one test; `remove` closes it and deletes the folder. */
export const scratchStore = async (
  prefix: string,
): Promise<{
  readonly store: OpenedStore;
  readonly allEvents: () => Promise<RecordedEvent[]>;
  readonly remove: () => Promise<void>;
}> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const store = await openStore('sqlite:./styring.db', { cwd: dir, create: true });
  return {
    store,
    allEvents: async () => {
      const events: RecordedEvent[] = [];
      for await (const event of store.events.readAll()) events.push(event);
      return events;
    },
    remove: async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
};
