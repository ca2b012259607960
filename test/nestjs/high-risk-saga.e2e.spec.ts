import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { councilDecision } from '@styring/governance';
import { adoptRiskScale } from '@styring/governance/testing';
import { eventsIn } from '../cli/store-contents';
import { jsonLines, scratchDirectory, styring, tokenFlag } from '../cli/styring';
import { repositoryRoot } from '../support/run-process';

/**
 * The README's saga (libs/nestjs/src/examples/high-risk-saga.example.ts) across two processes on one SQLite
 * file: process A is a Nest application running the example as compiled, process B the CLI. B records a
 * high risk, A decides its treatment; A killed by its pid and started again resumes from its checkpoint,
 * and even replaying from an older checkpoint it appends nothing twice.
 */
const sagaProcess = path.join(__dirname, 'saga-process.js');
const council = (decidedOn: string, caseNumber: string) =>
  councilDecision(decidedOn, caseNumber, `Kommunestyrets møte ${decidedOn}`, 'Kommuneloven § 5-3');
const riskScale = adoptRiskScale(council('2023-12-13', '2023/0950'));
/** The council's delegation that the example's standing rule (`highRiskRule`) rests on. */
const riskDelegation = {
  type: 'DelegateAuthority',
  delegationId: 'ks-kd-risiko',
  to: { body: 'kommunedirektoren' },
  scope: { commandTypes: ['DecideRiskTreatment'] },
  validFrom: '2024-01-01',
  decision: council('2023-12-13', '2023/0951'),
};
const assessment = (riskId: string, likelihood: number, consequence: number) => ({
  type: 'AssessRisk',
  riskId,
  title: `Risiko ${riskId}`,
  context: 'sektor',
  scaleVersion: 1,
  likelihood,
  consequence,
  ownerUnit: 'helse-og-omsorg',
  treatment: 'Vurderes',
  assessedOn: '2025-03-03',
  nextReview: '2025-09-01',
});

describe('the README saga: a high risk leads to a treatment decision, across two processes', () => {
  const scratch = scratchDirectory();
  const storeFile = path.join(scratch.dir, 'data', 'styring.db');
  let secretariat: string[];
  let direktor: string[];
  let sagaA: ChildProcess | undefined;

  const exec = async (token: string[], command: unknown) => {
    const result = await styring(scratch.dir, ['exec', '-', ...token], { input: JSON.stringify(command) });
    expect({ code: result.code, out: jsonLines(result.stdout) }).toMatchObject({ code: 0 });
  };
  /** Starts process A and resolves once it printed `ready`. */
  const startSaga = () =>
    new Promise<ChildProcess>((resolve, reject) => {
      const child = spawn(process.execPath, [sagaProcess], {
        cwd: scratch.dir,
        env: { ...process.env, STYRING_STORE: `sqlite:${storeFile}` },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        if (chunk.includes('ready')) resolve(child);
      });
      child.on('exit', (code) =>
        reject(new Error(`process A ended (${code}) before it was ready:\n${stderr}`)),
      );
    });
  const killSaga = async () => {
    const child = sagaA;
    if (child?.pid === undefined || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(child.pid, 'SIGKILL');
    await exited;
    sagaA = undefined;
  };
  const treatments = async () =>
    (await eventsIn(storeFile)).filter((event) => event.type === 'RiskTreatmentDecided');
  const lastAssessment = async () =>
    (await eventsIn(storeFile)).filter((event) => event.type === 'RiskAssessed').at(-1)?.globalPosition;
  /** The saga's checkpoint, read from its table in the store file. */
  const checkpoint = (): bigint | undefined => {
    const db = new Database(storeFile, { readonly: true });
    try {
      const row = db.prepare("SELECT position FROM saga_checkpoints WHERE name = 'hoy-risiko'").get() as
        { position: string } | undefined;
      return row === undefined ? undefined : BigInt(row.position);
    } finally {
      db.close();
    }
  };
  /** Waits until the saga has handled every assessment recorded so far. */
  const caughtUp = async () => {
    const target = await lastAssessment();
    const deadline = Date.now() + 20_000;
    while (checkpoint() !== target) {
      if (Date.now() > deadline)
        throw new Error(`the saga's checkpoint ${checkpoint()} never reached ${target}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  beforeAll(async () => {
    execFileSync('npx', ['tsc', '-b', 'libs/nestjs/tsconfig.spec.json'], { cwd: repositoryRoot });
    expect((await styring(scratch.dir, ['init'])).code).toBe(0);
    secretariat = await tokenFlag(scratch.dir, 'kommunestyre-sekretariat', 'styv', 'sekretariatet');
    direktor = await tokenFlag(scratch.dir, 'direktor', 'helse-og-omsorg', 'direktor-helse');
    await exec(secretariat, riskScale);
    await exec(secretariat, riskDelegation);
  }, 300_000);
  afterAll(async () => {
    await killSaga();
    scratch.remove();
  });

  it('decides the treatment of a high risk recorded by the CLI, and of no other', async () => {
    sagaA = await startSaga();
    await exec(direktor, assessment('flom-sykehjem', 5, 4));
    await exec(direktor, assessment('printerko', 2, 2));
    await caughtUp();
    const [treatment, ...others] = await treatments();
    expect(others).toEqual([]);
    expect(treatment).toMatchObject({
      streamId: 'risk-flom-sykehjem',
      data: {
        strategy: 'redusere',
        responsibleUnit: 'helse-og-omsorg',
        due: '2025-04-02',
        decision: {
          body: 'kommunedirektoren',
          authority: { kind: 'delegation', delegationId: 'ks-kd-risiko' },
        },
      },
      metadata: { actor: 'saga:hoy-risiko', role: 'kommunedirektor' },
    });
  }, 60_000);

  it('killed and started again, resumes from its checkpoint: the next high risk is treated once', async () => {
    await killSaga();
    await exec(direktor, assessment('datainnbrudd', 4, 5));
    sagaA = await startSaga();
    await caughtUp();
    expect((await treatments()).map((event) => event.streamId)).toEqual([
      'risk-flom-sykehjem',
      'risk-datainnbrudd',
    ]);
  }, 60_000);

  it('replaying from an older checkpoint (a crash between a command and its checkpoint) appends nothing twice', async () => {
    await killSaga();
    const db = new Database(storeFile);
    db.prepare("DELETE FROM saga_checkpoints WHERE name = 'hoy-risiko'").run();
    db.close();
    const before = await eventsIn(storeFile);
    sagaA = await startSaga();
    await caughtUp();
    expect(await eventsIn(storeFile)).toHaveLength(before.length);
    expect(await treatments()).toHaveLength(2);
  }, 60_000);
});
