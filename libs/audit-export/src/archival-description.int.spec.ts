import { execFileSync } from 'node:child_process';
import { createHash, sign } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { CSV_BOM, CSV_SEPARATOR, csvRow } from './csv';
import { readCsvLayout } from './csv-layout';
import { verifyExport } from './format';
import { appendDemoHistory, firstWeek, secondWeek } from './testing/demo-history';
import { exportFixture, type ExportFixture } from './testing/export-fixture';

/** The flatFile entries of an addml.xml: file name and the record count it states. */
const describedCounts = (addml: string) =>
  Object.fromEntries(
    [...addml.matchAll(/<flatFile name="[^"]*"[^>]*>[\s\S]*?<\/flatFile>/g)].map(([entry]) => [
      /name="fileName"><value>([^<]*)</.exec(entry)![1],
      Number(/name="numberOfRecords"><value>(\d+)</.exec(entry)![1]),
    ]),
  );

describe('the archival description and checksums of an export', () => {
  let fixture: ExportFixture;
  let folder: string;
  beforeAll(async () => {
    fixture = exportFixture();
    await appendDemoHistory(fixture.store, [...firstWeek, ...secondWeek]);
    folder = (await fixture.exportAs('eksport', '2024-06-22T12:00:00.000Z')).directory;
  });
  afterAll(() => fixture.close());

  it('passes `sha256sum -c SHA256SUMS` in the export folder, for every file but the manifest and its signature', () => {
    const output = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: folder, encoding: 'utf8' });
    expect(output.trim().split('\n').sort()).toEqual([
      'addml.xml: OK',
      'endringslogg.csv: OK',
      'events.jsonl: OK',
      'rapport.html: OK',
      'vedtakslogg.csv: OK',
      'verify-export.js: OK',
    ]);
  });

  it('states for every CSV file the records it holds (the signed counts of decisions and changes)', async () => {
    const result = await verifyExport(folder, { publicKey: fixture.publicKey });
    if (!result.valid) throw new Error(result.message);
    const addml = readFileSync(join(folder, 'addml.xml'), 'utf8');
    expect(describedCounts(addml)).toEqual({
      'vedtakslogg.csv': result.manifest.decisionCount,
      'endringslogg.csv': result.manifest.changeCount,
    });
    expect(result.manifest.decisionCount).toBe(5);
  });

  it('defines each file by the columns of its header row, with the separator, charset and record separator the files use', () => {
    const addml = readFileSync(join(folder, 'addml.xml'), 'utf8');
    const header = readFileSync(join(folder, 'vedtakslogg.csv'), 'utf8').split('\r\n')[0]!.slice(1);
    const definition = /<flatFileDefinition name="vedtakslogg-definisjon"[\s\S]*?<\/flatFileDefinition>/.exec(
      addml,
    )![0];
    expect([...definition.matchAll(/<fieldDefinition name="([^"]*)"/g)].map(([, name]) => name)).toEqual(
      header.split(CSV_SEPARATOR),
    );
    expect(addml).toContain('<charset>UTF-8</charset>');
    expect(addml).toContain('<recordSeparator>CRLF</recordSeparator>');
    expect(addml).toContain(`<fieldSeparatingChar>${CSV_SEPARATOR}</fieldSeparatingChar>`);
  });

  it('is checked against the signed manifest: a SHA256SUMS that lists another hash fails, even re-signed', async () => {
    const copy = join(fixture.dir, 'omsignert');
    cpSync(folder, copy, { recursive: true });
    const sums = readFileSync(join(copy, 'SHA256SUMS'), 'utf8').split('\n');
    sums[1] = '0'.repeat(64) + sums[1]!.slice(64);
    const changed = Buffer.from(sums.join('\n'));
    writeFileSync(join(copy, 'SHA256SUMS'), changed);
    const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8')) as {
      files: { name: string; sha256: string; bytes: number }[];
    };
    const entry = manifest.files.find((file) => file.name === 'SHA256SUMS')!;
    entry.sha256 = createHash('sha256').update(changed).digest('hex');
    const bytes = Buffer.from(JSON.stringify(manifest, null, 2) + '\n');
    writeFileSync(join(copy, 'manifest.json'), bytes);
    writeFileSync(join(copy, 'manifest.sig'), sign(null, bytes, fixture.signingKey));
    expect(await verifyExport(copy, { publicKey: fixture.publicKey })).toMatchObject({
      valid: false,
      file: 'SHA256SUMS',
      line: 2,
    });
  });

  it('is covered by the signed manifest: an edited count fails verification, naming addml.xml', async () => {
    const file = join(folder, 'addml.xml');
    const original = readFileSync(file);
    writeFileSync(file, original.toString('utf8').replace('<value>5</value>', '<value>4</value>'));
    try {
      const result = await verifyExport(folder, { publicKey: fixture.publicKey });
      expect(result).toMatchObject({ valid: false, file: 'addml.xml' });
    } finally {
      writeFileSync(file, original);
    }
  });
});

describe('reading a CSV file as written', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'styring-csv-layout-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts records, not lines: quoted separators, quotes and line breaks stay in their cell', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'ø', '"', CSV_SEPARATOR, '\r', '\n', ' ', '=') });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(cell, { minLength: 1, maxLength: 4 }),
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 20 }),
        async (header, rows) => {
          const file = join(dir, `file-${(run += 1)}.csv`);
          writeFileSync(file, CSV_BOM + csvRow(header) + rows.map((row) => csvRow(row)).join(''));
          const layout = await readCsvLayout(file);
          expect(layout.records).toBe(rows.length);
          expect(layout.fields).toEqual(
            header.map((name) => (/^[=+\-@\t\r]/.test(name) ? `'${name}` : name)),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
