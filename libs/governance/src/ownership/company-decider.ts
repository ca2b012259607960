import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type { Decider } from '@styring/eventstore';
import { authorize } from '../authority/authorize';
import { coversMatter } from '../authority/scope';
import type { GovernanceContext } from '../context/governance-context';
import type { CompanyCommand, CompanyEvent } from './messages';
import { ownershipRejections as reject } from './rejections';

export type CompanyState = 'none' | 'owned' | 'ended';

/**
 * A `company-{companyId}` stream per owned company: entered in the register once, its ownership ended once, by
 * a decision of a body with the authority to end it.
 */
export const companyDecider: Decider<CompanyCommand, CompanyEvent, CompanyState, GovernanceContext> = {
  initialState: 'none',
  evolve: (_state, event) => (event.type === 'CompanyRegistered' ? 'owned' : 'ended'),
  decide: (command, state, context) => {
    if (command.type === 'RegisterCompany') {
      return state === 'none'
        ? E.right([{ ...command, type: 'CompanyRegistered' }])
        : E.left(reject.companyExists(command.companyId));
    }
    if (state === 'none') return E.left(reject.companyUnknown(command.companyId));
    if (state === 'ended') return E.left(reject.ownershipEnded(command.companyId));
    return pipe(
      authorize(command.decision, coversMatter({ commandType: command.type }), context.delegations),
      E.map(() => [{ ...command, type: 'CompanyOwnershipEnded' }]),
    );
  },
};
