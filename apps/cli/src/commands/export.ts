import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command } from 'commander';
import { defaultKeyDirectory, openStore, runExport, signingKeyFiles } from '@styring/app';
import { SIGNING_KEY_ENV } from '@styring/audit-export';
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

export const exportCommand = (context: CommandContext): Command =>
  new Command('export')
    .description('write a signed, tamper-evident audit export of the whole history')
    .requiredOption('--out <dir>', 'the export folder to create (must not exist yet)')
    .option('--previous <dir>', 'the previous export: the new one proves it only appended to it')
    .option(
      '--key <file>',
      `the private signing key (default: $${SIGNING_KEY_ENV}, else ${defaultKeyDirectory})`,
    )
    .action(async (flags: { out: string; previous?: string; key?: string }, command: Command) => {
      const directory = path.resolve(context.io.cwd, flags.out);
      if (fs.existsSync(directory))
        throw new UsageError(`--out: ${directory} exists already; exports are never overwritten`);
      const previous =
        flags.previous === undefined ? undefined : path.resolve(context.io.cwd, flags.previous);
      if (previous !== undefined && !fs.existsSync(previous))
        throw new UsageError(`--previous: ${previous} does not exist`);
      const keyFile = keyFileOf(context, flags.key);
      const store = await openStore(storeUrlOf(command), { cwd: context.io.cwd });
      const progress = progressBar(context.io, 'Eksport');
      try {
        const summary = await runExport(store, {
          directory,
          ...(previous === undefined ? {} : { previousExport: previous }),
          ...(keyFile === undefined ? {} : { keyFile }),
          env: context.io.env,
          onProgress: (done) => progress.update(done),
        });
        progress.stop();
        context.io.out(
          `Eksport skrevet til ${summary.directory}\n` +
            `Hendelser: ${summary.eventCount}, vedtak: ${summary.decisionCount}, rettelser: ${summary.changeCount}\n` +
            `Merkle-rot: ${summary.merkleRoot}\n` +
            `Nøkkelens fingeravtrykk: ${summary.signingKeyFingerprint}\n` +
            (summary.previous === null
              ? ''
              : `Bygger videre på forrige eksport (${summary.previous.treeSize} hendelser)\n`),
        );
        context.exit(ExitCode.ok);
      } finally {
        progress.stop();
        await store.close();
      }
    });
