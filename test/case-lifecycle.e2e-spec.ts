import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, addMonths } from '#casetrail/domain';
import { daysAgo, repairBody, reportBody, surveyBody } from './support/fixtures.js';
import { caseOnSite, ok, reportCase } from './support/case-steps.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('a service case from report to survey, over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.dispose());

  it('reports a case: 201, Location, ETag "0", warranty assessed from the invoice date', async () => {
    const invoiceDate = daysAgo(60);
    const res = ok(await t.http.post('agent', '/v1/cases', reportBody({ product: { model: 'KFR-35GW', serialNumber: 'SN-1', invoiceDate } })), 201);
    expect(res.body).toEqual({ caseId: expect.any(String), revision: 0, status: 'reported' });
    expect(res.headers.get('location')).toBe(`/v1/cases/${res.body.caseId}`);
    expect(res.headers.get('etag')).toBe('"0"');
    const view = ok(await t.http.get('agent', `/v1/cases/${res.body.caseId}`));
    expect(view.headers.get('etag')).toBe('"0"');
    expect(view.body).toMatchObject({
      caseId: res.body.caseId,
      status: 'reported',
      revision: 0,
      warranty: { status: 'in', basis: 'invoice', startsOn: invoiceDate, expiresOn: addDays(addMonths(invoiceDate, 12), -1), extensionDays: 0 },
      allowedCommands: expect.arrayContaining(['contact', 'hold', 'cancel']),
    });
  });

  it('walks every step, with rework, hold, loaner and survey, and answers the revision each time', async () => {
    const id = await reportCase(t.http);
    const steps: Array<[string, string, unknown, string]> = [
      ['agent', 'contact', { channel: 'phone', appointmentAt: '2030-01-01T10:00:00+08:00' }, 'contacted'],
      ['dispatcher', 'dispatch', { technicianId: 'tech-1' }, 'dispatched'],
      ['technician', 'arrive', { complexity: 'complex' }, 'on-site'],
      ['technician', 'hold', { reason: 'awaiting-parts', note: 'compressor on order' }, 'on-site'],
      ['technician', 'loaner', { loanerSerial: 'LOAN-001' }, 'on-site'],
      ['technician', 'resume', undefined, 'on-site'],
      ['technician', 'repair', repairBody(), 'repaired'],
      ['agent', 'reject', { reason: 'Still noisy' }, 'rejected'],
      ['dispatcher', 'dispatch', { technicianId: 'tech-1' }, 'dispatched'],
      ['technician', 'arrive', {}, 'on-site'],
      ['technician', 'repair', repairBody({ diagnosis: 'Loose fan mount' }), 'repaired'],
      ['agent', 'progress-updates', { kind: 'result', channel: 'sms', message: 'Repaired' }, 'repaired'],
      ['technician', 'accept', { signedBy: '王芳' }, 'accepted'],
      ['agent', 'loaner/return', {}, 'accepted'],
      ['agent', 'survey', surveyBody, 'surveyed'],
    ];
    for (const [i, [actor, path, body, status]] of steps.entries()) {
      const res = ok(await t.http.post(actor as 'agent', `/v1/cases/${id}/${path}`, body));
      expect(res.body).toEqual({ caseId: id, revision: i + 1, status });
      expect(res.headers.get('etag')).toBe(`"${i + 1}"`);
    }
    const view = ok(await t.http.get('supervisor', `/v1/cases/${id}`));
    expect(view.body).toMatchObject({ status: 'surveyed', reworkCount: 1, loaner: null, technicianId: 'tech-1' });
  });

  it('files, acknowledges, resolves and reopens a complaint on any case', async () => {
    const id = await reportCase(t.http);
    const filed = ok(
      await t.http.post('agent', `/v1/cases/${id}/complaints`, { category: 'service', severity: 'serious', description: 'Nobody called' }),
      201,
    );
    const complaintId = filed.body.complaintId as string;
    expect(filed.headers.get('location')).toBe(`/v1/cases/${id}/complaints/${complaintId}`);
    const base = `/v1/cases/${id}/complaints/${complaintId}`;
    ok(await t.http.post('supervisor', `${base}/acknowledge`, { department: 'Customer care' }));
    ok(await t.http.post('supervisor', `${base}/resolve`, { resolution: 'Apologised; visit booked' }));
    const reopened = ok(await t.http.post('supervisor', `${base}/reopen`, { reason: 'Visit missed' }));
    expect(reopened.body).toEqual({ caseId: id, revision: 4, status: 'reported', complaintId });
    const view = ok(await t.http.get('agent', `/v1/cases/${id}`));
    expect(view.body.complaints).toEqual([expect.objectContaining({ complaintId, status: 'acknowledged', severity: 'serious' })]);
  });

  it('repairs remotely straight from contacted, chargeable with an exclusion and charges', async () => {
    const id = await reportCase(t.http);
    ok(await t.http.post('agent', `/v1/cases/${id}/contact`, { channel: 'phone' }));
    const cny = (amount: string) => ({ amount, currency: 'CNY' });
    const res = ok(
      await t.http.post('supervisor', `/v1/cases/${id}/repair`, {
        mode: 'remote',
        diagnosis: 'Remote reset',
        actions: 'Guided the customer through a reset',
        coverage: 'chargeable',
        exclusion: 'misuse',
        charges: { parts: cny('0.00'), labor: cny('50.00'), travel: cny('0.00') },
      }),
    );
    expect(res.body.status).toBe('repaired');
  });

  it('serves the history with the state after each event, stopping at a revision or an instant', async () => {
    const id = await caseOnSite(t.http);
    const full = ok(await t.http.get('auditor', `/v1/cases/${id}/history`));
    expect(full.body.events.map((e: { type: string }) => e.type)).toEqual([
      'CaseReported',
      'CustomerContacted',
      'TechnicianDispatched',
      'TechnicianArrived',
    ]);
    const [first, , , last] = full.body.events;
    expect(first).toMatchObject({ revision: 0, storedType: 'CaseReported.v2', actor: { id: 'agent-1', role: 'agent' }, prevHash: null });
    expect(first.state.status).toBe('reported');
    expect(last.state.status).toBe('on-site');
    expect(last.prevHash).toBe(full.body.events[2].hash);
    const upTo1 = ok(await t.http.get('auditor', `/v1/cases/${id}/history?revision=1`));
    expect(upTo1.body.events).toHaveLength(2);
    const atReport = ok(await t.http.get('auditor', `/v1/cases/${id}/history?asOf=${encodeURIComponent(first.occurredAt)}`));
    expect(atReport.body.events.length).toBeGreaterThanOrEqual(1);
    expect(atReport.body.events[0].revision).toBe(0);
    const before = ok(await t.http.get('auditor', `/v1/cases/${id}/history?asOf=2000-01-01T00:00:00Z`));
    expect(before.body.events).toEqual([]);
  });

  it('verifies the hash chain of a case', async () => {
    const id = await caseOnSite(t.http);
    const res = ok(await t.http.get('auditor', `/v1/cases/${id}/verify`));
    expect(res.body).toEqual({ caseId: id, valid: true, events: 4, headHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('records business time given by the client and the actor from the token', async () => {
    const occurredAt = `${daysAgo(1)}T09:00:00+08:00`;
    const id = await reportCase(t.http, { occurredAt });
    const history = ok(await t.http.get('auditor', `/v1/cases/${id}/history`));
    const utc = new Date(occurredAt).toISOString();
    expect(history.body.events[0]).toMatchObject({ occurredAt: utc, actor: { id: 'agent-1', role: 'agent' } });
    expect(Date.parse(history.body.events[0].recordedAt)).toBeGreaterThan(Date.parse(utc));
  });

  it('answers /health', async () => {
    const res = ok(await t.http.get(null, '/health'));
    expect(res.body.status).toBe('ok');
  });
});
