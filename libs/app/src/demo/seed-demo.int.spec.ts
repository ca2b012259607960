import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RecordedEvent } from '@styring/eventstore';
import { changesBetween, reportingCalendar } from '@styring/projections';
import { openStore, type OpenedStore } from '../open-store';
import { openProjections } from '../projections';
import { demoRecordingClock } from './demo-clock';
import { demoHistory } from './demo-history';
import { recordedDayOf } from './demo-step';
import { seedDemo } from './seed-demo';

describe('seedDemo', () => {
  let dir: string;
  let store: OpenedStore;
  const recording = demoRecordingClock();
  const allEvents = async (): Promise<RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    for await (const event of store.events.readAll()) events.push(event);
    return events;
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'styring-demo-'));
    store = await openStore('sqlite:./styring.db', { cwd: dir, create: true, clock: recording.clock });
  });
  afterAll(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes every step through the command path, in the order they were entered, each on its day', async () => {
    const progress: number[] = [];
    const seeded = await seedDemo(store.events, { recording, onProgress: (done) => progress.push(done) });

    expect(seeded.commands).toBe(demoHistory.length);
    expect(progress).toHaveLength(demoHistory.length);
    const events = await allEvents();
    expect(events).toHaveLength(seeded.events);
    const dates = demoHistory.map(recordedDayOf);
    expect(dates).toEqual([...dates].sort());
    // What was written: one command per step (the executor gives each its own id, the events' causationId),
    // in the steps' order, each by the step's caller, recorded one after the other.
    const commandIds = [...new Set(events.map((event) => event.metadata.causationId))];
    expect(commandIds).toHaveLength(demoHistory.length);
    const firstEvents = commandIds.map((id) => events.find((event) => event.metadata.causationId === id)!);
    expect(firstEvents.map((event) => [event.metadata.actor, event.metadata.role])).toEqual(
      demoHistory.map((step) => [step.caller.actor, step.caller.role]),
    );
    const recordedAt = events.map((event) => event.recordedAt);
    expect(recordedAt).toEqual([...recordedAt].sort());
    expect(firstEvents.map((event) => event.recordedAt.slice(0, 10))).toEqual(dates);
    // The store's clock is the system's again once the demo is written.
    expect(recording.clock().getFullYear()).toBe(new Date().getFullYear());
  });

  it('holds what the issue asks of the demo: the delegation chain, both portfolios, the calendar, a correction', async () => {
    const events = await allEvents();
    const count = (type: string) => events.filter((event) => event.type === type).length;
    const delegatedTo = events
      .filter((event) => event.type === 'AuthorityDelegated')
      .map((event) => (event.data as { to: { body: string } }).to.body);
    expect(new Set(delegatedTo)).toEqual(
      new Set(['kommunedirektoren', 'ledergruppen', 'direktor', 'virksomhetsleder']),
    );
    const portfolios = events
      .filter((event) => event.type === 'ProjectPrioritized')
      .map((event) => (event.data as { portfolio: string }).portfolio);
    expect(new Set(portfolios)).toEqual(new Set(['investering', 'utvikling-digitalisering']));
    const procurements = events
      .filter((event) => event.type === 'ProcurementRegistered')
      .map((event) => (event.data as { estimatedValueNok: number }).estimatedValueNok);
    expect(
      procurements.some((value) => value > 1_300_000) && procurements.some((value) => value < 1_300_000),
    ).toBe(true);
    expect(count('CompanyRegistered')).toBe(3);
    expect(count('OwnershipReportAdopted')).toBe(1);
    expect(count('RiskAssessed')).toBeGreaterThan(5);
    expect(count('InternalControlChecklistCompleted')).toBe(16);
    const bodies = new Set(
      events.map((event) => (event.data as { decision?: { body: string } }).decision?.body).filter(Boolean),
    );
    expect(bodies.has('kontrollutvalget')).toBe(true);
    // The økonomiplan and årsbudsjett of 2024, 2025 and 2026 on formannskapet's innstilling; one statlig tilsyn.
    expect(count('BudgetRecommended')).toBe(6);
    expect([
      count('SupervisionOpened'),
      count('SupervisionFindingRecorded'),
      count('SupervisionClosed'),
    ]).toEqual([1, 2, 1]);

    const [correction] = events.filter((event) => event.type === 'EventCorrected');
    const corrected = events.find(
      (event) => event.eventId === (correction?.data as { correctedEventId: string }).correctedEventId,
    );
    expect(corrected?.streamId).toBe('plan-planstrategi-2024-2028');
  });

  it('shows in its reporting calendar exactly the lateness it plants: in 2024 two late and one missing', async () => {
    const projections = openProjections(store);
    try {
      await projections.catchUp();
      const overdue = async (year: number, asOf: string) =>
        (await reportingCalendar(projections.reader, { year, asOf }))
          .filter((entry) => entry.status === 'levert-for-sent' || entry.status === 'mangler')
          .map((entry) => `${entry.status} ${entry.obligationId} ${entry.period.from}–${entry.period.to}`);
      expect(await overdue(2024, '2025-12-31')).toEqual([
        'levert-for-sent arsberetning 2023-01-01–2023-12-31',
        'levert-for-sent klimatiltak 2024-01-01–2024-06-30',
        'mangler investeringsstatus 2024-07-01–2024-09-30',
      ]);
      expect(await overdue(2025, '2025-12-31')).toEqual([
        'levert-for-sent arsregnskap 2024-01-01–2024-12-31',
      ]);
      const early = await reportingCalendar(projections.reader, {
        year: 2024,
        asOf: '2024-12-31',
        obligationId: 'overordnet-risikovurdering',
      });
      expect(early).toMatchObject([
        { status: 'levert-i-tide', earlyReason: expect.stringContaining('tidlig') },
      ]);
    } finally {
      await projections.close();
    }
  });

  it('shows on the recorded clock what was registered late or corrected months later', async () => {
    const projections = openProjections(store);
    try {
      await projections.catchUp();
      const reader = projections.reader;
      const status = async (obligationId: string, asOf: string, clock: 'recorded' | 'effective') =>
        (await reportingCalendar(reader, { year: 2024, asOf, clock, obligationId }))
          .filter((entry) => entry.period.from === '2024-04-01')
          .map((entry) => entry.status);
      // Delivered 7 August, registered 4 September.
      expect(await status('investeringsstatus', '2024-08-31', 'recorded')).toEqual(['mangler']);
      expect(await status('investeringsstatus', '2024-08-31', 'effective')).toEqual(['levert-i-tide']);
      // Plans older than the system were registered when it was taken into use.
      expect(await projections.decisionLog({ clock: 'recorded', asOf: '2023-06-30' })).toEqual([]);
      expect(
        (await projections.decisionLog({ clock: 'effective', asOf: '2023-06-30' })).length,
      ).toBeGreaterThan(0);

      const registers = async (from: string, to: string) =>
        Object.fromEntries(
          (await changesBetween(reader, { from, to })).registers.map((r) => [r.register, r.changes]),
        );
      expect((await registers('2025-01-01', '2025-01-31'))['risikoregister']).toEqual([
        expect.objectContaining({ key: 'kostnad-ungdomsskole', before: 'middels', after: 'hoy' }),
      ]);
      const october = await changesBetween(reader, { from: '2025-09-30', to: '2025-10-31' });
      expect(october.corrections).toEqual([
        expect.objectContaining({ field: 'submittedOn', before: '2025-07-04', after: '2025-06-04' }),
      ]);
      expect(october.registers.find((r) => r.register === 'arshjul')?.changes).toContainEqual(
        expect.objectContaining({
          key: 'okonomirapport 2025-01-01–2025-04-30',
          before: 'levert-for-sent',
          after: 'levert-i-tide',
        }),
      );
    } finally {
      await projections.close();
    }
  });

  it('refuses a store that holds events, and writes nothing', async () => {
    const before = (await allEvents()).length;
    await expect(seedDemo(store.events)).rejects.toThrow(/already holds events/);
    expect(await allEvents()).toHaveLength(before);
  });
});
