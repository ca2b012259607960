/** The exit codes scripts can rely on (documented in the README). */
export const ExitCode = {
  ok: 0,
  /** `verify`: the export is not valid. Elsewhere: the command could not do its work (e.g. no store). */
  failed: 1,
  /** Bad flags, arguments or input (for `exec`: a command that does not decode). Nothing was written. */
  usage: 2,
  /** `exec`: a governance rule refused the command. Nothing was written for it. */
  rejected: 3,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A usage error found after parsing (e.g. two inputs given): printed with a hint, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
