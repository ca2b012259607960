import { EventStoreFailure } from '@styring/eventstore';
import { advisoryLockKey } from './advisory-lock';

/** The quoted SQL names of everything the store keeps in its own schema. */
export interface SchemaNames {
  readonly schema: string;
  readonly quotedSchema: string;
  readonly migrations: string;
  readonly events: string;
  readonly appendFunction: string;
  /** Several appends in one transaction, each in a subtransaction of its own (group commit). */
  readonly appendGroupFunction: string;
  readonly checkpoints: string;
  /** Read-model snapshots (the port's `SnapshotStore`). */
  readonly snapshots: string;
  /** The LISTEN/NOTIFY channel that announces appends (quoted for LISTEN, raw for pg_notify). */
  readonly channel: { readonly quoted: string; readonly raw: string };
  /** The advisory lock every append takes: it hands out global positions in commit order. */
  readonly appendLockKey: string;
}

const plainName = /^[a-z_][a-z0-9_]{0,47}$/;

export const schemaNames = (schema: string): SchemaNames => {
  if (!plainName.test(schema)) {
    throw new EventStoreFailure(
      'invalid_argument',
      `schema: '${schema}' is not a plain PostgreSQL name (lower-case letters, digits and _, at most 48)`,
    );
  }
  const quotedSchema = `"${schema}"`;
  const channel = `${schema}_appended`;
  return {
    schema,
    quotedSchema,
    migrations: `${quotedSchema}."schema_migrations"`,
    events: `${quotedSchema}."events"`,
    appendFunction: `${quotedSchema}."append_to_stream"`,
    appendGroupFunction: `${quotedSchema}."append_group"`,
    checkpoints: `${quotedSchema}."checkpoints"`,
    snapshots: `${quotedSchema}."snapshots"`,
    channel: { quoted: `"${channel}"`, raw: channel },
    appendLockKey: advisoryLockKey(`${schema}:append`),
  };
};
