import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openStore, type OpenedStore } from '@styring/app';
import { newEvent } from '@styring/eventstore-testkit';
import { firstValueFrom, take, toArray } from 'rxjs';
import { eventually } from '../testing/fixtures';
import type { StyringEvent } from './styring-event';
import { styringEventStream } from './styring-event-stream';

describe('styringEventStream: the store as an rxjs Observable', () => {
  let dir: string;
  let opened: OpenedStore;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'styring-event-stream-'));
    opened = await openStore(`sqlite:${path.join(dir, 'styring.db')}`, { create: true });
  });
  afterEach(async () => {
    await opened.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const append = (streamId: string, name: string) =>
    opened.events.appendToStream(streamId, [newEvent(name)], { expectedRevision: 'any' });

  it('gives the history first, then events as they are appended, and resumes after a checkpoint', async () => {
    await append('plan-1', 'First');
    await append('plan-2', 'Second');
    const received: StyringEvent[] = [];
    const subscription = styringEventStream(opened.events).subscribe((event) => received.push(event));
    await eventually(() => received.length === 2);
    await append('plan-1', 'Third');
    await eventually(() => received.length === 3);
    subscription.unsubscribe();
    expect(received.map((event) => `${event.streamId}:${event.type}`)).toEqual([
      'plan-1:First',
      'plan-2:Second',
      'plan-1:Third',
    ]);

    // The consumer kept the position of the second event: a new stream starts after it.
    const resumed = await firstValueFrom(
      styringEventStream(opened.events, { after: received[1]!.globalPosition }).pipe(take(1), toArray()),
    );
    expect(resumed.map((event) => event.eventId)).toEqual([received[2]!.eventId]);
  });
});
