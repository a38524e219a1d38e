import type { DomainErrorKind } from '#casetrail/domain';

export const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  'not-found': 404,
  conflict: 409,
  invalid: 400,
  forbidden: 403,
  'precondition-failed': 412,
  unprocessable: 422,
  unavailable: 503,
};

/** Codes for HTTP errors raised by Nest or Fastify rather than by casetrail code. */
const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'REQUEST.BAD_REQUEST',
  401: 'AUTH.UNAUTHENTICATED',
  403: 'AUTH.FORBIDDEN',
  404: 'ROUTE.NOT_FOUND',
  405: 'REQUEST.METHOD_NOT_ALLOWED',
  406: 'REQUEST.NOT_ACCEPTABLE',
  408: 'REQUEST.TIMEOUT',
  411: 'REQUEST.LENGTH_REQUIRED',
  413: 'REQUEST.TOO_LARGE',
  414: 'REQUEST.URI_TOO_LONG',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  428: 'REQUEST.PRECONDITION_REQUIRED',
  429: 'REQUEST.TOO_MANY_REQUESTS',
  431: 'REQUEST.HEADERS_TOO_LARGE',
  503: 'SERVICE.UNAVAILABLE',
};

export const codeForStatus = (status: number): string =>
  CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL' : 'REQUEST.ERROR');

export interface FastifyProblem {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
}

/** Fastify's own request errors (raised while reading the body or the URL), by `error.code`. */
const FASTIFY_PROBLEMS: Readonly<Record<string, FastifyProblem>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'REQUEST.TOO_LARGE', detail: 'The request body is larger than 64 KiB' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'REQUEST.MALFORMED_JSON', detail: 'The request body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'REQUEST.MALFORMED_JSON',
    detail: 'The request body is empty although its Content-Type is application/json',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
    detail: 'A request body must be sent as application/json',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'REQUEST.INVALID_CONTENT_LENGTH',
    detail: 'The request body size does not match its Content-Length',
  },
  FST_ERR_BAD_URL: { status: 400, code: 'REQUEST.BAD_URL', detail: 'The request URL is not valid' },
};

/** The problem for a Fastify request error, also when Nest wrapped it in an HttpException (`cause`). */
export function fastifyProblemOf(error: unknown): FastifyProblem | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 3; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && Object.hasOwn(FASTIFY_PROBLEMS, code)) return FASTIFY_PROBLEMS[code];
  }
  return undefined;
}
