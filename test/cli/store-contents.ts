import type { RecordedEvent } from '@styring/eventstore';
import { openSqliteEventStore } from '@styring/eventstore-sqlite';

/** Every event in a SQLite store file, read directly: what a command really wrote, not what it printed. */
export const eventsIn = async (file: string): Promise<RecordedEvent[]> => {
  const store = openSqliteEventStore({ file });
  try {
    const events: RecordedEvent[] = [];
    for await (const event of store.readAll()) events.push(event);
    return events;
  } finally {
    await store.close();
  }
};
