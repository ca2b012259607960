import { SetMetadata } from '@nestjs/common';
import type { Role } from '@styring/app';

export const publicAccess = 'styring:public';
export const allowedRoles = 'styring:roles';

/** No token needed (health, docs). */
export const Public = () => SetMetadata(publicAccess, true);

/**
 * Only these roles may call the endpoint; without it, every known role may: the reads, and the commands,
 * whose roles the shared command path checks (`permissions.ts`).
 */
export const AllowRoles = (...roles: readonly Role[]) => SetMetadata(allowedRoles, roles);
