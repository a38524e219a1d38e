import { STATUS_CODES } from 'node:http';
import type { FastifyReply } from 'fastify';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const PROBLEM_TYPE_BASE = 'https://casetrail.dev/problems/';

/** An RFC 9457 problem document; `code` is the stable member clients branch on. */
export interface ProblemDocument {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly instance?: string;
  readonly [extension: string]: unknown;
}

const RESERVED = new Set(['type', 'title', 'status', 'detail', 'code', 'instance']);

/**
 * Extension members never overwrite the RFC members: a detail named like one (a 409's case
 * `status`) is renamed `currentStatus`, in line with `currentRevision`, so `status` stays the
 * HTTP status every problem client reads.
 */
function extensions(extra: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) continue;
    out[RESERVED.has(key) ? `current${key[0].toUpperCase()}${key.slice(1)}` : key] = value;
  }
  return out;
}

export function buildProblem(
  status: number,
  code: string,
  title: string | undefined,
  detail: string,
  extra: Readonly<Record<string, unknown>> = {},
  instance?: string,
): ProblemDocument {
  return {
    type: `${PROBLEM_TYPE_BASE}${code}`,
    title: title ?? STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(instance === undefined ? {} : { instance }),
    ...extensions(extra),
  };
}

/** The request path without its query string, which may carry personal data. */
export const instanceOf = (url: string | undefined): string | undefined => url?.split('?', 1)[0];

/**
 * Sends a problem document. Shared by the Nest exception filter and the Fastify-level handlers
 * so that the document shape lives in one place.
 */
export function problem(
  reply: FastifyReply,
  status: number,
  code: string,
  title: string | undefined,
  detail: string,
  extra: Readonly<Record<string, unknown>> = {},
  headers: Readonly<Record<string, string>> = {},
): void {
  const body = buildProblem(status, code, title, detail, extra, instanceOf(reply.request?.url));
  // The request id is echoed on every path, including those where no hook ran.
  if (reply.request?.id !== undefined) reply.header('x-request-id', reply.request.id);
  for (const [name, value] of Object.entries(headers)) reply.header(name, value);
  // A Buffer, because Fastify appends "; charset=utf-8" to the content type of a string payload.
  reply.code(status).header('content-type', PROBLEM_CONTENT_TYPE).send(Buffer.from(JSON.stringify(body)));
}
