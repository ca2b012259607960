import {
  budgetRecommendationDecision,
  councilDecision,
  type DecisionReference,
  decisionUnderDelegation,
  type GovernanceCommand,
} from '@styring/governance';
import type { Caller } from '../execution-result';

/** Ids of events written earlier in the demo, by the step label that wrote them (for the correction). */
export type WrittenEvents = ReadonlyMap<string, string>;

/**
 * One thing that happens in the demo history: a command, as a user would send it, by a caller, on a day.
 * The day it was entered orders the history; a command that refers to an earlier event is a function of
 * what was written.
 */
export interface DemoStep {
  readonly on: string;
  readonly caller: Caller;
  readonly command: GovernanceCommand | ((written: WrittenEvents) => GovernanceCommand);
  /** Remembers the id of the first event this step writes, under this label. */
  readonly label?: string;
  /**
   * The day the step was entered into the system (its recorded clock), when not the day it happened: a
   * registration made weeks late, an older plan entered when the system was taken into use.
   */
  readonly recordedOn?: string;
}

/** The day a step was entered: its `recordedOn`, else the day it happened. */
export const recordedDayOf = (step: DemoStep): string => step.recordedOn ?? step.on;

/**
 * The people who enter the history. All of them are FICTITIOUS: actors are role accounts of the demo, not
 * real employees of Lørenskog kommune.
 */
export const callers = {
  sekretariat: {
    actor: 'demo-politisk-sekretariat',
    role: 'kommunestyre-sekretariat',
    unit: 'styv',
    onBehalfOf: 'kommunestyret',
  },
  kommunedirektor: { actor: 'demo-kommunedirektor', role: 'kommunedirektor', unit: 'kommunedirektoren' },
  ledergruppen: {
    actor: 'demo-kommunedirektor',
    role: 'kommunedirektor',
    unit: 'kommunedirektoren',
    onBehalfOf: 'ledergruppen',
  },
  styv: { actor: 'demo-radgiver-styv', role: 'styv', unit: 'styv' },
  direktor: (unit: string) => ({ actor: `demo-direktor-${unit}`, role: 'direktor', unit }),
  virksomhetsleder: (unit: string) => ({ actor: `demo-leder-${unit}`, role: 'virksomhetsleder', unit }),
} as const satisfies Record<string, Caller | ((unit: string) => Caller)>;

const norwegianDate = (isoDate: string) => isoDate.split('-').reverse().join('.');

/** A decision of the council in its meeting that day, under the law (kommuneloven § 5-3 unless named). */
export const kommunestyret = (decidedOn: string, caseNumber: string, law = 'Kommuneloven § 5-3') =>
  councilDecision(decidedOn, caseNumber, `Kommunestyrets møte ${norwegianDate(decidedOn)}`, law);

/** Formannskapet's innstilling to the budget in its meeting that day (kommuneloven § 14-3 third paragraph). */
export const formannskapetsInnstilling = (decidedOn: string, caseNumber: string) =>
  budgetRecommendationDecision(decidedOn, caseNumber, `Formannskapets møte ${norwegianDate(decidedOn)}`);

/** A decision of an administrative body or role under a recorded delegation. */
export const delegated = (
  body: DecisionReference['body'],
  decidedOn: string,
  caseNumber: string,
  delegationId: string,
  unit?: string,
): DecisionReference => decisionUnderDelegation(body, delegationId, decidedOn, caseNumber, unit);
