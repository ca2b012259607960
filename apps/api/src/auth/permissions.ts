import { commandRoles, type Role } from '@styring/app';

/*
 * Which role may send which command: each command's spec in the domain, checked by the command path every
 * entry point shares (`checkCaller` in `@styring/app`), not by a gate of the service's own, so the CLI, the
 * `CommandBus` and the service refuse and accept alike. The service answers that refusal with 403
 * (`execution-response.ts`) and shows this table in its docs.
 */
export const commandPermissions = commandRoles;

/** Who may download audit exports. */
export const exportRoles: readonly Role[] = ['revisor', 'styv'];

/** Who may read the attempt log (refused commands): the same auditors. */
export const attemptLogRoles: readonly Role[] = exportRoles;
