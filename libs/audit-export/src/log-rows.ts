import type { RecordedEvent } from '@styring/eventstore';
import {
  type AuthorityBasis,
  type ChangeLogEntry,
  type DecisionLogEntry,
  toChangeLogEntries,
  toDecisionLogEntry,
} from '@styring/governance';
import { canonicalJson } from './canonical-json';

/**
 * How the decision log and the change log are read from recorded events: by default the governance
 * domain's pure functions, so that the rows in an export and those a projection shows never disagree.
 */
export interface DecisionLogRows {
  readonly toDecisionLogEntry: (event: RecordedEvent) => DecisionLogEntry | undefined;
  readonly toChangeLogEntries: (event: RecordedEvent) => readonly ChangeLogEntry[];
}

export const governanceLogRows: DecisionLogRows = { toDecisionLogEntry, toChangeLogEntries };

const optional = (value: string | undefined) => value ?? '';

const authorityCells = (authority: AuthorityBasis): [string, string] =>
  authority.kind === 'law' ? ['lov', authority.reference] : ['delegering', authority.delegationId];

export const DECISION_LOG_HEADER = [
  'Løpenummer',
  'Vedtaksdato',
  'Organ',
  'Organets enhet',
  'Vedtakstype',
  'Sammendrag',
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
  'Hendelses-ID',
  'Hendelsestype',
  'Strøm',
  'Strømrevisjon',
  'Global posisjon',
  'Korrelasjons-ID',
  'Årsaks-ID',
] as const;

/** One row of vedtakslogg.csv; `seq` is the event's line in events.jsonl. */
export const decisionLogCells = (entry: DecisionLogEntry, seq: number): string[] => [
  String(seq),
  entry.decidedOn,
  entry.body,
  optional(entry.bodyUnit),
  entry.kind,
  entry.summary,
  entry.caseNumber,
  optional(entry.meeting),
  ...authorityCells(entry.authority),
  optional(entry.unit),
  entry.actor,
  entry.role,
  optional(entry.onBehalfOf),
  entry.effectiveAt,
  entry.recordedAt,
  entry.eventId,
  entry.eventType,
  entry.streamId,
  String(entry.streamRevision),
  String(entry.globalPosition),
  entry.correlationId,
  entry.causationId,
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
  'Gammel verdi',
  'Ny verdi',
  'Begrunnelse',
  'Hendelses-ID',
  'Global posisjon',
] as const;

/** Text as it is; anything else as canonical JSON; nothing (a field that was absent) as an empty cell. */
const displayValue = (value: unknown): string =>
  value === undefined ? '' : typeof value === 'string' ? value : canonicalJson(value);

/** One row of endringslogg.csv; `seq` is the correcting event's line in events.jsonl. */
export const changeLogCells = (entry: ChangeLogEntry, seq: number): string[] => [
  String(seq),
  entry.recordedAt,
  entry.effectiveAt,
  entry.actor,
  entry.role,
  entry.correctedEventId,
  optional(entry.correctedEventType),
  optional(entry.correctedStreamId),
  entry.field,
  displayValue(entry.oldValue),
  displayValue(entry.newValue),
  entry.reason,
  entry.eventId,
  String(entry.globalPosition),
];
