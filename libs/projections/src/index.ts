// The runner: exactly-once projection of the global log, storage-independent.
export * from './runner/projection-store';
export * from './runner/projection-runner';

// SQLite: read models and checkpoints in the event store's own file.
export * from './sqlite/sqlite-projection-store';

// Point in time on both clocks.
export * from './point-in-time';
