import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Actor, Role } from '#casetrail/domain';

export const IS_PUBLIC = 'casetrail:public';
/** OpenAPI extension `setupOpenApi` turns into `security: []` (swagger drops an empty security list). */
export const PUBLIC_EXTENSION = 'x-casetrail-public';
export const ROLES_KEY = 'casetrail:roles';

/** The request as the guard leaves it: the authenticated actor is attached. */
export interface AuthenticatedRequest {
  actor?: Actor;
}

/**
 * The route (or every route of the controller) needs no bearer token; the OpenAPI document
 * says so too, overriding its global bearer requirement.
 */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(PUBLIC_EXTENSION, true));

/**
 * Roles that may use the route; supervisor and admin are implied as `roleSatisfies` says.
 * A handler's list replaces its controller's. Without `@Roles`, any authenticated role may.
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

/** The authenticated `Actor`, who becomes the event's actor; nothing in the body can set it. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  // Only reachable on a @Public route: a programming error, answered as a 500 and logged.
  if (actor === undefined) throw new Error('@CurrentActor() used on a route without an authenticated actor');
  return actor;
});
