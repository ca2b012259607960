import { scratchDirectory, styring } from './styring';

/** `styring show`: every read of the API's table, on the seeded demo, as a table, JSON or CSV. */
describe('styring show', () => {
  const scratch = scratchDirectory();
  const show = (...args: string[]) => styring(scratch.dir, ['show', ...args]);

  beforeAll(async () => {
    expect((await styring(scratch.dir, ['seed', '--demo'])).code).toBe(0);
  });
  afterAll(scratch.remove);

  it('prints a register as a table with Norwegian headers, as JSON, and as CSV with the same rows', async () => {
    const json = await show('decision-log', '--body', 'kommunestyret', '--format', 'json');
    expect(json.code).toBe(0);
    const entries = JSON.parse(json.stdout) as { body: string; caseNumber: string }[];
    expect(entries.length).toBeGreaterThan(5);
    expect(new Set(entries.map((entry) => entry.body))).toEqual(new Set(['kommunestyret']));

    const table = await show('decision-log', '--body', 'kommunestyret');
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(
      `Vedtaksloggen: hvem vedtok hva, når, i hvilket organ og med hvilken hjemmel: ${entries.length}`,
    );
    expect(table.stdout).toMatch(/^Hendelses-ID +Hendelsestype +Type +Sammendrag/m);

    const csv = await show('decision-log', '--body', 'kommunestyret', '--format', 'csv');
    expect(csv.code).toBe(0);
    expect(
      csv.stdout.startsWith(
        '\uFEFFHendelses-ID;Hendelsestype;Type;Sammendrag;Organ;Organ (navn);Vedtaksdato;Saksnummer;',
      ),
    ).toBe(true);
    const rows = csv.stdout.split('\r\n').filter((line) => line !== '');
    expect(rows).toHaveLength(entries.length + 1);
    expect(rows[1]).toContain(`;${entries[0]?.caseNumber};`);
  });

  it('reads one resource by its path, and the point in time from --as-of and --clock', async () => {
    const plans = JSON.parse((await show('plans', '--format', 'json')).stdout) as { planId: string }[];
    const one = await show(`plans/${plans[0]?.planId}`, '--format', 'json');
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout).current.planId).toBe(plans[0]?.planId);

    const inForce = await show('plans/in-force', '--as-of', '2023-12-31', '--format', 'json');
    const later = await show('plans/in-force', '--as-of', '2025-06-30', '--format', 'json');
    expect(inForce.code).toBe(0);
    expect(JSON.parse(inForce.stdout)).not.toEqual(JSON.parse(later.stdout));
    const recorded = await show(
      'decision-log',
      '--as-of',
      '2000-01-01',
      '--clock',
      'recorded',
      '--format',
      'json',
    );
    expect(JSON.parse(recorded.stdout)).toEqual([]);
  });

  it.each([
    [['risks', '--year', '2024'], '--year is not a filter of risks'],
    [['reporting-calendar', '--year', 'tjue', '--as-of', '2025-01-01'], '--year: must be an integer'],
    [['reporting-calendar', '--year', '2024'], '--as-of'],
    [['risks', '--include-closed', 'kanskje'], '--include-closed: must be true or false'],
    [['risks', '--format', 'xml'], '--format'],
    [['risks/matrix', '--format', 'csv'], 'not a list'],
    [['registers-of-nothing'], "no read at 'registers-of-nothing'"],
  ])('refuses %j with exit 2, naming the field', async (args, message) => {
    const refused = await show(...args);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(message);
    expect(refused.stdout).toBe('');
  });
});
