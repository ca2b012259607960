import { councilDecision } from '@styring/governance';
import { createCommandExecutor } from '../command-executor';
import { seedDemo } from '../demo/seed-demo';
import type { Caller } from '../execution-result';
import { scratchStore } from '../testing/scratch-store';

/**
 * The hostile cases of the security review (2026-12-04, D1) and issue 12, sent through the one command path
 * every entry point shares, on the demo history: each is refused naming the body or unit, and nothing is
 * written.
 */
const council = (decidedOn: string, caseNumber: string) =>
  councilDecision(decidedOn, caseNumber, `Kommunestyrets møte ${decidedOn}`);
const direktorHelse: Caller = { actor: 'direktor-helse', role: 'direktor', unit: 'helse-og-velferd' };
const lederHjemme: Caller = { actor: 'leder-hjemme', role: 'virksomhetsleder', unit: 'hjemmetjenesten' };
const styv: Caller = { actor: 'radgiver', role: 'styv', unit: 'styv' };
const revisor: Caller = { actor: 'rev', role: 'revisor', unit: 'romerike-revisjon' };

const cases: readonly [string, Caller, Record<string, unknown>, string, string][] = [
  [
    "a direktør revokes the council's delegation to the kommunedirektør",
    direktorHelse,
    {
      type: 'RevokeAuthority',
      delegationId: 'delegeringsreglement-kommunedirektoren',
      revokedFrom: '2025-10-10',
      reason: 'test',
      decision: council('2025-10-09', '2025/9007'),
    },
    'caller.body_not_allowed',
    "'kommunestyret'",
  ],
  [
    'a virksomhetsleder records a temaplan as kommunestyret',
    lederHjemme,
    {
      type: 'AdoptPlan',
      planId: 'temaplan-x',
      kind: 'temaplan',
      title: 'Temaplan X',
      period: { from: '2026-01-01', to: '2029-12-31' },
      decision: council('2025-10-08', '2025/9003'),
    },
    'caller.body_not_allowed',
    "'kommunestyret'",
  ],
  [
    'STYV records an årsbudsjett as kommunestyret',
    styv,
    {
      type: 'AdoptPlan',
      planId: 'arsbudsjett-2027',
      kind: 'arsbudsjett',
      title: 'Årsbudsjett 2027',
      period: { from: '2027-01-01', to: '2027-12-31' },
      decision: council('2026-12-10', '2026/9004'),
    },
    'caller.body_not_allowed',
    "'kommunestyret'",
  ],
  [
    "a virksomhetsleder awards a contract under another unit's delegation",
    lederHjemme,
    {
      type: 'AwardContract',
      procurementId: 'grunnundersokelser-skolevei',
      supplier: 'Leverandør (fiktiv)',
      contractValueNok: 100000,
      decision: {
        body: 'virksomhetsleder',
        unit: 'prosjektvirksomheten',
        decidedOn: '2025-10-01',
        caseNumber: '2025/9005',
        authority: { kind: 'delegation', delegationId: 'prosjektvirksomheten-anskaffelser' },
      },
    },
    'caller.unit_not_allowed',
    "'prosjektvirksomheten'",
  ],
  [
    "a direktør adopts another sector's virksomhetsplan",
    direktorHelse,
    {
      type: 'AdoptPlan',
      planId: 'virksomhetsplan-teknisk-2026',
      kind: 'virksomhetsplan',
      title: 'Virksomhetsplan teknisk sektor 2026',
      period: { from: '2026-01-01', to: '2026-12-31' },
      decision: {
        body: 'direktor',
        unit: 'teknisk-sektor',
        decidedOn: '2025-12-01',
        caseNumber: '2025/9006',
        authority: { kind: 'delegation', delegationId: 'kommunedirektoren-til-teknisk-sektor' },
      },
    },
    'caller.unit_not_allowed',
    "'teknisk-sektor'",
  ],
  [
    'the revisor corrects an event',
    revisor,
    {
      type: 'CorrectEvent',
      correctedEventId: 'any-event',
      changes: [{ field: 'decision.caseNumber', before: '2024/1', after: '2024/2' }],
      reason: 'test',
    },
    'caller.read_only',
    "'revisor'",
  ],
];

describe('hostile callers on the demo history', () => {
  let scratch: Awaited<ReturnType<typeof scratchStore>>;

  beforeAll(async () => {
    scratch = await scratchStore('styring-hostile-');
    await seedDemo(scratch.store.events);
  });
  afterAll(() => scratch.remove());

  it.each(cases)('%s: refused, nothing written', async (_name, caller, command, code, named) => {
    const before = (await scratch.allEvents()).length;
    const result = await createCommandExecutor(scratch.store.events).execute(command, caller);
    expect(result).toMatchObject({ status: 'rejected', code });
    expect(result.status === 'rejected' ? result.messageEn : '').toContain(named);
    expect((await scratch.allEvents()).length).toBe(before);
  });
});
