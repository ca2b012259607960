import * as path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { isTokenLifetime, issueLocalToken, roles } from '@styring/app';
import { type CommandContext } from '../command-context';
import { ExitCode } from '../exit-codes';

interface TokenFlags {
  readonly role: string;
  readonly unit: string;
  readonly sub: string;
  readonly expiresIn: string;
  readonly dataDir: string;
}

const lifetime = (value: string): string => {
  if (!isTokenLifetime(value)) throw new InvalidArgumentError('not a lifetime such as 8h or 30d');
  return value;
};

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
      .addOption(
        new Option('--expires-in <duration>', 'a whole number and s, m, h, d or w, e.g. 8h or 30d')
          .default('8h')
          .argParser(lifetime),
      )
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
