import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import { describeWithPostgres } from '@styring/eventstore-postgres/testing';
import { type ApiProcess, scratchDirectory, startApi, stopAll } from './api-process';
import { call, newSection, type Reply } from './http';

const busProcess = path.join(__dirname, '..', 'nestjs', 'bus-process.js');

/** A Nest application on the store, in its own directory, and the event ids its EventBus carried. */
interface BusListener {
  readonly child: ChildProcess;
  readonly seen: () => string[];
}

const listenOnBus = (cwd: string, store: string): Promise<BusListener> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [busProcess], {
      cwd,
      env: { ...process.env, STYRING_STORE: store },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (stdout.startsWith('ready\n')) resolve({ child, seen });
    });
    child.on('exit', (code) => reject(new Error(`the bus listener ended (${code}):\n${stderr}`)));
    const seen = () =>
      stdout
        .split('\n')
        .slice(1)
        .filter((line) => line !== '')
        .map((line) => (JSON.parse(line) as { eventId: string }).eventId);
  });

/**
 * Two instances of the service on one PostgreSQL database, as behind a load balancer: each takes writes,
 * and each answers queries with what either recorded, in one order, nothing lost or stored twice.
 */
describeWithPostgres('two service instances on one PostgreSQL database', (cluster) => {
  const directories: string[] = [];
  let first: ApiProcess;
  let second: ApiProcess;
  let secretariat: string;
  let connectionString: string;
  const listeners: BusListener[] = [];

  /** Every page of a paginated list, followed through its cursor. */
  const everyItem = async (api: ApiProcess, route: string): Promise<unknown[]> => {
    const items: unknown[] = [];
    let cursor: string | undefined;
    do {
      const query = `pageSize=1000${cursor === undefined ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
      const reply = await call(api.url, 'GET', `${route}?${query}`, { token: secretariat });
      expect(reply.status).toBe(200);
      items.push(...(reply.body.items as unknown[]));
      cursor = reply.body.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return items;
  };

  const establish = (api: ApiProcess, n: number, key = `enhet-${n}`): Promise<Reply> =>
    call(api.url, 'POST', '/api/units', {
      token: secretariat,
      body: newSection(`seksjon-${n}`, `2025/${1000 + n}`),
      headers: { 'idempotency-key': key },
    });

  beforeAll(async () => {
    connectionString = await cluster().createDatabase('instances');
    const firstDirectory = scratchDirectory();
    const secondDirectory = scratchDirectory();
    directories.push(firstDirectory, secondDirectory);
    first = await startApi(firstDirectory, { args: ['--demo'], env: { STYRING_STORE: connectionString } });
    // Both verify the same tokens: in a deployment, the same key files (or one identity provider).
    fs.cpSync(path.join(firstDirectory, 'data', 'api'), path.join(secondDirectory, 'data', 'api'), {
      recursive: true,
    });
    second = await startApi(secondDirectory, { env: { STYRING_STORE: connectionString } });
    secretariat = first.tokenFor('kommunestyre-sekretariat');
    // An application's EventBus beside each instance, each in its own directory (its own checkpoint).
    for (const cwd of [firstDirectory, secondDirectory])
      listeners.push(await listenOnBus(cwd, connectionString));
  }, 240_000);

  afterAll(async () => {
    for (const { child } of listeners)
      if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid);
    await stopAll();
    for (const directory of directories) fs.rmSync(directory, { recursive: true, force: true });
  });

  it('records writes sent to either, and both answer with all of them in the same order', async () => {
    const before = await everyItem(first, '/api/decision-log');
    const replies = await Promise.all(
      Array.from({ length: 40 }, (_, n) => establish(n % 2 === 0 ? first : second, n)),
    );
    expect(replies.map((reply) => reply.status)).toEqual(replies.map(() => 201));

    const seenByFirst = await everyItem(first, '/api/decision-log');
    const seenBySecond = await everyItem(second, '/api/decision-log');
    expect(seenBySecond).toEqual(seenByFirst);
    expect(seenByFirst).toHaveLength(before.length + 40);
    const caseNumbers = seenByFirst.map((row) => (row as { caseNumber: string }).caseNumber);
    for (let n = 0; n < 40; n++) {
      expect(caseNumbers.filter((caseNumber) => caseNumber === `2025/${1000 + n}`)).toHaveLength(1);
    }
    // Every event either instance stored reaches every application's EventBus, in log order.
    const stored = replies.map((reply) => (reply.body.events as { eventId: string }[])[0]!.eventId);
    const deadline = Date.now() + 20_000;
    while (listeners.some((listener) => stored.some((id) => !listener.seen().includes(id)))) {
      if (Date.now() > deadline) throw new Error('an EventBus never carried every event stored');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(listeners[1]!.seen()).toEqual(listeners[0]!.seen());
    // Both answered from the one Vedtakslogg kept in PostgreSQL, beside the events.
    const database = new Client({ connectionString });
    await database.connect();
    try {
      const { rows } = await database.query<{ count: string }>(
        'SELECT count(*) FROM styring_read_models.decision_log WHERE known_until IS NULL',
      );
      expect(Number(rows[0]!.count)).toBe(seenByFirst.length);
    } finally {
      await database.end();
    }
    const positions = seenByFirst.map((row) => BigInt((row as { globalPosition: string }).globalPosition));
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  }, 120_000);

  it('answers a retry sent to the other instance with the first outcome, storing nothing twice', async () => {
    const original = await establish(first, 100, 'retry-elsewhere');
    expect(original.status).toBe(201);
    const retried = await establish(second, 100, 'retry-elsewhere');
    expect(retried.status).toBe(original.status);
    expect(retried.body.events).toEqual(original.body.events);

    const rows = await everyItem(second, '/api/decision-log');
    expect(rows.filter((row) => (row as { caseNumber: string }).caseNumber === '2025/1100')).toHaveLength(1);
  }, 60_000);

  it('keeps a command refused by one in the attempt log both read', async () => {
    const refused = await call(second.url, 'POST', '/api/units', {
      token: first.tokenFor('kommunedirektor'),
      body: newSection('forsok-andre-instans', '2025/1200'),
      headers: { 'x-correlation-id': 'forsok-andre-instans' },
    });
    expect(refused.status).toBe(422);
    for (const api of [first, second]) {
      const log = await call(api.url, 'GET', '/api/refused-attempts', { token: first.tokenFor('revisor') });
      expect(log.body).toContainEqual(
        expect.objectContaining({ correlationId: 'forsok-andre-instans', code: 'caller.body_not_allowed' }),
      );
    }
  }, 60_000);
});
