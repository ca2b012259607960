import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command } from 'commander';
import {
  demoRecordingClock,
  generateKeyPairIn,
  openProjections,
  openStore,
  runExport,
  seedDemo,
} from '@styring/app';
import { main as verifyExportMain } from '@styring/audit-export';
import { exportRegisters } from '@styring/read-routes';
import { type CommandContext } from '../command-context';
import { decisionTable } from '../decision-table';
import { type ExitCode, UsageError } from '../exit-codes';
import { progressBar } from '../progress';

/** Marks a folder as the demo's own, so that a new run may replace it and nothing else. */
const marker = '.styring-demo';

const freshDirectory = (directory: string): void => {
  if (fs.existsSync(directory)) {
    if (!fs.existsSync(path.join(directory, marker))) {
      throw new UsageError(
        `--dir: ${directory} exists and was not made by 'styring demo'; refusing to replace it`,
      );
    }
    fs.rmSync(directory, { recursive: true });
  }
  fs.mkdirSync(directory, { recursive: true });
  fs.writeFileSync(
    path.join(directory, marker),
    'Made by `styring demo`, which replaces this folder on its next run.\n',
  );
};

/**
 * The main job until the HTTP service takes it over: a fresh store with the demo history, its decision log,
 * and a signed export that is then verified – the product from end to end on the embedded default.
 */
export const demoCommand = (context: CommandContext): Command =>
  new Command('demo')
    .description(
      'seed the FICTITIOUS Lørenskog demo into a fresh store, print its decision log, export and verify it',
    )
    .option('--dir <dir>', "the demo's own folder, replaced on every run", './data/demo')
    .action(async (flags: { dir: string }) => {
      const { io } = context;
      const directory = path.resolve(io.cwd, flags.dir);
      freshDirectory(directory);
      const storeUrl = `sqlite:${path.relative(io.cwd, path.join(directory, 'styring.db'))}`;
      const recording = demoRecordingClock();
      const store = await openStore(storeUrl, { cwd: io.cwd, create: true, clock: recording.clock });
      try {
        const keys = await generateKeyPairIn(path.join(directory, 'keys'));
        io.out(
          `1. Demo-historikk for Lørenskog kommune (FIKTIVE data der policydokumentet ikke sier noe) i ${storeUrl}\n`,
        );
        const seeding = progressBar(io, 'Demo');
        const seeded = await seedDemo(store.events, {
          recording,
          onProgress: (done, total) => seeding.update(done, total),
        });
        seeding.stop();
        io.out(`   ${seeded.commands} kommandoer gikk gjennom reglene og ga ${seeded.events} hendelser.\n\n`);

        const projections = openProjections(store);
        try {
          await projections.catchUp();
          const entries = await projections.decisionLog();
          io.out(`2. Vedtaksloggen (${entries.length} vedtak, i kraft nå):\n\n${decisionTable(entries)}\n`);
        } finally {
          await projections.close();
        }

        const exportDirectory = path.join(directory, 'export');
        const exporting = progressBar(io, 'Eksport');
        const { readModelQueries } = await import('@styring/nestjs');
        const summary = await runExport(store, {
          directory: exportDirectory,
          keyFile: keys.privateKeyFile,
          registers: exportRegisters(readModelQueries),
          onProgress: (done) => exporting.update(done, seeded.events),
        });
        exporting.stop();
        io.out(
          `3. Signert revisjonseksport: ${path.relative(io.cwd, exportDirectory)} ` +
            `(${summary.eventCount} hendelser, Merkle-rot ${summary.merkleRoot.slice(0, 16)}…)\n\n4. Kontroll av eksporten:\n`,
        );
        const sink = { write: (text: string) => io.out(text.replace(/^(?=.)/gm, '   ')) };
        const verified = (await verifyExportMain(
          [exportDirectory, '--public-key', keys.publicKeyFile],
          sink,
          { write: io.err },
        )) as ExitCode;
        const relative = (file: string) => path.relative(io.cwd, file);
        io.out(
          `\nPrøv selv:\n` +
            `  npx styring history --store ${storeUrl} --as-of 2024-06-30\n` +
            `  npx styring history --store ${storeUrl} --body kommunestyret --json\n` +
            `  npx styring history --store ${storeUrl} --clock recorded --as-of 2024-06-30\n` +
            `  npx styring changes --store ${storeUrl} --from 2025-06-30 --to 2025-12-31\n` +
            `  node ${relative(path.join(exportDirectory, 'verify-export.js'))} ${relative(exportDirectory)} --public-key ${relative(keys.publicKeyFile)}\n`,
        );
        context.exit(verified);
      } finally {
        await store.close();
      }
    });
