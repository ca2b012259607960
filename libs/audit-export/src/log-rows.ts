import {
  type AuthorityBasis,
  authorityKindLabels,
  bodyLabels,
  type ChangeLogEntry,
  type DecisionLogEntry,
  type GovernanceEvent,
} from '@styring/governance';
import { canonicalJson } from './canonical-json';
import { csvAmount } from './csv';
import { osloTime } from './oslo-time';

/** One correction of an event, as the decision log shows it beside the value now in force. */
export interface AppliedCorrection {
  /** The correcting event's line in events.jsonl. */
  readonly seq: number;
  readonly changes: readonly {
    readonly field: string;
    readonly before?: unknown;
    readonly after?: unknown;
  }[];
  readonly actor: string;
  readonly recordedAt: string;
  readonly reason: string;
}

const optional = (value: string | undefined) => value ?? '';

const authorityCells = (authority: AuthorityBasis): [string, string] =>
  authority.kind === 'law'
    ? [authorityKindLabels.law, authority.reference]
    : [authorityKindLabels.delegation, authority.delegationId];

/** `ja`, the finding (code: message) and the stated reason, for a decision recorded without authority. */
const withoutAuthorityCells = (
  marked: DecisionLogEntry['recordedWithoutAuthority'],
): [string, string, string] =>
  marked === undefined ? ['', '', ''] : ['ja', withoutAuthorityFinding(marked), marked.reason];

/** `authority.delegation_not_held: Delegeringen … er ikke gitt til …`: what the authority check found. */
export const withoutAuthorityFinding = (
  marked: NonNullable<DecisionLogEntry['recordedWithoutAuthority']>,
): string => (marked.finding === undefined ? '' : `${marked.finding.code}: ${marked.finding.message}`);

/** The Norwegian name of a body slug; the slug itself when the domain does not know it. */
export const bodyName = (body: string): string => bodyLabels[body as keyof typeof bodyLabels] ?? body;

/** The amount a decision is about, in whole kroner: a contract's value, a delegation's limit. */
export const decisionAmount = (event: GovernanceEvent): number | undefined =>
  event.type === 'ContractAwarded'
    ? event.contractValueNok
    : event.type === 'AuthorityDelegated'
      ? event.scope.maxAmountNok
      : undefined;

/** Norwegian names of the corrected fields an auditor meets most; other fields go by their path. */
const fieldNames: Readonly<Record<string, string>> = {
  'decision.caseNumber': 'Saksnummer',
  'decision.decidedOn': 'Vedtaksdato',
  'decision.meeting': 'Møte',
  'decision.body': 'Organ',
  'decision.authority': 'Hjemmel',
  contractValueNok: 'Kontraktsverdi (kr)',
  supplier: 'Leverandør',
  title: 'Tittel',
  'period.from': 'Periode fra',
  'period.to': 'Periode til',
  submittedOn: 'Levert dato',
};

export const fieldName = (field: string): string => fieldNames[field] ?? field;

/** Text as it is; anything else as canonical JSON; nothing (a field that was absent) as an empty cell. */
export const displayValue = (value: unknown): string =>
  value === undefined ? '' : typeof value === 'string' ? value : canonicalJson(value);

/** A value in a sentence: an absent one (a field added or removed by a correction) says so. */
const valueText = (value: unknown): string => (value === undefined ? '(ingen)' : displayValue(value));

/** `Saksnummer: 2024/1187 → 2024/1178` for each change of each correction, in order, `|` between. */
export const correctionText = (corrections: readonly AppliedCorrection[]): string =>
  corrections
    .flatMap((correction) =>
      correction.changes.map(
        (change) => `${fieldName(change.field)}: ${valueText(change.before)} → ${valueText(change.after)}`,
      ),
    )
    .join(' | ');

/** `Saksnummer: 2024/1187`: each corrected field's value as first recorded. */
const originalValues = (corrections: readonly AppliedCorrection[]): string => {
  const firstBefore = new Map<string, unknown>();
  for (const correction of corrections)
    for (const change of correction.changes)
      if (!firstBefore.has(change.field)) firstBefore.set(change.field, change.before);
  return [...firstBefore].map(([field, before]) => `${fieldName(field)}: ${valueText(before)}`).join(' | ');
};

const each = (corrections: readonly AppliedCorrection[], cell: (c: AppliedCorrection) => string) =>
  corrections.map(cell).join(' | ');

const correctionCells = (corrections: readonly AppliedCorrection[]): string[] =>
  corrections.length === 0
    ? ['', '', '', '', '', '', '']
    : [
        'ja',
        originalValues(corrections),
        correctionText(corrections),
        each(corrections, (c) => c.actor),
        each(corrections, (c) => osloTime(c.recordedAt)),
        each(corrections, (c) => c.reason),
        each(corrections, (c) => String(c.seq)),
      ];

export const DECISION_LOG_HEADER = [
  'Løpenummer',
  'Vedtaksdato',
  'Organ',
  'Organ (navn)',
  'Organets enhet',
  'Vedtakstype',
  'Sammendrag',
  'Beløp (kr)',
  'Saksnummer',
  'Møte',
  'Hjemmelstype',
  'Hjemmel',
  'Enhet',
  'Registrert av',
  'Rolle',
  'På vegne av',
  'Virkningstidspunkt',
  'Registreringstidspunkt',
  'Korrigert',
  'Opprinnelig verdi',
  'Korrigering',
  'Korrigert av',
  'Korrigert tidspunkt',
  'Begrunnelse for korrigering',
  'Korrigeringens løpenummer',
  'Hendelses-ID',
  'Hendelsestype',
  'Strøm',
  'Strømrevisjon',
  'Global posisjon',
  'Korrelasjons-ID',
  'Årsaks-ID',
  'Uten myndighet',
  'Myndighetsavvik',
  'Begrunnelse for registrering uten myndighet',
] as const;

/**
 * One row of vedtakslogg.csv: the decision as it reads now (`entry`, every correction applied), `seq` its
 * line in events.jsonl, and the corrections that made it so (none for most rows).
 */
export const decisionLogCells = (
  entry: DecisionLogEntry,
  seq: number,
  amount: number | undefined,
  corrections: readonly AppliedCorrection[],
): string[] => [
  String(seq),
  entry.decidedOn,
  entry.body,
  bodyName(entry.body),
  optional(entry.bodyUnit),
  entry.kind,
  entry.summary,
  csvAmount(amount),
  entry.caseNumber,
  optional(entry.meeting),
  ...authorityCells(entry.authority),
  optional(entry.unit),
  entry.actor,
  entry.role,
  optional(entry.onBehalfOf),
  osloTime(entry.effectiveAt),
  osloTime(entry.recordedAt),
  ...correctionCells(corrections),
  entry.eventId,
  entry.eventType,
  entry.streamId,
  String(entry.streamRevision),
  String(entry.globalPosition),
  entry.correlationId,
  entry.causationId,
  ...withoutAuthorityCells(entry.recordedWithoutAuthority),
];

export const CHANGE_LOG_HEADER = [
  'Løpenummer',
  'Registreringstidspunkt',
  'Virkningstidspunkt',
  'Endret av',
  'Rolle',
  'Korrigert hendelse',
  'Korrigert hendelsestype',
  'Korrigert strøm',
  'Felt',
  'Feltnavn',
  'Gammel verdi',
  'Ny verdi',
  'Begrunnelse',
  'Hendelses-ID',
  'Global posisjon',
] as const;

/** One row of endringslogg.csv; `seq` is the correcting event's line in events.jsonl. */
export const changeLogCells = (entry: ChangeLogEntry, seq: number): string[] => [
  String(seq),
  osloTime(entry.recordedAt),
  osloTime(entry.effectiveAt),
  entry.actor,
  entry.role,
  entry.correctedEventId,
  optional(entry.correctedEventType),
  optional(entry.correctedStreamId),
  entry.field,
  fieldName(entry.field),
  displayValue(entry.oldValue),
  displayValue(entry.newValue),
  entry.reason,
  entry.eventId,
  String(entry.globalPosition),
];
