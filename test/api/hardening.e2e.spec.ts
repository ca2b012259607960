import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { issueLocalToken } from '@styring/app';
import { eventsIn } from '../cli/store-contents';
import { type ApiProcess, scratchDirectory, startApi, stopAll } from './api-process';
import { call, councilDecision, newSection, type Reply } from './http';

/** The service as a hostile world meets it: what it prints, how it reports a failing store, retries across a crash. */
let dir: string;
beforeEach(() => (dir = scratchDirectory()));
afterEach(async () => {
  await stopAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('what the service prints', () => {
  it('holds no token without --demo, on stderr or stdout, even at trace level', async () => {
    const api = await startApi(dir, { env: { STYRING_LOG_LEVEL: 'trace' } });
    const token = await issueLocalToken({
      dataDir: path.join(dir, 'data'),
      subject: 'kari',
      role: 'revisor',
      unit: 'romerike-revisjon',
    });
    expect((await call(api.url, 'GET', '/api/decision-log', { token })).status).toBe(200);
    const write = await call(api.url, 'POST', '/api/units', { token, body: newSection('revisors-enhet') });
    expect(write.status).toBe(403);
    await api.stop('SIGTERM');

    expect(api.banner()).not.toContain('Sample tokens');
    const printed = `${api.banner()}\n${JSON.stringify(api.logs())}`;
    expect(printed).not.toContain(token);
    // No JWT of any kind: a header {"alg":…} always encodes to eyJ.
    expect(printed).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
  });
});

describe('/health', () => {
  it('reports the store as failing (503) when writes fail on an event the service cannot read, though it opens', async () => {
    const api = await startApi(dir, { args: ['--demo'] });
    const token = await issueLocalToken({
      dataDir: path.join(dir, 'data'),
      subject: 'sekretariat',
      role: 'kommunestyre-sekretariat',
      unit: 'styv',
    });
    expect((await call(api.url, 'GET', '/health')).status).toBe(200);

    // Another program appends an event this code cannot decode: every write now fails (500).
    const raw = new Database(path.join(dir, 'data', 'styring.db'));
    raw
      .prepare(
        `INSERT INTO events (stream_id, stream_revision, event_id, type, schema_version, data, metadata, recorded_at)
         VALUES ('plan-uleselig', 0, 'uleselig-1', 'PlanAdopted', 1, '{"planId":1}', ?, ?)`,
      )
      .run(
        JSON.stringify({
          actor: 'x',
          role: 'x',
          correlationId: 'c',
          causationId: 'c',
          effectiveAt: '2025-01-01',
        }),
        new Date().toISOString(),
      );
    const write = await call(api.url, 'POST', '/api/units', { token, body: newSection('etter-feil') });
    expect(write.status).toBe(500);

    const health = await call(api.url, 'GET', '/health');
    expect(health).toMatchObject({
      status: 503,
      body: { error: 'store_failing', store: { failing: true, lastFailure: { status: 500 } } },
    });
    raw.close();
  });
});

const lanes = 4;
const perLane = 30;
const planOf = (lane: number) => `retry-plan-${lane}`;
/** Plan revisions have no natural key: only the idempotency key stops a retry from appending again. */
const revision = (lane: number, n: number) => ({
  title: `Plan ${lane}, revisjon ${n}`,
  decision: councilDecision(`2025/${lane}${String(n).padStart(3, '0')}`),
});

describe('a client retrying with the same Idempotency-Key', () => {
  it('ends with exactly one copy of each acknowledged command across a kill -9 of the service', async () => {
    let api: ApiProcess = await startApi(dir);
    const token = await issueLocalToken({
      dataDir: path.join(dir, 'data'),
      subject: 'klient',
      role: 'kommunestyre-sekretariat',
      unit: 'styv',
    });
    const send = (urlPath: string, key: string, body: unknown): Promise<Reply | undefined> =>
      call(api.url, 'POST', urlPath, { token, body, headers: { 'idempotency-key': key } }).catch(
        () => undefined,
      );
    for (let lane = 0; lane < lanes; lane++) {
      const adopted = await send('/api/plans', `adopt-${lane}`, {
        planId: planOf(lane),
        kind: 'strategi',
        title: `Plan ${lane}`,
        period: { from: '2025-01-01', to: '2028-12-31' },
        decision: councilDecision(`2025/9${lane}`),
      });
      expect(adopted?.status).toBe(201);
    }

    // Each lane sends its revisions in order; the service is killed while they are under way.
    const acknowledged = new Map<string, string>();
    const runLane = async (lane: number) => {
      for (let n = 0; n < perLane; n++) {
        const key = `lane-${lane}-${n}`;
        const reply = await send(`/api/plans/${planOf(lane)}/revisions`, key, revision(lane, n));
        if (reply?.status === 201) acknowledged.set(key, reply.body.events[0].eventId);
      }
    };
    const running = Array.from({ length: lanes }, (_, lane) => runLane(lane));
    while (acknowledged.size < lanes * 5) await new Promise((resolve) => setTimeout(resolve, 5));
    await api.stop('SIGKILL');
    await Promise.all(running);
    expect(acknowledged.size).toBeLessThan(lanes * perLane);

    // After the restart the client sends everything again, with the same keys.
    api = await startApi(dir);
    for (let lane = 0; lane < lanes; lane++) {
      for (let n = 0; n < perLane; n++) {
        const key = `lane-${lane}-${n}`;
        const reply = await send(`/api/plans/${planOf(lane)}/revisions`, key, revision(lane, n));
        expect(reply?.status).toBe(201);
        // An acknowledged command answers with the very event it was acknowledged with.
        const before = acknowledged.get(key);
        if (before !== undefined) expect(reply?.body.events[0].eventId).toBe(before);
      }
    }
    await api.stop('SIGTERM');

    const stored = await eventsIn(path.join(dir, 'data', 'styring.db'));
    const copies = new Map<string, number>();
    for (const event of stored.filter((e) => e.type === 'PlanRevised')) {
      copies.set(event.metadata.causationId, (copies.get(event.metadata.causationId) ?? 0) + 1);
    }
    expect(copies.size).toBe(lanes * perLane);
    expect([...copies.values()].every((count) => count === 1)).toBe(true);
  }, 120_000);
});
