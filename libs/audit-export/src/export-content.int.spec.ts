import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { councilDecision, decisionUnderDelegation, governanceEventSerde } from '@styring/governance';
import { isAuditExportError } from './audit-export-error';
import { verifyExport } from './format';
import { appendDemoHistory, type DemoAppend } from './testing/demo-history';
import { exportFixture, type ExportFixture } from './testing/export-fixture';

const created = '2024-12-02T09:00:00.000Z';
const secretariat = { actor: 'politisk.sekretariat', role: 'sekretariat', onBehalfOf: 'kommunestyret' };
const controller = { actor: 'styv.kontroller', role: 'styv' };

/** A plan adopted under a mistyped case number and a contract recorded at the wrong value, both corrected. */
const correctedHistory: readonly DemoAppend[] = [
  {
    streamId: 'plan-planstrategi-2024',
    ...secretariat,
    event: {
      type: 'PlanAdopted',
      planId: 'planstrategi-2024',
      kind: 'planstrategi',
      title: 'Kommunal planstrategi 2024–2028',
      period: { from: '2024-07-01', to: '2028-06-30' },
      parentPlans: [],
      goals: [],
      assignments: [],
      decision: councilDecision('2024-06-19', '2024/1187', 'Kommunestyrets møte 19.06.2024'),
    },
  },
  {
    streamId: 'procurement-ventilasjon',
    actor: 'innkjop',
    role: 'direktor',
    event: {
      type: 'ContractAwarded',
      procurementId: 'ventilasjon',
      supplier: 'Romerike Ventilasjon AS',
      contractValueNok: 812_500,
      followUpOwner: 'eiendom',
      contractPeriod: { from: '2024-09-01', to: '2026-08-31' },
      decision: decisionUnderDelegation('direktor', 'kd-direktor-teknisk', '2024-08-20', '2024/2210'),
    },
  },
  {
    streamId: 'corrections',
    ...controller,
    event: {
      type: 'EventCorrected',
      correctedEventId: 'demo-0001',
      correctedEventType: 'PlanAdopted',
      correctedStreamId: 'plan-planstrategi-2024',
      changes: [{ field: 'decision.caseNumber', before: '2024/1187', after: '2024/1178' }],
      reason: 'Saksnummeret ble byttet om ved registreringen',
    },
  },
  {
    streamId: 'corrections',
    ...controller,
    event: {
      type: 'EventCorrected',
      correctedEventId: 'demo-0002',
      correctedEventType: 'ContractAwarded',
      correctedStreamId: 'procurement-ventilasjon',
      changes: [{ field: 'contractValueNok', before: 812_500, after: 1_812_500 }],
      reason: 'Kontraktsverdien manglet ett siffer',
    },
  },
];

/** Reads a semicolon CSV (RFC 4180 quoting) into one object per row, keyed by the header's names. */
const csvRecords = (file: string): Record<string, string>[] => {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' && cell === '') {
      for (i++; !(text[i] === '"' && text[i + 1] !== '"'); i++) cell += text[i] === '"' ? text[i++] : text[i];
    } else if (c === ';') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  const [names, ...records] = rows;
  return records.map((record) => Object.fromEntries(record.map((value, i) => [names![i], value])));
};

describe('an export of a history with corrections', () => {
  let fixture: ExportFixture;
  let folder: string;

  beforeAll(async () => {
    fixture = exportFixture();
    fixture.setStoreTime('2024-11-30T23:30:00.000Z');
    await appendDemoHistory(fixture.store, correctedHistory);
    folder = (await fixture.exportAs('eksport', created)).directory;
  });
  afterAll(() => fixture.close());

  it('shows each corrected decision with the value in force, its original, and who corrected it, when and why', () => {
    const [plan, contract] = csvRecords(join(folder, 'vedtakslogg.csv'));
    expect(plan).toMatchObject({
      Løpenummer: '1',
      Saksnummer: '2024/1178',
      Korrigert: 'ja',
      'Opprinnelig verdi': 'Saksnummer: 2024/1187',
      Korrigering: 'Saksnummer: 2024/1187 → 2024/1178',
      'Korrigert av': 'styv.kontroller',
      // Recorded 23:33 UTC on 30 November: already 1 December in Oslo (winter time, +01:00).
      'Korrigert tidspunkt': '2024-12-01T00:33:00.000+01:00',
      'Begrunnelse for korrigering': 'Saksnummeret ble byttet om ved registreringen',
      'Korrigeringens løpenummer': '3',
      'Organ (navn)': 'Kommunestyret',
    });
    expect(contract).toMatchObject({
      'Beløp (kr)': '1812500',
      Sammendrag: expect.stringContaining('(1 812 500 kr)'),
      'Opprinnelig verdi': 'Kontraktsverdi (kr): 812500',
      'Organ (navn)': 'Direktør',
      Registreringstidspunkt: '2024-12-01T00:32:00.000+01:00',
    });
  });

  it('marks them in the report, which counts them and gives the decision dates covered', () => {
    const report = readFileSync(join(folder, 'rapport.html'), 'utf8');
    expect(report).toContain('<td>2024/1178</td>');
    expect(report).not.toContain('<td>2024/1187</td>');
    expect(report).toContain('Saksnummer: 2024/1187 → 2024/1178. Begrunnelse: Saksnummeret ble byttet om');
    expect(report).toContain('(1 812 500 kr)');
    expect(report.match(/<tr class="corrected">/g)).toHaveLength(2);
    expect(report).toContain('<tr><th>Herav korrigerte vedtak</th><td>2</td></tr>');
    expect(report).toContain('<tr><th>Vedtaksdatoer i loggen</th><td>2024-06-19 – 2024-08-20</td></tr>');
  });

  it('still verifies: the rows are views, the events as recorded are what is signed', async () => {
    const result = await verifyExport(folder, { publicKey: fixture.publicKey });
    expect(result.valid).toBe(true);
  });
});

describe('an export of a decision recorded without authority', () => {
  let fixture: ExportFixture;
  let folder: string;
  const finding = {
    code: 'authority.outside_delegation',
    message:
      'Vedtaket ligger utenfor delegeringen «kd-direktor-teknisk» (sakstype, plantype, portefølje eller beløp).',
    messageEn:
      "The decision lies outside the delegation 'kd-direktor-teknisk' (command type, plan kind, portfolio or amount).",
  };
  const reason = 'Kontrakten er inngått og løper; internkontrollen registrerer den slik den ble gjort.';

  beforeAll(async () => {
    fixture = exportFixture();
    const contract = correctedHistory[1]!;
    const event = contract.event as Extract<DemoAppend['event'], { type: 'ContractAwarded' }>;
    await appendDemoHistory(fixture.store, [
      correctedHistory[0]!,
      {
        ...contract,
        ...controller,
        onBehalfOf: 'direktor',
        event: { ...event, decision: { ...event.decision, recordedWithoutAuthority: { reason, finding } } },
      },
    ]);
    folder = (await fixture.exportAs('eksport', created)).directory;
  });
  afterAll(() => fixture.close());

  it('marks it in vedtakslogg.csv with the finding and the reason, beside who recorded it; other rows are unmarked', () => {
    const [plan, contract] = csvRecords(join(folder, 'vedtakslogg.csv'));
    expect(plan).toMatchObject({ 'Uten myndighet': '', Myndighetsavvik: '' });
    expect(contract).toMatchObject({
      'Uten myndighet': 'ja',
      Myndighetsavvik: `authority.outside_delegation: ${finding.message}`,
      'Begrunnelse for registrering uten myndighet': reason,
      'Registrert av': 'styv.kontroller',
      Rolle: 'styv',
    });
  });

  it('marks it in the report under its authority, and the export still verifies', async () => {
    const report = readFileSync(join(folder, 'rapport.html'), 'utf8');
    expect(report.match(/<div class="note without-authority">/g)).toHaveLength(1);
    expect(report).toContain(
      'Uten myndighet (authority.outside_delegation: Vedtaket ligger utenfor delegeringen «kd-direktor-teknisk»',
    );
    expect(report).toContain(`Registrert av styv.kontroller (styv). Begrunnelse: ${reason}`);
    expect((await verifyExport(folder, { publicKey: fixture.publicKey })).valid).toBe(true);
  });
});

describe('an export of a history with an event the domain cannot decode', () => {
  let fixture: ExportFixture;

  beforeAll(async () => {
    fixture = exportFixture();
    await appendDemoHistory(fixture.store, correctedHistory.slice(0, 2));
    // A contract whose value is text: stored as it came, readable by no projection.
    const { data } = governanceEventSerde.toStored(correctedHistory[1]!.event) as { data: object };
    await fixture.store.appendToStream(
      'procurement-ventilasjon',
      [
        {
          eventId: 'ukjent-0003',
          type: 'ContractAwarded',
          schemaVersion: 1,
          data: { ...data, contractValueNok: 'åtte hundre tusen' },
          metadata: {
            actor: 'innkjop',
            role: 'direktor',
            correlationId: 'k-3',
            causationId: 'c-3',
            effectiveAt: '2024-08-21',
          },
        },
      ],
      { expectedRevision: 'any' },
    );
  });
  afterAll(() => fixture.close());

  it('stops, naming the event, its line, position and type, the field and why, and writes nothing', async () => {
    const refusal = await fixture.exportAs('eksport', created).catch((error: unknown) => error);
    expect(isAuditExportError(refusal) && refusal.code).toBe('undecodable_event');
    expect((refusal as Error).message).toMatch(
      /^events\.jsonl line 3: event ukjent-0003 at global position 3, type ContractAwarded, cannot be decoded: .*contractValueNok.*--allow-undecodable/,
    );
    await expect(fixture.exportAs('eksport', created)).rejects.toThrow('ukjent-0003');
  });

  it('with allowUndecodable exports it raw, counted in the manifest and flagged on the report’s first page', async () => {
    const summary = await fixture.exportAs('eksport-raa', created, { allowUndecodable: true });
    expect(summary.undecodableCount).toBe(1);
    const manifest = JSON.parse(readFileSync(join(summary.directory, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ eventCount: 3, decisionCount: 2, undecodableCount: 1 });
    const report = readFileSync(join(summary.directory, 'rapport.html'), 'utf8');
    const warning = report.indexOf('<div class="warning"><p><strong>Advarsel: 1 hendelse');
    expect(warning).toBeGreaterThan(0);
    expect(warning).toBeLessThan(report.indexOf('<nav class="toc">'));
    expect(report).toMatch(
      /<td>3<\/td><td>ukjent-0003<\/td><td>3<\/td><td>ContractAwarded<\/td><td>[^<]*contractValueNok/,
    );
    expect(readFileSync(join(summary.directory, 'events.jsonl'), 'utf8')).toContain('åtte hundre tusen');
    expect((await verifyExport(summary.directory, { publicKey: fixture.publicKey })).valid).toBe(true);
  });
});
