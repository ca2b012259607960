import type { ChangedFact, CurrentRevision, ExpectedRevision } from '@styring/eventstore';
import type { FieldError } from '@styring/governance';

/** Who sends a command: from CLI flags or environment, or from the caller's token – never from the body. */
export interface Caller {
  /** The person or system acting, e.g. a token's subject. */
  readonly actor: string;
  /** The role acted in, e.g. `kommunedirektor`. */
  readonly role: string;
  /** The organizational unit the actor belongs to, when the role is tied to one. */
  readonly unit?: string;
  /**
   * Whom the actor acts for, on a command without a decision; for a decision the caller table decides it
   * (the body the secretariat enters a decision of), whatever is given here.
   */
  readonly onBehalfOf?: string;
  /** Ties everything one request caused together; a new one is made when absent. See `isCorrelationId`. */
  readonly correlationId?: string;
}

/** A correlation id a caller may give: 1–128 printable ASCII characters, so it is safe in logs and headers. */
export const isCorrelationId = (value: string): boolean => /^[\x21-\x7e]{1,128}$/.test(value);

/** An appended event, as a caller sees it. */
export interface AppendedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly streamRevision: bigint;
  readonly globalPosition: bigint;
}

/** The ways a command can end; none of them throws. Only an accepted command wrote anything. */
export type ExecutionResult =
  | {
      readonly status: 'accepted';
      readonly commandType: string;
      readonly streamId: string;
      /** Empty when the command changed nothing (a repeated request). */
      readonly events: readonly AppendedEvent[];
      readonly revision: CurrentRevision;
      /** Global position of the last appended event, when anything was appended. */
      readonly position?: bigint;
      readonly correlationId: string;
    }
  | {
      readonly status: 'rejected';
      readonly commandType: string;
      readonly code: string;
      /** Norwegian bokmål. */
      readonly message: string;
      readonly messageEn: string;
    }
  /** Each bad field by its dotted path (e.g. `decision.caseNumber`), in Norwegian and English. */
  | { readonly status: 'invalid'; readonly errors: readonly FieldError[] }
  | {
      readonly status: 'conflict';
      readonly commandType: string;
      readonly streamId: string;
      readonly expected: ExpectedRevision;
      readonly actual: CurrentRevision;
    }
  /** A fact the decision rested on (a delegation, a unit …) kept changing while it was decided, every retry. */
  | {
      readonly status: 'conflict';
      readonly commandType: string;
      readonly streamId: string;
      readonly changed: ChangedFact;
    };

/** A command of a batch that was not run, because one before it did not go through. */
export interface NotRun {
  readonly status: 'not_run';
}

export type BatchItem = ExecutionResult | NotRun;
