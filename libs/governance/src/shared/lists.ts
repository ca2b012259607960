import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import * as t from 'io-ts';
import { ExpectingType } from './expectation';

/**
 * A list that must have at least one item (a delegation with no command types would delegate nothing). It
 * shows its `item` codec and `minLength`, so tools can walk into it (test data generators, schemas).
 */
export const nonEmptyList = <C extends t.Mixed>(
  item: C,
): ExpectingType<ReadonlyArray<t.TypeOf<C>>> & { readonly item: C; readonly minLength: 1 } => {
  const list = t.readonlyArray(item);
  const codec = new ExpectingType<ReadonlyArray<t.TypeOf<C>>>(
    `NonEmptyList<${item.name}>`,
    (u): u is ReadonlyArray<t.TypeOf<C>> => list.is(u) && u.length > 0,
    (u, c) =>
      pipe(
        list.validate(u, c),
        E.chain((items) => (items.length > 0 ? t.success(items) : t.failure(u, c))),
      ),
    t.identity,
    { nb: 'må være en liste med minst ett element', en: 'must be a list with at least one item' },
  );
  return Object.assign(codec, { item, minLength: 1 as const });
};
