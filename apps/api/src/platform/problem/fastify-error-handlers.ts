import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { Logger } from '@nestjs/common';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { codeForStatus, fastifyProblemOf } from './error-codes.js';
import { buildProblem, problem, PROBLEM_CONTENT_TYPE } from './problem-document.js';
import { outcomeOf, sendProblem } from './problem-details.filter.js';

type ErrorHandler = (error: unknown, request: FastifyRequest, reply: FastifyReply) => unknown;

const logger = new Logger('ProblemDetails');

/**
 * Fastify's error handler. Request errors Fastify raises before any Nest code runs (body too
 * large, malformed JSON, unsupported media type) are answered here directly; everything else is
 * passed to Nest's exception layer (`next`), i.e. to the global `ProblemDetailsFilter`. Without
 * `next` (Nest not initialised), the same outcome is computed here.
 */
export function createFastifyErrorHandler(next?: ErrorHandler): ErrorHandler {
  return (error, request, reply) => {
    const known = fastifyProblemOf(error);
    if (known) return problem(reply, known.status, known.code, undefined, known.detail);
    if (next) return next(error, request, reply);
    return sendProblem(reply, outcomeOf(error), logger);
  };
}

/**
 * Fastify's `frameworkErrors` option: errors raised while routing, before hooks and the error
 * handler (an undecodable URL: FST_ERR_BAD_URL), which Fastify would otherwise answer in its own
 * JSON shape.
 */
export function frameworkErrorHandler(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const known = fastifyProblemOf(error);
  const status = known?.status ?? (error.statusCode && error.statusCode < 500 ? error.statusCode : 400);
  problem(reply, status, known?.code ?? codeForStatus(status), undefined, known?.detail ?? STATUS_CODES[status] ?? 'Bad Request');
}

/**
 * Fastify's `clientErrorHandler`: HTTP the Node parser cannot read at all. There is no request
 * and no reply yet, so the response is written to the socket by hand.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, detail] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'REQUEST.HEADERS_TOO_LARGE', 'The request headers are too large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'REQUEST.TIMEOUT', 'The request was not received in time']
        : [400, 'REQUEST.MALFORMED_HTTP', 'The request is not valid HTTP'];
  const body = JSON.stringify(buildProblem(status, code, undefined, detail));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
