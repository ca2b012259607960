import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type { Decider } from '@styring/eventstore';
import type { GovernanceContext } from '../context/governance-context';
import { ensure, ensureOrdered } from '../shared/ensure';
import type { ReportSubmitted, SubmitReport } from './messages';
import { obligationInForce } from './obligation-rules';
import { reportingRejections as reject } from './rejections';

/** Either it answers an obligation of the årshjul (of the same kind), or it says why it has none. */
const answersObligation = (command: SubmitReport, context: GovernanceContext) => {
  const { obligationId, withoutObligationReason } = command;
  if ((obligationId === undefined) === (withoutObligationReason === undefined)) {
    return E.left(reject.obligationOrReasonRequired());
  }
  if (obligationId === undefined) return E.right(undefined);
  return pipe(
    obligationInForce(context.reportingObligations, obligationId, command.submittedOn),
    E.chain((obligation) =>
      ensure(obligation.kind === command.kind, () => reject.kindMismatch(obligationId, obligation.kind)),
    ),
  );
};

/**
 * A `report-{reportId}` stream per delivered report: submitted once, so the proof that a report was
 * delivered (and when) cannot be doubled or quietly replaced.
 */
export const reportDecider: Decider<SubmitReport, ReportSubmitted, boolean, GovernanceContext> = {
  initialState: false,
  evolve: () => true,
  decide: (command, submitted, context) =>
    pipe(
      ensure(!submitted, () => reject.alreadySubmitted(command.reportId)),
      E.chain(() => ensureOrdered(command.period.from, command.period.to, 'period')),
      E.chain(() => answersObligation(command, context)),
      E.map((): readonly ReportSubmitted[] => [{ ...command, type: 'ReportSubmitted' }]),
    ),
};
