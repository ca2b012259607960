import fc from 'fast-check';
import { openSqliteEventStore } from '@styring/eventstore-sqlite';
import {
  decisionsUnderDelegations,
  decisionsWithoutAuthority,
  delegationsInForce,
} from './authority/authority-queries';
import { changeLog } from './change-log/change-log-queries';
import { decisionLog } from './decision-log/decision-log-queries';
import { sqliteProjectionRunner } from './governance-projections';
import { planGoals, planHierarchy, planRegister, plansInForce } from './plan-register/plan-register-queries';
import type { PointInTime } from './point-in-time';
import { prioritizationHistory, projectRegister } from './portfolios/portfolio-queries';
import { reportingCalendar, reportSubmissions } from './reporting-calendar/reporting-calendar-queries';
import {
  overdueRiskReviews,
  riskHistory,
  riskMatrix,
  riskRegister,
} from './risk-register/risk-register-queries';
import type { ReadModelReader } from './read-models/read-model-reader';
import { sqliteReadModelReader } from './sqlite/sqlite-read-model-reader';
import { type SyntheticChunk, syntheticGovernanceHistory } from './synthetic/synthetic-history';
import { temporaryDirectory } from './testing/temporary-directory';

/**
 * Every query of every read model that needs no id, asked at one point in time (each must get a day from
 * it: `asOf`, or `knownAt` alone), answering as JSON so that answers compare whole.
 */
const everyAnswer = async (reader: ReadModelReader, at: PointInTime & { asOf?: string }) => {
  const day = { ...at, asOf: at.asOf as string };
  const answers = {
    decisionLog: await decisionLog(reader, at),
    changeLog: await changeLog(reader, at),
    planRegister: await planRegister(reader, at),
    plansInForce: await plansInForce(reader, day),
    planHierarchy: await planHierarchy(reader, at),
    planGoals: await planGoals(reader, at),
    projectRegister: await projectRegister(reader, at),
    prioritizationHistory: await prioritizationHistory(reader, at),
    riskRegister: await riskRegister(reader, { ...at, includeClosed: true }),
    riskHistory: await riskHistory(reader, at),
    riskMatrix: await riskMatrix(reader, at),
    overdueRiskReviews: await overdueRiskReviews(reader, day),
    reportSubmissions: await reportSubmissions(reader, at),
    reportingCalendar: [
      await reportingCalendar(reader, { ...at, year: 2020 }),
      await reportingCalendar(reader, { ...at, year: 2021 }),
    ],
    delegationsInForce: await delegationsInForce(reader, day),
    decisionsUnderDelegations: await decisionsUnderDelegations(reader, at),
    decisionsWithoutAuthority: await decisionsWithoutAuthority(reader, at),
  };
  return JSON.parse(
    JSON.stringify(answers, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}` : value)),
  );
};

/** A real SQLite store and the governance read models, fed chunk by chunk at each chunk's recording time. */
const openHistory = () => {
  const temporary = temporaryDirectory();
  let now = new Date(0);
  const store = openSqliteEventStore({ file: temporary.file('events.db'), clock: () => now });
  const db = store.openConnection();
  const runner = sqliteProjectionRunner({ events: store, db, batchSize: 50 });
  return {
    reader: sqliteReadModelReader(db),
    async append(chunks: readonly SyntheticChunk[]) {
      for (const chunk of chunks) {
        now = chunk.recordedAt;
        const outcome = await store.appendToStream(chunk.streamId, chunk.events, { expectedRevision: 'any' });
        if (outcome._tag !== 'Appended') throw new Error(`append to ${chunk.streamId} conflicted`);
      }
      await runner.catchUp();
    },
    async close() {
      await runner.stop();
      db.close();
      await store.close();
      temporary.remove();
    },
  };
};

// The synthetic history starts on 6 January 2020 and moves on some hours per step, with corrections.
const day = fc
  .date({ min: new Date('2019-12-01T00:00:00Z'), max: new Date('2021-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const history = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  events: fc.integer({ min: 60, max: 400 }),
});

describe('queries on both clocks, over the real read models', () => {
  it('answer with knownAt = now (or no knownAt) what the effective view answers', async () => {
    await fc.assert(
      fc.asyncProperty(history, day, fc.boolean(), async ({ seed, events }, asOf, dateOnly) => {
        const store = openHistory();
        try {
          await store.append([...syntheticGovernanceHistory({ events, seed })]);
          const now = new Date().toISOString();
          const effective = await everyAnswer(store.reader, { asOf });
          expect(
            await everyAnswer(store.reader, { asOf, knownAt: dateOnly ? now.slice(0, 10) : now }),
          ).toEqual(effective);
          expect(await everyAnswer(store.reader, { asOf, clock: 'effective' })).toEqual(effective);
        } finally {
          await store.close();
        }
      }),
      { numRuns: 8 },
    );
  });

  it('answer with knownAt = T the same, whatever is recorded after T (corrections included)', async () => {
    await fc.assert(
      fc.asyncProperty(
        history,
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.option(day, { nil: undefined }),
        async ({ seed, events }, cutAt, asOf) => {
          const chunks = [...syntheticGovernanceHistory({ events, seed })];
          const knownAt = (chunks[Math.floor(cutAt * chunks.length)] as SyntheticChunk).recordedAt;
          const before = chunks.filter((chunk) => chunk.recordedAt <= knownAt);
          const after = chunks.filter((chunk) => chunk.recordedAt > knownAt);
          const store = openHistory();
          try {
            await store.append(before);
            const at = { ...(asOf === undefined ? {} : { asOf }), knownAt: knownAt.toISOString() };
            const then = await everyAnswer(store.reader, at);
            await store.append(after);
            expect(await everyAnswer(store.reader, at)).toEqual(then);
            // The older form of the same question answers the same.
            if (asOf === undefined) {
              expect(
                await everyAnswer(store.reader, { asOf: knownAt.toISOString(), clock: 'recorded' }),
              ).toEqual(then);
            }
          } finally {
            await store.close();
          }
        },
      ),
      { numRuns: 8 },
    );
  });
});
