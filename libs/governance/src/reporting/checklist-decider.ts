import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type { Decider } from '@styring/eventstore';
import type { GovernanceContext } from '../context/governance-context';
import { ensure, ensureOrdered } from '../shared/ensure';
import type { CompleteInternalControlChecklist, InternalControlChecklistCompleted } from './messages';
import { obligationInForce } from './obligation-rules';
import { reportingRejections as reject } from './rejections';

/**
 * A `checklist-{unit}-{period.from}` stream per unit and period: the internkontroll checklist is completed
 * once for each styringsdialog period, so the record of what a unit answered cannot be doubled.
 */
export const checklistDecider: Decider<
  CompleteInternalControlChecklist,
  InternalControlChecklistCompleted,
  boolean,
  GovernanceContext
> = {
  initialState: false,
  evolve: () => true,
  decide: (command, completed, context) =>
    pipe(
      ensure(!completed, () => reject.checklistAlreadyCompleted(command.unit)),
      E.chain(() => ensureOrdered(command.period.from, command.period.to, 'period')),
      E.chain(() =>
        command.obligationId === undefined
          ? E.right(undefined)
          : pipe(
              obligationInForce(context.reportingObligations, command.obligationId, command.completedOn),
              E.map(() => undefined),
            ),
      ),
      E.map((): readonly InternalControlChecklistCompleted[] => [
        { ...command, type: 'InternalControlChecklistCompleted' },
      ]),
    ),
};
