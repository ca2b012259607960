import * as E from 'fp-ts/Either';
import type { RecordedEvent } from '@styring/eventstore';
import { openSqliteEventStore } from '@styring/eventstore-sqlite';
import { governanceEventSerde } from '@styring/governance';
import { decisionLog } from '../decision-log/decision-log-queries';
import { changeLog } from '../change-log/change-log-queries';
import { governanceProjections, sqliteProjectionRunner } from '../governance-projections';
import { readModelSnapshot } from '../testing/read-model-snapshot';
import { temporaryDirectory } from '../testing/temporary-directory';
import { sqliteReadModelReader } from '../sqlite/sqlite-read-model-reader';
import { appendSyntheticHistory, syntheticGovernanceHistory } from './synthetic-history';

const asRecorded = (
  event: { type: string; schemaVersion: number; data: unknown },
  n: number,
): RecordedEvent => ({
  ...event,
  eventId: `e${n}`,
  metadata: { actor: 'a', role: 'r', correlationId: 'c', causationId: 'c', effectiveAt: '2024-01-01' },
  streamId: 's',
  streamRevision: 0n,
  globalPosition: BigInt(n),
  recordedAt: '2024-01-01T00:00:00.000Z',
});

describe('the synthetic governance history', () => {
  it('has exactly the events asked for, all of which the domain decodes, the same for the same seed', () => {
    const chunks = [...syntheticGovernanceHistory({ events: 20_000, seed: 7 })];
    const events = chunks.flatMap((chunk) => chunk.events);
    expect(events).toHaveLength(20_000);
    const undecodable = events
      .map((event, n) => governanceEventSerde.fromRecorded(asRecorded(event, n)))
      .filter(E.isLeft)
      .map((failure) => failure.left.reason);
    expect(undecodable).toEqual([]);
    const types = new Set(events.map((event) => event.type));
    expect(types.size).toBeGreaterThanOrEqual(20);
    expect(types).toContain('EventCorrected');
    expect([...syntheticGovernanceHistory({ events: 2_000, seed: 7 })]).toEqual([
      ...syntheticGovernanceHistory({ events: 2_000, seed: 7 }),
    ]);
    expect([...syntheticGovernanceHistory({ events: 2_000, seed: 8 })]).not.toEqual([
      ...syntheticGovernanceHistory({ events: 2_000, seed: 7 }),
    ]);
  });

  it('projects into every read model, the same whether applied in small steps or in one rebuild', async () => {
    const temporary = temporaryDirectory();
    let now = new Date(0);
    const store = openSqliteEventStore({ file: temporary.file('events.db'), clock: () => now });
    const db = store.openConnection();
    const steps = temporary.file('steps.db');
    try {
      await appendSyntheticHistory(store, { events: 6_000, seed: 11, setClock: (at) => (now = at) });
      await sqliteProjectionRunner({ events: store, db, batchSize: 5_000 }).rebuild();
      expect((await decisionLog(sqliteReadModelReader(db))).length).toBeGreaterThan(500);
      expect((await changeLog(sqliteReadModelReader(db))).length).toBeGreaterThan(0);

      const Database = (await import('better-sqlite3')).default;
      const stepwise = new Database(steps);
      stepwise.defaultSafeIntegers(true);
      const runner = sqliteProjectionRunner({ events: store, db: stepwise, batchSize: 7 });
      await runner.catchUp();
      expect(readModelSnapshot(stepwise)).toEqual(readModelSnapshot(db));
      const snapshot = readModelSnapshot(db);
      expect(Object.keys(snapshot)).toEqual([
        'authority_decisions',
        'authority_delegations',
        'authority_projects',
        'change_log',
        'decision_log',
        'deviation_closings',
        'deviations',
        'folder_contracts',
        'folder_evaluations',
        'folder_procurements',
        'internal_control_checklists',
        'organization_unit_events',
        'ownership_company_events',
        'ownership_reports',
        'plan_events',
        'plan_goals',
        'portfolio_project_events',
        'portfolio_rankings',
        'procurement_events',
        'projection_checkpoints',
        'projection_revisions',
        'report_submissions',
        'risk_assessments',
        'risk_events',
        'risk_scales',
        'supervision_events',
      ]);
      expect(snapshot['projection_checkpoints']).toHaveLength(governanceProjections(store).length);
      expect(Object.values(snapshot).every((rows) => rows.length > 0)).toBe(true);
      stepwise.close();
    } finally {
      db.close();
      await store.close();
      temporary.remove();
    }
  });
});
