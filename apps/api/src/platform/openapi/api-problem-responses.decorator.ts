import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { PROBLEM_SCHEMA_REF } from './problem.schema.js';

export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 428 | 429 | 503;

const DESCRIPTIONS: Record<ProblemStatus, string> = {
  400: 'Invalid request (field-level `errors`), malformed JSON or bad header',
  401: 'Missing or unknown bearer token',
  403: 'The role may not use this route',
  404: 'Not found',
  409: 'Not allowed in the current state (`currentStatus`, `allowedCommands`)',
  412: 'Stale If-Match (`currentRevision`)',
  413: 'Body larger than 64 KiB',
  415: 'Body not sent as application/json',
  422: 'Idempotency-Key reused with another body',
  428: 'If-Match required',
  429: 'Too many requests',
  503: 'Store unavailable; nothing was written',
};

/** Lists a route's error responses, each an `application/problem+json` Problem, in one line. */
export const ApiProblemResponses = (...statuses: ProblemStatus[]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status],
        content: { 'application/problem+json': { schema: { $ref: PROBLEM_SCHEMA_REF } } },
      }),
    ),
  );
