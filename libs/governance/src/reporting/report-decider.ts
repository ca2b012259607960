import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type { Decider } from '@styring/eventstore';
import type { GovernanceContext } from '../context/governance-context';
import { ensure, ensureOrdered } from '../shared/ensure';
import type { Holder } from '../shared/holder';
import type { ReportSubmitted, SubmitReport } from './messages';
import { obligationInForce } from './obligation-rules';
import type { ReportingObligation } from './obligations';
import { reportingRejections as reject } from './rejections';

const holderLabel = (holder: Holder) =>
  `${holder.body}${holder.unit === undefined ? '' : ` (${holder.unit})`}`;

/** The sender the obligation names: the same body, and the same unit when the obligation names one. */
const isSender = (expected: Holder, sender: Holder) =>
  expected.body === sender.body && (expected.unit === undefined || expected.unit === sender.unit);

/** The obligation's sender, recipient and kind, as the report names them. */
const matchesObligation = (command: SubmitReport, obligation: ReportingObligation) =>
  pipe(
    ensure(obligation.kind === command.kind, () =>
      reject.kindMismatch(obligation.obligationId, obligation.kind),
    ),
    E.chain(() =>
      ensure(isSender(obligation.from, command.from), () =>
        reject.senderMismatch(obligation.obligationId, holderLabel(obligation.from)),
      ),
    ),
    E.chain(() =>
      ensure(obligation.to === command.to, () =>
        reject.recipientMismatch(obligation.obligationId, obligation.to),
      ),
    ),
  );

/**
 * Either it answers an obligation of the årshjul (the version in force at the end of the period it covers),
 * or it says why it has none.
 */
const answersObligation = (command: SubmitReport, context: GovernanceContext) => {
  const { obligationId, withoutObligationReason } = command;
  if ((obligationId === undefined) === (withoutObligationReason === undefined)) {
    return E.left(reject.obligationOrReasonRequired());
  }
  if (obligationId === undefined) return E.right(undefined);
  return pipe(
    obligationInForce(context.reportingObligations, obligationId, command.period.to),
    E.chain((obligation) => matchesObligation(command, obligation)),
  );
};

/** A report covers a period that has ended, or says why it comes before the end (the calendar shows it). */
const periodEnded = (command: SubmitReport) =>
  ensure(command.period.to < command.submittedOn || command.earlyReason !== undefined, () =>
    reject.periodNotEnded(command.period.to),
  );

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
      E.chain(() => periodEnded(command)),
      E.chain(() => answersObligation(command, context)),
      E.map((): readonly ReportSubmitted[] => [{ ...command, type: 'ReportSubmitted' }]),
    ),
};
