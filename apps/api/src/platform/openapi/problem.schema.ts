import type { SchemaObject } from '@nestjs/swagger';

export const PROBLEM_SCHEMA_NAME = 'Problem';
export const PROBLEM_SCHEMA_REF = `#/components/schemas/${PROBLEM_SCHEMA_NAME}`;

/** The RFC 9457 document every error answers with (see `problem/problem-document.ts`). */
export const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', format: 'uri', example: 'https://casetrail.dev/problems/CASE.NOT_FOUND' },
    title: { type: 'string', example: 'Not Found' },
    status: { type: 'integer', example: 404 },
    detail: { type: 'string', example: 'No case 0d4c…' },
    code: { type: 'string', description: 'Stable machine-readable code', example: 'CASE.NOT_FOUND' },
    instance: { type: 'string', description: 'The request path', example: '/v1/cases/0d4c…' },
    errors: {
      type: 'array',
      description: 'Field-level errors of a 400 REQUEST.INVALID',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string', example: 'parts[1].quantity' }, message: { type: 'string' } },
      },
    },
    currentStatus: { type: 'string', description: 'The case status a 409 was refused in' },
    allowedCommands: { type: 'array', items: { type: 'string' }, description: 'Commands the case accepts now (409)' },
    currentRevision: { type: 'integer', description: 'The revision a stale If-Match missed (412)' },
  },
  additionalProperties: true,
};
