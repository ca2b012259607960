import { emmettSubject } from './emmett-subject';
import type { Subject } from './subject';
import type { Workload } from './workload';

/**
 * Emmett on PostgreSQL (`@event-driven-io/emmett-postgresql`) doing what our store does, with the global
 * log read by `readMessagesBatch` on a pool of its own, as Emmett's consumers read it.
 */
export const emmettPostgresPeer = async (connectionString: string, workload: Workload): Promise<Subject> => {
  const emmett = await import('@event-driven-io/emmett-postgresql');
  const { dumbo, endAllPools } = await import('@event-driven-io/dumbo');
  const store = emmett.getPostgreSQLEventStore(connectionString);
  const reader = dumbo({ connectionString });
  return emmettSubject(
    store,
    (after, batchSize) => emmett.readMessagesBatch(reader.execute, { after, batchSize }),
    async () => {
      await store.close();
      await reader.close();
      // Dumbo caches pools by connection string and may keep one after both closes; an idle client left in
      // it is killed when the cluster stops, and its pool's unhandled 'error' ends the bench (seen in CI).
      await endAllPools();
    },
    workload,
  );
};
