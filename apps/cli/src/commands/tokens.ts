import * as path from 'node:path';
import { Command, Option } from 'commander';
import { issueLocalToken, roles } from '@styring/app';
import { type CommandContext } from '../command-context';
import { ExitCode } from '../exit-codes';

interface TokenFlags {
  readonly role: string;
  readonly unit: string;
  readonly sub: string;
  readonly expiresIn: string;
  readonly dataDir: string;
}

/** Bearer tokens for the HTTP service on the embedded default, signed with its local key (made on first use). */
export const tokensCommand = (context: CommandContext): Command =>
  new Command('tokens').description('bearer tokens for the HTTP service (embedded default only)').addCommand(
    new Command('issue')
      .description("mint a token signed with the service's local key; print it on stdout")
      .addOption(
        new Option('--role <role>', 'the role the token grants').choices(roles).makeOptionMandatory(),
      )
      .requiredOption('--unit <unit>', 'the unit the holder acts for, e.g. styv')
      .requiredOption('--sub <subject>', 'who holds the token (becomes the actor of the events)')
      .option('--expires-in <duration>', 'e.g. 8h or 30d', '8h')
      .addOption(
        new Option('--data-dir <dir>', "the service's data folder").env('STYRING_DATA_DIR').default('./data'),
      )
      .action(async (flags: TokenFlags) => {
        const token = await issueLocalToken({
          subject: flags.sub,
          role: flags.role,
          unit: flags.unit,
          expiresIn: flags.expiresIn,
          dataDir: path.resolve(context.io.cwd, flags.dataDir),
        });
        context.io.out(`${token}\n`);
        context.exit(ExitCode.ok);
      }),
  );
