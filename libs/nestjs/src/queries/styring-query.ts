import { Query } from '@nestjs/cqrs';
import {
  type QueryAnswer,
  type QueryOptions,
  type ReadModelQueryName,
  readModelQueries,
} from './read-model-queries';

/**
 * A read-model query on the QueryBus. The read models are brought up to the end of the log first, so a
 * query sees every event appended before it was sent (also by other processes).
 */
export class StyringQuery<N extends ReadModelQueryName = ReadModelQueryName> extends Query<QueryAnswer<N>> {
  constructor(
    readonly name: N,
    readonly options: QueryOptions<N>,
  ) {
    super();
  }
}

/** Options may be left out when the query needs none of them. */
type OptionsArgument<N extends ReadModelQueryName> =
  Partial<QueryOptions<N>> extends QueryOptions<N> ? [options?: QueryOptions<N>] : [options: QueryOptions<N>];

export interface ReadModelQueryClass<N extends ReadModelQueryName> {
  new (...options: OptionsArgument<N>): StyringQuery<N>;
  readonly queryName: N;
}

const queryClassFor = <N extends ReadModelQueryName>(name: N): ReadModelQueryClass<N> =>
  ({
    [name]: class extends StyringQuery<N> {
      static readonly queryName = name;
      constructor(...[options]: OptionsArgument<N>) {
        super(name, options ?? ({} as QueryOptions<N>));
      }
    },
  })[name] as unknown as ReadModelQueryClass<N>;

/** One typed class per read-model query: `queryBus.execute(new StyringQueries.DecisionLog({ asOf: '2024-12-31' }))`. */
export const StyringQueries = Object.fromEntries(
  (Object.keys(readModelQueries) as ReadModelQueryName[]).map((name) => [name, queryClassFor(name)]),
) as { readonly [N in ReadModelQueryName]: ReadModelQueryClass<N> };
