import { createHash } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CommandRequest } from '#casetrail/application';
import { canonicalJson } from '#casetrail/event-store';
import type { Actor } from '#casetrail/domain';
import { parseIdempotencyKey, parseIfMatch } from '../../platform/index.js';

/** Everything about an HTTP command request that is not its body: who, preconditions, retry key. */
export interface CommandContext {
  readonly request: CommandRequest;
  readonly reply: FastifyReply;
}

const header = (req: FastifyRequest, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

export const CommandCtx = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandContext => {
  const http = ctx.switchToHttp();
  const req = http.getRequest<FastifyRequest & { actor?: Actor }>();
  // The auth guard has run: every command route requires a token.
  const actor = req.actor!;
  const expectedRevision = parseIfMatch(header(req, 'if-match'));
  const idempotencyKey = parseIdempotencyKey(header(req, 'idempotency-key'));
  const correlationId = header(req, 'x-correlation-id')?.slice(0, 128);
  const path = req.url.split('?')[0];
  const fingerprint = createHash('sha256')
    .update(canonicalJson({ method: req.method, path, body: req.body ?? null }))
    .digest('hex');
  return {
    reply: http.getResponse<FastifyReply>(),
    request: {
      actor,
      fingerprint,
      ...(expectedRevision !== undefined ? { expectedRevision } : {}),
      ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
      ...(correlationId ? { correlationId } : {}),
    },
  };
});
