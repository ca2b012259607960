import type { EventWriter, NewEvent } from '@styring/eventstore';
import {
  councilDecision,
  type DecisionReference,
  decisionUnderDelegation,
  type GovernanceEvent,
  governanceEventSerde,
  type Portfolio,
  type ReportKind,
} from '@styring/governance';

/**
 * A fictitious but realistic governance history of any length, for benchmarks and crash tests: units,
 * delegations, plans with goals, project lifecycles, prioritization rounds, risk assessments, reports,
 * internkontroll checklists, deviations, statlig tilsyn, procurements and the occasional correction – every event in the
 * shape the domain's codecs accept. Deterministic for a seed.
 *
 * Streams follow the domain's naming, except that reports, checklists and deviations are grouped per
 * obligation, unit or year rather than one stream each, so that a million events append in big batches.
 */
export interface SyntheticChunk {
  readonly streamId: string;
  /** When the chunk is recorded: the store's clock should read this during the append. */
  readonly recordedAt: Date;
  readonly events: readonly NewEvent[];
}

export interface SyntheticHistoryOptions {
  /** How many events in all (the last chunk is cut to fit). */
  readonly events: number;
  readonly seed?: number;
}

/** mulberry32: a small seeded generator, so that two runs produce the same history. */
const seededRandom = (seed: number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const sectors = ['teknisk-sektor', 'helse-og-omsorg', 'oppvekst-og-utdanning', 'kultur-og-samfunn'] as const;
const units = [...sectors, 'styv', 'stra', 'prosjektvirksomheten', 'utvikling-og-digitalisering'] as const;
const focusAreas = [
  'tilhorighet-og-fellesskap',
  'bokvalitet-og-inkluderende-bomiljo',
  'bred-ungdomssatsing',
  'trygg-og-miljovennlig-transport',
] as const;
const reportKinds: readonly ReportKind[] = [
  'okonomirapport',
  'investeringsstatus',
  'oppfolging-politiske-vedtak',
  'klimatiltak',
];
const dayMs = 86_400_000;

/** Where a correction can be aimed: an event with a field whose value we know. */
interface Correctable {
  readonly eventId: string;
  readonly type: GovernanceEvent['type'];
  readonly streamId: string;
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

export function* syntheticGovernanceHistory(options: SyntheticHistoryOptions): Generator<SyntheticChunk> {
  const random = seededRandom(options.seed ?? 2024);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  let remaining = options.events;
  let now = Date.UTC(2020, 0, 6, 9);
  let sequence = 0;
  let caseSequence = 0;
  const today = () => new Date(now).toISOString().slice(0, 10);
  const later = (days: number) => new Date(now + days * dayMs).toISOString().slice(0, 10);
  const year = () => new Date(now).getUTCFullYear();
  const caseNumber = () => `${year()}/${(caseSequence = (caseSequence % 9_999_999) + 1)}`;
  const council = (): DecisionReference => councilDecision(today(), caseNumber(), `Kommunestyret ${today()}`);
  const underDelegation = (
    body: DecisionReference['body'],
    delegationId: string,
    unit?: string,
  ): DecisionReference => decisionUnderDelegation(body, delegationId, today(), caseNumber(), unit);
  const projects: Record<Portfolio, string[]> = { investering: [], 'utvikling-digitalisering': [] };
  const correctable: Correctable[] = [];
  const companies: string[] = [];
  let pending: { streamId: string; events: NewEvent[] } | undefined;

  const chunk = (
    streamId: string,
    events: readonly GovernanceEvent[],
    remember?: (id: string, n: number) => void,
  ) => {
    const recorded = events.slice(0, remaining).map((event, n) => {
      const eventId = `evt-${options.seed ?? 2024}-${++sequence}`;
      remember?.(eventId, n);
      return {
        ...governanceEventSerde.toStored(event),
        eventId,
        metadata: {
          actor: `saksbehandler-${between(1, 40)}`,
          role: 'saksbehandler',
          correlationId: `korrelasjon-${sequence}`,
          causationId: `kommando-${sequence}`,
          effectiveAt: today(),
        },
      };
    });
    remaining -= recorded.length;
    pending = { streamId, events: recorded };
  };
  const flush = function* (): Generator<SyntheticChunk> {
    if (pending !== undefined && pending.events.length > 0) {
      yield { streamId: pending.streamId, recordedAt: new Date(now), events: pending.events };
    }
    pending = undefined;
    now += between(1, 20) * 3_600_000;
  };

  chunk(
    'organisation',
    units.map((unit): GovernanceEvent => ({
      type: 'UnitEstablished',
      unit,
      name: `Enhet ${unit}`,
      kind: (sectors as readonly string[]).includes(unit) ? 'sektor' : 'seksjon',
      decision: council(),
    })),
  );
  yield* flush();
  chunk('delegation-ks-kd', [
    {
      type: 'AuthorityDelegated',
      delegationId: 'ks-kd',
      from: { body: 'kommunestyret' },
      to: { body: 'kommunedirektoren' },
      scope: {
        commandTypes: [
          'AdoptPlan',
          'RevisePlan',
          'RetirePlan',
          'PrioritizeProject',
          'CancelProject',
          'DecideRiskTreatment',
          'AwardContract',
        ],
        planKinds: ['styringsbrev', 'virksomhetsplan'],
        portfolios: ['utvikling-digitalisering'],
      },
      validFrom: today(),
      decision: council(),
    },
  ]);
  yield* flush();
  // The risk scale the assessments below are banded by (score ≥ 15 high, ≥ 5 medium).
  chunk('riskscale-1', [
    {
      type: 'RiskScaleAdopted',
      scaleVersion: 1,
      likelihoodLevels: 5,
      consequenceLevels: 5,
      bands: [
        { band: 'lav', maxScore: 4 },
        { band: 'middels', maxScore: 14 },
        { band: 'hoy', maxScore: 25 },
      ],
      consequenceDimensions: [],
      validFrom: today(),
      decision: council(),
    },
  ]);
  yield* flush();

  const generators: readonly { weight: number; make: () => void }[] = [
    {
      weight: 30,
      make: () => {
        const portfolio: Portfolio = random() < 0.5 ? 'investering' : 'utvikling-digitalisering';
        const projectId = `prosjekt-${sequence + 1}`;
        const streamId = `project-${projectId}`;
        const events: GovernanceEvent[] = [
          {
            type: 'ProjectRegistered',
            projectId,
            name: `Prosjekt ${sequence + 1}`,
            portfolio,
            owningUnit: pick(units),
            need: 'Behov meldt fra linjen i virksomhetsplanen',
            registeredOn: today(),
          },
        ];
        for (let n = between(3, 12); n > 0; n--) {
          events.push({
            type: 'ProjectStatusReported',
            projectId,
            reportedOn: today(),
            health: pick(['gronn', 'gronn', 'gul', 'rod'] as const),
            summary: 'Fremdrift og økonomi etter plan, med kjente avvik',
            reportedTo: portfolio === 'investering' ? 'kommunestyret' : 'ledergruppen',
          });
        }
        if (random() < 0.3) {
          events.push({ type: 'ProjectCompleted', projectId, completedOn: today() });
          events.push({
            type: 'ProjectEvaluated',
            projectId,
            evaluatedOn: today(),
            lessons: ['Tidlig involvering av brukerne lønner seg'],
          });
        } else if (random() < 0.05) {
          events.push({
            type: 'ProjectCancelled',
            projectId,
            reason: 'Behovet er dekket på annen måte',
            decision: portfolio === 'investering' ? council() : underDelegation('ledergruppen', 'ks-kd'),
          });
        } else {
          projects[portfolio].push(projectId);
        }
        chunk(streamId, events, (eventId, n) => {
          const event = events[n];
          if (event?.type === 'ProjectStatusReported' && random() < 0.2) {
            const after = event.health === 'rod' ? 'gul' : 'rod';
            correctable.push({
              eventId,
              type: event.type,
              streamId,
              field: 'health',
              before: event.health,
              after,
            });
          }
        });
      },
    },
    {
      weight: 10,
      make: () => {
        const portfolio: Portfolio = random() < 0.5 ? 'investering' : 'utvikling-digitalisering';
        const candidates = projects[portfolio].slice(-40);
        if (candidates.length === 0) return;
        const round = `${year() + 1}-r${between(1, 2)}`;
        const decision = portfolio === 'investering' ? council() : underDelegation('ledergruppen', 'ks-kd');
        chunk(
          `ranking-${portfolio}-${round}`,
          candidates.map((projectId, n): GovernanceEvent => ({
            type: 'ProjectPrioritized',
            portfolio,
            round,
            projectId,
            rank: n + 1,
            decision,
          })),
        );
      },
    },
    {
      weight: 25,
      make: () => {
        const riskId = `risiko-${sequence + 1}`;
        const streamId = `risk-${riskId}`;
        const context = pick(['overordnet', 'sektor', 'prosjekt', 'internkontroll'] as const);
        const ownerUnit = pick(units);
        const events: GovernanceEvent[] = [];
        for (let n = between(2, 10); n > 0; n--) {
          const likelihood = between(1, 5);
          const consequence = between(1, 5);
          const score = likelihood * consequence;
          events.push({
            type: 'RiskAssessed',
            riskId,
            title: `Risiko ${sequence + 1}`,
            context,
            scaleVersion: 1,
            likelihood,
            consequence,
            score,
            band: score >= 15 ? 'hoy' : score >= 5 ? 'middels' : 'lav',
            ownerUnit,
            treatment: 'Tiltak følges opp i styringsdialogen',
            assessedOn: today(),
            nextReview: later(between(60, 240)),
            subject: ownerUnit,
          });
        }
        events.push({
          type: 'RiskTreatmentDecided',
          riskId,
          strategy: pick(['redusere', 'akseptere', 'overfore', 'unnga'] as const),
          measures: ['Opplæring', 'Bedre rutiner'],
          responsibleUnit: ownerUnit,
          due: later(180),
          decision: underDelegation('ledergruppen', 'ks-kd'),
        });
        if (random() < 0.2)
          events.push({
            type: 'RiskClosed',
            riskId,
            closedOn: today(),
            reason: 'Risikoen er redusert til akseptabelt nivå',
          });
        chunk(streamId, events, (eventId, n) => {
          const event = events[n];
          if (event?.type === 'RiskAssessed' && random() < 0.1) {
            correctable.push({
              eventId,
              type: event.type,
              streamId,
              field: 'nextReview',
              before: event.nextReview,
              after: later(30),
            });
          }
        });
      },
    },
    {
      weight: 8,
      make: () => {
        const planId = `plan-${sequence + 1}`;
        const streamId = `plan-${planId}`;
        const unit = pick(units);
        const decision = underDelegation('kommunedirektoren', 'ks-kd');
        const goals = focusAreas.map((focusArea, n) => ({
          goalId: `mal-${n + 1}`,
          level: 'hovedmal' as const,
          text: `Hovedmål for ${focusArea}`,
          sdgs: [between(1, 17)],
          focusArea,
        }));
        const events: GovernanceEvent[] = [
          {
            type: 'PlanAdopted',
            planId,
            kind: 'virksomhetsplan',
            title: `Virksomhetsplan ${unit} ${year()}`,
            period: { from: `${year()}-01-01`, to: `${year()}-12-31` },
            unit,
            decision,
            parentPlans: [],
            goals,
            assignments: [
              {
                assignmentId: 'oppdrag-1',
                text: 'Følg opp handlingsdelen',
                responsibleUnit: unit,
                goals: [],
              },
            ],
          },
        ];
        for (let n = between(1, 4); n > 0; n--) {
          events.push({
            type: 'PlanRevised',
            planId,
            title: `Virksomhetsplan ${unit} ${year()}, revidert`,
            decision: underDelegation('kommunedirektoren', 'ks-kd'),
          });
        }
        if (random() < 0.1)
          events.push({
            type: 'PlanRetired',
            planId,
            reason: 'Erstattet',
            decision: underDelegation('kommunedirektoren', 'ks-kd'),
          });
        chunk(streamId, events, (eventId, n) => {
          if (n === 0)
            correctable.push({
              eventId,
              type: 'PlanAdopted',
              streamId,
              field: 'title',
              before: (events[0] as { title: string }).title,
              after: `Virksomhetsplan ${unit}`,
            });
        });
      },
    },
    {
      weight: 15,
      make: () => {
        const kind = pick(reportKinds);
        const streamId = `reports-${kind}-${year()}`;
        const events: GovernanceEvent[] = [];
        for (let n = between(10, 40); n > 0; n--) {
          events.push({
            type: 'ReportSubmitted',
            reportId: `rapport-${sequence + events.length + 1}`,
            kind,
            period: { from: `${year()}-01-01`, to: today() },
            from: { body: 'kommunedirektoren' },
            to: 'kommunestyret',
            submittedOn: today(),
            documentReference: `${year()}/${between(1, 9999)}-1`,
            obligationId: kind,
          });
        }
        chunk(streamId, events, (eventId, n) => {
          if (n === 0)
            correctable.push({
              eventId,
              type: 'ReportSubmitted',
              streamId,
              field: 'submittedOn',
              before: today(),
              after: later(3),
            });
        });
      },
    },
    {
      weight: 5,
      make: () =>
        chunk(
          `checklists-${year()}`,
          sectors.map((unit): GovernanceEvent => ({
            type: 'InternalControlChecklistCompleted',
            unit,
            period: { from: `${year()}-01-01`, to: `${year()}-06-30` },
            completedOn: today(),
            items: [
              { item: 'Rutiner for avvikshåndtering er kjent', status: 'ok' },
              { item: 'Risikovurderinger er oppdatert', status: pick(['ok', 'avvik'] as const) },
            ],
            obligationId: 'internkontroll-sjekkliste',
          })),
        ),
    },
    {
      weight: 5,
      make: () => {
        const unit = pick(units);
        const events: GovernanceEvent[] = [];
        for (let n = between(5, 20); n > 0; n--) {
          const deviationId = `avvik-${sequence + events.length + 1}`;
          events.push({
            type: 'DeviationRecorded',
            deviationId,
            unit,
            observedOn: today(),
            category: pick(['lovbrudd', 'rutinebrudd', 'hms', 'personvern', 'annet'] as const),
            description: 'Rutine ikke fulgt',
          });
          events.push({
            type: 'DeviationClosed',
            deviationId,
            closedOn: later(14),
            correctiveAction: 'Rutinen er gjennomgått med de ansatte',
          });
        }
        chunk(`deviations-${unit}-${year()}`, events);
      },
    },
    {
      weight: 2,
      make: () => {
        const supervisionId = `tilsyn-${sequence + 1}`;
        const findings = between(0, 3);
        chunk(`supervision-${supervisionId}`, [
          {
            type: 'SupervisionOpened',
            supervisionId,
            supervisoryAuthority: pick([
              'statsforvalteren',
              'arbeidstilsynet',
              'mattilsynet',
              'dsb',
            ] as const),
            subject: 'Kommunens internkontroll på området',
            unit: pick(units),
            openedOn: today(),
          },
          ...Array.from({ length: findings }, (_, n): GovernanceEvent => ({
            type: 'SupervisionFindingRecorded',
            supervisionId,
            findingId: `funn-${n + 1}`,
            kind: pick(['avvik', 'merknad'] as const),
            description: 'Rutinen er ikke dokumentert',
            recordedOn: later(30),
          })),
          {
            type: 'SupervisionClosed',
            supervisionId,
            closedOn: later(90),
            conclusion: 'Tilsynet er avsluttet',
          },
        ]);
      },
    },
    {
      weight: 5,
      make: () => {
        const procurementId = `anskaffelse-${sequence + 1}`;
        const value = between(100, 5000) * 1000;
        const responsibleUnit = value > 1_300_000 ? 'utvikling-og-digitalisering' : pick(units);
        // Every other procurement is for an investment project, so project folders hold contracts.
        const projectId = random() < 0.5 ? projects.investering.at(-1) : undefined;
        chunk(`procurement-${procurementId}`, [
          {
            type: 'ProcurementRegistered',
            procurementId,
            title: 'Rammeavtale for konsulenttjenester',
            estimatedValueNok: value,
            callOff: false,
            requestingUnit: pick(units),
            registeredOn: today(),
            responsibleUnit,
            thresholdNok: 1_300_000,
            ...(projectId === undefined ? {} : { projectId }),
          },
          {
            type: 'ContractAwarded',
            procurementId,
            supplier: 'Leverandør AS',
            contractValueNok: value,
            decision: underDelegation('kommunedirektoren', 'ks-kd'),
            followUpOwner: responsibleUnit,
          },
          ...(random() < 0.2
            ? [
                {
                  type: 'ContractFollowUpAssigned' as const,
                  procurementId,
                  followUpOwner: pick(units),
                  decision: underDelegation('kommunedirektoren', 'ks-kd'),
                },
              ]
            : []),
        ]);
      },
    },
    {
      // The ownership register: companies entered, an eierskapsmelding now and then, an ownership ended.
      weight: 1,
      make: () => {
        const draw = random();
        if (companies.length >= 3 && draw < 0.5) {
          const reportId = `eierskapsmelding-${sequence + 1}`;
          chunk(`ownershipreport-${reportId}`, [
            {
              type: 'OwnershipReportAdopted',
              reportId,
              title: `Eierskapsmelding ${year()}`,
              electoralPeriod: { from: today(), to: later(4 * 365) },
              companies: companies.slice(-10),
              documentReference: `Sak ${caseNumber()}`,
              decision: council(),
            },
          ]);
        } else if (companies.length >= 5 && draw < 0.65) {
          const companyId = companies.shift() as string;
          chunk(`company-${companyId}`, [
            {
              type: 'CompanyOwnershipEnded',
              companyId,
              endedOn: later(30),
              reason: 'Aksjene solgt',
              decision: council(),
            },
          ]);
        } else {
          const companyId = `selskap-${sequence + 1}`;
          companies.push(companyId);
          chunk(`company-${companyId}`, [
            {
              type: 'CompanyRegistered',
              companyId,
              name: `Selskap ${sequence + 1} IKS`,
              organisationNumber: String(900_000_000 + sequence),
              companyForm: 'iks',
              registeredOn: today(),
              ownershipPercent: between(1, 100),
            },
          ]);
        }
      },
    },
    {
      weight: 1,
      make: () => {
        const target = correctable.splice(Math.floor(random() * correctable.length), 1)[0];
        if (target === undefined) return;
        chunk(`correction-${target.eventId}`, [
          {
            type: 'EventCorrected',
            correctedEventId: target.eventId,
            correctedEventType: target.type,
            correctedStreamId: target.streamId,
            changes: [{ field: target.field, before: target.before, after: target.after }],
            reason: 'Feilregistrering rettet etter kontroll',
          },
        ]);
      },
    },
  ];
  const totalWeight = generators.reduce((sum, generator) => sum + generator.weight, 0);

  while (remaining > 0) {
    let ticket = random() * totalWeight;
    const generator = generators.find((candidate) => (ticket -= candidate.weight) < 0) ?? generators[0];
    generator?.make();
    yield* flush();
    // Keep the pool small: a correction targets a recent event, and memory stays flat however long the run.
    if (correctable.length > 1000) correctable.splice(0, correctable.length - 1000);
    if (companies.length > 1000) companies.splice(0, companies.length - 1000);
  }
}

/**
 * Appends a synthetic history through the store's own API, one append per chunk, with the store's clock set
 * by `setClock` to each chunk's recording time. Returns the number of events appended.
 */
export const appendSyntheticHistory = async (
  store: EventWriter,
  options: SyntheticHistoryOptions & { readonly setClock: (now: Date) => void },
): Promise<number> => {
  let appended = 0;
  for (const chunk of syntheticGovernanceHistory(options)) {
    options.setClock(chunk.recordedAt);
    const outcome = await store.appendToStream(chunk.streamId, chunk.events, { expectedRevision: 'any' });
    if (outcome._tag !== 'Appended') throw new Error(`append to ${chunk.streamId} conflicted`);
    appended += chunk.events.length;
  }
  return appended;
};
