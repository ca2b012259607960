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
