import { JSON_HEADERS, problemOf, startTestApp, type TestApp } from '../testing/start-test-app.js';

const type = (code: string): string => `https://casetrail.dev/problems/${code}`;

describe('problem+json for errors raised by handlers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  const post = (body: string | undefined, headers: Record<string, string> = JSON_HEADERS) =>
    t.fetch('/test/reports', { role: 'agent', method: 'POST', headers, ...(body === undefined ? {} : { body }) });

  describe('a DomainError thrown by a handler', () => {
    it.each([
      ['not-found', 404, 'Not Found'],
      ['conflict', 409, 'Conflict'],
      ['invalid', 400, 'Bad Request'],
      ['forbidden', 403, 'Forbidden'],
      ['precondition-failed', 412, 'Precondition Failed'],
      ['unprocessable', 422, 'Unprocessable Entity'],
      ['unavailable', 503, 'Service Unavailable'],
    ])('maps kind %s to %i', async (kind, status, title) => {
      const response = await t.fetch(`/test/errors/${kind}`);
      expect(response.status).toBe(status);
      const code = `TEST.${kind.toUpperCase()}`;
      expect(await problemOf(response)).toMatchObject({ type: type(code), title, status, detail: `failed as ${kind}`, code });
    });

    it('carries details as extension members: a 409 keeps `status` as the HTTP status and names the case status currentStatus', async () => {
      expect(await problemOf(await t.fetch('/test/errors/conflict'))).toEqual({
        type: type('TEST.CONFLICT'),
        title: 'Conflict',
        status: 409,
        detail: 'failed as conflict',
        code: 'TEST.CONFLICT',
        instance: '/test/errors/conflict',
        currentStatus: 'repaired',
        allowedCommands: ['accept', 'reject'],
      });
    });

    it('gives a 412 its currentRevision', async () => {
      expect(await problemOf(await t.fetch('/test/errors/precondition-failed'))).toMatchObject({ status: 412, currentRevision: 7 });
    });

    it('answers a ProblemException with its own status and code', async () => {
      const response = await t.fetch('/test/errors/precondition-required');
      expect(response.status).toBe(428);
      expect(await problemOf(response)).toMatchObject({ code: 'CASE.IF_MATCH_REQUIRED', title: 'Precondition Required' });
    });
  });

  describe('an unexpected error', () => {
    it('answers 500 INTERNAL, leaks nothing, and logs the stack with the request id', async () => {
      const response = await t.fetch('/test/errors/crash', { headers: { 'x-request-id': 'trace-crash-1' } });
      expect(response.status).toBe(500);
      const body = await problemOf(response);
      expect(body).toEqual({
        type: type('INTERNAL'),
        title: 'Internal Server Error',
        status: 500,
        detail: 'The server failed to handle the request; the failure has been logged',
        code: 'INTERNAL',
        instance: '/test/errors/crash',
      });
      expect(JSON.stringify(body)).not.toContain('secret');
      const logged = t.logs.find((line) => line.level === 'error' && line.context === 'ProblemDetails');
      expect(logged).toMatchObject({ msg: 'connection string postgres://secret@db', requestId: 'trace-crash-1', url: '/test/errors/crash' });
      expect(logged?.stack).toEqual(expect.stringContaining('Error: connection string'));
    });
  });

  describe('request ids and request logs', () => {
    it('echoes a caller x-request-id and logs the request with it', async () => {
      const response = await t.fetch('/test/public', { headers: { 'x-request-id': 'abc-123' } });
      expect(response.headers.get('x-request-id')).toBe('abc-123');
      const line = t.logs.find((l) => l.requestId === 'abc-123' && l.msg === 'request completed');
      expect(line).toMatchObject({ level: 'info', context: 'Http', method: 'GET', url: '/test/public', status: 200 });
      expect(typeof line?.durationMs).toBe('number');
    });

    it('generates an id when the caller sent none or an unusable one, also on error paths', async () => {
      for (const response of [await t.fetch('/test/public'), await post('{'), await post('x'.repeat(70000))]) {
        expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      }
      const long = await t.fetch('/test/public', { headers: { 'x-request-id': 'x'.repeat(129) } });
      expect(long.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });
  });
});
