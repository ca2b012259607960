export { PostgresCheckpointStore } from './checkpoint-store';
export {
  openPostgresEventStore,
  PostgresEventStore,
  type PostgresEventStoreOptions,
} from './postgres-event-store';
export {
  findPostgresBinaries,
  startThrowawayCluster,
  type ThrowawayCluster,
} from './testing/throwaway-cluster';
export { describeWithPostgres } from './testing/describe-with-postgres';
export { type HeldAppends, holdAppends } from './testing/hold-appends';
