import { type CommandType, commandSpecs, type Role } from '@styring/governance';

/*
 * Which role may send which command through the service, from each command's spec in the domain. This is
 * the coarse gate (403); whether the deciding body had the authority for a decision is the domain's rule
 * (422). The revisor only reads.
 */
export const commandPermissions = Object.fromEntries(
  Object.entries(commandSpecs).map(([type, spec]) => [type, spec.roles]),
) as Readonly<Record<CommandType, readonly Role[]>>;

/** Who may download audit exports. */
export const exportRoles: readonly Role[] = ['revisor', 'styv'];

/** Who may read the attempt log (refused commands): the same auditors. */
export const attemptLogRoles: readonly Role[] = exportRoles;
