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

/**
 * Where refused attempts are kept: beside the read models, in the database the events are in when it can
 * hold them (SQLite, PostgreSQL), so that every service instance on that database sees one log. Never an
 * event: the governance history, its projections and its export hold only what was recorded.
 */
export interface AttemptLog {
  /** Keeps the attempts durably before it resolves. */
  readonly keep: (attempts: readonly RefusedAttempt[]) => Promise<void>;
  /** Every refused attempt, oldest first. */
  readonly read: () => Promise<RefusedAttempt[]>;
}
