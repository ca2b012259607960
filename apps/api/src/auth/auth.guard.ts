import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { IncomingMessage } from 'node:http';
import { allowedRoles, publicAccess } from './access.decorators';
import { type Identity, type Role, roleNames, type TokenVerifier } from '@styring/app';

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');

/** The request once the guard let it through. */
export type AuthenticatedRequest = IncomingMessage & { identity: Identity; id: string };

/** 401 without a valid token; 403 when the caller's role may not use the endpoint. Runs before any write. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verify: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(publicAccess, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const verified = await this.verify(request.headers.authorization);
    if (!verified.ok) {
      if (verified.status === 401) {
        throw new UnauthorizedException({
          error: 'unauthorized',
          message: 'Mangler gyldig tilgangstoken (Authorization: Bearer …).',
          messageEn: verified.reason,
        });
      }
      throw new ForbiddenException({
        error: 'forbidden',
        message: 'Tilgangstokenet har en rolle tjenesten ikke kjenner.',
        messageEn: verified.reason,
      });
    }
    const allowed = this.reflector.getAllAndOverride<readonly Role[] | undefined>(allowedRoles, targets);
    if (allowed !== undefined && !allowed.includes(verified.identity.role)) {
      throw new ForbiddenException({
        error: 'forbidden',
        message: `Rollen ${roleNames[verified.identity.role]} har ikke tilgang til dette.`,
        messageEn: `the role '${verified.identity.role}' may not do this (allowed: ${allowed.join(', ')})`,
        role: verified.identity.role,
        allowedRoles: allowed,
      });
    }
    request.identity = verified.identity;
    return true;
  }
}
