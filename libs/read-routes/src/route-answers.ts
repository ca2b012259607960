import { readModelQueries } from '@styring/nestjs';
import * as t from 'io-ts';
import type { ReadRoute } from './read-routes';

/** The codec of a route's answer: its query's, or what its `pick` takes out of it. */
export const answerCodecOf = (route: ReadRoute): t.Mixed => {
  const answer: t.Mixed = readModelQueries[route.query].answer;
  if (route.pick === undefined) return answer;
  if (!(answer instanceof t.ArrayType)) throw new Error(`${route.path} picks from an answer that is no list`);
  return route.pick.answer(answer);
};

/** The codec of one item of a route that answers a list (paginated, and as CSV too); else undefined. */
export const listItemOf = (route: ReadRoute): t.Mixed | undefined => {
  const answer = answerCodecOf(route);
  return answer instanceof t.ArrayType ? (answer.type as t.Mixed) : undefined;
};
