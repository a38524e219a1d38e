import { STATUS_CODES } from 'node:http';
import { Catch, HttpException, Logger, NotFoundException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError } from '#casetrail/domain';
import { codeForStatus, fastifyProblemOf, STATUS_BY_KIND } from './error-codes.js';
import { problem } from './problem-document.js';
import { ProblemException } from './problem.exception.js';

const INTERNAL_DETAIL = 'The server failed to handle the request; the failure has been logged';

/** What the filter answers, before it is written. */
export interface ProblemOutcome {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly extra?: Readonly<Record<string, unknown>>;
  readonly headers?: Readonly<Record<string, string>>;
  /** Set for server faults, which are logged with their stack and told to nobody else. */
  readonly fault?: unknown;
}

/** Decides the problem document for any thrown value; never throws itself. */
export function outcomeOf(error: unknown): ProblemOutcome {
  if (error instanceof DomainError) {
    const status = STATUS_BY_KIND[error.kind] ?? 500;
    if (status === 500) return { status, code: 'INTERNAL', detail: INTERNAL_DETAIL, fault: error };
    return { status, code: error.code, detail: error.message, extra: error.details };
  }
  if (error instanceof ProblemException) {
    return { status: error.getStatus(), code: error.code, detail: error.detail, extra: error.extra, headers: error.headers };
  }
  const fastify = fastifyProblemOf(error);
  if (fastify) return fastify;

  // Nest's answer to an unknown route; its message would echo the query string.
  if (error instanceof NotFoundException) return { status: 404, code: codeForStatus(404), detail: 'No route matches this method and path' };
  const status = statusOf(error);
  if (status !== undefined && status < 500) {
    const detail = error instanceof HttpException ? error.message : (STATUS_CODES[status] ?? 'Request error');
    return { status, code: codeForStatus(status), detail };
  }
  // A 503 keeps its status so clients retry; every other fault becomes a plain 500.
  if (status === 503) return { status, code: codeForStatus(status), detail: 'The service is unavailable; nothing was written', fault: error };
  return { status: 500, code: 'INTERNAL', detail: INTERNAL_DETAIL, fault: error };
}

/** The status of an HttpException, or of an http-errors/Fastify-style error with `statusCode`. */
function statusOf(error: unknown): number | undefined {
  if (error instanceof HttpException) return error.getStatus();
  const candidate = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof candidate === 'number' && candidate >= 400 && candidate <= 599 ? candidate : undefined;
}

/**
 * The global filter: every error that reaches Nest, including those Fastify raised before the
 * handler and Nest's own 404 for unknown routes, leaves as `application/problem+json`.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    sendProblem(reply, outcomeOf(error), this.logger);
  }
}

/** Writes an outcome, logging server faults; shared with the Fastify-level error handler. */
export function sendProblem(reply: FastifyReply, outcome: ProblemOutcome, logger: Pick<Logger, 'error'>): void {
  if (outcome.fault !== undefined) {
    const fault = outcome.fault;
    const request = reply.request;
    logger.error(
      { msg: fault instanceof Error ? fault.message : String(fault), method: request?.method, url: request?.url, requestId: request?.id },
      fault instanceof Error ? fault.stack : undefined,
    );
  }
  if (reply.sent) return; // headers already gone (a failing stream): only the log above is possible
  problem(reply, outcome.status, outcome.code, undefined, outcome.detail, outcome.extra, outcome.headers);
}
