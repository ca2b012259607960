import type { Migration } from './migrations';

/** Where projections keep how far they have read, next to their read models (see checkpoint-store.ts). */
export const checkpointMigrations: readonly Migration[] = [
  {
    version: 1,
    description: 'projection checkpoints',
    sql: ({ checkpoints }) => `
      CREATE TABLE ${checkpoints} (
        name text PRIMARY KEY,
        version integer NOT NULL,
        "position" bigint,
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
      );
    `,
  },
];
