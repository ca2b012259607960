import * as fs from 'node:fs';
import * as path from 'node:path';
import { repositoryRoot } from '../support/run-process';
import { demoApiForRevisor } from './demo-api';

/** The read examples (`curl … "http://127.0.0.1:3000/api/…"`) of a README, as paths. */
const curlPaths = (readme: string): string[] =>
  [
    ...fs
      .readFileSync(path.join(repositoryRoot, readme), 'utf8')
      .matchAll(/curl -H "Authorization: Bearer \$TOKEN" "http:\/\/127\.0\.0\.1:3000(\/api\/[^"]+)"/g),
  ].map((match) => match[1] ?? '');

const examples = [...curlPaths('README.md'), ...curlPaths('apps/api/README.md')];

const get = demoApiForRevisor();

/** Something to show: a list with rows, or the change view with a decision, correction or status change. */
const nonEmpty = (body: unknown): boolean =>
  Array.isArray(body)
    ? body.length > 0
    : typeof body === 'object' &&
      body !== null &&
      Object.values(body).some((value) =>
        Array.isArray(value)
          ? value.some(
              (item) =>
                !(typeof item === 'object' && item !== null && 'changes' in item) || nonEmpty(item.changes),
            )
          : false,
      );

describe('the READMEs’ read examples on a fresh demo', () => {
  it('are there to run', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
    expect(examples).toContain('/api/changes?from=2025-06-30&to=2025-12-31');
  });

  it.each(examples)('%s answers 200 with something to show', async (example) => {
    const reply = await get(example);
    expect(reply.status).toBe(200);
    expect(nonEmpty(reply.body)).toBe(true);
  });

  it('shows on the recorded clock what the API README says: a risk corrected from middels to hoy in January 2025', async () => {
    const known = await get('/api/risks?asOf=2025-01-01&clock=recorded');
    const risk = (known.body.items as { riskId: string; current: { band: string } }[]).find(
      (entry) => entry.riskId === 'kostnad-ungdomsskole',
    );
    expect(risk?.current.band).toBe('middels');
    const changes = await get('/api/changes?from=2025-01-01&to=2025-01-31');
    expect(changes.body.corrections.map((c: { field: string }) => c.field)).toEqual([
      'decision.caseNumber',
      'likelihood',
      'score',
      'band',
    ]);
    expect(
      changes.body.registers.find((r: { register: string }) => r.register === 'risikoregister').changes,
    ).toEqual([
      {
        key: 'kostnad-ungdomsskole',
        label: 'Kostnadsoverskridelse for ny ungdomsskole',
        before: 'middels',
        after: 'hoy',
      },
    ]);
  });

  it.each([
    ['/api/changes?to=2025-12-31', 'from'],
    ['/api/changes?from=i%20fjor&to=2025-12-31', 'from'],
    ['/api/changes?from=2025-12-31&to=2025-06-30', 'to'],
    ['/api/changes?from=2025-06-30&to=2025-12-31&clock=recorded', 'clock'],
  ])('refuses %s with 400 naming %s', async (example, field) => {
    expect(await get(example)).toMatchObject({ status: 400, body: { errors: [{ path: field }] } });
  });
});
