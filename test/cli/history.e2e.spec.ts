import { jsonLines, scratchDirectory, styring, tokenFlag } from './styring';

interface Entry {
  readonly eventId: string;
  readonly eventType: string;
  readonly body: string;
  readonly caseNumber: string;
  readonly streamId: string;
  readonly correctedAt?: string;
}

const entriesOf = (stdout: string) => jsonLines(stdout) as Entry[];
const hrStrategy = (entries: readonly Entry[]) => entries.find((e) => e.streamId === 'plan-hr-strategi-2023');

/** `styring history`: the decision log of the seeded demo, filtered, on the recorded and the effective clock. */
describe('styring history', () => {
  const scratch = scratchDirectory();
  const history = (...args: string[]) => styring(scratch.dir, ['history', ...args]);

  beforeAll(async () => {
    expect((await styring(scratch.dir, ['seed', '--demo'])).code).toBe(0);
  });
  afterAll(scratch.remove);

  it('prints the decision log as a table, and as one JSON object per decision', async () => {
    const table = await history();
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^Vedtakslogg – i kraft nå: \d+ vedtak/);
    expect(table.stdout).toContain('Kommunal planstrategi 2024–2028');

    const entries = entriesOf((await history('--json')).stdout);
    expect(entries.length).toBe(Number(/(\d+) vedtak/.exec(table.stdout)?.[1]));
    expect(hrStrategy(entries)).toMatchObject({
      body: 'kommunestyret',
      caseNumber: '2023/0544',
      eventType: 'PlanAdopted',
    });
  });

  it('filters by body and by kind', async () => {
    const byCouncil = entriesOf((await history('--body', 'kommunestyret', '--json')).stdout);
    expect(byCouncil.length).toBeGreaterThan(5);
    expect(new Set(byCouncil.map((e) => e.body))).toEqual(new Set(['kommunestyret']));
    const delegations = entriesOf((await history('--kind', 'AuthorityDelegated', '--json')).stdout);
    expect(delegations.length).toBeGreaterThan(3);
    expect(new Set(delegations.map((e) => e.eventType))).toEqual(new Set(['AuthorityDelegated']));
  });

  it('shows a correction recorded later in the effective view of the past, not in what was recorded then', async () => {
    const original = hrStrategy(entriesOf((await history('--json')).stdout));
    const beforeCorrection = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const correction = {
      type: 'CorrectEvent',
      correctedEventId: original?.eventId,
      changes: [{ field: 'decision.caseNumber', before: '2023/0544', after: '2023/0545' }],
      reason: 'Feil saksnummer ved registreringen.',
    };
    const corrected = await styring(
      scratch.dir,
      ['exec', '-', ...(await tokenFlag(scratch.dir, 'kommunestyre-sekretariat'))],
      {
        input: JSON.stringify(correction),
      },
    );
    expect(corrected.code).toBe(0);

    const recordedThen = hrStrategy(
      entriesOf((await history('--clock', 'recorded', '--as-of', beforeCorrection, '--json')).stdout),
    );
    const inForceThen = hrStrategy(
      entriesOf((await history('--clock', 'effective', '--as-of', '2023-12-31', '--json')).stdout),
    );
    const dayBefore = await history('--as-of', '2023-03-21', '--json');
    // A read that failed would print no entries, and the plan would be missing for the wrong reason.
    expect(dayBefore.code).toBe(0);
    expect(entriesOf(dayBefore.stdout).length).toBeGreaterThan(0);
    const beforeTheDecision = hrStrategy(entriesOf(dayBefore.stdout));

    expect(recordedThen).toMatchObject({ caseNumber: '2023/0544' });
    expect(recordedThen?.correctedAt).toBeUndefined();
    expect(inForceThen).toMatchObject({ caseNumber: '2023/0545', correctedAt: expect.any(String) });
    expect(beforeTheDecision).toBeUndefined();

    // Both clocks at once: in force at the end of 2023, as known before the correction – and the heading says so.
    const bothClocks = ['--as-of', '2023-12-31', '--known-at', beforeCorrection];
    expect(hrStrategy(entriesOf((await history(...bothClocks, '--json')).stdout))).toEqual(recordedThen);
    const table = await history(...bothClocks);
    expect(table.stdout).toMatch(
      /^Vedtakslogg – i kraft per 31\.12\.2023, slik det var kjent per \d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d: \d+ vedtak/,
    );
  });

  it('refuses a kind no decision has, with exit 2 naming the kinds there are', async () => {
    const result = await history('--kind', 'foo');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("feil: kind: «foo» er ikke en av 'UnitEstablished'");
    expect(result.stderr).toContain("'Plan vedtatt'");
    expect(result.stderr).toContain("see 'styring history --help'");
    const both = await history('--clock', 'recorded', '--as-of', '2024-12-31', '--known-at', '2025-02-20');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('clock:');
  });

  it('rebuilds the read models to the same decision log', async () => {
    const before = (await history('--json')).stdout;
    expect(entriesOf(before).length).toBeGreaterThan(0);
    const rebuilt = await styring(scratch.dir, ['projections', 'rebuild']);
    expect(rebuilt.code).toBe(0);
    expect((await history('--json')).stdout).toBe(before);
    expect((await styring(scratch.dir, ['projections', 'rebuild', 'decision-log'])).code).toBe(0);
    expect((await styring(scratch.dir, ['projections', 'rebuild', 'no-such-model'])).code).toBe(2);
  });
});
