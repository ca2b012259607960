import type Database from 'better-sqlite3';
import type { Clock } from '@styring/eventstore';
import type { CommandExecutor } from '../command-executor';
import type { BatchItem, Caller, ExecutionResult } from '../execution-result';

/** A command that was refused – who, when, which command, which code – though in the world it may have happened. */
export interface RefusedAttempt {
  /** ISO 8601, when it was refused. */
  readonly at: string;
  readonly actor: string;
  readonly role: string;
  readonly unit: string | null;
  readonly commandType: string;
  readonly code: string;
  readonly correlationId: string | null;
}

// A table of its own beside the read models, never an event: the governance history, its projections and
// its export hold only what was recorded, and this log is not part of it.
const schema = `CREATE TABLE IF NOT EXISTS refused_attempts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  role TEXT NOT NULL,
  unit TEXT,
  command_type TEXT NOT NULL,
  code TEXT NOT NULL,
  correlation_id TEXT
) STRICT`;

const withDatabase = <T>(open: () => Database.Database, use: (db: Database.Database) => T): T => {
  const db = open();
  try {
    db.exec(schema);
    return use(db);
  } finally {
    db.close();
  }
};

/** The refused attempts, oldest first. */
export const readRefusedAttempts = (open: () => Database.Database): RefusedAttempt[] =>
  withDatabase(
    open,
    (db) =>
      db
        .prepare(
          `SELECT at, actor, role, unit, command_type AS commandType, code, correlation_id AS correlationId
         FROM refused_attempts ORDER BY id`,
        )
        .all() as RefusedAttempt[],
  );

/**
 * The executor, keeping every refused command (`rejected`: a rule, the caller table, a reused key) in the
 * attempt log. Invalid input is not an attempt at anything and is not kept.
 */
export const keepingRefusedAttempts = (
  executor: CommandExecutor,
  open: () => Database.Database,
  clock: Clock,
): CommandExecutor => {
  const keep = (results: readonly (ExecutionResult | BatchItem)[], caller: Caller) => {
    const refused = results.flatMap((result) => (result.status === 'rejected' ? [result] : []));
    if (refused.length === 0) return;
    withDatabase(open, (db) => {
      const insert = db.prepare(
        `INSERT INTO refused_attempts (at, actor, role, unit, command_type, code, correlation_id)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const result of refused) {
        insert.run(
          clock().toISOString(),
          caller.actor,
          caller.role,
          caller.unit ?? null,
          result.commandType,
          result.code,
          caller.correlationId ?? null,
        );
      }
    });
  };
  return {
    execute: async (input, caller, options) => {
      const result = await executor.execute(input, caller, options);
      keep([result], caller);
      return result;
    },
    executeBatch: async (inputs, caller) => {
      const items = await executor.executeBatch(inputs, caller);
      keep(items, caller);
      return items;
    },
  };
};
