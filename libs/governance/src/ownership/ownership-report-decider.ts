import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type { Decider } from '@styring/eventstore';
import { authorize } from '../authority/authorize';
import { coversMatter } from '../authority/scope';
import type { GovernanceContext } from '../context/governance-context';
import { ensure, ensureOrdered } from '../shared/ensure';
import type { AdoptOwnershipReport, OwnershipReportAdopted } from './messages';
import { ownershipRejections as reject } from './rejections';

/**
 * An `ownershipreport-{reportId}` stream per eierskapsmelding: adopted once, by kommunestyret
 * (kommuneloven § 26-1), for an ordered electoral period.
 */
export const ownershipReportDecider: Decider<
  AdoptOwnershipReport,
  OwnershipReportAdopted,
  boolean,
  GovernanceContext
> = {
  initialState: false,
  evolve: () => true,
  decide: (command, adopted, context) =>
    pipe(
      ensure(!adopted, () => reject.reportExists(command.reportId)),
      E.chain(() =>
        ensure(command.decision.body === 'kommunestyret', () =>
          reject.reportRequiresCouncil(command.decision.body),
        ),
      ),
      E.chain(() =>
        ensureOrdered(command.electoralPeriod.from, command.electoralPeriod.to, 'electoralPeriod'),
      ),
      E.chain(() =>
        authorize(command.decision, coversMatter({ commandType: command.type }), context.delegations),
      ),
      E.map((): readonly OwnershipReportAdopted[] => [{ ...command, type: 'OwnershipReportAdopted' }]),
    ),
};
