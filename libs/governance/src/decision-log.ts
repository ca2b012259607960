import * as E from 'fp-ts/Either';
import type { RecordedEvent } from '@styring/eventstore';
import type { DelegationScope } from './authority/scope';
import type { ChangeLogEntry, DecisionLogEntry } from './decision-log-entry';
import { governanceEventSerde } from './event-serde';
import type { EventOf, GovernanceEvent, GovernanceEventType } from './governance-event';
import { planKindLabels } from './plans/plan-kinds';
import { portfolioLabels } from './portfolio/portfolios';
import { riskBandLabels } from './risk/risk-scale';
import { bodyLabels } from './shared/bodies';
import type { DecisionReference } from './shared/decision-reference';
import type { Holder } from './shared/holder';
import { unitKindLabels } from './shared/units';

/** What each event records, in Norwegian: the `kind` column of the decision log and of event lists. */
export const eventKindLabels: Readonly<Record<GovernanceEventType, string>> = {
  UnitEstablished: 'Enhet opprettet',
  UnitDissolved: 'Enhet nedlagt',
  AuthorityDelegated: 'Myndighet delegert',
  AuthorityRevoked: 'Delegering tilbakekalt',
  PlanAdopted: 'Plan vedtatt',
  PlanRevised: 'Plan revidert',
  PlanRetired: 'Plan opphevet',
  ProjectRegistered: 'Prosjekt registrert',
  ProjectStatusReported: 'Prosjektstatus rapportert',
  ProjectCompleted: 'Prosjekt avsluttet',
  ProjectCancelled: 'Prosjekt avbrutt',
  ProjectEvaluated: 'Prosjekt evaluert',
  ProjectPrioritized: 'Prosjekt prioritert',
  ProcurementRegistered: 'Anskaffelse registrert',
  ContractAwarded: 'Kontrakt tildelt',
  ContractFollowUpAssigned: 'Kontraktsoppfølging tildelt',
  CompanyRegistered: 'Selskap registrert',
  CompanyOwnershipEnded: 'Eierskap avsluttet',
  OwnershipReportAdopted: 'Eierskapsmelding vedtatt',
  RiskScaleAdopted: 'Risikoskala vedtatt',
  RiskAssessed: 'Risiko vurdert',
  RiskTreatmentDecided: 'Risikohåndtering besluttet',
  RiskClosed: 'Risiko lukket',
  ReportSubmitted: 'Rapport levert',
  InternalControlChecklistCompleted: 'Sjekkliste for internkontroll fylt ut',
  DeviationRecorded: 'Avvik registrert',
  DeviationClosed: 'Avvik lukket',
  EventCorrected: 'Korrigering',
};

/** Whole kroner with spaces between thousands: `1 300 000 kr`. */
export const formatNok = (amount: number): string =>
  `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} kr`;

const holderLabel = (holder: Holder) =>
  `${bodyLabels[holder.body].toLowerCase()}${holder.unit === undefined ? '' : ` (${holder.unit})`}`;

const scopeLabel = (scope: DelegationScope) =>
  [
    scope.commandTypes.join(', '),
    scope.planKinds === undefined
      ? undefined
      : `plantyper: ${scope.planKinds.map((k) => planKindLabels[k]).join(', ')}`,
    scope.portfolios === undefined ? undefined : `porteføljer: ${scope.portfolios.join(', ')}`,
    scope.maxAmountNok === undefined ? undefined : `inntil ${formatNok(scope.maxAmountNok)}`,
  ]
    .filter((part) => part !== undefined)
    .join('; ');

/** Events that carry a decision; an ownership ending carries one since the command required it. */
type Decision =
  | Extract<GovernanceEvent, { readonly decision: unknown }>
  | (EventOf<'CompanyOwnershipEnded'> & { readonly decision: DecisionReference });

/** One line per kind of decision: what was decided, in the words an auditor reads. */
const summaries: { readonly [T in Decision['type']]: (event: EventOf<T>) => string } = {
  UnitEstablished: (e) =>
    `${unitKindLabels[e.kind]} «${e.name}» (${e.unit}) opprettet${e.parent === undefined ? '' : ` under ${e.parent}`}`,
  UnitDissolved: (e) => `Enheten ${e.unit} nedlagt: ${e.reason}`,
  AuthorityDelegated: (e) =>
    `${bodyLabels[e.from.body]} delegerte til ${holderLabel(e.to)} (${scopeLabel(e.scope)}), gyldig fra ${e.validFrom}` +
    `${e.validTo === undefined ? '' : ` til ${e.validTo}`} [${e.delegationId}]`,
  AuthorityRevoked: (e) => `Delegering ${e.delegationId} tilbakekalt fra ${e.revokedFrom}: ${e.reason}`,
  PlanAdopted: (e) => `${planKindLabels[e.kind]} «${e.title}» (${e.period.from} – ${e.period.to}) vedtatt`,
  PlanRevised: (e) => {
    const changed = (['title', 'period', 'parentPlans', 'goals', 'assignments', 'documentReference'] as const)
      .filter((field) => e[field] !== undefined)
      .join(', ');
    return `Plan ${e.planId} revidert${changed === '' ? '' : ` (endret: ${changed})`}`;
  },
  PlanRetired: (e) => `Plan ${e.planId} opphevet: ${e.reason}`,
  ProjectCancelled: (e) => `Prosjekt ${e.projectId} avbrutt: ${e.reason}`,
  ProjectPrioritized: (e) =>
    `Prosjekt ${e.projectId} prioritert som nr. ${e.rank} i ${portfolioLabels[e.portfolio].toLowerCase()}, runde ${e.round}`,
  ContractAwarded: (e) =>
    `Kontrakt i anskaffelse ${e.procurementId} tildelt ${e.supplier} (${formatNok(e.contractValueNok)}); oppfølging: ${e.followUpOwner}`,
  ContractFollowUpAssigned: (e) =>
    `Oppfølging av kontrakten i anskaffelse ${e.procurementId} gitt til ${e.followUpOwner}`,
  CompanyOwnershipEnded: (e) => `Kommunens eierskap i ${e.companyId} avsluttet fra ${e.endedOn}: ${e.reason}`,
  OwnershipReportAdopted: (e) =>
    `Eierskapsmelding «${e.title}» for ${e.electoralPeriod.from} – ${e.electoralPeriod.to} vedtatt (${e.companies.length} selskaper)`,
  RiskScaleAdopted: (e) =>
    `Risikoskala versjon ${e.scaleVersion} vedtatt (${e.likelihoodLevels} × ${e.consequenceLevels}; ` +
    `${e.bands.map((b) => `${riskBandLabels[b.band].toLowerCase()} ≤ ${b.maxScore}`).join(', ')})`,
  RiskTreatmentDecided: (e) => `Håndtering av risiko ${e.riskId} besluttet: ${e.strategy}`,
};

/** The unit a decision concerns, when it concerns one. */
const concernedUnit = (event: Decision): string | undefined => {
  switch (event.type) {
    case 'UnitEstablished':
    case 'UnitDissolved':
      return event.unit;
    case 'AuthorityDelegated':
      return event.to.unit;
    case 'PlanAdopted':
      return event.unit;
    case 'ContractAwarded':
    case 'ContractFollowUpAssigned':
      return event.followUpOwner;
    default:
      return undefined;
  }
};

const isDecision = (event: GovernanceEvent): event is Decision =>
  'decision' in event && event.decision !== undefined;

/** Looked up before decoding, so the many events that are not decisions cost no io-ts decode. */
const decisionTypes: ReadonlySet<string> = new Set(Object.keys(summaries));

/**
 * The decision log row of a recorded event; `undefined` for events that are not decisions (registrations,
 * reports, assessments …) and for events this domain cannot decode (the serde names those).
 */
export const toDecisionLogEntry = (recorded: RecordedEvent): DecisionLogEntry | undefined => {
  if (!decisionTypes.has(recorded.type)) return undefined;
  const decoded = governanceEventSerde.fromRecorded(recorded);
  return E.isLeft(decoded) ? undefined : decisionLogEntryOf(decoded.right, recorded);
};

/**
 * The decision log row of an event already decoded from `recorded` (by the serde, so validated): for
 * readers that decode each event once and derive several things from it. `undefined` for events that are
 * not decisions.
 */
export const decisionLogEntryOf = (
  event: GovernanceEvent,
  recorded: RecordedEvent,
): DecisionLogEntry | undefined => {
  if (!isDecision(event)) return undefined;
  const { decision } = event;
  const { metadata } = recorded;
  const summary = (summaries[event.type] as (e: Decision) => string)(event);
  const unit = concernedUnit(event);
  return {
    eventId: recorded.eventId,
    eventType: event.type,
    kind: eventKindLabels[event.type],
    summary,
    body: decision.body,
    decidedOn: decision.decidedOn,
    caseNumber: decision.caseNumber,
    ...(decision.meeting === undefined ? {} : { meeting: decision.meeting }),
    authority: decision.authority,
    ...(unit === undefined ? {} : { unit }),
    ...(decision.unit === undefined ? {} : { bodyUnit: decision.unit }),
    actor: metadata.actor,
    role: metadata.role,
    ...(metadata.onBehalfOf === undefined ? {} : { onBehalfOf: metadata.onBehalfOf }),
    effectiveAt: metadata.effectiveAt,
    recordedAt: recorded.recordedAt,
    streamId: recorded.streamId,
    streamRevision: recorded.streamRevision,
    globalPosition: recorded.globalPosition,
    correlationId: metadata.correlationId,
    causationId: metadata.causationId,
  };
};

/** The endringslogg rows of a correction: one per corrected field; none for any other event. */
export const toChangeLogEntries = (recorded: RecordedEvent): ChangeLogEntry[] => {
  if (recorded.type !== 'EventCorrected') return [];
  const decoded = governanceEventSerde.fromRecorded(recorded);
  return E.isLeft(decoded) ? [] : changeLogEntriesOf(decoded.right, recorded);
};

/** The endringslogg rows of an event already decoded from `recorded`: none unless it is a correction. */
export const changeLogEntriesOf = (event: GovernanceEvent, recorded: RecordedEvent): ChangeLogEntry[] => {
  if (event.type !== 'EventCorrected') return [];
  return event.changes.map((change) => ({
    eventId: recorded.eventId,
    correctedEventId: event.correctedEventId,
    correctedEventType: event.correctedEventType,
    correctedStreamId: event.correctedStreamId,
    field: change.field,
    oldValue: change.before,
    newValue: change.after,
    reason: event.reason,
    actor: recorded.metadata.actor,
    role: recorded.metadata.role,
    effectiveAt: recorded.metadata.effectiveAt,
    recordedAt: recorded.recordedAt,
    globalPosition: recorded.globalPosition,
  }));
};
