import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command } from 'commander';
import { cosignExport, generateWitnessKeyPair } from '@styring/audit-export';
import { ExitCode, UsageError } from '../exit-codes';
import type { CommandContext } from '../command-context';

/**
 * The auditor as a witness outside the municipality: a key of their own, and a cosignature (C2SP checkpoint
 * and tlog-cosignature/v1) of the tree head of an export they verified. `styring verify --witness` then
 * refuses a later export that does not extend it.
 */
export const witnessCommand = (context: CommandContext): Command => {
  const resolve = (file: string) => path.resolve(context.io.cwd, file);
  return new Command('witness')
    .description("countersign an export's tree head as a witness outside the municipality (C2SP cosignature)")
    .addCommand(
      new Command('keygen')
        .description("make the witness's Ed25519 key pair; refuses to overwrite existing files")
        .requiredOption(
          '--name <name>',
          'who witnesses, as a schema-less URL, e.g. revisjon.example/romerike',
        )
        .requiredOption('--key <file>', 'the private key file to write (keep it secret)')
        .requiredOption(
          '--verifier-key <file>',
          'the verifier key file to write (hand it to whoever verifies)',
        )
        .action(async (flags: { name: string; key: string; verifierKey: string }) => {
          const { verifierKey } = await generateWitnessKeyPair(flags.name, {
            privateKeyFile: resolve(flags.key),
            verifierKeyFile: resolve(flags.verifierKey),
          });
          context.io.out(
            `Privat vitnenøkkel (hold den hemmelig): ${resolve(flags.key)}\n` +
              `Verifiseringsnøkkel: ${resolve(flags.verifierKey)}\n${verifierKey}\n`,
          );
          context.exit(ExitCode.ok);
        }),
    )
    .addCommand(
      new Command('sign')
        .description('verify an export, then cosign its tree head; writes the cosignature file')
        .argument('<dir>', 'the export folder')
        .requiredOption('--key <file>', "the witness's private key (from witness keygen)")
        .requiredOption('--public-key <file>', "the municipality's public key, pinned out of band")
        .option(
          '--out <file>',
          'the cosignature file to write (default: <dir>.cosignature beside the folder)',
        )
        .action(async (dir: string, flags: { key: string; publicKey: string; out?: string }) => {
          for (const [flag, file] of [
            ['<dir>', dir],
            ['--key', flags.key],
            ['--public-key', flags.publicKey],
          ] as const) {
            if (!fs.existsSync(resolve(file)))
              throw new UsageError(`${flag}: ${resolve(file)} does not exist`);
          }
          const out = flags.out === undefined ? `${resolve(dir)}.cosignature` : resolve(flags.out);
          const cosignature = await cosignExport(resolve(dir), {
            publicKey: fs.readFileSync(resolve(flags.publicKey)),
            witnessKeyFile: resolve(flags.key),
            clock: () => new Date(),
          });
          fs.writeFileSync(out, cosignature, { flag: 'wx' });
          context.io.out(`Medsignatur skrevet: ${out}\n${cosignature}`);
          context.exit(ExitCode.ok);
        }),
    );
};
