import type { Command } from 'commander';
import { openProjections, type OpenedProjections, openStore } from '@styring/app';
import { type CommandContext, storeUrlOf } from './command-context';
import { progressBar } from './progress';

/**
 * Opens the command's store, brings its read models up to the end of the log (with a progress bar), runs
 * `read` on them, and closes everything whatever happens.
 */
export const readingModels = async (
  context: CommandContext,
  command: Command,
  read: (projections: OpenedProjections) => Promise<void> | void,
): Promise<void> => {
  const store = await openStore(storeUrlOf(command), { cwd: context.io.cwd });
  const progress = progressBar(context.io, 'Leser historikken');
  const projections = openProjections(store, { onProgress: (p) => progress.update(p.done, p.total) });
  try {
    await projections.catchUp();
    progress.stop();
    await read(projections);
  } finally {
    progress.stop();
    await projections.close();
    await store.close();
  }
};
