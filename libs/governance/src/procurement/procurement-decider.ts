import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type { Decider, DomainRejection } from '@styring/eventstore';
import { authorize } from '../authority/authorize';
import { coversMatter } from '../authority/scope';
import type { GovernanceContext } from '../context/governance-context';
import type { ProcurementCommand, ProcurementEvent, RegisterProcurement } from './messages';
import { procurementRejections as reject } from './rejections';
import { responsibleUnitFor, thresholdInForce } from './thresholds';

export type ProcurementState =
  | { readonly status: 'none' }
  | { readonly status: 'registered'; readonly responsibleUnit: string }
  | { readonly status: 'awarded'; readonly responsibleUnit: string };

type Decided = E.Either<DomainRejection, readonly ProcurementEvent[]>;

/** Routes the responsibility by the threshold in force on the registration date, and records both. */
const register = (
  command: RegisterProcurement,
  state: ProcurementState,
  context: GovernanceContext,
): Decided => {
  if (state.status !== 'none') return E.left(reject.alreadyRegistered(command.procurementId));
  if (command.estimatedValueNok <= 0) return E.left(reject.valueNotPositive('estimatedValueNok'));
  const threshold = thresholdInForce(context.procurementThresholds, command.registeredOn);
  if (threshold === undefined) return E.left(reject.noThresholdInForce(command.registeredOn));
  return E.right([
    {
      ...command,
      type: 'ProcurementRegistered',
      responsibleUnit: responsibleUnitFor(threshold, command),
      thresholdNok: threshold.thresholdNok,
    },
  ]);
};

/**
 * A `procurement-{procurementId}` stream per procurement: registered once (with its responsible unit fixed
 * by the threshold then in force), awarded once; contract follow-up goes to whoever ran it unless reassigned.
 */
export const procurementDecider: Decider<
  ProcurementCommand,
  ProcurementEvent,
  ProcurementState,
  GovernanceContext
> = {
  initialState: { status: 'none' },
  evolve: (state, event) => {
    switch (event.type) {
      case 'ProcurementRegistered':
        return { status: 'registered', responsibleUnit: event.responsibleUnit };
      case 'ContractAwarded':
        return state.status === 'none' ? state : { ...state, status: 'awarded' };
      case 'ContractFollowUpAssigned':
        return state;
    }
  },
  decide: (command, state, context): Decided => {
    switch (command.type) {
      case 'RegisterProcurement':
        return register(command, state, context);
      case 'AwardContract':
        if (state.status === 'none') return E.left(reject.notRegistered(command.procurementId));
        if (state.status === 'awarded') return E.left(reject.alreadyAwarded(command.procurementId));
        if (command.contractValueNok <= 0) return E.left(reject.valueNotPositive('contractValueNok'));
        return pipe(
          authorize(
            command.decision,
            coversMatter({ commandType: command.type, amountNok: command.contractValueNok }),
            context.delegations,
          ),
          E.map(() => [{ ...command, type: 'ContractAwarded', followUpOwner: state.responsibleUnit }]),
        );
      case 'AssignContractFollowUp':
        if (state.status !== 'awarded') return E.left(reject.notAwarded(command.procurementId));
        return pipe(
          authorize(command.decision, coversMatter({ commandType: command.type }), context.delegations),
          E.map(() => [{ ...command, type: 'ContractFollowUpAssigned' }]),
        );
    }
  },
};
