import { decisionsWithoutAuthority } from '@styring/projections';
import { councilDecision, decisionUnderDelegation } from '@styring/governance';
import { keepingRefusedAttempts } from '../attempts/refused-attempts';
import { createCommandExecutor } from '../command-executor';
import { seedDemo } from '../demo/seed-demo';
import { prosjektvirksomhetensFullmakt } from '../demo/organisation';
import type { Caller } from '../execution-result';
import { openProjections } from '../projections';
import { scratchStore } from '../testing/scratch-store';

/**
 * A contract the leader of prosjektvirksomheten awarded far above the limit of their delegation: refused
 * as a decision, then recorded by internkontroll (STYV) with a stated reason, on the demo history, through
 * the one command path every entry point shares.
 */
const styv: Caller = { actor: 'internkontroll-1', role: 'styv', unit: 'styv' };
const leader: Caller = { actor: 'leder-prosjekt', role: 'virksomhetsleder', unit: 'prosjektvirksomheten' };
const reason = 'Kontrakten er signert og løper; internkontrollen fører vedtaket slik det ble truffet.';

const register = {
  type: 'RegisterProcurement',
  procurementId: 'stottemur-skolevei',
  title: 'Støttemur langs skoleveien',
  estimatedValueNok: 6_000_000,
  callOff: false,
  requestingUnit: 'prosjektvirksomheten',
  registeredOn: '2025-10-01',
};
const award = (recordedWithoutAuthority?: unknown, contractValueNok = 5_900_000) => ({
  type: 'AwardContract',
  procurementId: 'stottemur-skolevei',
  supplier: 'Murmester Romerike AS (fiktiv)',
  contractValueNok,
  decision: {
    ...decisionUnderDelegation(
      'virksomhetsleder',
      prosjektvirksomhetensFullmakt,
      '2025-10-20',
      '2025/9101',
      'prosjektvirksomheten',
    ),
    ...(recordedWithoutAuthority === undefined ? {} : { recordedWithoutAuthority }),
  },
});

describe('recording a decision taken without authority, on the demo history', () => {
  let scratch: Awaited<ReturnType<typeof scratchStore>>;
  let executor: ReturnType<typeof createCommandExecutor>;
  const clock = () => new Date('2026-12-04T12:00:00Z');
  const count = async () => (await scratch.allEvents()).length;

  beforeAll(async () => {
    scratch = await scratchStore('styring-without-authority-');
    await seedDemo(scratch.store.events);
    executor = keepingRefusedAttempts(
      createCommandExecutor(scratch.store.events),
      scratch.store.attempts,
      clock,
    );
    expect(await executor.execute(register, styv)).toMatchObject({ status: 'accepted' });
  });
  afterAll(() => scratch.remove());

  it('refuses the decision by default (authority.outside_delegation), writing nothing', async () => {
    const before = await count();
    expect(await executor.execute(award(), leader)).toMatchObject({
      status: 'rejected',
      code: 'authority.outside_delegation',
    });
    expect(await count()).toBe(before);
  });

  it('refuses a non-privileged caller who asks to record it anyway, writing nothing and logging the attempt', async () => {
    const before = await count();
    const result = await executor.execute(award({ reason }), { ...leader, correlationId: 'forsok-1' });
    expect(result).toMatchObject({ status: 'rejected', code: 'caller.without_authority_not_allowed' });
    expect(result.status === 'rejected' ? result.message : '').toContain('internkontrollen');
    expect(await count()).toBe(before);
    expect(await scratch.store.attempts.read()).toContainEqual(
      expect.objectContaining({
        actor: 'leder-prosjekt',
        commandType: 'AwardContract',
        code: 'caller.without_authority_not_allowed',
        correlationId: 'forsok-1',
      }),
    );
  });

  it('refuses a missing or blank reason, naming the field', async () => {
    for (const asked of [{}, { reason: ' ' }]) {
      const result = await executor.execute(award(asked), styv);
      expect(result).toMatchObject({
        status: 'invalid',
        errors: [expect.objectContaining({ path: 'decision.recordedWithoutAuthority.reason' })],
      });
    }
  });

  it('keeps every other rule for the privileged caller: a contract of NOK 0 stays refused', async () => {
    const result = await executor.execute(award({ reason }, 0), styv);
    expect(result).toMatchObject({ status: 'rejected' });
    expect(result.status === 'rejected' ? result.code : '').not.toMatch(/^authority\.|^caller\./);
  });

  it('records it for STYV with the reason; the event carries the finding, and who recorded it on whose behalf', async () => {
    const result = await executor.execute(award({ reason }), styv);
    expect(result).toMatchObject({ status: 'accepted', events: [{ type: 'ContractAwarded' }] });
    const stored = (await scratch.allEvents()).at(-1)!;
    expect(stored.data).toMatchObject({
      decision: {
        recordedWithoutAuthority: {
          reason,
          finding: {
            code: 'authority.outside_delegation',
            message: expect.stringContaining('utenfor delegeringen'),
            messageEn: expect.stringContaining('outside the delegation'),
          },
        },
      },
    });
    expect(stored.metadata).toMatchObject({
      actor: 'internkontroll-1',
      role: 'styv',
      onBehalfOf: 'virksomhetsleder',
    });
  });

  it('lets the secretariat record one of a body it enters (formannskapet), on its behalf', async () => {
    const secretariat: Caller = { actor: 'sekretar-1', role: 'kommunestyre-sekretariat', unit: 'styv' };
    const procurementId = 'stottemur-skolevei-2';
    expect(await executor.execute({ ...register, procurementId }, styv)).toMatchObject({
      status: 'accepted',
    });
    const decision = {
      ...councilDecision('2025-10-22', '2025/9102', 'Formannskapets møte 22.10.2025'),
      body: 'formannskapet',
    };
    const byCommittee = (recordedWithoutAuthority?: unknown) => ({
      ...award(),
      procurementId,
      decision: {
        ...decision,
        ...(recordedWithoutAuthority === undefined ? {} : { recordedWithoutAuthority }),
      },
    });
    // Without the reason it is a command the secretariat's role does not send (a line role's).
    expect(await executor.execute(byCommittee(), secretariat)).toMatchObject({
      code: 'caller.command_not_allowed',
    });
    const result = await executor.execute(byCommittee({ reason }), secretariat);
    expect(result).toMatchObject({ status: 'accepted' });
    const stored = (await scratch.allEvents()).at(-1)!;
    expect(stored.metadata).toMatchObject({ actor: 'sekretar-1', onBehalfOf: 'formannskapet' });
  });

  it('shows it in the decisions-without-authority view and the decision log, marked', async () => {
    const projections = openProjections(scratch.store);
    try {
      await projections.catchUp();
      const [listed] = (await decisionsWithoutAuthority(projections.reader)).filter(
        (failure) => failure.decision.caseNumber === '2025/9101',
      );
      expect(listed).toMatchObject({
        code: 'authority.outside_delegation',
        recordedWithoutAuthority: { reason, recordedBy: { actor: 'internkontroll-1', role: 'styv' } },
      });
      const marked = (await projections.decisionLog()).filter(
        (row) => row.recordedWithoutAuthority !== undefined,
      );
      expect(marked).toEqual([
        expect.objectContaining({
          caseNumber: '2025/9101',
          actor: 'internkontroll-1',
          recordedWithoutAuthority: expect.objectContaining({ reason }),
        }),
        expect.objectContaining({ caseNumber: '2025/9102', actor: 'sekretar-1' }),
      ]);
    } finally {
      await projections.close();
    }
  });
});
