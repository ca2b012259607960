import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command } from 'commander';
import { main as verifyExportMain } from '@styring/audit-export';
import { type ExitCode, UsageError } from '../exit-codes';
import type { CommandContext } from '../command-context';

/**
 * The offline verifier that every export carries (verify-export.js), run from the CLI: the same checks,
 * the same report and the same exit status (0 valid, 1 invalid, 2 usage) as `node verify-export.js`.
 */
export const verifyCommand = (context: CommandContext): Command =>
  new Command('verify')
    .description(
      'verify an audit export offline: signature, file hashes, hash chain, Merkle root, consistency',
    )
    .argument('<dir>', 'the export folder')
    .requiredOption('--public-key <file>', 'the public key you were given out of band (PEM, DER or raw)')
    .option('--previous <dir>', 'an earlier export: prove this one only appended to it')
    .option(
      '--witness <file>',
      "a witness's cosignature of an earlier tree head: prove this export extends it",
    )
    .option(
      '--witness-key <file>',
      "the witness's verifier key: checks --witness, or alone the cosignatures the export carries",
    )
    .option('--lang <lang>', 'the report in nb (bokmål) or en', 'nb')
    .action(
      async (
        dir: string,
        flags: { publicKey: string; previous?: string; witness?: string; witnessKey?: string; lang: string },
      ) => {
        const resolve = (file: string) => path.resolve(context.io.cwd, file);
        for (const [flag, file] of [
          ['<dir>', dir],
          ['--public-key', flags.publicKey],
          ['--previous', flags.previous],
          ['--witness', flags.witness],
          ['--witness-key', flags.witnessKey],
        ]) {
          if (file !== undefined && !fs.existsSync(resolve(file)))
            throw new UsageError(`${flag}: ${resolve(file)} does not exist`);
        }
        const args = [resolve(dir), '--public-key', resolve(flags.publicKey), '--lang', flags.lang];
        if (flags.previous !== undefined) args.push('--previous', resolve(flags.previous));
        if (flags.witness !== undefined) args.push('--witness', resolve(flags.witness));
        if (flags.witnessKey !== undefined) args.push('--witness-key', resolve(flags.witnessKey));
        const sink = (write: (text: string) => void) => ({ write: (text: string) => write(text) });
        context.exit((await verifyExportMain(args, sink(context.io.out), sink(context.io.err))) as ExitCode);
      },
    );
