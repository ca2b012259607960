import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type ExportRegisters, verifyExport } from '@styring/audit-export';
import { describeWithPostgres } from '@styring/eventstore-postgres/testing';
import { planRegister, type ReadModelReader } from '@styring/projections';
import { createCommandExecutor } from './command-executor';
import { openStore, type OpenedStore } from './open-store';
import { openProjections } from './projections';
import { runExport } from './run-export';
import { generateKeyPairIn, signingKeyFiles } from './signing-keys';

const adoptStrategy = (planId: string) => ({
  type: 'AdoptPlan',
  planId,
  kind: 'strategi',
  title: `Strategi ${planId}`,
  period: { from: '2024-04-01', to: '2027-12-31' },
  decision: {
    body: 'kommunestyret',
    decidedOn: '2024-03-20',
    caseNumber: '2024/0544',
    meeting: 'Kommunestyrets møte 20.03.2024',
    authority: { kind: 'law', reference: 'Kommuneloven § 5-3' },
  },
});
const caller = { actor: 'kari', role: 'kommunestyre-sekretariat' };

/** One register for the test: the plan ids the plan register lists. */
const planIds = async (reader: ReadModelReader, moment: { created: string }): Promise<ExportRegisters> => {
  const plans = await planRegister(reader);
  return {
    asOf: moment.created,
    tables: [
      {
        title: 'Planregisteret',
        description: 'Planene',
        fileName: 'register-planer.csv',
        header: 'planId\r\n',
        rows: () => plans.map((plan) => `${plan.planId}\r\n`),
      },
    ],
  };
};

/**
 * An export of the store with the plan register, into `dir/name`, signed with the key pair in `dir/keys`:
 * its summary, the catch-up's progress reports and the register file's text.
 */
const exportPlans = async (
  store: OpenedStore,
  dir: string,
  name: string,
  registers: NonNullable<Parameters<typeof runExport>[1]['registers']> = planIds,
) => {
  const projected: number[] = [];
  const summary = await runExport(store, {
    directory: path.join(dir, name),
    keyFile: signingKeyFiles(path.join(dir, 'keys')).privateKeyFile,
    registers,
    onReadModelProgress: (progress) => projected.push(progress.done),
  });
  return { summary, projected, plans: fs.readFileSync(path.join(dir, name, 'register-planer.csv'), 'utf8') };
};

/**
 * The registers come from the read models kept beside the store, held at the exported events: what the
 * service appends and projects while the export runs is in neither; the next export projects nothing new.
 */
const registersFromKeptReadModels = async (store: OpenedStore, dir: string) => {
  const executor = createCommandExecutor(store.events);
  await generateKeyPairIn(path.join(dir, 'keys'));
  await executor.execute(adoptStrategy('hr-strategi'), caller);
  // The service appends and projects after the export has written its events, before it reads the
  // registers: the export shows neither the event nor what it changed in the read models.
  const serviceMovesOn = async () => {
    await executor.execute(adoptStrategy('eiendomsstrategi'), caller);
    const service = openProjections(store);
    await service.catchUp();
    await service.close();
  };
  const first = await exportPlans(store, dir, 'first', async (reader, moment) => {
    await serviceMovesOn();
    return planIds(reader, moment);
  });
  expect(first.summary.eventCount).toBe(1);
  expect(first.projected.at(-1)).toBe(1);
  expect(first.plans).toBe('planId\r\nhr-strategi\r\n');

  // The store's read models are current (the service kept them): the next export projects nothing.
  const second = await exportPlans(store, dir, 'second');
  expect(second.summary.eventCount).toBe(2);
  expect(second.projected).toEqual([]);
  expect(second.plans).toBe('planId\r\nhr-strategi\r\neiendomsstrategi\r\n');
};

describe('runExport', () => {
  let dir: string;
  let store: OpenedStore;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'styring-export-'));
    store = await openStore('sqlite:./styring.db', { cwd: dir, create: true });
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes an export that verifies against the public key, and a later one that extends it', async () => {
    const executor = createCommandExecutor(store.events);
    const keys = await generateKeyPairIn(path.join(dir, 'keys'));
    await executor.execute(adoptStrategy('hr-strategi'), caller);
    const progress: number[] = [];
    const first = await runExport(store, {
      directory: path.join(dir, 'first'),
      keyFile: keys.privateKeyFile,
      onProgress: (done) => progress.push(done),
    });
    await executor.execute(adoptStrategy('eiendomsstrategi'), caller);
    const second = await runExport(store, {
      directory: path.join(dir, 'second'),
      previousExport: path.join(dir, 'first'),
      keyFile: keys.privateKeyFile,
    });

    expect([first.eventCount, second.eventCount, progress.at(-1)]).toEqual([1, 2, 1]);
    const publicKey = fs.readFileSync(keys.publicKeyFile);
    const verified = await verifyExport(path.join(dir, 'second'), {
      publicKey,
      previous: path.join(dir, 'first'),
    });
    expect(verified).toMatchObject({ valid: true, previous: { treeSize: 1 } });
  });

  it('takes the key from STYRING_SIGNING_KEY when no file is given', async () => {
    const keys = await generateKeyPairIn(path.join(dir, 'keys'));
    const env = { STYRING_SIGNING_KEY: fs.readFileSync(keys.privateKeyFile, 'utf8') };
    const summary = await runExport(store, { directory: path.join(dir, 'export'), env });
    expect(summary.signingKeyFingerprint).toBe(keys.fingerprint);
  });

  it('reads the registers from the read models kept in the store, held at the events it exports', () =>
    registersFromKeptReadModels(store, dir));

  it('builds read models of its own when those kept cannot be held at one position', async () => {
    const executor = createCommandExecutor(store.events);
    await generateKeyPairIn(path.join(dir, 'keys'));
    await executor.execute(adoptStrategy('hr-strategi'), caller);
    await executor.execute(adoptStrategy('eiendomsstrategi'), caller);
    const kept = openProjections(store);
    await kept.catchUp();
    await kept.close();
    // One kept read model stands past the others (as another process's would while it moves them): no
    // catch-up brings them together, so the export cannot hold them.
    const db = store.openReadModelDatabase();
    db.prepare(
      "UPDATE projection_checkpoints SET position = position + 10 WHERE name = 'decision-log'",
    ).run();
    db.close();

    const exported = await exportPlans(store, dir, 'export');
    expect(exported.summary.eventCount).toBe(2);
    // Every event projected anew, into the temporary file: the kept ones were current already.
    expect(exported.projected.at(-1)).toBe(2);
    expect(exported.plans).toBe('planId\r\nhr-strategi\r\neiendomsstrategi\r\n');
  });
});

describeWithPostgres('runExport on a PostgreSQL store', (cluster) => {
  it('reads the registers from the read models kept in PostgreSQL, held at the events it exports', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'styring-export-'));
    const store = await openStore(await cluster().createDatabase('export_kept'), { cwd: dir });
    try {
      await registersFromKeptReadModels(store, dir);
    } finally {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
