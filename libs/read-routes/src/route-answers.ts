import type { ReadModelQueryName } from '@styring/nestjs';
import * as t from 'io-ts';
import type { ReadRoute } from './read-routes';

/**
 * The queries' answer codecs: `readModelQueries` of `@styring/nestjs`, passed in rather than imported, so
 * that reading the table of reads loads no NestJS (the CLI loads it only when it runs a read).
 */
export type QueryAnswers = Readonly<Record<ReadModelQueryName, { readonly answer: t.Mixed }>>;

/** The codec of a route's answer: its query's, or what its `pick` takes out of it. */
export const answerCodecOf = (route: ReadRoute, queries: QueryAnswers): t.Mixed => {
  const answer = queries[route.query].answer;
  return route.pick === undefined ? answer : route.pick.answer(answer);
};

/** The codec of one item of a route that answers a list (paginated, and as CSV too); else undefined. */
export const listItemOf = (route: ReadRoute, queries: QueryAnswers): t.Mixed | undefined => {
  const answer = answerCodecOf(route, queries);
  return answer instanceof t.ArrayType ? (answer.type as t.Mixed) : undefined;
};
