import { type CommandType, commandSpecs, type Role } from '@styring/governance';

/*
 * Which role may send which command through the service, from each command's spec in the domain. This is
 * the coarse gate (403); whether the deciding body had the authority for a decision is the domain's rule
 * (422). The revisor only reads.
 */
export const commandPermissions = Object.fromEntries(
  Object.entries(commandSpecs).map(([type, spec]) => [type, spec.roles]),
) as Readonly<Record<CommandType, readonly Role[]>>;

/**
 * Whether a request body asks to record a decision taken without authority. Who may do that is the caller
 * table of `@styring/app` (STYV for any body and unit), checked in the command path every entry point
 * shares; so the gate lets such a request through to it rather than answer 403 by the command's roles,
 * and the service refuses or records it exactly as the CLI and the CommandBus do.
 */
export const asksToRecordWithoutAuthority = (body: unknown): boolean => {
  const decision = isObject(body) ? body['decision'] : undefined;
  return isObject(decision) && decision['recordedWithoutAuthority'] !== undefined;
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Who may download audit exports. */
export const exportRoles: readonly Role[] = ['revisor', 'styv'];

/** Who may read the attempt log (refused commands): the same auditors. */
export const attemptLogRoles: readonly Role[] = exportRoles;
