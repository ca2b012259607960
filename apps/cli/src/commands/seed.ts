import { Command } from 'commander';
import { demoRecordingClock, openStore, seedDemo } from '@styring/app';
import { ExitCode } from '../exit-codes';
import { progressBar } from '../progress';
import { type CommandContext, storeUrlOf } from '../command-context';

export const seedCommand = (context: CommandContext): Command =>
  new Command('seed')
    .description(
      'write the FICTITIOUS Lørenskog demo history (2023–2025) into an empty store, through the real command path',
    )
    .requiredOption('--demo', 'the demo history (the only seed there is)')
    .action(async (_flags, command: Command) => {
      const recording = demoRecordingClock();
      const store = await openStore(storeUrlOf(command), {
        cwd: context.io.cwd,
        create: true,
        clock: recording.clock,
      });
      const progress = progressBar(context.io, 'Demo');
      try {
        const seeded = await seedDemo(store.events, {
          recording,
          onProgress: (done, total) => progress.update(done, total),
        });
        progress.stop();
        context.io.out(
          `Demo-historikken er skrevet: ${seeded.commands} kommandoer ga ${seeded.events} hendelser.\n`,
        );
        context.exit(ExitCode.ok);
      } finally {
        progress.stop();
        await store.close();
      }
    });
