import * as path from 'node:path';
import { Command } from 'commander';
import { generateKeyPairIn } from '@styring/app';
import { ExitCode } from '../exit-codes';
import type { CommandContext } from '../command-context';

export const keysCommand = (context: CommandContext): Command =>
  new Command('keys').description('manage the key pair that signs audit exports').addCommand(
    new Command('generate')
      .description('make a new Ed25519 key pair; refuses to overwrite existing key files')
      .requiredOption('--out <dir>', 'the folder for the two key files (created when missing)')
      .action(async (flags: { out: string }) => {
        const keys = await generateKeyPairIn(path.resolve(context.io.cwd, flags.out));
        context.io.out(
          `Privat nøkkel (hold den hemmelig): ${keys.privateKeyFile}\n` +
            `Offentlig nøkkel (gi den til revisor): ${keys.publicKeyFile}\n` +
            `Fingeravtrykk: ${keys.fingerprint}\n`,
        );
        context.exit(ExitCode.ok);
      }),
  );
