/**
 * A small governance history for the tests: real event types of the domain, fictitious content (case
 * numbers, dates, names and projects are invented). Two weeks, so that two exports a week apart can be
 * compared, and text that spreadsheets and HTML must handle with care.
 */
import type { EventMetadata, EventWriter } from '@styring/eventstore';
import {
  councilDecision,
  type DecisionReference,
  decisionUnderDelegation,
  type GovernanceEvent,
  governanceEventSerde,
} from '@styring/governance';

export interface DemoAppend {
  readonly streamId: string;
  readonly event: GovernanceEvent;
  readonly actor: string;
  readonly role: string;
  readonly onBehalfOf?: string;
}

const council = (decidedOn: string, caseNumber: string): DecisionReference =>
  councilDecision(decidedOn, caseNumber, `Kommunestyret ${decidedOn}`);

const chiefExecutive = (decidedOn: string, caseNumber: string): DecisionReference =>
  decisionUnderDelegation('kommunedirektoren', 'ks-kd', decidedOn, caseNumber);

const secretariat = { actor: 'politisk.sekretariat', role: 'sekretariat', onBehalfOf: 'kommunestyret' };
const chief = { actor: 'kommunedirektor', role: 'kommunedirektor' };

const statusReport = (
  projectId: string,
  reportedOn: string,
  health: 'gronn' | 'gul' | 'rod',
): DemoAppend => ({
  streamId: `project-${projectId}`,
  actor: 'prosjektvirksomheten',
  role: 'virksomhetsleder',
  event: {
    type: 'ProjectStatusReported',
    projectId,
    reportedOn,
    health,
    summary: `Status ${reportedOn}: framdrift etter plan, kostnader innenfor rammen`,
    reportedTo: 'kommunestyret',
  },
});

export const firstWeek: readonly DemoAppend[] = [
  {
    streamId: 'delegation-ks-kd',
    ...secretariat,
    event: {
      type: 'AuthorityDelegated',
      delegationId: 'ks-kd',
      from: { body: 'kommunestyret' },
      to: { body: 'kommunedirektoren' },
      scope: { commandTypes: ['EstablishUnit', 'AdoptPlan'], planKinds: ['virksomhetsplan'] },
      validFrom: '2020-01-01',
      decision: council('2019-12-10', '2019/900'),
    },
  },
  {
    streamId: 'unit-styv',
    ...chief,
    event: {
      type: 'UnitEstablished',
      unit: 'styv',
      name: 'Styring og virksomhetsutvikling',
      kind: 'stabsavdeling',
      decision: chiefExecutive('2020-01-02', '2020/1'),
    },
  },
  {
    streamId: 'plan-planstrategi-2024-2028',
    ...secretariat,
    event: {
      type: 'PlanAdopted',
      planId: 'planstrategi-2024-2028',
      kind: 'planstrategi',
      title: 'Kommunal planstrategi 2024–2028',
      period: { from: '2024-01-01', to: '2028-12-31' },
      parentPlans: [],
      goals: [],
      assignments: [],
      decision: council('2024-06-12', '2024/1001'),
    },
  },
  {
    streamId: 'plan-eiendomsstrategi-2024',
    ...secretariat,
    event: {
      type: 'PlanAdopted',
      planId: 'eiendomsstrategi-2024',
      kind: 'strategi',
      // Text a spreadsheet would run as a formula, with a comma, quotes and a line break.
      title: '=HYPERLINK("http://example.invalid","Eiendomsstrategi, del 1")\nbehov for plass «før» nybygg',
      period: { from: '2024-07-01', to: '2027-12-31' },
      parentPlans: ['planstrategi-2024-2028'],
      goals: [],
      assignments: [],
      // A meeting text that a spreadsheet would run as a formula.
      decision: { ...council('2024-06-12', '2024/1002'), meeting: '=1+2 (Kommunestyret, ekstramøte)' },
    },
  },
  {
    streamId: 'project-flerbrukshall',
    actor: 'prosjektvirksomheten',
    role: 'virksomhetsleder',
    event: {
      type: 'ProjectRegistered',
      projectId: 'flerbrukshall',
      name: 'Flerbrukshall på Fjellhamar',
      portfolio: 'investering',
      owningUnit: 'styv',
      need: 'Idrettslagene mangler treningstid om vinteren',
      registeredOn: '2024-06-13',
    },
  },
  statusReport('flerbrukshall', '2024-06-14', 'gronn'),
  statusReport('flerbrukshall', '2024-06-15', 'gul'),
  statusReport('flerbrukshall', '2024-06-16', 'gul'),
];

export const secondWeek: readonly DemoAppend[] = [
  statusReport('flerbrukshall', '2024-06-20', 'rod'),
  {
    streamId: 'correction-plan-eiendomsstrategi-2024',
    ...secretariat,
    event: {
      type: 'EventCorrected',
      correctedEventId: 'demo-0004',
      correctedEventType: 'PlanAdopted',
      correctedStreamId: 'plan-eiendomsstrategi-2024',
      changes: [
        { field: 'period.to', before: '2027-12-31', after: '2028-12-31' },
        { field: 'unit', after: 'styv' },
      ],
      reason: 'Feil sluttdato i vedtaket; rettet etter protokoll 20.06.2024',
    },
  },
  {
    streamId: 'plan-anskaffelsesstrategi-2024',
    ...secretariat,
    event: {
      type: 'PlanAdopted',
      planId: 'anskaffelsesstrategi-2024',
      kind: 'strategi',
      title: 'Anskaffelsesstrategi',
      period: { from: '2024-09-01', to: '2028-12-31' },
      parentPlans: ['planstrategi-2024-2028'],
      goals: [],
      assignments: [],
      decision: council('2024-06-19', '2024/1100'),
    },
  },
  statusReport('flerbrukshall', '2024-06-21', 'gul'),
];

/** `count` more status reports of the demo project, one a day from 1 July 2024. */
export const laterStatusReports = (count: number): DemoAppend[] =>
  Array.from({ length: count }, (_, i) =>
    statusReport('flerbrukshall', new Date(Date.UTC(2024, 6, 1 + i)).toISOString().slice(0, 10), 'gronn'),
  );

/** Appends one event per call, with ids `demo-0001`, `demo-0002`, … continuing from `firstNumber`. */
export const appendDemoHistory = async (
  store: EventWriter,
  appends: readonly DemoAppend[],
  firstNumber = 1,
): Promise<void> => {
  for (const [i, append] of appends.entries()) {
    const id = `demo-${String(firstNumber + i).padStart(4, '0')}`;
    const metadata: EventMetadata = {
      actor: append.actor,
      role: append.role,
      ...(append.onBehalfOf === undefined ? {} : { onBehalfOf: append.onBehalfOf }),
      correlationId: `korrelasjon-${id}`,
      causationId: `kommando-${id}`,
      effectiveAt: '2024-06-12',
    };
    const stored = governanceEventSerde.toStored(append.event);
    await store.appendToStream(append.streamId, [{ eventId: id, ...stored, metadata }], {
      expectedRevision: 'any',
    });
  }
};
