import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAuditExportError } from './audit-export-error';
import { chromium, describeWithTool } from '@styring/eventstore-testkit';
import { renderReportPdf } from './report-pdf';
import { appendDemoHistory, firstWeek, secondWeek } from './testing/demo-history';
import { exportFixture, type ExportFixture } from './testing/export-fixture';

describe('the report as PDF', () => {
  let fixture: ExportFixture;
  let folder: string;

  beforeAll(async () => {
    fixture = exportFixture();
    await appendDemoHistory(fixture.store, [...firstWeek, ...secondWeek]);
    folder = (await fixture.exportAs('eksport', '2024-06-22T12:00:00.000Z')).directory;
  });
  afterAll(() => fixture.close());

  // The real Chromium prints it: under CI a missing Chromium fails, elsewhere this part is skipped.
  describeWithTool(chromium, 'with Chromium', () => {
    it('is printed by Chromium beside the folder: a PDF of A4 pages, the folder untouched', async () => {
      const before = readFileSync(join(folder, 'rapport.html'));
      const file = join(fixture.dir, 'eksport-rapport.pdf');
      expect(await renderReportPdf(folder, file)).toEqual({ rendered: true, file });
      const pdf = readFileSync(file);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // Page objects: the facts pages in portrait (595 × 842 pt), the decision log in landscape.
      expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 59[45]\.\d+ 841\.\d+\]/);
      expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.\d+ 59[45]\.\d+\]/);
      expect(readFileSync(join(folder, 'rapport.html'))).toEqual(before);
      await expect(renderReportPdf(folder, file)).rejects.toThrow('exists already');
    });
  });

  it('is skipped, saying why, where Chromium is not installed', async () => {
    const file = join(fixture.dir, 'uten-chromium.pdf');
    expect(await renderReportPdf(folder, file, { chromium: join(fixture.dir, 'ingen-chromium') })).toEqual({
      rendered: false,
      reason: `Chromium is not installed at ${join(fixture.dir, 'ingen-chromium')}`,
    });
    expect(existsSync(file)).toBe(false);
  });

  it('is never written into the export folder, which holds only the signed files', async () => {
    const refusal = await renderReportPdf(folder, join(folder, 'rapport.pdf')).catch((e: unknown) => e);
    expect(isAuditExportError(refusal) && refusal.code).toBe('invalid_option');
    expect(existsSync(join(folder, 'rapport.pdf'))).toBe(false);
  });
});
