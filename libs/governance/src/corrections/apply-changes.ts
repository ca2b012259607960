import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import type * as t from 'io-ts';
import { eventCodecs, type GovernanceEvent } from '../governance-event';
import { withValueAt } from './field-paths';
import type { FieldChange } from './messages';

/** The data after the changes, in order; Left names the field that cannot be set. */
export const applyChanges = (data: unknown, changes: readonly FieldChange[]): E.Either<string, unknown> =>
  changes.reduce<E.Either<string, unknown>>(
    (current, change) =>
      pipe(
        current,
        E.chain((value) =>
          pipe(
            withValueAt(value, change.field, change.after),
            E.mapLeft(() => change.field),
          ),
        ),
      ),
    E.right(data),
  );

/** The event as it reads after the changes, or `undefined` when they do not give a valid event of its type. */
export const correctedEvent = <A extends GovernanceEvent>(
  event: A,
  changes: readonly FieldChange[],
): A | undefined => {
  const { type, ...data } = event;
  const codec: t.Decoder<unknown, GovernanceEvent> = eventCodecs[type];
  const corrected = pipe(
    applyChanges(data, changes),
    E.chainW((value) => codec.decode({ ...(value as object), type })),
  );
  return E.isRight(corrected) ? (corrected.right as A) : undefined;
};
