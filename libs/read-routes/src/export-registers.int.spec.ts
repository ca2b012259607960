import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { verifyExport } from '@styring/audit-export';
import {
  createCommandExecutor,
  demoRecordingClock,
  type ExecutionResult,
  generateKeyPairIn,
  openProjections,
  openStore,
  type OpenedStore,
  runExport,
  seedDemo,
} from '@styring/app';
import { councilDecision, decisionUnderDelegation } from '@styring/governance';
import { readModelQueries } from '@styring/nestjs';
import {
  avvikRegister,
  companyRegister,
  decisionsWithoutAuthority,
  delegationRegister,
  internalControlChecklists,
  planRegister,
  procurementRegister,
  projectRegister,
  reportingCalendar,
  riskRegister,
} from '@styring/projections';
import { exportRegisters } from './export-registers';

const created = '2026-01-15T09:00:00.000Z';
const clock = () => new Date(created);
const secretariat = { actor: 'demo-politisk-sekretariat', role: 'kommunestyre-sekretariat' };
/** The demo's ledergruppen, deciding under the delegation the demo records for it. */
const ledergruppen = {
  actor: 'demo-kommunedirektor',
  role: 'kommunedirektor',
  unit: 'kommunedirektoren',
  onBehalfOf: 'ledergruppen',
};
const ledergruppensFullmakt = 'kommunedirektoren-ledergruppen';
/** Enough decisions under one delegation that, in one cell as JSON, they would pass a spreadsheet's limit. */
const manyDecisions = 150;
const EXCEL_CELL_LIMIT = 32_767;

/** A council decision recorded after the demo: new since the first export. */
const adoptStrategy = {
  type: 'AdoptPlan',
  planId: 'strategi-revisjon-2026',
  kind: 'strategi',
  title: 'Strategi for digital revisjon 2026–2029',
  period: { from: '2026-02-01', to: '2029-12-31' },
  decision: councilDecision('2026-01-14', '2026/0017', 'Kommunestyrets møte 14.01.2026'),
};

const appendedId = (result: ExecutionResult) => {
  if (result.status !== 'accepted') throw new Error(`refused: ${JSON.stringify(result)}`);
  return result.events[0]!.eventId;
};

/** The data records of a CSV file the export wrote: its lines after the header (no cell holds a line break here). */
const csvRecords = (file: string) => fs.readFileSync(file, 'utf8').split('\r\n').slice(1, -1);

/** Every cell of a CSV file as Excel reads it (`;`, RFC 4180 quotes with `""` inside). */
const csvCells = (file: string): string[] => {
  const cells: string[] = [];
  const text = fs.readFileSync(file, 'utf8');
  for (const match of text.matchAll(/("(?:[^"]|"")*"|[^;\r\n]*)(;|\r\n|$)/g)) {
    if (match[0] === '') break;
    const cell = match[1]!;
    cells.push(cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell);
  }
  return cells;
};

describe('the audit export of the read side’s registers (demo history, real SQLite)', () => {
  let dir: string;
  let store: OpenedStore;
  let keys: Awaited<ReturnType<typeof generateKeyPairIn>>;
  const first = () => path.join(dir, 'first');
  const second = () => path.join(dir, 'second');
  const third = () => path.join(dir, 'third');
  const exportTo = (directory: string, previousExport?: string) =>
    runExport(
      store,
      {
        directory,
        keyFile: keys.privateKeyFile,
        registers: exportRegisters(readModelQueries),
        ...(previousExport === undefined ? {} : { previousExport }),
      },
      { clock, newId: randomUUID },
    );

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'styring-export-registers-'));
    const recording = demoRecordingClock();
    store = await openStore('sqlite:./styring.db', { cwd: dir, create: true, clock: recording.clock });
    await seedDemo(store.events, { recording });
    keys = await generateKeyPairIn(path.join(dir, 'keys'));
    await exportTo(first());
    // Recorded now (after the demo's last event): a new decision, and a correction of it.
    const executor = createCommandExecutor(store.events);
    const planEvent = appendedId(await executor.execute(adoptStrategy, secretariat));
    appendedId(
      await executor.execute(
        {
          type: 'CorrectEvent',
          correctedEventId: planEvent,
          changes: [{ field: 'decision.caseNumber', before: '2026/0017', after: '2026/0071' }],
          reason: 'Sifrene i saksnummeret ble byttet om ved registreringen.',
        },
        secretariat,
      ),
    );
    await exportTo(second(), first());
    // A long history under one delegation: its decisions would make one very long cell.
    for (let n = 1; n <= manyDecisions; n++)
      appendedId(
        await executor.execute(
          {
            type: 'DecideRiskTreatment',
            riskId: 'beredskap-digitale-angrep',
            strategy: 'redusere',
            measures: [`Tiltak ${n} etter gjennomgangen av beredskapsøvelsen.`],
            decision: decisionUnderDelegation(
              'ledergruppen',
              ledergruppensFullmakt,
              '2026-01-14',
              `2026/${String(1000 + n)}`,
            ),
          },
          ledergruppen,
        ),
      );
    await exportTo(third(), second());
  }, 120_000);
  afterAll(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes one CSV per register with as many rows as its read model has entries at export time', async () => {
    const projections = openProjections(store);
    try {
      await projections.catchUp();
      const reader = projections.reader;
      // The read models now hold two events more than the first export: asked as known at its last event,
      // they answer what it holds.
      const manifest = JSON.parse(fs.readFileSync(path.join(first(), 'manifest.json'), 'utf8')) as {
        range: { lastRecordedAt: string };
      };
      const at = { asOf: created, knownAt: manifest.range.lastRecordedAt };
      const expected: Record<string, number> = {
        'register-planer.csv': (await planRegister(reader, at)).length,
        'register-risikoer.csv': (await riskRegister(reader, { ...at, includeClosed: true })).length,
        'register-arshjul.csv': (
          await Promise.all(
            [2023, 2024, 2025, 2026].map(
              async (year) => (await reportingCalendar(reader, { ...at, year })).length,
            ),
          )
        ).reduce((sum, count) => sum + count, 0),
        'register-delegeringer.csv': (await delegationRegister(reader, at)).length,
        'register-delegeringer-vedtak.csv': (await delegationRegister(reader, at))
          .map((delegation) => delegation.decisions.length)
          .reduce((sum, count) => sum + count, 0),
        'register-anskaffelser.csv': (await procurementRegister(reader, at)).length,
        'register-avvik.csv': (await avvikRegister(reader, at)).length,
        'register-sjekklister.csv': (await internalControlChecklists(reader, at)).length,
        'register-prosjekter.csv': (await projectRegister(reader, at)).length,
        'register-selskaper.csv': (await companyRegister(reader, at)).length,
        'register-vedtak-uten-myndighet.csv': (await decisionsWithoutAuthority(reader, at)).length,
      };
      const counts = Object.fromEntries(
        Object.keys(expected).map((file) => [file, csvRecords(path.join(first(), file)).length]),
      );
      expect(counts).toEqual(expected);
      // The demo fills every register but the one of decisions taken without authority.
      expect(Object.entries(counts).filter(([, count]) => count === 0)).toEqual([
        ['register-vedtak-uten-myndighet.csv', 0],
      ]);
      // The second export's plan register has the plan adopted since.
      expect(csvRecords(path.join(second(), 'register-planer.csv'))).toHaveLength(
        expected['register-planer.csv']! + 1,
      );
      expect(csvRecords(path.join(second(), 'register-planer.csv')).join('\n')).toContain(
        'strategi-revisjon-2026',
      );
    } finally {
      await projections.close();
    }
  });

  it('writes them like the API’s CSV: BOM, `;`, Norwegian headers', () => {
    const text = fs.readFileSync(path.join(first(), 'register-delegeringer.csv'), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.split('\r\n')[0]).toContain(';');
    expect(text.split('\r\n')[0]).toContain('Delegerings-ID');
  });

  it('lists every register file in the signed manifest, in addml.xml with its row count, and in SHA256SUMS', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(first(), 'manifest.json'), 'utf8')) as {
      files: { name: string; sha256: string }[];
    };
    const addml = fs.readFileSync(path.join(first(), 'addml.xml'), 'utf8');
    const sums = fs.readFileSync(path.join(first(), 'SHA256SUMS'), 'utf8');
    const registerFiles = fs.readdirSync(first()).filter((name) => name.startsWith('register-'));
    expect(registerFiles).toHaveLength(11);
    const described = Object.fromEntries(
      [...addml.matchAll(/<flatFile name="[^"]*"[^>]*>[\s\S]*?<\/flatFile>/g)].map(([entry]) => [
        /name="fileName"><value>([^<]*)</.exec(entry)![1],
        Number(/name="numberOfRecords"><value>(\d+)</.exec(entry)![1]),
      ]),
    );
    for (const name of registerFiles) {
      const listed = manifest.files.find((file) => file.name === name);
      expect(listed).toBeDefined();
      expect(sums).toContain(`${listed!.sha256}  ${name}\n`);
      expect(described[name]).toBe(csvRecords(path.join(first(), name)).length);
    }
    await expect(
      verifyExport(first(), { publicKey: fs.readFileSync(keys.publicKeyFile) }),
    ).resolves.toMatchObject({ valid: true });
  });

  it('writes the decisions under each delegation to a file of their own, one row each, so no cell passes 32,767 characters', () => {
    const delegations = csvRecords(path.join(third(), 'register-delegeringer.csv'));
    const header = (name: string) =>
      fs.readFileSync(path.join(third(), name), 'utf8').split('\r\n')[0]!.replace('\uFEFF', '').split(';');
    expect(header('register-delegeringer.csv')).not.toContain('Vedtak');
    expect(header('register-delegeringer-vedtak.csv').slice(0, 2)).toEqual(['Delegerings-ID', 'Organ']);
    const underLedergruppen = csvRecords(path.join(third(), 'register-delegeringer-vedtak.csv')).filter(
      (row) => row.startsWith(`${ledergruppensFullmakt};`),
    );
    expect(underLedergruppen.length).toBeGreaterThan(manyDecisions);
    expect(underLedergruppen.join('\n')).toContain('2026/1150');
    expect(delegations.join('\n')).not.toContain('2026/1150');
    // As one cell of JSON (the layout before), they would have passed what a spreadsheet cell holds.
    expect(underLedergruppen.join('').length).toBeGreaterThan(EXCEL_CELL_LIMIT);
    for (const name of fs.readdirSync(third()).filter((file) => file.endsWith('.csv'))) {
      const longest = Math.max(...csvCells(path.join(third(), name)).map((cell) => cell.length));
      expect([name, longest <= EXCEL_CELL_LIMIT]).toEqual([name, true]);
    }
  });

  it('describes the split file in addml.xml with its row count, in SHA256SUMS and the report', () => {
    const name = 'register-delegeringer-vedtak.csv';
    const rows = csvRecords(path.join(third(), name)).length;
    const addml = fs.readFileSync(path.join(third(), 'addml.xml'), 'utf8');
    expect(addml).toContain(
      `<property name="fileName"><value>${name}</value></property>\n          <property name="numberOfRecords"><value>${rows}</value></property>`,
    );
    expect(fs.readFileSync(path.join(third(), 'SHA256SUMS'), 'utf8')).toContain(`  ${name}\n`);
    const report = fs.readFileSync(path.join(third(), 'rapport.html'), 'utf8');
    expect(report).toContain('<h3>Vedtak fattet under delegeringer</h3>');
    expect(report).toContain(`<p>${rows} rader i <code>${name}</code>.</p>`);
  });

  it('gives each register a section in the report, with its row count and file', () => {
    const report = fs.readFileSync(path.join(first(), 'rapport.html'), 'utf8');
    expect(report).toContain('id="registre"');
    for (const name of ['Planregisteret', 'Årshjulet', 'Delegeringsregisteret', 'Vedtak uten myndighet'])
      expect(report).toContain(`<h3>${name}</h3>`);
    const plans = csvRecords(path.join(first(), 'register-planer.csv')).length;
    expect(report).toContain(`<p>${plans} rader i <code>register-planer.csv</code>.</p>`);
    // Without a previous export there is nothing to compare with.
    expect(report).not.toContain('<h3>Nye vedtak');
  });

  it('shows what is new since the previous export: the new decision and its correction, and still verifies', async () => {
    const report = fs.readFileSync(path.join(second(), 'rapport.html'), 'utf8');
    const newSince = report.slice(report.indexOf('id="nytt"'), report.indexOf('id="organ"'));
    expect(newSince).toContain('<h3>Nye vedtak (1)</h3>');
    expect(newSince).toContain('Strategi for digital revisjon 2026–2029');
    expect(newSince).toContain('<h3>Korrigeringer (1)</h3>');
    expect(newSince).toContain('<td>decision.caseNumber</td><td>2026/0017</td><td>2026/0071</td>');
    // A report whose deadline passed between the two exports' last events is missing now.
    expect(newSince).toContain(
      '<td>Oppfølging av politiske vedtak 2025-07-01–2025-12-31 (frist 2026-02-11)</td><td>–</td><td>mangler</td>',
    );
    // Nothing of the demo, which the first export held, is new.
    expect(newSince).not.toContain('2024/1178');
    await expect(
      verifyExport(second(), { publicKey: fs.readFileSync(keys.publicKeyFile), previous: first() }),
    ).resolves.toMatchObject({ valid: true, previous: { treeSize: expect.any(Number) } });
  });
});
