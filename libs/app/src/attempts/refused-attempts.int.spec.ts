import { councilDecision } from '@styring/governance';
import { createCommandExecutor } from '../command-executor';
import { scratchStore } from '../testing/scratch-store';
import { keepingRefusedAttempts } from './refused-attempts';

const councilPlan = {
  type: 'AdoptPlan',
  planId: 'temaplan-x',
  kind: 'temaplan',
  title: 'Temaplan X',
  period: { from: '2026-01-01', to: '2029-12-31' },
  decision: councilDecision('2025-10-08', '2025/9003', 'Kommunestyrets møte 08.10.2025'),
};
const clock = () => new Date('2026-12-04T12:00:00Z');

describe('the attempt log', () => {
  let scratch: Awaited<ReturnType<typeof scratchStore>>;
  beforeEach(async () => (scratch = await scratchStore('styring-attempts-')));
  afterEach(() => scratch.remove());

  it('keeps who tried which command when, and the code it was refused with – outside the history', async () => {
    const executor = keepingRefusedAttempts(
      createCommandExecutor(scratch.store.events),
      scratch.store.attempts,
      clock,
    );
    const refused = await executor.execute(councilPlan, {
      actor: 'leder-hjemme',
      role: 'virksomhetsleder',
      unit: 'hjemmetjenesten',
      correlationId: 'request-7',
    });
    const accepted = await executor.execute(councilPlan, {
      actor: 'kari',
      role: 'kommunestyre-sekretariat',
      unit: 'styv',
    });
    await executor.execute({ type: 'AdoptPlan' }, { actor: 'x', role: 'styv' });

    expect(refused.status).toBe('rejected');
    expect(accepted.status).toBe('accepted');
    expect(await scratch.store.attempts.read()).toEqual([
      {
        at: '2026-12-04T12:00:00.000Z',
        actor: 'leder-hjemme',
        role: 'virksomhetsleder',
        unit: 'hjemmetjenesten',
        commandType: 'AdoptPlan',
        code: 'caller.body_not_allowed',
        correlationId: 'request-7',
      },
    ]);
    // The governance history holds only what was recorded.
    expect((await scratch.allEvents()).map((event) => event.type)).toEqual(['PlanAdopted']);
  });

  it('keeps the refused command of a batch', async () => {
    const executor = keepingRefusedAttempts(
      createCommandExecutor(scratch.store.events),
      scratch.store.attempts,
      clock,
    );
    await executor.executeBatch([councilPlan], { actor: 'r', role: 'revisor' });
    expect(await scratch.store.attempts.read()).toEqual([
      expect.objectContaining({ actor: 'r', code: 'caller.read_only' }),
    ]);
  });
});
