import type { DecisionReference } from '@styring/governance';
import type * as t from 'io-ts';
import type { decisionSummaryAnswer } from '../answers/decision-answer';
import type { SqlValue } from '../sqlite/versioned-table';

/** The columns that record a decision (who, when, which case, on what authority) in a fact row. */
export const decisionColumns = {
  body: 'TEXT',
  decided_on: 'TEXT',
  case_number: 'TEXT',
  meeting: 'TEXT',
  authority_kind: 'TEXT',
  authority_reference: 'TEXT',
  decision_unit: 'TEXT',
} as const;

export const decisionValues = (
  decision: DecisionReference,
): Record<keyof typeof decisionColumns, SqlValue> => ({
  body: decision.body,
  decided_on: decision.decidedOn,
  case_number: decision.caseNumber,
  meeting: decision.meeting ?? null,
  authority_kind: decision.authority.kind,
  authority_reference:
    decision.authority.kind === 'law' ? decision.authority.reference : decision.authority.delegationId,
  decision_unit: decision.unit ?? null,
});

/** A decision as the queries return it. */
export type DecisionSummary = t.TypeOf<typeof decisionSummaryAnswer>;

export interface DecisionRow {
  readonly body: string | null;
  readonly decided_on: string | null;
  readonly case_number: string | null;
  readonly meeting: string | null;
  readonly authority_kind: string | null;
  readonly authority_reference: string | null;
  readonly decision_unit: string | null;
}

/** The decision a row records, or `undefined` for a fact that no decision made (a registration, a report). */
export const decisionOf = (row: DecisionRow): DecisionSummary | undefined => {
  if (row.body === null || row.decided_on === null || row.case_number === null) return undefined;
  const reference = row.authority_reference ?? '';
  return {
    body: row.body,
    decidedOn: row.decided_on,
    caseNumber: row.case_number,
    ...(row.meeting === null ? {} : { meeting: row.meeting }),
    authority:
      row.authority_kind === 'delegation'
        ? { kind: 'delegation', delegationId: reference }
        : { kind: 'law', reference },
    ...(row.decision_unit === null ? {} : { unit: row.decision_unit }),
  };
};
