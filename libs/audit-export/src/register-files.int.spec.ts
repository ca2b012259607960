import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuditExportError } from './audit-export-error';
import { CSV_BOM, csvRow } from './csv';
import type { ExportRegisters, RegisterMoment } from './register-files';
import { appendDemoHistory, firstWeek, secondWeek } from './testing/demo-history';
import { exportFixture, type ExportFixture } from './testing/export-fixture';

/**
 * Registers as a caller hands them over: two small tables, and what it was asked for. `reads` notes when
 * each table's rows are read and when their last row is taken.
 */
const registersOf = (moments: RegisterMoment[], fileName = 'register-planer.csv', reads: string[] = []) => {
  return (moment: RegisterMoment): ExportRegisters => {
    moments.push(moment);
    async function* rowsOf(name: string, rows: string[][]) {
      reads.push(`${name} read`);
      for (const row of rows) yield csvRow(row);
      reads.push(`${name} done`);
    }
    return {
      asOf: moment.created,
      tables: [
        {
          title: 'Planregisteret',
          description: 'Planene',
          fileName,
          header: CSV_BOM + csvRow(['Plan-ID', 'Tittel']),
          rows: () =>
            rowsOf('planer', [
              ['a', 'Plan A'],
              ['b', '=Plan B'],
            ]),
        },
        {
          title: 'Avviksregisteret',
          description: 'Avvikene',
          fileName: 'register-avvik.csv',
          header: CSV_BOM + csvRow(['Avvik-ID']),
          rows: () => rowsOf('avvik', []),
        },
      ],
    };
  };
};

describe('an export that carries registers', () => {
  let fixture: ExportFixture;
  const moments: RegisterMoment[] = [];
  const reads: string[] = [];
  beforeAll(async () => {
    fixture = exportFixture();
    await appendDemoHistory(fixture.store, firstWeek);
    await fixture.exportAs('uke-24', '2024-06-16T18:00:00.000Z', {
      registers: registersOf(moments, undefined, reads),
    });
    await appendDemoHistory(fixture.store, secondWeek, firstWeek.length + 1);
    await fixture.exportAs('uke-25', '2024-06-23T18:00:00.000Z', {
      registers: registersOf(moments),
      previousExport: join(fixture.dir, 'uke-24'),
    });
  });
  afterAll(() => fixture.close());

  it('asks for them once the events are written: their range, and with --previous the previous range', () => {
    expect(moments.map((moment) => [moment.created, moment.range?.lastGlobalPosition])).toEqual([
      ['2024-06-16T18:00:00.000Z', String(firstWeek.length)],
      ['2024-06-23T18:00:00.000Z', String(firstWeek.length + secondWeek.length)],
    ]);
    expect(moments[0]!.previousRange).toBeUndefined();
    expect(moments[1]!.previousRange?.lastRecordedAt).toBe(moments[0]!.range?.lastRecordedAt);
  });

  it('reads their rows one register after the other, only as each file is written', () => {
    expect(reads).toEqual(['planer read', 'planer done', 'avvik read', 'avvik done']);
  });

  it('counts the rows of each in the report', () => {
    const report = readFileSync(join(fixture.dir, 'uke-25', 'rapport.html'), 'utf8');
    expect(report).toContain('2 rader i <code>register-planer.csv</code>');
    expect(report).toContain('0 rader i <code>register-avvik.csv</code>');
  });

  it('writes each as given, checked by `sha256sum -c` and by the verifier the export carries', () => {
    const folder = join(fixture.dir, 'uke-25');
    expect(readFileSync(join(folder, 'register-planer.csv'), 'utf8')).toBe(
      CSV_BOM + "Plan-ID;Tittel\r\na;Plan A\r\nb;'=Plan B\r\n",
    );
    const sums = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: folder, encoding: 'utf8' });
    expect(sums).toContain('register-planer.csv: OK');
    expect(sums).toContain('register-avvik.csv: OK');
    const verified = execFileSync(
      process.execPath,
      ['verify-export.js', '.', '--public-key', fixture.publicKeyFile, '--previous', '../uke-24'],
      { cwd: folder, encoding: 'utf8' },
    );
    expect(verified.trimEnd().endsWith('GYLDIG (valid)')).toBe(true);
  });

  it('refuses a register file name that is not plain or is taken, and leaves no folder behind', async () => {
    for (const fileName of ['../planer.csv', 'vedtakslogg.csv', 'register-avvik.csv', 'planer.txt']) {
      const attempt = fixture.exportAs('refused', '2024-06-23T18:00:00.000Z', {
        registers: registersOf([], fileName),
      });
      await expect(attempt).rejects.toThrow(AuditExportError);
      await expect(attempt).rejects.toThrow(`registers: '${fileName}'`);
    }
    expect(readdirSync(fixture.dir).filter((name) => name.includes('refused'))).toEqual([]);
  });

  it('says so in the report when it was made without them', async () => {
    const folder = (await fixture.exportAs('uten-registre', '2024-06-23T19:00:00.000Z')).directory;
    expect(readFileSync(join(folder, 'rapport.html'), 'utf8')).toContain(
      'Eksporten er laget av hendelsene alene, uten registrene.',
    );
    expect(existsSync(join(folder, 'register-planer.csv'))).toBe(false);
  });
});
