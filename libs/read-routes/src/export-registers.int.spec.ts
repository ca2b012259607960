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
import { councilDecision } from '@styring/governance';
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

describe('the audit export of the read side’s registers (demo history, real SQLite)', () => {
  let dir: string;
  let store: OpenedStore;
  let keys: Awaited<ReturnType<typeof generateKeyPairIn>>;
  const first = () => path.join(dir, 'first');
  const second = () => path.join(dir, 'second');
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
  }, 60_000);
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
      projections.close();
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
    expect(registerFiles).toHaveLength(10);
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
