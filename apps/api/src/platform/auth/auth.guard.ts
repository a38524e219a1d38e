import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { DomainError, type Role } from '#casetrail/domain';
import { ProblemException } from '../problem/problem.exception.js';
import { IS_PUBLIC, ROLES_KEY, type AuthenticatedRequest } from './auth.decorators.js';
import { roleSatisfies } from './role-hierarchy.js';
import { TokenRegistry } from './token-registry.js';

const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

const unauthenticated = (detail: string, error?: string): ProblemException =>
  new ProblemException(401, 'AUTH.UNAUTHENTICATED', detail, {}, {
    'www-authenticate': error ? `Bearer realm="casetrail", error="${error}"` : 'Bearer realm="casetrail"',
  });

/** Global guard: a bearer token on every route not marked `@Public()`, then the `@Roles` check. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenRegistry,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<FastifyRequest & AuthenticatedRequest>();
    const header = request.headers.authorization;
    if (header === undefined) throw unauthenticated('This route needs an Authorization: Bearer <token> header');
    const token = BEARER.exec(header)?.[1];
    if (token === undefined) throw unauthenticated('The Authorization header must be "Bearer <token>"', 'invalid_request');
    const actor = this.tokens.lookup(token);
    if (actor === undefined) throw unauthenticated('The bearer token is not valid', 'invalid_token');

    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
    if (!roleSatisfies(actor.role, allowed)) {
      throw new DomainError('AUTH.FORBIDDEN', 'forbidden', `The role ${actor.role} may not use this route`, {
        role: actor.role,
        allowedRoles: allowed,
      });
    }
    request.actor = actor;
    return true;
  }
}
