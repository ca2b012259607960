/**
 * A separate process that runs the governance projections on a SQLite store, for the crash tests (which
 * kill it with SIGKILL part-way). Usage: node projection-worker.js <rebuild|catch-up|follow> <file> <batch>
 * It prints `progress <done> <total>` per committed batch, `following` once live, and `done` at the end.
 */
import { openSqliteEventStore } from '@styring/eventstore-sqlite';
import { sqliteProjectionRunner } from '../governance-projections';

const main = async () => {
  const [mode, file, batchSize] = process.argv.slice(2);
  if (file === undefined || !['rebuild', 'catch-up', 'follow'].includes(mode ?? '')) {
    throw new Error('usage: projection-worker <rebuild|catch-up|follow> <store file> <batch size>');
  }
  const store = openSqliteEventStore({ file, pollIntervalMs: 5 });
  const db = store.openConnection();
  const runner = sqliteProjectionRunner({
    events: store,
    db,
    batchSize: Number(batchSize ?? 100),
    onProgress: (progress) => process.stdout.write(`progress ${progress.done} ${progress.total}\n`),
  });
  process.on('SIGTERM', () => void runner.stop());
  if (mode === 'rebuild') await runner.rebuild();
  if (mode === 'catch-up') await runner.catchUp();
  if (mode === 'follow') {
    const following = runner.follow();
    process.stdout.write('following\n');
    await following;
  }
  db.close();
  await store.close();
  process.stdout.write('done\n');
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
