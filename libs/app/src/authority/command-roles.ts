import { type CommandType, commandSpecs, type Role } from '@styring/governance';

/**
 * Which role may send which command at all, from each command's spec in the domain (`roles`). Checked by
 * `checkCaller` in the path every entry point shares; the service's docs and its 403 show the same table.
 */
export const commandRoles = Object.fromEntries(
  Object.entries(commandSpecs).map(([type, spec]) => [type, spec.roles]),
) as Readonly<Record<CommandType, readonly Role[]>>;

/** Whether the role is one the command's spec lets send it. */
export const maySend = (role: Role, type: CommandType): boolean => commandRoles[type].includes(role);
