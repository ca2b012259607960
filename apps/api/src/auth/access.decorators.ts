import { SetMetadata } from '@nestjs/common';
import type { Role } from '@styring/app';

export const publicAccess = 'styring:public';
export const allowedRoles = 'styring:roles';
export const sharedCheckWithoutAuthority = 'styring:without-authority';

/** No token needed (health, docs). */
export const Public = () => SetMetadata(publicAccess, true);

/** Only these roles may call the endpoint; without it, every known role may (reads). */
export const AllowRoles = (...roles: readonly Role[]) => SetMetadata(allowedRoles, roles);

/**
 * A command endpoint: a body asking to record a decision without authority passes the roles above to the
 * caller table of the shared command path (`permissions.ts`, `asksToRecordWithoutAuthority`).
 */
export const DeferWithoutAuthority = () => SetMetadata(sharedCheckWithoutAuthority, true);
