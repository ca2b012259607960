/**
 * One side of the decision/revocation race, in a process of its own (started by `describeConsistencyRace`):
 *   node race-child.js '{"module":…,"open":…,"options":…,"role":"decision"|"revocation"}'
 * Opens the store with the adapter's own opener, reports `{"ready":true}`, then for each round read as a
 * JSON line on stdin appends its side and reports the outcome as a JSON line; ends when stdin closes.
 */
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import type { AppendOutcome, EventStore } from '@styring/eventstore';
import { newEvent } from '../new-event';
import type { RaceRound, RaceReport } from './race-messages';

interface ChildArguments {
  readonly module: string;
  readonly open: string;
  readonly options: unknown;
  readonly role: 'decision' | 'revocation';
}

// Not `module`: in a CommonJS file that name is taken.
const { module: adapterModule, open, options, role } = JSON.parse(process.argv[2] ?? '{}') as ChildArguments;

const report = (line: RaceReport | { readonly ready: true }) =>
  process.stdout.write(`${JSON.stringify(line)}\n`);

const append = (store: EventStore, round: RaceRound): Promise<AppendOutcome> =>
  role === 'decision'
    ? store.appendToStream(round.decision, [newEvent('decision-made')], {
        expectedRevision: 'no_stream',
        condition: {
          failIfEventsMatch: [{ eventTypes: ['delegation-revoked'], streamIds: [round.delegation] }],
          after: BigInt(round.after),
        },
      })
    : store.appendToStream(round.delegation, [newEvent('delegation-revoked')], { expectedRevision: 0n });

const main = async () => {
  const exported = (await import(pathToFileURL(adapterModule).href)) as Record<string, unknown>;
  const opener = exported[open] as ((options: unknown) => EventStore | Promise<EventStore>) | undefined;
  if (opener === undefined) throw new Error(`${adapterModule} exports no '${open}'`);
  const store = await opener(options);
  report({ ready: true });
  for await (const line of createInterface({ input: process.stdin })) {
    const round = JSON.parse(line) as RaceRound;
    // A little jitter, so that either side can come first.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * round.jitterMs));
    const outcome = await append(store, round);
    report({
      round: round.n,
      tag: outcome._tag,
      ...(outcome._tag === 'Appended' ? { position: String(outcome.lastPosition) } : {}),
      ...(outcome._tag === 'ConsistencyConflict' ? { changed: String(outcome.changed.globalPosition) } : {}),
    });
  }
  await store.close();
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
