import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import {
  type Caller,
  createTokenVerifier,
  isCorrelationId,
  localKeyFiles,
  localVerification,
} from '@styring/app';
import { UsageError } from './exit-codes';

interface CallerFlags {
  readonly token?: string;
  readonly dataDir: string;
  readonly correlationId?: string;
}

/** The same rule the HTTP service applies to X-Correlation-Id. */
const correlationId = (value: string): string => {
  if (!isCorrelationId(value)) throw new InvalidArgumentError('not 1–128 printable ASCII characters');
  return value;
};

/** `--role` used to name the caller; it grants nothing now, so say what to do instead of ignoring it. */
const noRoleFlag = (): never => {
  throw new InvalidArgumentError(
    "a role on its own grants nothing: give --token with a token from 'styring tokens issue --role …'",
  );
};

/**
 * Who is acting: a token, verified as the HTTP service verifies it (the local key under the data folder),
 * whose subject, role and unit are recorded in every event's metadata – never flags or the JSON.
 */
export const withCallerOptions = (command: Command): Command =>
  command
    .addOption(
      new Option('--token <jwt>', "the caller's token (from 'styring tokens issue')").env('STYRING_TOKEN'),
    )
    .addOption(
      new Option('--data-dir <dir>', 'the data folder whose local key signed the token')
        .env('STYRING_DATA_DIR')
        .default('./data'),
    )
    .addOption(new Option('--role <role>').hideHelp().argParser(noRoleFlag))
    .addOption(
      new Option(
        '--correlation-id <id>',
        'ties the resulting events to a request: 1–128 printable ASCII characters (default: a new id)',
      ).argParser(correlationId),
    );

/** The verified caller of `--token`; a missing or invalid token is a usage error, before anything is read. */
export const callerOf = async (flags: CallerFlags, cwd: string): Promise<Caller> => {
  if (flags.token === undefined || flags.token === '') {
    throw new UsageError(
      "a write needs a caller: give --token (or STYRING_TOKEN) from 'styring tokens issue'",
    );
  }
  const { publicKeyFile } = localKeyFiles(path.resolve(cwd, flags.dataDir));
  if (!fs.existsSync(publicKeyFile)) {
    throw new UsageError(`--token: there is no local key (${publicKeyFile}) to verify it with`);
  }
  const verified = await createTokenVerifier(localVerification(fs.readFileSync(publicKeyFile, 'utf8')))(
    `Bearer ${flags.token}`,
  );
  if (!verified.ok) throw new UsageError(`--token: ${verified.reason}`);
  const { subject, role, unit } = verified.identity;
  return {
    actor: subject,
    role,
    unit,
    ...(flags.correlationId === undefined ? {} : { correlationId: flags.correlationId }),
  };
};
