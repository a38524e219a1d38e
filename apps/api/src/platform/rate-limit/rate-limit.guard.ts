import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AuthenticatedRequest } from '../auth/auth.decorators.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ProblemException } from '../problem/problem.exception.js';
import { DEFAULT_RATE_LIMIT, TokenBuckets } from './token-bucket.js';

/** Reads cost nothing in the event store, so they get five times the write allowance. */
export const READ_MULTIPLIER = 5;

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Runs after the `AuthGuard` (registered after it), so it limits per authenticated actor — that is
 * per token — and a refused command never reaches its handler: nothing is written. Public routes
 * (health, metrics, docs) have no actor and are not limited here.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly writes: TokenBuckets | null;
  private readonly reads: TokenBuckets | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const limit = config.rateLimit ?? DEFAULT_RATE_LIMIT;
    this.writes = limit.perSecond > 0 ? new TokenBuckets(limit) : null;
    this.reads = limit.perSecond > 0 ? new TokenBuckets({ perSecond: limit.perSecond * READ_MULTIPLIER, burst: limit.burst * READ_MULTIPLIER }) : null;
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest & AuthenticatedRequest>();
    const actor = request.actor;
    if (!actor) return true;
    const read = READ_METHODS.has(request.method);
    const outcome = (read ? this.reads : this.writes)?.take(actor.id);
    if (!outcome || outcome.allowed) return true;
    throw new ProblemException(
      429,
      'RATE_LIMITED',
      `Too many ${read ? 'read' : 'write'} requests for this token; retry after ${outcome.retryAfterSeconds} s`,
      { retryAfterSeconds: outcome.retryAfterSeconds },
      { 'retry-after': String(outcome.retryAfterSeconds) },
    );
  }
}
