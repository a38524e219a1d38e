import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ok } from './support/case-steps.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** /docs-json documents every route: its success answer, its error answers and (for commands) its body. */
describe('the OpenAPI document', () => {
  let t: TestApp;
  let doc: { paths: Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown; security?: unknown[] }>> };
  beforeAll(async () => {
    t = await startTestApp();
    doc = ok(await t.http.get(null, '/docs-json')).body;
  });
  afterAll(() => t.dispose());

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ id: `${method.toUpperCase()} ${path}`, method, path, op })));

  it('lists every route of DESIGN §7', () => {
    const ids = operations().map((o) => o.id);
    for (const id of [
      'POST /v1/cases',
      'POST /v1/cases/{caseId}/contact',
      'POST /v1/cases/{caseId}/complaints/{complaintId}/reopen',
      'GET /v1/cases/{caseId}/history',
      'GET /v1/sla/summary',
      'GET /v1/audit/events',
      'POST /v1/product-units',
      'POST /v1/customers/{customerId}/erase',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('gives every operation a success response and every protected one its 401 and 403 problems', () => {
    for (const { id, op } of operations()) {
      const statuses = Object.keys(op.responses);
      expect({ id, success: statuses.some((s) => s.startsWith('2')) }).toEqual({ id, success: true });
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      if (!isPublic) expect({ id, statuses }).toEqual({ id, statuses: expect.arrayContaining(['401', '403']) });
    }
  });

  it('documents the body of every command that takes one', () => {
    const bodiless = ['/v1/cases/{caseId}/resume', '/v1/cases/{caseId}/loaner/return'];
    for (const { id, method, path, op } of operations()) {
      if (method === 'post' && !bodiless.includes(path)) expect({ id, body: Boolean(op.requestBody) }).toEqual({ id, body: true });
    }
  });
});
