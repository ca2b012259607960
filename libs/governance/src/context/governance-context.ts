import * as E from 'fp-ts/Either';
import type { RecordedEvent, UndecodableEvent } from '@styring/eventstore';
import { type DelegationRegister, delegationChange } from '../authority/delegation-register';
import { governanceEventSerde } from '../event-serde';
import { type GovernanceEvent, type GovernanceEventType, isGovernanceEventType } from '../governance-event';
import { applyCorrection, type CorrectableEvent, rememberCorrectable } from './corrections-in-force';
import { defaultProcurementThresholds, type ProcurementThreshold } from '../procurement/thresholds';
import { defaultReportingObligations, type ReportingObligation } from '../reporting/obligations';
import type { RiskScaleRegister } from '../risk/risk-scale';
import { ContextDraft } from './context-draft';
import {
  planChange,
  projectChange,
  riskScaleChange,
  unitChange,
  type PlanRegister,
  type ProjectRegister,
  type UnitRegister,
} from './registers';

/** The dated configuration the kommune keeps outside the history: procurement thresholds and the årshjul. */
export interface GovernanceConfiguration {
  readonly procurementThresholds: readonly ProcurementThreshold[];
  readonly reportingObligations: readonly ReportingObligation[];
}

export const defaultGovernanceConfiguration: GovernanceConfiguration = {
  procurementThresholds: defaultProcurementThresholds,
  reportingObligations: defaultReportingObligations,
};

/**
 * The facts from outside a stream that its decider needs: delegations (for every authority check), units
 * (a project's owning unit, a virksomhetsplan's sector), projects (a prioritization round), risk scales (an
 * assessment), plans (a plan's parents) and the configuration. The application folds them from the global log and passes them to the command handler.
 */
export interface GovernanceContext extends GovernanceConfiguration {
  readonly delegations: DelegationRegister;
  readonly units: UnitRegister;
  readonly projects: ProjectRegister;
  readonly riskScales: RiskScaleRegister;
  /** Every plan adopted: a plan's parents must exist and be in force when it is adopted. */
  readonly plans: PlanRegister;
  /** Delegations and plan adoptions by event id, as corrected so far (`corrections-in-force.ts`). */
  readonly correctableEvents: ReadonlyMap<string, CorrectableEvent>;
  /** For `CorrectEvent` only: the recorded event the command names, read by the application. */
  readonly correctionTarget?: RecordedEvent;
}

export const emptyGovernanceContext = (
  configuration: GovernanceConfiguration = defaultGovernanceConfiguration,
): GovernanceContext => ({
  ...configuration,
  delegations: new Map(),
  units: new Map(),
  projects: new Map(),
  riskScales: new Map(),
  plans: new Map(),
  correctableEvents: new Map(),
});

/**
 * The parts of the context folded from the log: the kinds of fact a decision can rest on. Derived from the
 * context, so that a register added to it must be given its event types below.
 */
export type GovernanceFactKind = Exclude<
  keyof GovernanceContext,
  keyof GovernanceConfiguration | 'correctionTarget'
>;

/**
 * The event types that change each kind of fact (exactly the cases of `evolveGovernanceContext`): a
 * decision that read a kind is appended on the condition that none of these came after it was read.
 */
export const governanceFactEventTypes: Readonly<Record<GovernanceFactKind, readonly GovernanceEventType[]>> =
  {
    delegations: ['AuthorityDelegated', 'AuthorityRevoked', 'EventCorrected'],
    units: ['UnitEstablished', 'UnitDissolved'],
    projects: ['ProjectRegistered', 'ProjectCompleted', 'ProjectCancelled'],
    riskScales: ['RiskScaleAdopted'],
    plans: ['PlanAdopted', 'PlanRevised', 'PlanRetired', 'EventCorrected'],
    correctableEvents: ['AuthorityDelegated', 'PlanAdopted', 'EventCorrected'],
  };

/** Adds one event's facts to the draft; events that carry none leave it as it is. */
const addEvent = (draft: ContextDraft, event: GovernanceEvent, eventId: string | undefined): void => {
  switch (event.type) {
    case 'AuthorityDelegated':
      rememberCorrectable(draft, event, eventId);
      return draft.change('delegations', delegationChange(draft.get('delegations'), event));
    case 'PlanAdopted':
      rememberCorrectable(draft, event, eventId);
      return draft.change('plans', planChange(draft.get('plans'), event));
    case 'EventCorrected':
      return applyCorrection(draft, event);
    case 'AuthorityRevoked':
      return draft.change('delegations', delegationChange(draft.get('delegations'), event));
    case 'UnitEstablished':
    case 'UnitDissolved':
      return draft.change('units', unitChange(draft.get('units'), event));
    case 'ProjectRegistered':
    case 'ProjectCompleted':
    case 'ProjectCancelled':
      return draft.change('projects', projectChange(draft.get('projects'), event));
    case 'PlanRevised':
    case 'PlanRetired':
      return draft.change('plans', planChange(draft.get('plans'), event));
    case 'RiskScaleAdopted':
      return draft.change('riskScales', riskScaleChange(event));
    default:
      return undefined;
  }
};

/**
 * Folds a run of events into a context, in time linear in their number: a register is copied once per run,
 * not once per event. `eventId` lets a later correction of a delegation or a plan adoption reach the
 * registers deciders read. The contexts it hands out never change afterwards.
 */
export class GovernanceContextFold {
  readonly #draft: ContextDraft;

  constructor(context: GovernanceContext) {
    this.#draft = new ContextDraft(context);
  }

  add(event: GovernanceEvent, eventId?: string): void {
    addEvent(this.#draft, event, eventId);
  }

  result(): GovernanceContext {
    return this.#draft.result();
  }
}

/** Adds one event's facts to the context; events that carry none leave it as it is. */
export const evolveGovernanceContext = (
  context: GovernanceContext,
  event: GovernanceEvent,
  eventId?: string,
): GovernanceContext => {
  const fold = new GovernanceContextFold(context);
  fold.add(event, eventId);
  return fold.result();
};

/**
 * The context as of the events given (the whole log, or the log up to a position for a decision "as it was
 * known then"). Events of other domains are skipped; a governance event that does not decode is returned
 * as the failure, since a context built around it could wrongly grant or refuse authority.
 */
export const governanceContextFrom = (
  events: Iterable<RecordedEvent>,
  configuration: GovernanceConfiguration = defaultGovernanceConfiguration,
): E.Either<UndecodableEvent, GovernanceContext> => {
  const fold = new GovernanceContextFold(emptyGovernanceContext(configuration));
  for (const recorded of events) {
    if (!isGovernanceEventType(recorded.type)) continue;
    const event = governanceEventSerde.fromRecorded(recorded);
    if (E.isLeft(event)) return event;
    fold.add(event.right, recorded.eventId);
  }
  return E.right(fold.result());
};
