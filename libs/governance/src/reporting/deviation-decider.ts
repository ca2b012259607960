import * as E from 'fp-ts/Either';
import type { Decider } from '@styring/eventstore';
import type { GovernanceContext } from '../context/governance-context';
import type { DeviationCommand, DeviationEvent } from './messages';
import { reportingRejections as reject } from './rejections';

export type DeviationState =
  { readonly status: 'none' } | { readonly status: 'open' | 'closed'; readonly observedOn: string };

/**
 * A `deviation-{deviationId}` stream per avvik: recorded once and closed once, not before it was observed
 * (kommuneloven § 25-1: find and follow up deviations, and document it).
 */
export const deviationDecider: Decider<DeviationCommand, DeviationEvent, DeviationState, GovernanceContext> =
  {
    initialState: { status: 'none' },
    evolve: (state, event) =>
      event.type === 'DeviationRecorded'
        ? { status: 'open', observedOn: event.observedOn }
        : state.status === 'none'
          ? state
          : { ...state, status: 'closed' },
    decide: (command, state) => {
      if (command.type === 'RecordDeviation') {
        return state.status === 'none'
          ? E.right([{ ...command, type: 'DeviationRecorded' }])
          : E.left(reject.deviationExists(command.deviationId));
      }
      if (state.status === 'none') return E.left(reject.deviationUnknown(command.deviationId));
      if (state.status === 'closed') return E.left(reject.deviationClosed(command.deviationId));
      if (command.closedOn < state.observedOn) return E.left(reject.closedBeforeObserved());
      return E.right([{ ...command, type: 'DeviationClosed' }]);
    },
  };
