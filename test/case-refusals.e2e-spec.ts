import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { repairBody, reportBody } from './support/fixtures.js';
import { caseOnSite, ok, reportCase } from './support/case-steps.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import type { HttpResult } from './support/http-client.js';

const expectProblem = (res: HttpResult, status: number, code: string): void => {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, title: expect.any(String), type: expect.any(String) });
};

describe('commands the service refuses, over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.dispose());

  describe('a command that does not fit the state', () => {
    it('is refused with 409, the status and the commands the case accepts now', async () => {
      const id = await reportCase(t.http);
      const res = await t.http.post('supervisor', `/v1/cases/${id}/arrive`, {});
      expectProblem(res, 409, 'CASE.ILLEGAL_TRANSITION');
      expect(res.body.caseStatus).toBe('reported');
      expect(res.body.allowedCommands).toEqual(expect.arrayContaining(['contact', 'hold', 'cancel']));
      expect(res.body.allowedCommands).not.toContain('arrive');
    });

    it('refuses a survey before acceptance and a second hold', async () => {
      const id = await caseOnSite(t.http);
      expectProblem(await t.http.post('agent', `/v1/cases/${id}/survey`, { scores: { attitude: 5, quality: 5, responseSpeed: 5, overall: 5 }, channel: 'phone' }), 409, 'CASE.ILLEGAL_TRANSITION');
      ok(await t.http.post('agent', `/v1/cases/${id}/hold`, { reason: 'awaiting-customer' }));
      const second = await t.http.post('agent', `/v1/cases/${id}/hold`, { reason: 'awaiting-customer' });
      expectProblem(second, 409, 'CASE.ILLEGAL_TRANSITION');
      expect(second.body.allowedCommands).toContain('resume');
    });

    it('refuses a warranty repair of a unit out of warranty', async () => {
      const id = await caseOnSite(t.http, { product: { model: 'M', serialNumber: 'OLD-1', invoiceDate: '2019-01-01' } });
      expectProblem(await t.http.post('technician', `/v1/cases/${id}/repair`, repairBody()), 409, 'REPAIR.NOT_IN_WARRANTY');
    });
  });

  describe('preconditions and retries', () => {
    it('answers 412 with the current revision to a stale If-Match', async () => {
      const id = await reportCase(t.http);
      ok(await t.http.post('agent', `/v1/cases/${id}/contact`, { channel: 'phone' }, { headers: { 'if-match': '"0"' } }));
      const stale = await t.http.post('dispatcher', `/v1/cases/${id}/dispatch`, { technicianId: 't' }, { headers: { 'if-match': '"0"' } });
      expectProblem(stale, 412, 'CASE.VERSION_CONFLICT');
      expect(stale.body.currentRevision).toBe(1);
    });

    it('answers 400 to a malformed If-Match', async () => {
      const id = await reportCase(t.http);
      expectProblem(await t.http.post('agent', `/v1/cases/${id}/contact`, { channel: 'phone' }, { headers: { 'if-match': 'yesterday' } }), 400, 'REQUEST.INVALID_IF_MATCH');
    });

    it('answers 422 when an Idempotency-Key is reused with another body', async () => {
      const key = { headers: { 'idempotency-key': 'k-422' } };
      ok(await t.http.post('agent', '/v1/cases', reportBody({ priority: 'urgent' }), key), 201);
      expectProblem(await t.http.post('agent', '/v1/cases', reportBody({ priority: 'general' }), key), 422, 'IDEMPOTENCY.KEY_REUSED');
    });
  });

  describe('bad input', () => {
    it('answers 400 with field-level errors, nested paths and unknown fields included', async () => {
      const body = reportBody({ priority: 'whenever', customer: { id: 'c', name: '', phone: 'call me', address: 'x', region: 'moon' }, colour: 'red' });
      const res = await t.http.post('agent', '/v1/cases', body);
      expectProblem(res, 400, 'REQUEST.INVALID');
      const fields = res.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['priority', 'customer.name', 'customer.phone', 'customer.region', 'colour']));
    });

    it('refuses a report without any warranty date', async () => {
      const res = await t.http.post('agent', '/v1/cases', reportBody({ product: { model: 'M', serialNumber: 'S' } }));
      expectProblem(res, 400, 'CASE.WARRANTY_DATE_REQUIRED');
    });

    it('refuses occurredAt too far in the future or before the previous event', async () => {
      const future = new Date(Date.now() + 10 * 60_000).toISOString();
      expectProblem(await t.http.post('agent', '/v1/cases', reportBody({ occurredAt: future })), 400, 'CASE.OCCURRED_AT_INVALID');
      const id = await reportCase(t.http);
      const res = await t.http.post('agent', `/v1/cases/${id}/contact`, { channel: 'phone', occurredAt: '2020-01-01T00:00:00Z' });
      expectProblem(res, 400, 'CASE.OCCURRED_AT_INVALID');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'occurredAt' })]);
    });

    it('answers 413 to a body over 64 KiB', async () => {
      const res = await t.http.post('agent', '/v1/cases', reportBody({ fault: { category: 'hardware', description: 'x'.repeat(70_000) } }));
      expectProblem(res, 413, 'REQUEST.TOO_LARGE');
    });

    it('answers 404 to an unknown case and an unknown complaint', async () => {
      expectProblem(await t.http.post('agent', '/v1/cases/no-such-case/contact', { channel: 'phone' }), 404, 'CASE.NOT_FOUND');
      expectProblem(await t.http.get('agent', '/v1/cases/no-such-case'), 404, 'CASE.NOT_FOUND');
      const id = await reportCase(t.http);
      expectProblem(await t.http.post('supervisor', `/v1/cases/${id}/complaints/nope/acknowledge`, { department: 'x' }), 404, 'COMPLAINT.NOT_FOUND');
    });
  });

  describe('who may do what', () => {
    it('answers 401 without a token or with an unknown one', async () => {
      expectProblem(await t.http.post(null, '/v1/cases', reportBody()), 401, 'AUTH.UNAUTHENTICATED');
      const res = await t.http.post(null, '/v1/cases', reportBody(), { headers: { authorization: 'Bearer nope' } });
      expectProblem(res, 401, 'AUTH.UNAUTHENTICATED');
    });

    it('answers 403 to a role the route does not allow; auditors and analysts never write', async () => {
      for (const actor of ['dispatcher', 'technician', 'auditor', 'analyst'] as const) {
        expectProblem(await t.http.post(actor, '/v1/cases', reportBody()), 403, 'AUTH.FORBIDDEN');
      }
      const id = await reportCase(t.http);
      expectProblem(await t.http.post('agent', `/v1/cases/${id}/cancel`, { reason: 'duplicate' }), 403, 'AUTH.FORBIDDEN');
      expectProblem(await t.http.get('analyst', `/v1/cases/${id}`), 403, 'AUTH.FORBIDDEN');
      expectProblem(await t.http.get('agent', `/v1/cases/${id}/verify`), 403, 'AUTH.FORBIDDEN');
    });

    it('lets only the assigned technician act on or read a case', async () => {
      const id = await reportCase(t.http);
      ok(await t.http.post('agent', `/v1/cases/${id}/contact`, { channel: 'phone' }));
      ok(await t.http.post('dispatcher', `/v1/cases/${id}/dispatch`, { technicianId: 'tech-1' }));
      expectProblem(await t.http.post('technician-2', `/v1/cases/${id}/arrive`, {}), 403, 'CASE.NOT_ASSIGNED');
      expectProblem(await t.http.get('technician-2', `/v1/cases/${id}`), 403, 'CASE.NOT_ASSIGNED');
      ok(await t.http.get('technician', `/v1/cases/${id}`));
    });

    it('lets a supervisor and an admin do what an agent does', async () => {
      ok(await t.http.post('supervisor', '/v1/cases', reportBody()), 201);
      ok(await t.http.post('admin', '/v1/cases', reportBody()), 201);
    });
  });
});
