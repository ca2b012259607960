import { SetMetadata } from '@nestjs/common';
import type { Role } from '@styring/app';

export const publicAccess = 'styring:public';
export const allowedRoles = 'styring:roles';

/** No token needed (health, docs). */
export const Public = () => SetMetadata(publicAccess, true);

/** Only these roles may call the endpoint; without it, every known role may (reads). */
export const AllowRoles = (...roles: readonly Role[]) => SetMetadata(allowedRoles, roles);
