import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type {
  AppendOptions,
  EventStore,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '@styring/eventstore';
import { councilDecision as councilDecisionIn } from '@styring/governance';
import { adoptRiskScale } from '@styring/governance/testing';
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

const councilDecision = (decidedOn: string, caseNumber: string) =>
  councilDecisionIn(decidedOn, caseNumber, `Kommunestyrets møte ${decidedOn}`, 'Kommuneloven § 5-3');

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

const revokeDelegation = {
  type: 'RevokeAuthority',
  delegationId: 'delegeringsreglement',
  revokedFrom: '2024-01-01',
  reason: 'Delegeringsreglementet er opphevet',
  decision: councilDecision('2023-12-20', '2023/4188'),
};

/**
 * A real store on which another writer's command lands at the worst moment: after a decision was decided on
 * the facts it read, just before its events are appended (each time, or only the first `times` times).
 */
class Interleaved implements EventStore {
  attempts = 0;
  constructor(
    private readonly store: EventStore,
    private readonly streamId: string,
    private readonly meanwhile: (attempt: number) => Promise<unknown>,
  ) {}
  async appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions) {
    if (streamId === this.streamId) await this.meanwhile(++this.attempts);
    return this.store.appendToStream(streamId, events, options);
  }
  readStream(streamId: string, options?: ReadStreamOptions) {
    return this.store.readStream(streamId, options);
  }
  readAll(options?: ReadAllOptions) {
    return this.store.readAll(options);
  }
  subscribeToAll(options?: SubscribeOptions) {
    return this.store.subscribeToAll(options);
  }
  streamExists(streamId: string) {
    return this.store.streamExists(streamId);
  }
  readEvent(eventId: string) {
    return this.store.readEvent(eventId);
  }
  lastPosition() {
    return this.store.lastPosition();
  }
  close() {
    return this.store.close();
  }
}

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

  describe('decisions consistent with the facts they were decided on', () => {
    /** An executor on a second handle of the same file: another process writing at the same time. */
    const otherWriter = async () => {
      const other = await openStore('sqlite:./styring.db', { cwd: dir });
      return { executor: createCommandExecutor(other.events, runtime), close: other.close };
    };

    it('decides again when its delegation is revoked between deciding and appending: refused, nothing written', async () => {
      await createCommandExecutor(store.events, runtime).execute(delegateToKommunedirektor, secretariat);
      const other = await otherWriter();
      const revoked: string[] = [];
      const racing = new Interleaved(store.events, 'plan-styringsbrev-2024', async (attempt) => {
        if (attempt === 1) revoked.push((await other.executor.execute(revokeDelegation, secretariat)).status);
      });

      const result = await createCommandExecutor(racing, runtime).execute(adoptStyringsbrev, kommunedirektor);
      await other.close();

      expect(revoked).toEqual(['accepted']);
      expect(racing.attempts).toBe(1);
      expect(result).toMatchObject({ status: 'rejected', code: 'authority.delegation_not_in_force' });
      expect((await allEvents()).map((event) => event.type)).toEqual([
        'AuthorityDelegated',
        'AuthorityRevoked',
      ]);
    });

    it('decides again also when the caller named the revision it saw (If-Match): those facts it did not see', async () => {
      await createCommandExecutor(store.events, runtime).execute(delegateToKommunedirektor, secretariat);
      const other = await otherWriter();
      const racing = new Interleaved(store.events, 'plan-styringsbrev-2024', (attempt) =>
        attempt === 1 ? other.executor.execute(revokeDelegation, secretariat) : Promise.resolve(),
      );

      const result = await createCommandExecutor(racing, runtime).execute(
        adoptStyringsbrev,
        kommunedirektor,
        {
          expectedRevision: 'no_stream',
        },
      );
      await other.close();

      expect(result).toMatchObject({ status: 'rejected', code: 'authority.delegation_not_in_force' });
      expect(await store.events.streamExists('plan-styringsbrev-2024')).toBe(false);
    });

    it('stores both when the revocation comes after the decision, in that order', async () => {
      const executor = createCommandExecutor(store.events, runtime);
      await executor.execute(delegateToKommunedirektor, secretariat);
      expect((await executor.execute(adoptStyringsbrev, kommunedirektor)).status).toBe('accepted');
      expect((await executor.execute(revokeDelegation, secretariat)).status).toBe('accepted');
      expect((await allEvents()).map((event) => event.type)).toEqual([
        'AuthorityDelegated',
        'PlanAdopted',
        'AuthorityRevoked',
      ]);
    });

    // A plan decision reads delegations, units and plans (the holder, the parent plans), not the risk scales.
    it('is not held up by a change to facts the decision did not read (a new risk scale)', async () => {
      await createCommandExecutor(store.events, runtime).execute(delegateToKommunedirektor, secretariat);
      const other = await otherWriter();
      const racing = new Interleaved(store.events, 'plan-styringsbrev-2024', (attempt) =>
        attempt === 1
          ? other.executor.execute(adoptRiskScale(councilDecision('2024-01-03', '2024/0012')), secretariat)
          : Promise.resolve(),
      );

      const result = await createCommandExecutor(racing, runtime).execute(adoptStyringsbrev, kommunedirektor);
      await other.close();

      expect(result.status).toBe('accepted');
      expect(racing.attempts).toBe(1);
      expect((await allEvents()).map((event) => event.type)).toEqual([
        'AuthorityDelegated',
        'RiskScaleAdopted',
        'PlanAdopted',
      ]);
    });

    it('reports a conflict naming the change when the facts change at every attempt, and writes nothing', async () => {
      await createCommandExecutor(store.events, runtime).execute(delegateToKommunedirektor, secretariat);
      const other = await otherWriter();
      const delegated: RecordedEvent[] = [];
      const racing = new Interleaved(store.events, 'plan-styringsbrev-2024', async (attempt) => {
        await other.executor.execute(
          { ...delegateToKommunedirektor, delegationId: `annen-delegering-${attempt}` },
          secretariat,
        );
        for await (const event of store.events.readAll({ filter: { eventTypes: ['AuthorityDelegated'] } }))
          if (event.streamId === `delegation-annen-delegering-${attempt}`) delegated.push(event);
      });

      const result = await createCommandExecutor(racing, runtime).execute(adoptStyringsbrev, kommunedirektor);
      await other.close();

      const last = delegated[delegated.length - 1];
      expect(racing.attempts).toBe(5);
      expect(result).toEqual({
        status: 'conflict',
        commandType: 'AdoptPlan',
        streamId: 'plan-styringsbrev-2024',
        changed: {
          eventId: last?.eventId,
          streamId: last?.streamId,
          type: 'AuthorityDelegated',
          globalPosition: last?.globalPosition,
        },
      });
      expect(await store.events.streamExists('plan-styringsbrev-2024')).toBe(false);
    });
  });
});
