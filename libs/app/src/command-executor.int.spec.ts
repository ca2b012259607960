import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RecordedEvent } from '@styring/eventstore';
import { createCommandExecutor } from './command-executor';
import type { Caller } from './execution-result';
import { openStore, type OpenedStore } from './open-store';
import type { Runtime } from './runtime';

const secretariat: Caller = {
  actor: 'kari',
  role: 'kommunestyre-sekretariat',
  unit: 'styv',
  onBehalfOf: 'kommunestyret',
  correlationId: 'request-1',
};
const kommunedirektor: Caller = { actor: 'ola', role: 'kommunedirektor' };

const councilDecision = (decidedOn: string, caseNumber: string) => ({
  body: 'kommunestyret',
  decidedOn,
  caseNumber,
  meeting: `Kommunestyrets møte ${decidedOn}`,
  authority: { kind: 'law', reference: 'Kommuneloven § 5-3' },
});

const adoptStrategy = (planId: string, decidedOn = '2024-03-20') => ({
  type: 'AdoptPlan',
  planId,
  kind: 'strategi',
  title: 'HR-strategi',
  period: { from: '2024-04-01', to: '2027-12-31' },
  decision: councilDecision(decidedOn, '2024/0544'),
});

const delegateToKommunedirektor = {
  type: 'DelegateAuthority',
  delegationId: 'delegeringsreglement',
  to: { body: 'kommunedirektoren' },
  scope: { commandTypes: ['AdoptPlan'], planKinds: ['styringsbrev'] },
  validFrom: '2024-01-01',
  decision: councilDecision('2023-12-13', '2023/4101'),
};

const adoptStyringsbrev = {
  type: 'AdoptPlan',
  planId: 'styringsbrev-2024',
  kind: 'styringsbrev',
  title: 'Styringsbrev 2024',
  period: { from: '2024-01-01', to: '2024-12-31' },
  decision: {
    body: 'kommunedirektoren',
    decidedOn: '2024-01-05',
    caseNumber: '2024/0031',
    authority: { kind: 'delegation', delegationId: 'delegeringsreglement' },
  },
};

describe('createCommandExecutor', () => {
  let dir: string;
  let store: OpenedStore;
  let ids: number;
  const runtime: Runtime = { clock: () => new Date('2026-01-01T00:00:00Z'), newId: () => `id-${++ids}` };

  const allEvents = async (): Promise<RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    for await (const event of store.events.readAll()) events.push(event);
    return events;
  };

  beforeEach(async () => {
    ids = 0;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'styring-exec-'));
    store = await openStore('sqlite:./styring.db', { cwd: dir, create: true });
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('appends an accepted command with the caller as metadata and the decision date as effectiveAt', async () => {
    const result = await createCommandExecutor(store.events, runtime).execute(
      adoptStrategy('hr-strategi'),
      secretariat,
    );

    const [event] = await allEvents();
    expect(result).toEqual({
      status: 'accepted',
      commandType: 'AdoptPlan',
      streamId: 'plan-hr-strategi',
      events: [
        {
          eventId: event?.eventId,
          type: 'PlanAdopted',
          streamRevision: 0n,
          globalPosition: event?.globalPosition,
        },
      ],
      revision: 0n,
      position: event?.globalPosition,
      correlationId: 'request-1',
    });
    expect(event?.metadata).toEqual({
      actor: 'kari',
      role: 'kommunestyre-sekretariat',
      unit: 'styv',
      onBehalfOf: 'kommunestyret',
      correlationId: 'request-1',
      causationId: expect.stringMatching(/^id-/),
      effectiveAt: '2024-03-20',
    });
  });

  it('returns a rule’s rejection with its code and both messages, and writes nothing', async () => {
    const executor = createCommandExecutor(store.events, runtime);
    const result = await executor.execute(adoptStyringsbrev, kommunedirektor);

    expect(result).toMatchObject({
      status: 'rejected',
      commandType: 'AdoptPlan',
      code: 'authority.delegation_unknown',
    });
    expect(result.status === 'rejected' && result.message.length > 0 && result.messageEn.length > 0).toBe(
      true,
    );
    expect(await allEvents()).toEqual([]);
  });

  it('names every bad field of an invalid command by its path, and writes nothing', async () => {
    const command = {
      ...adoptStrategy('hr-strategi'),
      decision: { ...councilDecision('2024-02-30', 'sak 12') },
    };
    const result = await createCommandExecutor(store.events, runtime).execute(command, secretariat);

    expect(result.status).toBe('invalid');
    const paths = result.status === 'invalid' ? result.errors.map((e) => e.path) : [];
    expect(paths).toEqual(expect.arrayContaining(['decision.decidedOn', 'decision.caseNumber']));
    expect(await allEvents()).toEqual([]);
  });

  it('decides with the delegations recorded on other streams, also those appended after it started', async () => {
    const executor = createCommandExecutor(store.events, runtime);
    expect((await executor.execute(adoptStyringsbrev, kommunedirektor)).status).toBe('rejected');

    // Another process records the delegation; the same executor sees it on its next command.
    const other = await openStore('sqlite:./styring.db', { cwd: dir });
    expect(
      (await createCommandExecutor(other.events, runtime).execute(delegateToKommunedirektor, secretariat))
        .status,
    ).toBe('accepted');
    await other.close();

    expect((await executor.execute(adoptStyringsbrev, kommunedirektor)).status).toBe('accepted');
  });

  it('reports a conflict when the caller’s expected revision is stale, and writes nothing', async () => {
    const executor = createCommandExecutor(store.events, runtime);
    await executor.execute(adoptStrategy('hr-strategi'), secretariat);
    const revise = {
      type: 'RevisePlan',
      planId: 'hr-strategi',
      title: 'HR-strategi (revidert)',
      decision: councilDecision('2024-09-18', '2024/1733'),
    };

    const result = await executor.execute(revise, secretariat, { expectedRevision: 'no_stream' });

    expect(result).toEqual({
      status: 'conflict',
      commandType: 'RevisePlan',
      streamId: 'plan-hr-strategi',
      expected: 'no_stream',
      actual: 0n,
    });
    expect(await allEvents()).toHaveLength(1);
  });

  describe('executeBatch', () => {
    it('writes nothing at all when any command of the batch is invalid', async () => {
      const items = await createCommandExecutor(store.events, runtime).executeBatch(
        [adoptStrategy('hr-strategi'), { type: 'AdoptPlan' }, adoptStrategy('eiendomsstrategi')],
        secretariat,
      );

      expect(items.map((item) => item.status)).toEqual(['not_run', 'invalid', 'not_run']);
      expect(await allEvents()).toEqual([]);
    });

    it('runs in order and stops at the first command a rule refuses', async () => {
      const items = await createCommandExecutor(store.events, runtime).executeBatch(
        [adoptStrategy('hr-strategi'), adoptStrategy('hr-strategi'), adoptStrategy('eiendomsstrategi')],
        secretariat,
      );

      expect(items.map((item) => item.status)).toEqual(['accepted', 'rejected', 'not_run']);
      expect((await allEvents()).map((event) => event.streamId)).toEqual(['plan-hr-strategi']);
    });
  });
});
