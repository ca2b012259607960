import * as E from 'fp-ts/Either';
import type { Decider } from '@styring/eventstore';
import type { GovernanceContext } from '../context/governance-context';
import type { SupervisionCommand, SupervisionEvent } from './messages';
import { supervisionRejections as reject } from './rejections';

export type SupervisionState =
  | { readonly status: 'none' }
  | {
      readonly status: 'open' | 'closed';
      readonly openedOn: string;
      readonly findingIds: readonly string[];
    };

/**
 * A `supervision-{supervisionId}` stream per statlig tilsyn (kommuneloven kap. 30): opened once, of a unit
 * in the organization; findings with their own ids while it is open; closed once. Nothing is dated before
 * the tilsyn was opened.
 */
export const supervisionDecider: Decider<
  SupervisionCommand,
  SupervisionEvent,
  SupervisionState,
  GovernanceContext
> = {
  initialState: { status: 'none' },
  evolve: (state, event) => {
    switch (event.type) {
      case 'SupervisionOpened':
        return { status: 'open', openedOn: event.openedOn, findingIds: [] };
      case 'SupervisionFindingRecorded':
        return state.status === 'none'
          ? state
          : { ...state, findingIds: [...state.findingIds, event.findingId] };
      case 'SupervisionClosed':
        return state.status === 'none' ? state : { ...state, status: 'closed' };
    }
  },
  decide: (command, state, context) => {
    if (command.type === 'OpenSupervision') {
      if (state.status !== 'none') return E.left(reject.alreadyOpened(command.supervisionId));
      if (context.units.get(command.unit)?.dissolved !== false)
        return E.left(reject.unitUnknown(command.unit));
      return E.right([{ ...command, type: 'SupervisionOpened' }]);
    }
    if (state.status === 'none') return E.left(reject.notOpened(command.supervisionId));
    if (state.status === 'closed') return E.left(reject.closed(command.supervisionId));
    const dated = command.type === 'RecordSupervisionFinding' ? command.recordedOn : command.closedOn;
    if (dated < state.openedOn) return E.left(reject.beforeOpened(state.openedOn));
    if (command.type === 'RecordSupervisionFinding') {
      return state.findingIds.includes(command.findingId)
        ? E.left(reject.findingExists(command.findingId))
        : E.right([{ ...command, type: 'SupervisionFindingRecorded' }]);
    }
    return E.right([{ ...command, type: 'SupervisionClosed' }]);
  },
};
