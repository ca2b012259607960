import type { QueryBus } from '@nestjs/cqrs';
import type { VNode } from 'preact';
import type { Identity, OpenedStore } from '@styring/app';
import { type QueryAnswer, type QueryOptions, type ReadModelQueryName, StyringQuery } from '@styring/nestjs';
import { type HistoryOverview, historyOverview } from './history-overview';
import { type PageTime, queryTimeOf } from './page-time';

/** What a page is built from: who asks, at which point in time, and the read side to ask. */
export interface PageContext {
  readonly identity: Identity;
  readonly time: PageTime;
  readonly path: string;
  /** A read-model query at the page's point in time (options given here win). */
  read<N extends ReadModelQueryName>(name: N, options?: Partial<QueryOptions<N>>): Promise<QueryAnswer<N>>;
  /** The same, for a question asked of one day (in force, overdue, due): today when no time is chosen. */
  readOnDay<N extends ReadModelQueryName>(
    name: N,
    options?: Partial<QueryOptions<N>>,
  ): Promise<QueryAnswer<N>>;
  /** The day the page shows (`asOf`, else `knownAt`, else now). */
  readonly day: string;
  overview(): Promise<HistoryOverview>;
  readonly store: OpenedStore;
}

/** A built page: its title, its content, and the page's own query parameters to keep. */
export interface BuiltPage {
  readonly title: string;
  readonly body: VNode;
  readonly keep?: Record<string, string>;
  /** The page's own controls in place of the shared asOf/knownAt (the changes page's two visits). */
  readonly controls?: VNode;
}

export const pageContext = (
  queryBus: QueryBus,
  store: OpenedStore,
  identity: Identity,
  time: PageTime,
  path: string,
  now: () => Date = () => new Date(),
): PageContext => {
  let overview: Promise<HistoryOverview> | undefined;
  const pointInTime = queryTimeOf(time);
  const day = pointInTime.asOf ?? now().toISOString();
  const read: PageContext['read'] = (name, options) =>
    queryBus.execute(new StyringQuery(name, { ...pointInTime, ...options } as never));
  return {
    identity,
    time,
    path,
    store,
    day,
    read,
    readOnDay: (name, options) => read(name, { asOf: day, ...options } as never),
    overview: () =>
      (overview ??= historyOverview(store, (name, options) =>
        queryBus.execute(new StyringQuery(name, { ...options } as never)),
      )),
  };
};
