import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

export const REQUEST_ID_HEADER = 'x-request-id';

/** A caller's id is kept only if it is short printable ASCII, so it cannot forge log lines. */
const CALLER_ID = /^[\x21-\x7e]{1,128}$/;

/** Fastify's `genReqId`: the caller's `x-request-id` (a proxy's trace id) or a new UUID. */
export function requestIdOf(request: IncomingMessage): string {
  const header = request.headers[REQUEST_ID_HEADER];
  return typeof header === 'string' && CALLER_ID.test(header) ? header : randomUUID();
}

/** Echoes the request id on every response and logs one line per completed request. */
export function registerRequestLogging(instance: FastifyInstance, logger: LoggerService | false): void {
  instance.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  if (logger === false) return;
  instance.addHook('onResponse', (request, reply, done) => {
    const line = {
      msg: 'request completed',
      method: request.method,
      url: request.url,
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 1000) / 1000,
      requestId: request.id,
    };
    if (reply.statusCode >= 500) logger.error(line, undefined, 'Http');
    else logger.log(line, 'Http');
    done();
  });
}
