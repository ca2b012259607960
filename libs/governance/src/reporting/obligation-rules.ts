import * as E from 'fp-ts/Either';
import type { DomainRejection } from '@styring/eventstore';
import { isObligationInForce, type ReportingObligation } from './obligations';
import { reportingRejections as reject } from './rejections';

/** The obligation a report or checklist names: one of the årshjul's, in force on the date given. */
export const obligationInForce = (
  obligations: readonly ReportingObligation[],
  obligationId: string,
  date: string,
): E.Either<DomainRejection, ReportingObligation> => {
  const versions = obligations.filter((obligation) => obligation.obligationId === obligationId);
  if (versions.length === 0) return E.left(reject.obligationUnknown(obligationId));
  const inForce = versions.find((obligation) => isObligationInForce(obligation, date));
  return inForce === undefined ? E.left(reject.obligationNotInForce(obligationId, date)) : E.right(inForce);
};
