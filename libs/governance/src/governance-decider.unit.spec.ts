import * as E from 'fp-ts/Either';
import { commandTypes } from './command-types';
import {
  changeLogEntriesOf,
  decisionLogEntryOf,
  toChangeLogEntries,
  toDecisionLogEntry,
} from './decision-log';
import { governanceEventSerde } from './event-serde';
import { governanceEventTypes } from './governance-event';
import { streamFor } from './stream-for';
import { runHistory } from './testing/run-history';
import { sampleHistory } from './testing/sample-history';

describe('governanceDecider with streamFor: a history that uses every command', () => {
  const log = runHistory(sampleHistory);

  it('uses every command type and produces every event type', () => {
    expect(new Set(sampleHistory.map((command) => command.type))).toEqual(new Set(commandTypes));
    expect(new Set(log.map((event) => event.type))).toEqual(new Set(governanceEventTypes));
  });

  it('reads every recorded event back through the serde as it was decided', () => {
    // The log holds each decided event as `toStored` wrote it, so reading it back and writing it again
    // must give exactly what is stored: nothing dropped, defaulted or changed on the way in.
    for (const event of log) {
      const decoded = governanceEventSerde.fromRecorded(event);
      if (E.isLeft(decoded)) throw new Error(`${event.eventId} does not decode: ${decoded.left.reason}`);
      expect(decoded.right.type).toBe(event.type);
      expect(governanceEventSerde.toStored(decoded.right)).toEqual({
        type: event.type,
        schemaVersion: event.schemaVersion,
        data: event.data,
      });
    }
  });

  it('puts each command on the stream of the invariant it guards', () => {
    const streams = new Map(sampleHistory.map((command) => [command.type, streamFor(command)]));
    expect(streams.get('EstablishUnit')).toBe('organisation');
    expect(streams.get('DelegateAuthority')).toBe('delegation-kd-direktor-teknisk');
    expect(streams.get('RetirePlan')).toBe('plan-planstrategi-2020-2023');
    expect(streams.get('PrioritizeProject')).toBe('ranking-utvikling-digitalisering-2025-h1');
    expect(streams.get('CompleteInternalControlChecklist')).toBe('checklist-teknisk-sektor-2024-01-01');
    expect(streams.get('AdoptRiskScale')).toBe('riskscale-1');
    expect(streams.get('CorrectEvent')).toBe('correction-plan-hr-strategi-2023.0');
  });

  it('gives every decision a decision log row with body, date, case number and authority', () => {
    const rows = log.map(toDecisionLogEntry).filter((row) => row !== undefined);
    const decisions = sampleHistory.filter((command) => 'decision' in command);
    expect(rows).toHaveLength(decisions.length);
    const ledergruppe = rows.find(
      (row) => row.eventType === 'ProjectPrioritized' && row.body === 'ledergruppen',
    );
    expect(ledergruppe).toMatchObject({
      kind: 'Prosjekt prioritert',
      summary:
        'Prosjekt digital-byggesak prioritert som nr. 1 i utviklings- og digitaliseringsporteføljen, runde 2025-h1',
      decidedOn: '2025-01-08',
      caseNumber: '2025/20',
      authority: { kind: 'delegation', delegationId: 'ks-kd' },
      streamId: 'ranking-utvikling-digitalisering-2025-h1',
    });
    const award = rows.find((row) => row.eventType === 'ContractAwarded');
    expect(award).toMatchObject({
      summary:
        'Kontrakt i anskaffelse brannstasjon-utstyr tildelt Verneutstyr AS (fiktivt) (4 200 000 kr); ' +
        'oppfølging: utvikling-og-digitalisering',
      unit: 'utvikling-og-digitalisering',
      bodyUnit: 'teknisk-sektor',
    });
  });

  it('gives no decision log row for events that are not decisions', () => {
    const facts = log.filter((event) =>
      ['ProjectRegistered', 'RiskAssessed', 'ReportSubmitted'].includes(event.type),
    );
    expect(facts.length).toBeGreaterThan(0);
    for (const event of facts) expect(toDecisionLogEntry(event)).toBeUndefined();
  });

  it('derives the same log rows from an event decoded once as from the recorded event', () => {
    for (const recorded of log) {
      const decoded = governanceEventSerde.fromRecorded(recorded);
      if (E.isLeft(decoded)) throw new Error(decoded.left.reason);
      expect(decisionLogEntryOf(decoded.right, recorded)).toEqual(toDecisionLogEntry(recorded));
      expect(changeLogEntriesOf(decoded.right, recorded)).toEqual(toChangeLogEntries(recorded));
    }
    expect(log.filter((recorded) => toDecisionLogEntry(recorded) !== undefined).length).toBeGreaterThan(10);
    expect(log.flatMap(toChangeLogEntries).length).toBeGreaterThan(0);
  });

  it('gives the change log a row per corrected field, with old and new value', () => {
    const rows = log.flatMap(toChangeLogEntries);
    expect(rows).toEqual([
      expect.objectContaining({
        correctedEventId: 'plan-hr-strategi-2023.0',
        correctedEventType: 'PlanAdopted',
        field: 'period.to',
        oldValue: '2026-12-31',
        newValue: '2027-12-31',
        reason: 'Feil sluttår ble registrert; vedtaket sier 2027',
      }),
    ]);
  });
});
