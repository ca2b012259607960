import { execFile } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { issueLocalToken, mintToken, openStore } from '@styring/app';
import type { RecordedEvent } from '@styring/eventstore';
import { describeWithPostgres, holdAppends } from '@styring/eventstore-postgres/testing';
import { commandTypes } from '@styring/governance';
import { eventsIn } from '../cli/store-contents';
import { type ApiProcess, scratchDirectory, startApi, stopAll } from './api-process';
import { call, councilDecision, newSection, type Reply, type RequestOptions } from './http';

let api: ApiProcess;
let dir: string;
let storeFile: string;
let kommunedirektor: string;
let secretariat: string;
let revisor: string;
let virksomhetsleder: string;

const request = (method: string, urlPath: string, options?: RequestOptions): Promise<Reply> =>
  call(api.url, method, urlPath, options);

/** Runs `act` and proves the store holds exactly the same events afterwards. */
const writesNothing = async (act: () => Promise<Reply>, status: number): Promise<Reply> => {
  const before = await eventsIn(storeFile);
  const reply = await act();
  expect({ status: reply.status, body: reply.body }).toMatchObject({ status });
  expect(await eventsIn(storeFile)).toEqual(before);
  return reply;
};

const eventById = async (eventId: string): Promise<RecordedEvent | undefined> =>
  (await eventsIn(storeFile)).find((event) => event.eventId === eventId);

beforeAll(async () => {
  dir = scratchDirectory();
  storeFile = path.join(dir, 'data', 'styring.db');
  api = await startApi(dir, { args: ['--demo'] });
  kommunedirektor = api.tokenFor('kommunedirektor');
  revisor = api.tokenFor('revisor');
  // Council decisions are entered by the secretariat (libs/app's caller table).
  secretariat = await issueLocalToken({
    dataDir: path.join(dir, 'data'),
    subject: 'demo-politisk-sekretariat',
    role: 'kommunestyre-sekretariat',
    unit: 'styv',
  });
  virksomhetsleder = await issueLocalToken({
    dataDir: path.join(dir, 'data'),
    subject: 'demo-leder-hjemmetjenesten',
    role: 'virksomhetsleder',
    unit: 'hjemmetjenesten',
  });
}, 180_000);

afterAll(async () => {
  await stopAll();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('starting the service', () => {
  it('seeds the demo history on first start and says where to look', async () => {
    expect(api.banner()).toContain(`${api.url}/docs`);
    expect((await eventsIn(storeFile)).length).toBeGreaterThan(50);
    const health = await request('GET', '/health');
    expect(health).toMatchObject({
      status: 200,
      body: { status: 'ok', store: { reachable: true, empty: false } },
    });
  });

  it('prints the revisjonsvisning and a one-click sign-in link for the demo revisor that works once', async () => {
    expect(api.banner()).toContain(`${api.url}/revisjon\n`);
    const link = /(http:\/\/\S+\/revisjon\/logg-inn\/kode\?kode=\S+)/.exec(api.banner())?.[1] ?? '';
    expect(link).not.toContain(api.tokenFor('revisor'));
    const first = await fetch(link, { redirect: 'manual' });
    expect(first.status).toBe(303);
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^styring_okt=[\w.-]+; Path=\/revisjon; HttpOnly; SameSite=Strict$/);
    const page = await fetch(`${api.url}/revisjon`, { headers: { cookie: cookie.split(';')[0] ?? '' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('demo-revisor');
    expect((await fetch(link, { redirect: 'manual' })).status).toBe(401);
  });

  it('serves a browsable docs page whose assets all come from the service itself', async () => {
    const page = await request('GET', '/docs');
    expect(page.status).toBe(200);
    const assets = [...(page.body as string).matchAll(/(?:src|href)="([^"]+)"/g)].map(
      (match) => match[1] ?? '',
    );
    expect(assets.length).toBeGreaterThan(2);
    for (const asset of assets) {
      expect(asset).not.toMatch(/^(https?:)?\/\//);
      expect((await fetch(new URL(asset, `${api.url}/docs`))).status).toBe(200);
    }
  });

  it('describes every command and read model in its OpenAPI document', async () => {
    const { body: document } = await request('GET', '/openapi.json');
    const operations = Object.values(
      document.paths as Record<string, Record<string, { operationId: string }>>,
    )
      .flatMap((methods) => Object.values(methods))
      .map((operation) => operation.operationId);
    expect(operations).toEqual(expect.arrayContaining([...commandTypes]));
    // Command bodies are described from the domain's own codecs.
    const unitBody = document.paths['/api/units'].post.requestBody.content['application/json'].schema;
    expect(unitBody).toMatchObject({ required: ['unit', 'name', 'kind', 'decision'] });
    const revisionBody =
      document.paths['/api/plans/{planId}/revisions'].post.requestBody.content['application/json'].schema;
    expect(revisionBody.required).toEqual(['decision']);
    expect(unitBody.properties.kind.enum).toContain('seksjon');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/decision-log', '/api/plans/{planId}', '/api/risks', '/api/exports']),
    );
  });
});

describe('writing', () => {
  it('records the caller from the token (subject, role, unit), whom it acts for, and the correlation id from the header', async () => {
    const reply = await request('POST', '/api/units', {
      token: secretariat,
      body: newSection('analyse-og-styringsdata', '2025/901'),
      headers: { 'x-correlation-id': 'test-correlation-1' },
    });
    expect(reply.status).toBe(201);
    expect(reply.headers.get('x-correlation-id')).toBe('test-correlation-1');
    expect(reply.headers.get('etag')).toBe(`"${reply.body.revision}"`);
    const event = await eventById(reply.body.events[0].eventId);
    expect(event?.metadata).toMatchObject({
      actor: 'demo-politisk-sekretariat',
      role: 'kommunestyre-sekretariat',
      unit: 'styv',
      onBehalfOf: 'kommunestyret',
      correlationId: 'test-correlation-1',
    });
    // The request's log line is written as the response finishes; it may reach the pipe a moment later.
    const logged = () => api.logs().find((line) => line['correlationId'] === 'test-correlation-1');
    for (let tries = 0; logged() === undefined && tries < 50; tries++)
      await new Promise((r) => setTimeout(r, 20));
    expect(logged()).toMatchObject({ res: { statusCode: 201 } });
  });

  it('binds the decision to the token: the kommunedirektør enters no council decision (422), nothing written', async () => {
    const reply = await writesNothing(
      () =>
        request('POST', '/api/units', { token: kommunedirektor, body: newSection('kd-for-kommunestyret') }),
      422,
    );
    expect(reply.body).toMatchObject({ code: 'caller.body_not_allowed' });
  });

  it('keeps refused attempts in an attempt log the revisor reads, apart from the history', async () => {
    const refused = await request('POST', '/api/units', {
      token: kommunedirektor,
      body: newSection('forsok-logg'),
      headers: { 'x-correlation-id': 'forsok-1' },
    });
    expect(refused.status).toBe(422);
    const log = await request('GET', '/api/refused-attempts', { token: revisor });
    expect(log.status).toBe(200);
    expect(log.body).toContainEqual({
      at: expect.any(String),
      actor: 'demo-kommunedirektor',
      role: 'kommunedirektor',
      unit: 'kommunedirektoren',
      commandType: 'EstablishUnit',
      code: 'caller.body_not_allowed',
      correlationId: 'forsok-1',
    });
    expect((await request('GET', '/api/refused-attempts', { token: kommunedirektor })).status).toBe(403);
    expect((await eventsIn(storeFile)).some((event) => event.metadata.correlationId === 'forsok-1')).toBe(
      false,
    );
  });

  it('answers a retry with the same Idempotency-Key with the first outcome; another command with the key is 422', async () => {
    const send = (unit: string, key: string) =>
      request('POST', '/api/units', {
        token: secretariat,
        body: newSection(unit, '2025/904'),
        headers: { 'idempotency-key': key },
      });
    const first = await send('idempotent-seksjon', 'nkkel-1');
    expect(first.status).toBe(201);
    const retry = await writesNothing(() => send('idempotent-seksjon', 'nkkel-1'), 201);
    expect(retry.body).toEqual(first.body);
    const other = await writesNothing(() => send('annen-seksjon', 'nkkel-1'), 422);
    expect(other.body).toMatchObject({ code: 'idempotency.key_reused' });
    const badKey = await writesNothing(() => send('annen-seksjon', 'to ord'), 400);
    expect(badKey.body.errors).toEqual([expect.objectContaining({ path: 'commandId' })]);
  });

  it('refuses a caller without a valid token (401) and writes nothing', async () => {
    const expired = await issueLocalToken({
      dataDir: path.join(dir, 'data'),
      subject: 's',
      role: 'kommunedirektor',
      unit: 'u',
      expiresIn: -60,
    });
    const forged = await mintToken(
      { subject: 'demo-kommunedirektor', role: 'kommunedirektor', unit: 'kommunedirektoren' },
      {
        privateKey: crypto.generateKeyPairSync('ed25519').privateKey,
        issuer: 'styring-local',
        audience: 'styring-api',
      },
    );
    for (const token of [undefined, expired, forged, 'not-a-token']) {
      const reply = await writesNothing(
        () =>
          request('POST', '/api/units', {
            ...(token === undefined ? {} : { token }),
            body: newSection('uautorisert'),
          }),
        401,
      );
      expect(reply.body).toMatchObject({ error: 'unauthorized', message: expect.any(String) });
    }
    expect((await request('GET', '/api/decision-log')).status).toBe(401);
  });

  it('refuses a role that may not send the command (403) and writes nothing – the revisor only reads', async () => {
    const byRevisor = await writesNothing(
      () => request('POST', '/api/units', { token: revisor, body: newSection('revisors-enhet') }),
      403,
    );
    expect(byRevisor.body).toMatchObject({ error: 'forbidden', code: 'caller.read_only' });
    const byLeader = await writesNothing(
      () => request('POST', '/api/units', { token: virksomhetsleder, body: newSection('leders-enhet') }),
      403,
    );
    expect(byLeader.body).toMatchObject({
      error: 'forbidden',
      code: 'caller.command_not_allowed',
      allowedRoles: ['kommunestyre-sekretariat', 'kommunedirektor'],
    });
    expect((await request('GET', '/api/decision-log', { token: revisor })).status).toBe(200);
  });

  it('refuses invalid input (400) naming each bad field by its path, and writes nothing', async () => {
    const reply = await writesNothing(
      () =>
        request('POST', '/api/units', {
          token: kommunedirektor,
          body: {
            ...newSection('Ikke Gyldig'),
            decision: { ...councilDecision('2025/902'), decidedOn: '2025-02-30' },
            actor: 'someone-else',
          },
        }),
      400,
    );
    expect(reply.body.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'actor',
      'decision.decidedOn',
      'unit',
    ]);
    const notAnObject = await writesNothing(
      () => request('POST', '/api/units', { token: kommunedirektor, body: ['not', 'an', 'object'] }),
      400,
    );
    expect(notAnObject.body.errors).toEqual([expect.objectContaining({ path: '' })]);
    const weakEtag = await writesNothing(
      () =>
        request('POST', '/api/units', {
          token: secretariat,
          body: newSection('x'),
          headers: { 'if-match': 'W/"3"' },
        }),
      400,
    );
    expect(weakEtag.body.errors).toEqual([
      { path: 'headers.if-match', message: expect.stringContaining('ETag'), messageEn: expect.any(String) },
    ]);
    const ifNoneMatch = await writesNothing(
      () =>
        request('POST', '/api/units', {
          token: secretariat,
          body: newSection('x'),
          headers: { 'if-none-match': '"3"' },
        }),
      400,
    );
    expect(ifNoneMatch.body.errors).toEqual([expect.objectContaining({ path: 'headers.if-none-match' })]);
  });

  it('refuses a body with a key given twice (400), naming the key, and writes nothing', async () => {
    const twice = JSON.stringify(newSection('to-ganger')).replace('"name":', '"name":"Første navn","name":');
    const reply = await writesNothing(async () => {
      const response = await fetch(`${api.url}/api/units`, {
        method: 'POST',
        headers: { authorization: `Bearer ${kommunedirektor}`, 'content-type': 'application/json' },
        body: twice,
      });
      return { status: response.status, headers: response.headers, body: await response.json() };
    }, 400);
    expect(reply.body.errors).toEqual([
      {
        path: 'name',
        message: 'nøkkelen name er gitt mer enn én gang',
        messageEn: 'the key name is given more than once',
      },
    ]);
  });

  it('refuses what a rule forbids (422) with the rule’s code in both languages, and writes nothing', async () => {
    const reply = await writesNothing(
      () =>
        request('POST', '/api/units', {
          token: secretariat,
          body: newSection('analyse-og-styringsdata'),
        }),
      422,
    );
    expect(reply.body).toMatchObject({
      error: 'rejected',
      code: 'organisation.unit_exists',
      message: expect.stringContaining('finnes allerede'),
      messageEn: expect.stringContaining('already exists'),
    });
  });

  it('lets the first of two clients who read the same revision win; the second gets 409 and writes nothing', async () => {
    const plans = await request('GET', '/api/plans', { token: kommunedirektor });
    const plan = (plans.body.items as { planId: string; status: string; decidedBy: { body: string } }[]).find(
      (candidate) => candidate.status === 'vedtatt' && candidate.decidedBy.body === 'kommunestyret',
    );
    expect(plan).toBeDefined();
    const read = await request('GET', `/api/plans/${plan?.planId}`, { token: kommunedirektor });
    const etag = read.headers.get('etag');
    expect(etag).toMatch(/^"\d+"$/);

    const revision = (title: string, caseNumber: string) => ({
      title,
      decision: councilDecision(caseNumber),
    });
    const first = await request('POST', `/api/plans/${plan?.planId}/revisions`, {
      token: secretariat,
      body: revision('Kommuneplanens samfunnsdel (revidert av klient A)', '2025/910'),
      headers: { 'if-match': etag ?? '' },
    });
    expect(first.status).toBe(201);
    const second = await writesNothing(
      () =>
        request('POST', `/api/plans/${plan?.planId}/revisions`, {
          token: secretariat,
          body: revision('Kommuneplanens samfunnsdel (revidert av klient B)', '2025/911'),
          headers: { 'if-match': etag ?? '' },
        }),
      409,
    );
    expect(second.body).toMatchObject({ error: 'conflict', etag: first.headers.get('etag') });
    const reread = await request('GET', `/api/plans/${plan?.planId}`, { token: kommunedirektor });
    expect(reread.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(reread.body.current.title).toBe('Kommuneplanens samfunnsdel (revidert av klient A)');
  });
});

describe('many clients at once', () => {
  it('serves writes and reads sent together, every one of them', async () => {
    const started = Date.now();
    const replies = await Promise.all(
      Array.from({ length: 8 }, (_, index) => [
        request('POST', '/api/units', {
          token: secretariat,
          body: newSection(`samtidig-${index}`, `2025/93${index}`),
        }),
        request('GET', '/api/decision-log', { token: revisor }),
      ]).flat(),
    );
    expect(replies.map((reply) => reply.status)).toEqual(Array.from({ length: 8 }, () => [201, 200]).flat());
    // A write stuck behind another writer of the same process would wait for the lock's timeout (5 s).
    expect(Date.now() - started).toBeLessThan(4000);
  });
});

describe('reading', () => {
  it('answers read models as of a date on either clock, and refuses a bad point in time with its field', async () => {
    const now = await request('GET', '/api/decision-log', { token: revisor });
    const early = await request('GET', '/api/decision-log?asOf=2024-01-01&clock=recorded', {
      token: revisor,
    });
    expect(now.status).toBe(200);
    expect(early.status).toBe(200);
    expect(early.body.total).toBeLessThan(now.body.total);
    const bad = await request('GET', '/api/decision-log?asOf=yesterday', { token: revisor });
    expect(bad).toMatchObject({ status: 400, body: { errors: [{ path: 'asOf' }] } });
    const unknown = await request('GET', '/api/decision-log?colour=red', { token: revisor });
    expect(unknown).toMatchObject({ status: 400, body: { errors: [{ path: 'colour' }] } });
    expect((await request('GET', '/api/plans/no-such-plan', { token: revisor })).status).toBe(404);
  });

  it.each(['9223372036854775808', '99999999999999999999', '-1', '1e3'])(
    'refuses the position %s that no store can hold (400), for a query and for If-Match',
    async (position) => {
      const query = await request('GET', `/api/decision-log?afterPosition=${position}`, { token: revisor });
      expect(query).toMatchObject({ status: 400, body: { errors: [{ path: 'afterPosition' }] } });
      const write = await writesNothing(
        () =>
          request('POST', '/api/units', {
            token: secretariat,
            body: newSection('for-stor-revisjon'),
            headers: { 'if-match': `"${position}"` },
          }),
        400,
      );
      expect(write.body.errors).toEqual([expect.objectContaining({ path: 'headers.if-match' })]);
    },
  );

  it('still takes the largest position a store holds, 2^63 − 1', async () => {
    const reply = await request('GET', '/api/decision-log?afterPosition=9223372036854775807', {
      token: revisor,
    });
    expect(reply).toMatchObject({ status: 200, body: { items: [], total: 0 } });
  });
});

describe('the reporting calendar of the demo', () => {
  it('shows 2024 with exactly the two late reports and the one missing that the demo plants', async () => {
    const reply = await request('GET', '/api/reporting-calendar?year=2024&asOf=2025-12-31', {
      token: revisor,
    });
    expect(reply.status).toBe(200);
    const overdue = (reply.body.items as { status: string; obligationId: string }[])
      .filter((entry) => entry.status === 'levert-for-sent' || entry.status === 'mangler')
      .map((entry) => `${entry.status} ${entry.obligationId}`);
    expect(overdue).toEqual([
      'levert-for-sent arsberetning',
      'levert-for-sent klimatiltak',
      'mangler investeringsstatus',
    ]);
  });

  it('lists the statlig tilsyn of 2024 that the § 25-2 report covers, open in summer and closed by year end', async () => {
    const ids = async (query: string) => {
      const reply = await request('GET', `/api/supervisions?${query}`, { token: revisor });
      expect(reply.status).toBe(200);
      return (reply.body.items as { supervisionId: string; findings: unknown[] }[]).map(
        (entry) => `${entry.supervisionId} (${entry.findings.length} funn)`,
      );
    };
    expect(await ids('status=open&asOf=2024-06-30')).toEqual([
      'statsforvalteren-2024-hjemmetjenesten (2 funn)',
    ]);
    expect(await ids('status=closed&asOf=2024-12-31')).toEqual([
      'statsforvalteren-2024-hjemmetjenesten (2 funn)',
    ]);
    expect(await ids('status=open&asOf=2024-12-31')).toEqual([]);
  });
});

describe('the registers of the demo', () => {
  it('lists the units with their sector, and every delegation with its chain, revoked ones included', async () => {
    const units = await request('GET', '/api/units?asOf=2025-12-31', { token: revisor });
    expect(units.status).toBe(200);
    expect(units.body.items).toContainEqual(
      expect.objectContaining({
        unit: 'prosjektvirksomheten',
        parent: 'teknisk-sektor',
        sector: 'teknisk-sektor',
      }),
    );
    const unit = await request('GET', '/api/units/hjemmetjenesten', { token: revisor });
    expect(unit).toMatchObject({ status: 200, body: { kind: 'virksomhet', sector: 'helse-og-velferd' } });
    expect(unit.headers.get('etag')).toMatch(/^"\d+"$/);
    expect((await request('GET', '/api/units/no-such-unit', { token: revisor })).status).toBe(404);
    const delegations = await request('GET', '/api/delegations?asOf=2025-12-31', { token: revisor });
    expect(delegations.status).toBe(200);
    const revoked = (delegations.body.items as { delegationId: string; revoked?: unknown }[]).filter(
      (entry) => entry.revoked !== undefined,
    );
    expect(revoked).toEqual([
      expect.objectContaining({
        delegationId: 'direktor-helse-hjemmetjenesten',
        inForce: false,
        revoked: expect.objectContaining({
          revokedFrom: '2025-09-01',
          decision: expect.objectContaining({ caseNumber: '2025/3310' }),
        }),
      }),
    ]);
    const one = await request('GET', '/api/delegations/direktor-helse-hjemmetjenesten-2025', {
      token: revisor,
    });
    expect(one.status).toBe(200);
    expect(one.headers.get('etag')).toMatch(/^"\d+"$/);
    expect(
      (one.body as { chain: { delegationId: string }[] }).chain.map((link) => link.delegationId),
    ).toEqual([
      'direktor-helse-hjemmetjenesten-2025',
      'kommunedirektoren-direktor-helse-og-velferd',
      'delegeringsreglement-kommunedirektoren',
    ]);
    expect((await request('GET', '/api/delegations/no-such-delegation', { token: revisor })).status).toBe(
      404,
    );
  });

  it('shows procurements against their delegation limit and the ownership register, and refuses an unknown status', async () => {
    const procurements = await request('GET', '/api/procurements', { token: revisor });
    expect(procurements.status).toBe(200);
    expect(procurements.body.items).toContainEqual(
      expect.objectContaining({
        procurementId: 'fagsystem-byggesak',
        responsibleUnit: 'utvikling-og-digitalisering',
        thresholdNok: 1_300_000,
        contract: expect.objectContaining({ withinDelegationLimit: true }),
      }),
    );
    const companies = await request('GET', '/api/companies', { token: revisor });
    expect(
      (companies.body.items as { ownershipReports: string[] }[]).map((company) => company.ownershipReports),
    ).toEqual([['eierskapsmelding-2024'], ['eierskapsmelding-2024'], ['eierskapsmelding-2024']]);
    const reports = await request('GET', '/api/ownership-reports', { token: revisor });
    expect(reports).toMatchObject({ status: 200, body: { items: [{ reportId: 'eierskapsmelding-2024' }] } });
    const bad = await request('GET', '/api/procurements?status=awarded', { token: revisor });
    expect(bad).toMatchObject({ status: 400, body: { errors: [{ path: 'status' }] } });
  });
});

describe('audit exports', () => {
  it('lets the revisor make, list and download a signed export that verifies offline', async () => {
    const made = await request('POST', '/api/exports', { token: revisor });
    expect(made.status).toBe(201);
    const listing = await request('GET', `/api/exports/${made.body.id}`, { token: revisor });
    const target = path.join(dir, 'downloaded', made.body.id);
    for (const file of listing.body.files as { path: string; href: string }[]) {
      const response = await fetch(`${api.url}${file.href}`, {
        headers: { authorization: `Bearer ${revisor}` },
      });
      expect(response.status).toBe(200);
      fs.mkdirSync(path.dirname(path.join(target, file.path)), { recursive: true });
      fs.writeFileSync(path.join(target, file.path), Buffer.from(await response.arrayBuffer()));
    }
    const key = await request('GET', '/api/exports/public-key', { token: revisor });
    const keyFile = path.join(dir, 'downloaded', 'export-public.pem');
    fs.writeFileSync(keyFile, key.body as string);

    const verified = await promisify(execFile)(process.execPath, [
      path.join(target, 'verify-export.js'),
      target,
      '--public-key',
      keyFile,
    ]);
    expect(verified.stdout).toContain('GYLDIG (valid)');

    // A changed byte is named by the same verifier.
    fs.appendFileSync(path.join(target, 'events.jsonl'), ' ');
    await expect(
      promisify(execFile)(process.execPath, [
        path.join(target, 'verify-export.js'),
        target,
        '--public-key',
        keyFile,
      ]),
    ).rejects.toMatchObject({ code: 1 });
  });

  it("serves only the export's own files: never through a planted symbolic link, never a planted file", async () => {
    const made = await request('POST', '/api/exports', { token: revisor });
    const folder = path.join(dir, 'data', 'exports', made.body.id as string);
    const privateKey = path.join(dir, 'data', 'keys', 'export-signing-private.pem');
    fs.symlinkSync(privateKey, path.join(folder, 'nokkel.pem'));
    fs.rmSync(path.join(folder, 'rapport.html'));
    fs.symlinkSync(privateKey, path.join(folder, 'rapport.html'));
    fs.writeFileSync(path.join(folder, 'ekstra.txt'), 'planted');
    const fileOf = (name: string) =>
      fetch(`${api.url}/api/exports/${made.body.id}/files/${name}`, {
        headers: { authorization: `Bearer ${revisor}` },
      });
    for (const planted of ['nokkel.pem', 'rapport.html', 'ekstra.txt']) {
      const response = await fileOf(planted);
      expect({ planted, status: response.status }).toEqual({ planted, status: 404 });
      expect(await response.text()).not.toContain('PRIVATE KEY');
    }
    expect((await fileOf('events.jsonl')).status).toBe(200);
    const listing = await request('GET', `/api/exports/${made.body.id}`, { token: revisor });
    const listed = (listing.body.files as { path: string }[]).map((file) => file.path);
    expect(listed).toContain('events.jsonl');
    expect(listed).not.toEqual(expect.arrayContaining(['nokkel.pem']));
    expect(listed.filter((name) => ['nokkel.pem', 'rapport.html', 'ekstra.txt'].includes(name))).toEqual([]);
  });

  it('keeps exports from roles other than revisor and STYV', async () => {
    await writesNothing(() => request('POST', '/api/exports', { token: kommunedirektor }), 403);
    expect((await request('GET', '/api/exports', { token: kommunedirektor })).status).toBe(403);
    expect((await request('GET', '/api/exports', { token: api.tokenFor('styv') })).status).toBe(200);
  });
});

// PostgreSQL, because its appends wait for the server with the event loop free: the test can hold one
// there, in flight, while the signal arrives.
describeWithPostgres('stopping', (cluster) => {
  it('answers a write in flight on SIGTERM with 201 after the signal, stores it, and exits 0', async () => {
    const connectionString = await cluster().createDatabase('sigterm');
    const cwd = scratchDirectory();
    const service = await startApi(cwd, {
      args: ['--demo'],
      env: { STYRING_STORE: connectionString },
    });
    const held = await holdAppends(connectionString);
    const order: string[] = [];
    const sent = call(service.url, 'POST', '/api/units', {
      token: service.tokenFor('kommunestyre-sekretariat'),
      body: newSection('avslutning', '2025/950'),
    }).then((reply) => (order.push(`answered ${reply.status}`), reply));
    await held.untilAnAppendWaits();

    const exited = service.stop('SIGTERM').then((exit) => (order.push('exited'), exit));
    order.push('signalled');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(order).toEqual(['signalled']);
    await held.release();

    const reply = await sent;
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(order).toEqual(['signalled', 'answered 201', 'exited']);
    const store = await openStore(connectionString, { cwd });
    try {
      const stored: string[] = [];
      for await (const event of store.events.readStream('organisation')) stored.push(event.eventId);
      expect(stored).toContain(reply.body.events[0].eventId);
    } finally {
      await store.close();
      fs.rmSync(cwd, { recursive: true, force: true });
    }
  });
});
