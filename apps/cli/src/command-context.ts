import type { Command } from 'commander';
import { parseStoreUrl } from '@styring/app';
import type { CliIo } from './cli-io';
import { type ExitCode, UsageError } from './exit-codes';

/** What every command's action gets: the outside world, and a way to say how the run ended. */
export interface CommandContext {
  readonly io: CliIo;
  readonly exit: (code: ExitCode) => void;
}

/**
 * The store URL a command should open: `--store`, else `STYRING_STORE`, else the embedded default. A URL
 * that names no store we know is a usage error, found before anything is opened or created.
 */
export const storeUrlOf = (command: Command): string => {
  const url = command.optsWithGlobals<{ store: string }>().store;
  try {
    parseStoreUrl(url, '/');
  } catch (error) {
    throw new UsageError(`--store: ${(error as Error).message}`);
  }
  return url;
};
