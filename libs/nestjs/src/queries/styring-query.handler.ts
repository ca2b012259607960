import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { OpenedProjections } from '@styring/app';
import { STYRING_READ_MODELS } from '../options';
import { type QueryAnswer, type ReadModelQueryName, readModelQueries } from './read-model-queries';
import { StyringQuery } from './styring-query';

/** Answers every read-model query: catch the read models up to the end of the log, then read them. */
@QueryHandler(StyringQuery)
export class StyringQueryHandler implements IQueryHandler<StyringQuery> {
  constructor(@Inject(STYRING_READ_MODELS) private readonly projections: OpenedProjections) {}

  async execute(query: StyringQuery): Promise<QueryAnswer<ReadModelQueryName>> {
    // Each query waits for a catch-up that began after it arrived, so it sees every earlier append.
    await this.projections.catchUp();
    const { run } = readModelQueries[query.name];
    // The class ties each query's name to its options; the table's union of functions cannot see that.
    const untyped = run as (
      reader: OpenedProjections['reader'],
      options: unknown,
    ) => Promise<QueryAnswer<ReadModelQueryName>>;
    return untyped(this.projections.reader, query.options);
  }
}
