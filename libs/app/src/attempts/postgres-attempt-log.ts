import type { Pool } from 'pg';
import type { AttemptLog, RefusedAttempt } from './attempt-log';

const schema = `CREATE TABLE IF NOT EXISTS refused_attempts (
  id BIGSERIAL PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  role TEXT NOT NULL,
  unit TEXT,
  command_type TEXT NOT NULL,
  code TEXT NOT NULL,
  correlation_id TEXT
)`;

/** The attempt log in the PostgreSQL database of the events: one log for every service instance on it. */
export const postgresAttemptLog = (pool: Pool): AttemptLog => {
  let created: Promise<unknown> | undefined;
  // Created once per process; a failed attempt (the server was away) is tried again on the next use.
  const ready = () =>
    (created ??= pool.query(schema).catch((error: unknown) => {
      created = undefined;
      throw error;
    }));
  return {
    keep: async (attempts) => {
      await ready();
      await pool.query(
        `INSERT INTO refused_attempts (at, actor, role, unit, command_type, code, correlation_id)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])`,
        [
          attempts.map((a) => a.at),
          attempts.map((a) => a.actor),
          attempts.map((a) => a.role),
          attempts.map((a) => a.unit),
          attempts.map((a) => a.commandType),
          attempts.map((a) => a.code),
          attempts.map((a) => a.correlationId),
        ],
      );
    },
    read: async () => {
      await ready();
      const result = await pool.query<RefusedAttempt>(
        `SELECT at, actor, role, unit, command_type AS "commandType", code, correlation_id AS "correlationId"
         FROM refused_attempts ORDER BY id`,
      );
      return result.rows;
    },
  };
};
