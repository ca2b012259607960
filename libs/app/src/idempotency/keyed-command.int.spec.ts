import { councilDecision } from '@styring/governance';
import { createCommandExecutor } from '../command-executor';
import type { Caller } from '../execution-result';
import type { OpenedStore } from '../open-store';
import { scratchStore } from '../testing/scratch-store';

const secretariat: Caller = { actor: 'kari', role: 'kommunestyre-sekretariat', unit: 'styv' };
const council = (caseNumber: string) =>
  councilDecision('2025-06-18', caseNumber, 'Kommunestyrets møte 18.06.2025');
const adopt = {
  type: 'AdoptPlan',
  planId: 'eiendomsstrategi',
  kind: 'strategi',
  title: 'Eiendomsstrategi',
  period: { from: '2025-01-01', to: '2028-12-31' },
  decision: council('2025/700'),
};
/** A revision has no natural key: without an idempotency key, each retry would append another one. */
const revise = (commandId: string, title = 'Eiendomsstrategi (revidert)') => ({
  type: 'RevisePlan',
  planId: 'eiendomsstrategi',
  title,
  decision: council('2025/777'),
  commandId,
});

describe('idempotent retries (commandId)', () => {
  let scratch: Awaited<ReturnType<typeof scratchStore>>;
  let store: OpenedStore;
  const allEvents = () => scratch.allEvents();

  beforeEach(async () => {
    scratch = await scratchStore('styring-keyed-');
    store = scratch.store;
    expect((await createCommandExecutor(store.events).execute(adopt, secretariat)).status).toBe('accepted');
  });
  afterEach(() => scratch.remove());

  it('gives a retry with the same key the first outcome and writes nothing new, also in a new executor', async () => {
    const first = await createCommandExecutor(store.events).execute(revise('retry-1'), secretariat);
    const again = await createCommandExecutor(store.events).execute(revise('retry-1'), secretariat);
    const executor = createCommandExecutor(store.events);
    await executor.execute(revise('retry-1'), secretariat);
    const third = await executor.execute(revise('retry-1'), secretariat);

    expect(first.status).toBe('accepted');
    expect(again).toEqual(first);
    expect(third).toEqual(first);
    const revisions = (await allEvents()).filter((event) => event.type === 'PlanRevised');
    expect(revisions).toHaveLength(1);
    expect(revisions[0]?.metadata.causationId).toBe('retry-1');
  });

  it('refuses the same key with another command (idempotency.key_reused), and writes nothing', async () => {
    await createCommandExecutor(store.events).execute(revise('retry-2'), secretariat);
    const before = await allEvents();
    const other = await createCommandExecutor(store.events).execute(
      revise('retry-2', 'Eiendomsstrategi (en annen tittel)'),
      secretariat,
    );
    const otherCaller = await createCommandExecutor(store.events).execute(revise('retry-2'), {
      ...secretariat,
      actor: 'per',
    });

    for (const result of [other, otherCaller]) {
      expect(result).toMatchObject({ status: 'rejected', code: 'idempotency.key_reused' });
      expect(result.status === 'rejected' ? result.messageEn : '').toContain('retry-2');
    }
    expect(await allEvents()).toEqual(before);
  });

  it('appends exactly one copy when two executors race with the same key', async () => {
    const racers = Array.from({ length: 4 }, () => createCommandExecutor(store.events));
    const results = await Promise.all(
      racers.map((executor) => executor.execute(revise('race'), secretariat)),
    );

    expect(results.map((result) => result.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
    expect((await allEvents()).filter((event) => event.type === 'PlanRevised')).toHaveLength(1);
  });

  it('names a key that is not 1–128 printable ASCII characters, and writes nothing', async () => {
    const before = await allEvents();
    for (const commandId of ['', 'to ord', 'x'.repeat(129), 42]) {
      const result = await createCommandExecutor(store.events).execute(
        { ...revise('x'), commandId },
        secretariat,
      );
      expect(result).toMatchObject({
        status: 'invalid',
        errors: [expect.objectContaining({ path: 'commandId' })],
      });
    }
    expect(await allEvents()).toEqual(before);
  });
});
