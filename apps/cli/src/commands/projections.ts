import { Command } from 'commander';
import { openProjections, openStore } from '@styring/app';
import { governanceProjectionSpecs } from '@styring/projections';
import { type CommandContext, storeUrlOf } from '../command-context';
import { ExitCode, UsageError } from '../exit-codes';
import { progressBar } from '../progress';

export const projectionsCommand = (context: CommandContext): Command =>
  new Command('projections').description('the read models kept from the history').addCommand(
    new Command('rebuild')
      .description('empty a read model (or all) and replay the whole history into it')
      .argument('[name]', governanceProjectionSpecs.map((spec) => spec.name).join(', '))
      .action(async (name: string | undefined, _flags, command: Command) => {
        const store = await openStore(storeUrlOf(command), { cwd: context.io.cwd });
        const progress = progressBar(context.io, 'Gjenoppbygger');
        const projections = openProjections(store, { onProgress: (p) => progress.update(p.done, p.total) });
        try {
          if (name !== undefined && !projections.names.includes(name)) {
            throw new UsageError(`no read model named '${name}' (known: ${projections.names.join(', ')})`);
          }
          await projections.rebuild(name);
          progress.stop();
          context.io.out(`Gjenoppbygget: ${name ?? projections.names.join(', ')}\n`);
          context.exit(ExitCode.ok);
        } finally {
          progress.stop();
          await projections.close();
          await store.close();
        }
      }),
  );
