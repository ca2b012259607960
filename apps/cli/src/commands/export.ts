import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command } from 'commander';
import { defaultKeyDirectory, openStore, runExport, signingKeyFiles } from '@styring/app';
import { CHROMIUM_ENV, renderReportPdf, SIGNING_KEY_ENV } from '@styring/audit-export';
import { exportRegisters } from '@styring/read-routes';
import { type CommandContext, storeUrlOf } from '../command-context';
import { ExitCode, UsageError } from '../exit-codes';
import { progressBar } from '../progress';

/** `--key`, else STYRING_SIGNING_KEY, else the key `styring init` made. */
const keyFileOf = (context: CommandContext, key: string | undefined): string | undefined => {
  if (key !== undefined) {
    const file = path.resolve(context.io.cwd, key);
    if (!fs.existsSync(file)) throw new UsageError(`--key: the file ${file} does not exist`);
    return file;
  }
  if (context.io.env[SIGNING_KEY_ENV] !== undefined) return undefined;
  const made = signingKeyFiles(path.resolve(context.io.cwd, defaultKeyDirectory)).privateKeyFile;
  if (!fs.existsSync(made)) {
    throw new UsageError(
      `no signing key: give --key FILE, set ${SIGNING_KEY_ENV}, or make one with 'styring init'`,
    );
  }
  return made;
};

interface ExportFlags {
  readonly out: string;
  readonly previous?: string;
  readonly key?: string;
  readonly allowUndecodable?: boolean;
  readonly pdf?: string | boolean;
  readonly witness?: readonly string[];
}

/** The cosignature files witnesses sent back, read as text. */
const cosignaturesOf = (context: CommandContext, files: readonly string[] = []): string[] =>
  files.map((file) => {
    const resolved = path.resolve(context.io.cwd, file);
    try {
      return fs.readFileSync(resolved, 'utf8');
    } catch (error) {
      throw new UsageError(
        `--witness: cannot read ${resolved} (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      );
    }
  });

/** `--pdf FILE`, or `--pdf` alone for `<out>-rapport.pdf`; never inside the export folder, never over a file. */
const pdfFileOf = (context: CommandContext, directory: string, pdf: string | boolean | undefined) => {
  if (pdf === undefined || pdf === false) return undefined;
  const file = pdf === true ? `${directory}-rapport.pdf` : path.resolve(context.io.cwd, pdf);
  if (fs.existsSync(file)) throw new UsageError(`--pdf: ${file} exists already; it is never overwritten`);
  if (!path.relative(directory, file).startsWith('..'))
    throw new UsageError(`--pdf: ${file} is inside the export folder, which holds only the signed files`);
  return file;
};

/** The export is written and valid either way: a missing Chromium only means no PDF, said plainly. */
const printPdf = async (context: CommandContext, directory: string, file: string) => {
  const chromium = context.io.env[CHROMIUM_ENV];
  const result = await renderReportPdf(directory, file, chromium === undefined ? {} : { chromium });
  if (result.rendered) context.io.out(`Rapporten som PDF: ${result.file}\n`);
  else
    context.io.err(
      `PDF ikke laget: ${result.reason}. Eksporten er skrevet og gyldig; skriv ut rapport.html fra en ` +
        `nettleser, eller installer Chromium (eller sett ${CHROMIUM_ENV}).\n` +
        `No PDF: ${result.reason}; the export itself is complete.\n`,
    );
};

export const exportCommand = (context: CommandContext): Command =>
  new Command('export')
    .description('write a signed, tamper-evident audit export of the whole history')
    .requiredOption('--out <dir>', 'the export folder to create (must not exist yet)')
    .option('--previous <dir>', 'the previous export: the new one proves it only appended to it')
    .option(
      '--key <file>',
      `the private signing key (default: $${SIGNING_KEY_ENV}, else ${defaultKeyDirectory})`,
    )
    .option(
      '--allow-undecodable',
      'export events that cannot be decoded raw (counted in the manifest, flagged in the report) instead of stopping',
    )
    .option(
      '--witness <files...>',
      'cosignature files witnesses sent back (from styring witness sign): carried in the export, with those of --previous',
    )
    .option(
      '--pdf [file]',
      `also print rapport.html to PDF with Chromium (default file: <out>-rapport.pdf; Chromium: $${CHROMIUM_ENV}, else /usr/bin/chromium)`,
    )
    .action(async (flags: ExportFlags, command: Command) => {
      const directory = path.resolve(context.io.cwd, flags.out);
      if (fs.existsSync(directory))
        throw new UsageError(`--out: ${directory} exists already; exports are never overwritten`);
      const pdfFile = pdfFileOf(context, directory, flags.pdf);
      const previous =
        flags.previous === undefined ? undefined : path.resolve(context.io.cwd, flags.previous);
      if (previous !== undefined && !fs.existsSync(previous))
        throw new UsageError(`--previous: ${previous} does not exist`);
      const keyFile = keyFileOf(context, flags.key);
      const witnessCosignatures = cosignaturesOf(context, flags.witness);
      // The registers are read by the read side's queries, which come with NestJS (see `show`).
      const { readModelQueries } = await import('@styring/nestjs');
      const store = await openStore(storeUrlOf(command), { cwd: context.io.cwd });
      const reading = progressBar(context.io, 'Registrene');
      const progress = progressBar(context.io, 'Eksport');
      try {
        const summary = await runExport(store, {
          directory,
          ...(previous === undefined ? {} : { previousExport: previous }),
          ...(keyFile === undefined ? {} : { keyFile }),
          ...(flags.allowUndecodable === true ? { allowUndecodable: true } : {}),
          witnessCosignatures,
          registers: exportRegisters(readModelQueries),
          onReadModelProgress: ({ done, total }) => reading.update(done, total),
          env: context.io.env,
          onProgress: (done) => {
            reading.stop();
            progress.update(done);
          },
        });
        progress.stop();
        context.io.out(
          `Eksport skrevet til ${summary.directory}\n` +
            `Hendelser: ${summary.eventCount}, vedtak: ${summary.decisionCount}, rettelser: ${summary.changeCount}\n` +
            `Merkle-rot: ${summary.merkleRoot}\n` +
            `Nøkkelens fingeravtrykk: ${summary.signingKeyFingerprint}\n` +
            (summary.previous === null
              ? ''
              : `Bygger videre på forrige eksport (${summary.previous.treeSize} hendelser)\n`) +
            (summary.witnessCosignatures.length === 0
              ? ''
              : `Medsignaturer fra vitner: ${summary.witnessCosignatures.join(', ')}\n`) +
            (summary.undecodableCount === 0
              ? ''
              : `ADVARSEL: ${summary.undecodableCount} hendelser kunne ikke leses og er bare med rått i events.jsonl\n`),
        );
        if (pdfFile !== undefined) await printPdf(context, summary.directory, pdfFile);
        context.exit(ExitCode.ok);
      } finally {
        reading.stop();
        progress.stop();
        await store.close();
      }
    });
