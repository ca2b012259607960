import { createHash } from 'node:crypto';

/**
 * A 64-bit key for `pg_advisory_xact_lock`, derived from a name, so that stores in different schemas of one
 * database never wait on each other and unrelated advisory locks are very unlikely to collide with ours.
 */
export const advisoryLockKey = (name: string): string =>
  createHash('sha256').update(`styring:${name}`).digest().readBigInt64BE(0).toString();
