import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, lstat, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AuditExportError } from './audit-export-error';

/** Where Chromium is looked for, unless STYRING_CHROMIUM names another binary. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ENV = 'STYRING_CHROMIUM';

export type ReportPdfResult =
  { readonly rendered: true; readonly file: string } | { readonly rendered: false; readonly reason: string };

export interface ReportPdfOptions {
  /** The Chromium binary; DEFAULT_CHROMIUM by default. */
  readonly chromium?: string;
  /** How long Chromium may take, in milliseconds (60 s by default). */
  readonly timeoutMs?: number;
}

const exists = (file: string) =>
  lstat(file).then(
    () => true,
    () => false,
  );

const startsWithPdfMagic = async (file: string) => {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(5), 0, 5, 0);
    return bytesRead === 5 && buffer.toString('latin1') === '%PDF-';
  } finally {
    await handle.close();
  }
};

/**
 * Prints an export's rapport.html to a PDF file with headless Chromium (its own `--print-to-pdf`: A4, the
 * report's print CSS, page numbers in the margins). The PDF is written outside the export folder, since
 * any file the manifest does not list makes an export invalid. Where Chromium is not installed nothing is
 * written and the result says why; a failing Chromium is an error.
 */
export const renderReportPdf = async (
  exportDirectory: string,
  pdfFile: string,
  options: ReportPdfOptions = {},
): Promise<ReportPdfResult> => {
  const folder = resolve(exportDirectory);
  const target = resolve(pdfFile);
  const inside = relative(folder, target);
  if (!inside.startsWith('..') && inside !== '') {
    throw new AuditExportError(
      'invalid_option',
      `pdf: ${target} is inside the export folder, which must hold only the signed files`,
    );
  }
  const report = join(folder, 'rapport.html');
  if (!(await exists(report)))
    throw new AuditExportError('invalid_option', `export: ${folder} has no rapport.html to print`);
  if (await exists(target))
    throw new AuditExportError('target_exists', `pdf: ${target} exists already; it is never overwritten`);
  const chromium = options.chromium ?? DEFAULT_CHROMIUM;
  const runnable = await access(chromium, constants.X_OK).then(
    () => true,
    () => false,
  );
  if (!runnable) return { rendered: false, reason: `Chromium is not installed at ${chromium}` };
  const profile = await mkdtemp(join(tmpdir(), 'styring-chromium-'));
  try {
    await new Promise<void>((done, fail) => {
      execFile(
        chromium,
        [
          '--headless',
          // As root Chromium runs only unsandboxed; the page is our own file, with no scripts or links out.
          ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
          '--disable-gpu',
          '--no-pdf-header-footer',
          `--user-data-dir=${profile}`,
          `--print-to-pdf=${target}`,
          pathToFileURL(report).href,
        ],
        { timeout: options.timeoutMs ?? 60_000 },
        (error, _stdout, stderr) =>
          error === null
            ? done()
            : fail(new Error(`Chromium could not print the report: ${error.message} ${stderr}`.trim())),
      );
    });
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  if (!(await exists(target)) || !(await startsWithPdfMagic(target)))
    throw new Error(`Chromium wrote no PDF to ${target}`);
  return { rendered: true, file: target };
};
