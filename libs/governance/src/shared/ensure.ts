import * as E from 'fp-ts/Either';
import { type DomainRejection, rejection } from '@styring/eventstore';

/** A rule as a step: passes when `holds`, otherwise refuses with the rejection `refuse` makes. */
export const ensure = (holds: boolean, refuse: () => DomainRejection): E.Either<DomainRejection, void> =>
  holds ? E.right(undefined) : E.left(refuse());

/** Dates valid and periods ordered: a span may not end before it starts. */
export const ensureOrdered = (
  from: string,
  to: string | undefined,
  field: string,
): E.Either<DomainRejection, void> =>
  ensure(to === undefined || from <= to, () =>
    rejection(
      'date.period_unordered',
      `${field}: sluttdatoen ${to} er før startdatoen ${from}.`,
      `${field}: the end date ${to} is before the start date ${from}.`,
    ),
  );
