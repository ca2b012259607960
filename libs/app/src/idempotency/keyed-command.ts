import { createHash } from 'node:crypto';
import { canonicalJson } from '@styring/audit-export';
import * as E from 'fp-ts/Either';
import { pipe } from 'fp-ts/function';
import {
  decodeCommand,
  type DecodeFailure,
  type FieldError,
  type GovernanceCommand,
} from '@styring/governance';
import type { Caller } from '../execution-result';

/** An idempotency key a client may give: 1–128 printable ASCII characters, safe in logs and metadata. */
export const isIdempotencyKey = (value: unknown): value is string =>
  typeof value === 'string' && /^[\x21-\x7e]{1,128}$/.test(value);

/** A decoded command and the idempotency key it came with (`commandId`), if any. */
export interface KeyedCommand {
  readonly command: GovernanceCommand;
  readonly key?: string;
}

const badKey: FieldError = {
  path: 'commandId',
  message: 'må være 1–128 synlige ASCII-tegn',
  messageEn: 'must be 1–128 printable ASCII characters',
};

/**
 * Decodes a command that may carry a `commandId` (its idempotency key) beside its fields: the key is taken
 * off before the command's own codec, which refuses unknown fields, sees it. Every bad field is named.
 */
export const decodeKeyedCommand = (raw: unknown): E.Either<DecodeFailure, KeyedCommand> => {
  const keyed = typeof raw === 'object' && raw !== null && !Array.isArray(raw) && 'commandId' in raw;
  if (!keyed)
    return pipe(
      decodeCommand(raw),
      E.map((command) => ({ command })),
    );
  const { commandId, ...input } = raw as Record<string, unknown>;
  const decoded = decodeCommand(input);
  if (!isIdempotencyKey(commandId)) {
    return E.left({
      _tag: 'DecodeFailure',
      errors: [badKey, ...(E.isLeft(decoded) ? decoded.left.errors : [])],
    });
  }
  return pipe(
    decoded,
    E.map((command) => ({ command, key: commandId })),
  );
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** What a retry must repeat exactly: the decoded command and who sent it. */
export const commandFingerprint = (command: unknown, caller: Caller): string =>
  sha256(canonicalJson({ command, actor: caller.actor, role: caller.role, unit: caller.unit ?? null }));

/**
 * The id of a keyed command's `index`th event, as a UUID-shaped hash of the key and the command: a retry
 * of the same command appends the same ids, which every store treats as a no-op (event ids are unique in
 * the log), so no retry can write a second copy even when two race.
 */
export const keyedEventId = (key: string, fingerprint: string, index: number): string => {
  const hex = sha256(`${key}\n${fingerprint}\n${index}`);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/** The ids of a keyed command's events by their index in the batch: the same on every attempt. */
export const keyedEventIds =
  (key: string, fingerprint: string) =>
  (index: number): string =>
    keyedEventId(key, fingerprint, index);
