import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command } from 'commander';
import { defaultKeyDirectory, generateKeyPairIn, openStore, signingKeyFiles } from '@styring/app';
import { ExitCode } from '../exit-codes';
import { type CommandContext, storeUrlOf } from '../command-context';

export const initCommand = (context: CommandContext): Command =>
  new Command('init')
    .description(`create the store and a key pair for signing exports (in ${defaultKeyDirectory})`)
    .option('--keys <dir>', 'where to put the signing key pair', defaultKeyDirectory)
    .action(async (flags: { keys: string }, command: Command) => {
      const keyDirectory = path.resolve(context.io.cwd, flags.keys);
      const files = Object.values(signingKeyFiles(keyDirectory));
      const existing = files.filter((file) => fs.existsSync(file));
      if (existing.length === files.length) {
        // Initialized before: make sure the store is there too, and change nothing else.
        await (await openStore(storeUrlOf(command), { cwd: context.io.cwd, create: true })).close();
        context.io.out(
          `Allerede initialisert: lageret ${storeUrlOf(command)} og signeringsnøklene i ${keyDirectory} finnes; ingenting ble endret.\n`,
        );
        return context.exit(ExitCode.ok);
      }
      if (existing.length > 0) {
        context.io.err(
          `styring: only part of the signing key pair exists (${existing.join(', ')}); refusing to overwrite it\n`,
        );
        return context.exit(ExitCode.failed);
      }
      const store = await openStore(storeUrlOf(command), { cwd: context.io.cwd, create: true });
      await store.close();
      const keys = await generateKeyPairIn(keyDirectory);
      context.io.out(
        `Lageret er klart: ${storeUrlOf(command)}\n` +
          `Signeringsnøkler: ${keys.privateKeyFile} (privat) og ${keys.publicKeyFile} (offentlig)\n` +
          `Fingeravtrykk: ${keys.fingerprint}\n`,
      );
      context.exit(ExitCode.ok);
    });
