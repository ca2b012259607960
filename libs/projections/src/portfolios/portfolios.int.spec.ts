import type { ProjectPrioritized, ProjectRegistered } from '@styring/governance';
import { councilDecision, delegatedDecision } from '../testing/decisions';
import { type TestHistory } from '../testing/test-history';
import { describeOnBothDatabases } from '../testing/both-databases';
import { portfolioProjection } from './portfolio-projection';
import { portfolioRanking, prioritizationHistory, projectRegister } from './portfolio-queries';

const registered = (
  projectId: string,
  portfolio: ProjectRegistered['portfolio'],
  owningUnit: string,
  registeredOn: string,
): ProjectRegistered => ({
  type: 'ProjectRegistered',
  projectId,
  name: `Prosjekt ${projectId}`,
  portfolio,
  owningUnit,
  need: `Behov for ${projectId}`,
  registeredOn,
});

const digital = (
  projectId: string,
  rank: number,
  decidedOn: string,
  caseNumber: string,
): ProjectPrioritized => ({
  type: 'ProjectPrioritized',
  portfolio: 'utvikling-digitalisering',
  round: '2025',
  projectId,
  rank,
  decision: delegatedDecision('ledergruppen', 'ks-kd', decidedOn, caseNumber),
});

describeOnBothDatabases('the portfolios', (openTestHistory) => {
  let history: TestHistory;

  beforeEach(async () => {
    history = openTestHistory((source) => [portfolioProjection(source)]);
    const record = history.record.bind(history);
    await record(
      '2024-03-01T09:00:00.000Z',
      'project-nytt-sak-arkiv',
      registered('nytt-sak-arkiv', 'utvikling-digitalisering', 'styv', '2024-03-01'),
    );
    await record(
      '2024-03-02T09:00:00.000Z',
      'project-ny-skole',
      registered('ny-skole', 'investering', 'prosjektvirksomheten', '2024-03-02'),
    );
    await record(
      '2024-04-10T09:00:00.000Z',
      'project-min-side',
      registered('min-side', 'utvikling-digitalisering', 'utvikling-og-digitalisering', '2024-04-10'),
    );
    await record(
      '2024-09-03T09:00:00.000Z',
      'ranking-ud-2025',
      digital('nytt-sak-arkiv', 1, '2024-09-02', '2024/2002'),
    );
    await record(
      '2024-09-03T09:01:00.000Z',
      'ranking-ud-2025',
      digital('min-side', 2, '2024-09-02', '2024/2002'),
    );
    await record('2024-12-11T09:00:00.000Z', 'ranking-inv-2025', {
      type: 'ProjectPrioritized',
      portfolio: 'investering',
      round: '2025',
      projectId: 'ny-skole',
      rank: 1,
      decision: councilDecision('2024-12-10', '2024/3000'),
    });
    const up = await record(
      '2025-01-15T09:00:00.000Z',
      'ranking-ud-2025',
      digital('min-side', 1, '2025-01-14', '2025/50'),
    );
    const down = await record(
      '2025-01-15T09:01:00.000Z',
      'ranking-ud-2025',
      digital('nytt-sak-arkiv', 2, '2025-01-14', '2025/50'),
    );
    await record('2025-02-01T09:00:00.000Z', 'project-nytt-sak-arkiv', {
      type: 'ProjectStatusReported',
      projectId: 'nytt-sak-arkiv',
      reportedOn: '2025-01-31',
      health: 'gul',
      summary: 'Forsinket leveranse fra leverandør',
      reportedTo: 'ledergruppen',
    });
    await record('2025-03-05T09:00:00.000Z', 'project-ny-skole', {
      type: 'ProjectCancelled',
      projectId: 'ny-skole',
      reason: 'Behovet dekkes av rehabilitering',
      decision: councilDecision('2025-03-04', '2025/400'),
    });
    // Recorded in April: the January re-prioritization was in fact decided on 20 February.
    for (const moved of [up, down]) {
      await record('2025-04-01T09:00:00.000Z', `correction-${moved.eventId}`, {
        type: 'EventCorrected',
        correctedEventId: moved.eventId,
        correctedEventType: 'ProjectPrioritized',
        correctedStreamId: 'ranking-ud-2025',
        changes: [{ field: 'decision.decidedOn', before: '2025-01-14', after: '2025-02-20' }],
        reason: 'Feil møtedato',
      });
    }
    await history.project();
  });
  afterEach(() => history.close());

  const ranks = (ranking: readonly { projectId: string; rank: number }[]) =>
    ranking.map((entry) => `${entry.rank}:${entry.projectId}`);

  it('ranks a round by the latest prioritization of each project, with the project and decision', async () => {
    const ranking = await portfolioRanking(history.reader, {
      portfolio: 'utvikling-digitalisering',
      round: '2025',
    });
    expect(ranks(ranking)).toEqual(['1:min-side', '2:nytt-sak-arkiv']);
    expect(ranking[1]?.project).toMatchObject({
      name: 'Prosjekt nytt-sak-arkiv',
      owningUnit: 'styv',
      status: 'aktiv',
      latestHealth: { health: 'gul', reportedOn: '2025-01-31' },
    });
    expect(ranking[0]?.decision).toMatchObject({
      body: 'ledergruppen',
      decidedOn: '2025-02-20',
      caseNumber: '2025/50',
    });
    expect(
      ranks(await portfolioRanking(history.reader, { portfolio: 'investering', round: '2025' })),
    ).toEqual(['1:ny-skole']);
  });

  it('shows the ranking of a day on both clocks: a later correction moves the effective past only', async () => {
    const query = { portfolio: 'utvikling-digitalisering', round: '2025', asOf: '2025-02-01' };
    expect(ranks(await portfolioRanking(history.reader, { ...query, clock: 'effective' }))).toEqual([
      '1:nytt-sak-arkiv',
      '2:min-side',
    ]);
    expect(ranks(await portfolioRanking(history.reader, { ...query, clock: 'recorded' }))).toEqual([
      '1:min-side',
      '2:nytt-sak-arkiv',
    ]);
    expect(
      await portfolioRanking(history.reader, { ...query, asOf: '2024-09-02', clock: 'recorded' }),
    ).toEqual([]);
    expect(
      ranks(await portfolioRanking(history.reader, { ...query, asOf: '2024-09-02', clock: 'effective' })),
    ).toEqual(['1:nytt-sak-arkiv', '2:min-side']);
  });

  it('keeps the whole prioritization history on both clocks', async () => {
    const minSide = async (clock: 'recorded' | 'effective', asOf?: string) =>
      (
        await prioritizationHistory(history.reader, {
          projectId: 'min-side',
          ...(asOf === undefined ? {} : { asOf }),
          clock,
        })
      ).map((entry) => `${entry.rank}@${entry.decision.decidedOn}`);
    expect(await minSide('effective')).toEqual(['2@2024-09-02', '1@2025-02-20']);
    expect(await minSide('effective', '2025-02-01')).toEqual(['2@2024-09-02']);
    expect(await minSide('recorded', '2025-02-01')).toEqual(['2@2024-09-02', '1@2025-01-14']);
    expect(await minSide('recorded', '2025-04-02')).toEqual(['2@2024-09-02', '1@2025-02-20']);
    expect(await prioritizationHistory(history.reader, { portfolio: 'investering' })).toHaveLength(1);
  });

  it('registers projects with status, health and the decisions about them, as of a day on both clocks', async () => {
    const statuses = async (clock: 'recorded' | 'effective', asOf: string) =>
      (await projectRegister(history.reader, { asOf, clock })).map(
        (project) => `${project.projectId}:${project.status}`,
      );
    expect(await statuses('effective', '2025-03-04')).toEqual([
      'nytt-sak-arkiv:aktiv',
      'ny-skole:avbrutt',
      'min-side:aktiv',
    ]);
    expect(await statuses('recorded', '2025-03-04')).toEqual([
      'nytt-sak-arkiv:aktiv',
      'ny-skole:aktiv',
      'min-side:aktiv',
    ]);
    expect(await statuses('recorded', '2024-03-01T12:00:00Z')).toEqual(['nytt-sak-arkiv:aktiv']);
    const school = (await projectRegister(history.reader, { portfolio: 'investering' }))[0];
    expect(school?.decisions.map((decision) => decision.caseNumber)).toEqual(['2024/3000', '2025/400']);
    expect(school?.closedOn).toBe('2025-03-04');
    expect(
      (await projectRegister(history.reader, { owningUnit: 'styv', status: 'aktiv' })).map(
        (p) => p.projectId,
      ),
    ).toEqual(['nytt-sak-arkiv']);
  });
});

describeOnBothDatabases(
  'the project register’s latest health among many status reports',
  (openTestHistory) => {
    let history: TestHistory;
    const report = (health: 'gronn' | 'gul' | 'rod', reportedOn: string, summary: string) => ({
      type: 'ProjectStatusReported' as const,
      projectId: 'nytt-sak-arkiv',
      reportedOn,
      health,
      summary,
      reportedTo: 'ledergruppen' as const,
    });

    beforeEach(async () => {
      history = openTestHistory((source) => [portfolioProjection(source)]);
      const record = history.record.bind(history);
      await record(
        '2024-01-05T09:00:00.000Z',
        'project-nytt-sak-arkiv',
        registered('nytt-sak-arkiv', 'utvikling-digitalisering', 'styv', '2024-01-05'),
      );
      await record(
        '2024-02-01T09:00:00.000Z',
        'project-nytt-sak-arkiv',
        report('gronn', '2024-02-01', 'I rute'),
      );
      await record(
        '2024-03-01T09:00:00.000Z',
        'project-nytt-sak-arkiv',
        report('gul', '2024-03-01', 'Forsinket'),
      );
      await record(
        '2024-04-01T09:00:00.000Z',
        'project-nytt-sak-arkiv',
        report('rod', '2024-04-01', 'Stoppet'),
      );
      // Recorded in May, in effect from 15 February: it is the latest only for days before March.
      await record(
        '2024-05-01T09:00:00.000Z',
        'project-nytt-sak-arkiv',
        report('gul', '2024-02-15', 'Etterregistrert'),
        { effectiveAt: '2024-02-15T09:00:00.000Z' },
      );
      await history.project();
    });
    afterEach(() => history.close());

    const healthOn = async (pointInTime: { asOf?: string; knownAt?: string }) =>
      (await projectRegister(history.reader, pointInTime))[0]?.latestHealth?.summary;

    it('is the report latest in effect on the day asked about, as known then', async () => {
      expect(await healthOn({})).toBe('Stoppet');
      expect(await healthOn({ asOf: '2024-03-15' })).toBe('Forsinket');
      expect(await healthOn({ asOf: '2024-02-20' })).toBe('Etterregistrert');
      expect(await healthOn({ asOf: '2024-02-20', knownAt: '2024-04-15' })).toBe('I rute');
      expect(await healthOn({ knownAt: '2024-02-15' })).toBe('I rute');
      expect(await healthOn({ asOf: '2024-01-20' })).toBeUndefined();
    });
  },
);
