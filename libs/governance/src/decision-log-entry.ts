/**
 * The rows that auditors read: one per decision, and one per corrected field. Both the projections and
 * the audit export derive them from recorded events with the same pure functions, so the decision log
 * a leader sees and the one in a signed export can never disagree.
 */

import type { RecordedWithoutAuthority } from './shared/decision-reference';

/** The authority a decision rests on: a section of law, or a delegation recorded in the history. */
export type AuthorityBasis =
  | { readonly kind: 'law'; readonly reference: string }
  | { readonly kind: 'delegation'; readonly delegationId: string };

export interface DecisionLogEntry {
  readonly eventId: string;
  /** The event type, e.g. `PlanAdopted`. */
  readonly eventType: string;
  /** A Norwegian label for the kind of decision, e.g. `Plan vedtatt`. */
  readonly kind: string;
  /** A one-line Norwegian summary: what was decided. */
  readonly summary: string;
  /** Deciding body slug, e.g. `kommunestyret`. */
  readonly body: string;
  /** YYYY-MM-DD. */
  readonly decidedOn: string;
  /** Saksnummer, e.g. `2024/1234`. */
  readonly caseNumber: string;
  readonly meeting?: string;
  readonly authority: AuthorityBasis;
  /** The organizational unit the decision concerns, when it concerns one. */
  readonly unit?: string;
  /** The unit of the deciding role, when the role is tied to one (the direktør *of* Teknisk sektor). */
  readonly bodyUnit?: string;
  /**
   * Set when the decision was taken without authority and recorded anyway: the stated reason and the
   * authority finding (code and messages). `actor` and `role` are who recorded it.
   */
  readonly recordedWithoutAuthority?: RecordedWithoutAuthority;
  readonly actor: string;
  readonly role: string;
  readonly onBehalfOf?: string;
  readonly effectiveAt: string;
  readonly recordedAt: string;
  readonly streamId: string;
  readonly streamRevision: bigint;
  readonly globalPosition: bigint;
  readonly correlationId: string;
  readonly causationId: string;
}

/** One corrected field of an earlier event (endringslogg: what, when, who, old value, new value). */
export interface ChangeLogEntry {
  /** The correcting event. */
  readonly eventId: string;
  readonly correctedEventId: string;
  /** The corrected event's type and stream, so a reader need not look it up. */
  readonly correctedEventType?: string;
  readonly correctedStreamId?: string;
  /** Dotted path of the field within the corrected event's data, e.g. `period.to`. */
  readonly field: string;
  readonly oldValue: unknown;
  readonly newValue: unknown;
  readonly reason: string;
  readonly actor: string;
  readonly role: string;
  readonly effectiveAt: string;
  readonly recordedAt: string;
  readonly globalPosition: bigint;
}
