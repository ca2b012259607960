import * as os from 'node:os';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { type Caller, isCorrelationId, roles } from '@styring/app';

interface CallerFlags {
  readonly actor: string;
  readonly role: string;
  readonly unit?: string;
  readonly onBehalfOf?: string;
  readonly correlationId?: string;
}

/** The login name; some containers have no user entry for the process, and then there is none. */
const loginName = (): string => {
  try {
    return os.userInfo().username;
  } catch {
    return 'ukjent';
  }
};

/** The same rule the HTTP service applies to X-Correlation-Id. */
const correlationId = (value: string): string => {
  if (!isCorrelationId(value)) throw new InvalidArgumentError('not 1–128 printable ASCII characters');
  return value;
};

/** Who is acting: recorded in every event's metadata, so it comes from flags or environment, never from the JSON. */
export const withCallerOptions = (command: Command): Command =>
  command
    .addOption(
      new Option('--actor <name>', 'who is acting (default: the login name)')
        .env('STYRING_ACTOR')
        .default(loginName()),
    )
    .addOption(
      // The same roles the service knows; any other would be recorded in the history as given.
      new Option('--role <role>', 'the role acted in, e.g. kommunedirektor')
        .env('STYRING_ROLE')
        .choices(roles)
        .makeOptionMandatory(),
    )
    .addOption(new Option('--unit <unit>', 'the unit acted for, e.g. styv').env('STYRING_UNIT'))
    .addOption(
      new Option('--on-behalf-of <name>', 'whom the actor enters the decision for').env(
        'STYRING_ON_BEHALF_OF',
      ),
    )
    .addOption(
      new Option(
        '--correlation-id <id>',
        'ties the resulting events to a request: 1–128 printable ASCII characters (default: a new id)',
      ).argParser(correlationId),
    );

export const callerOf = (flags: CallerFlags): Caller => ({
  actor: flags.actor,
  role: flags.role,
  ...(flags.unit === undefined ? {} : { unit: flags.unit }),
  ...(flags.onBehalfOf === undefined ? {} : { onBehalfOf: flags.onBehalfOf }),
  ...(flags.correlationId === undefined ? {} : { correlationId: flags.correlationId }),
});
