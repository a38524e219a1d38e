import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ok, reportCase } from './support/case-steps.js';
import { startTestApp, type TestActor, type TestApp } from './support/test-app.js';

/** Business times in 2025 (Shanghai offset), so months and the 72-hour promise are exact whenever the tests run. */
const sh = (date: string, time: string): string => `2025-${date}T${time}:00+08:00`;

describe('complaint queries over HTTP', () => {
  let t: TestApp;
  let quality: string;
  let service: string;

  const report = (model: string, region: string, occurredAt: string): Promise<string> =>
    reportCase(t.http, {
      customer: { id: 'C-1', name: '王芳', phone: '+86 138 0013 8000', address: '上海市浦东新区世纪大道100号', region },
      product: { model, serialNumber: `SN-${Math.random().toString(36).slice(2, 10)}`, invoiceDate: '2025-01-15' },
      occurredAt,
    });
  const step = async (actor: TestActor, path: string, body: object, status = 200) => ok(await t.http.post(actor, path, body), status);

  beforeAll(async () => {
    t = await startTestApp();
    // A: quality complaint, resolved after 24 h, reopened, resolved again exactly 72 h after filing (on target).
    const a = await report('KFR-35GW', 'urban', sh('03-03', '09:00'));
    await step('agent', `/v1/cases/${a}/contact`, { channel: 'phone', occurredAt: sh('03-03', '09:30') });
    await step('dispatcher', `/v1/cases/${a}/dispatch`, { technicianId: 'tech-1', occurredAt: sh('03-03', '10:00') });
    quality = (await step('agent', `/v1/cases/${a}/complaints`, { category: 'quality', severity: 'serious', description: '又坏了 call 138 0013 8000', occurredAt: sh('03-03', '12:00') }, 201)).body.complaintId;
    const k = `/v1/cases/${a}/complaints/${quality}`;
    await step('supervisor', `${k}/acknowledge`, { department: 'quality', occurredAt: sh('03-03', '13:00') });
    await step('supervisor', `${k}/resolve`, { resolution: 'replaced the board', occurredAt: sh('03-04', '12:00') });
    await step('supervisor', `${k}/reopen`, { reason: 'fails again', occurredAt: sh('03-05', '09:00') });
    await step('supervisor', `${k}/resolve`, { resolution: 'replaced the unit', occurredAt: sh('03-06', '12:00') });
    // B: a minor service complaint, never acknowledged.
    const b = await report('XQG-80', 'suburban', sh('03-10', '09:00'));
    service = (await step('agent', `/v1/cases/${b}/complaints`, { category: 'service', severity: 'minor', description: 'late', occurredAt: sh('03-10', '10:00') }, 201)).body.complaintId;
    // C: reported half an hour into April in Shanghai (still 31 March in UTC), no complaint.
    await report('XQG-80', 'urban', sh('04-01', '00:30'));
    await t.settle();
  });
  afterAll(() => t.dispose());

  describe('GET /v1/complaints', () => {
    it('lists complaints newest first, without their text', async () => {
      const res = ok(await t.http.get('analyst', '/v1/complaints'));
      expect(res.body.items.map((c: { complaintId: string }) => c.complaintId)).toEqual([service, quality]);
      expect(res.body.items[1]).toMatchObject({
        category: 'quality', severity: 'serious', department: 'quality', status: 'resolved', reopenCount: 1, resolutionHours: 72,
        filedAt: '2025-03-03T04:00:00.000Z', resolvedAt: '2025-03-06T04:00:00.000Z', month: '2025-03', productModel: 'KFR-35GW', region: 'urban',
        technicianId: 'tech-1',
      });
      expect(res.text).not.toContain('138 0013 8000');
      expect(res.text).not.toContain('王芳');
    });

    it('filters by status, category, product model and filing window', async () => {
      const list = async (query: string): Promise<string[]> =>
        ok(await t.http.get('supervisor', `/v1/complaints?${query}`)).body.items.map((c: { complaintId: string }) => c.complaintId);
      expect(await list('status=filed')).toEqual([service]);
      expect(await list('category=quality&department=quality')).toEqual([quality]);
      expect(await list('productModel=XQG-80')).toEqual([service]);
      expect(await list(`from=${encodeURIComponent(sh('03-04', '00:00'))}`)).toEqual([service]);
    });

    it('answers CSV with a header row and the next cursor in X-Next-Cursor', async () => {
      const res = ok(await t.http.get('analyst', '/v1/complaints?limit=1', { headers: { accept: 'text/csv' } }));
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      const [header, row, end] = res.text.split('\r\n');
      expect(header).toBe('complaintId,caseId,category,severity,department,status,filedAt,acknowledgedAt,resolvedAt,reopenCount,resolutionHours,month,productModel,region,priority,technicianId');
      expect(row).toContain(`${service},`);
      expect(end).toBe('');
      const next = ok(await t.http.get('analyst', `/v1/complaints?limit=1&cursor=${res.headers.get('x-next-cursor')}`));
      expect(next.body).toMatchObject({ items: [{ complaintId: quality }], nextCursor: null });
    });

    it('refuses an unknown status and an unknown parameter', async () => {
      expect((await t.http.get('analyst', '/v1/complaints?status=closed')).status).toBe(400);
      expect((await t.http.get('analyst', '/v1/complaints?description=x')).status).toBe(400);
    });
  });

  describe('GET /v1/complaints/summary', () => {
    const summary = async (query: string, actor: TestActor = 'analyst') => ok(await t.http.get(actor, `/v1/complaints/summary?${query}`)).body;

    it('groups by category against every case reported in the window', async () => {
      const body = await summary('groupBy=category');
      expect(body).toMatchObject({ groupBy: 'category', from: null, to: null });
      expect(body.groups).toEqual([
        { key: 'quality', filed: 1, open: 0, resolved: 1, reopened: 1, averageResolutionHours: 72, maxResolutionHours: 72, resolvedWithinTarget: 1, cases: 3, complaintRatePer1000Cases: 333.33 },
        { key: 'service', filed: 1, open: 1, resolved: 0, reopened: 0, averageResolutionHours: null, maxResolutionHours: null, resolvedWithinTarget: 0, cases: 3, complaintRatePer1000Cases: 333.33 },
      ]);
      expect(body.totals).toMatchObject({ filed: 2, open: 1, resolved: 1, reopened: 1, cases: 3, complaintRatePer1000Cases: 666.67 });
    });

    it('groups by severity and by department', async () => {
      expect((await summary('groupBy=severity')).groups.map((g: { key: string }) => g.key)).toEqual(['minor', 'serious']);
      expect((await summary('groupBy=department')).groups.map((g: { key: string; filed: number }) => [g.key, g.filed])).toEqual([['quality', 1], [null, 1]]);
    });

    it('rates product models and Shanghai months against their own cases', async () => {
      const rate = (g: { key: string; filed: number; cases: number; complaintRatePer1000Cases: number }) => [g.key, g.filed, g.cases, g.complaintRatePer1000Cases];
      expect((await summary('groupBy=productModel')).groups.map(rate)).toEqual([['KFR-35GW', 1, 1, 1000], ['XQG-80', 1, 2, 500]]);
      expect((await summary('groupBy=month')).groups.map(rate)).toEqual([['2025-03', 2, 2, 1000], ['2025-04', 0, 1, 0]]);
    });

    it('answers an empty window with no groups and an unknown rate', async () => {
      const body = await summary(`groupBy=month&from=${encodeURIComponent('2024-01-01T00:00:00Z')}&to=${encodeURIComponent('2024-02-01T00:00:00Z')}`);
      expect(body).toMatchObject({ from: '2024-01-01T00:00:00.000Z', to: '2024-02-01T00:00:00.000Z', groups: [] });
      expect(body.totals).toMatchObject({ filed: 0, cases: 0, complaintRatePer1000Cases: null });
    });

    it('refuses an unknown or missing groupBy with a field error', async () => {
      const res = await t.http.get('analyst', '/v1/complaints/summary?groupBy=technicianId');
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'groupBy' })]);
      expect((await t.http.get('analyst', '/v1/complaints/summary')).status).toBe(400);
      expect((await t.http.get('analyst', '/v1/complaints/summary?groupBy=month&cursor=x')).status).toBe(400);
    });

    it('documents its groupings and that the rate per 1,000 registered units is not offered yet', async () => {
      const operation = ok(await t.http.get(null, '/docs-json')).body.paths['/v1/complaints/summary'].get;
      expect(operation.description).toMatch(/rate per 1,000 registered product units is not offered yet/);
      expect(operation.parameters).toContainEqual(
        expect.objectContaining({ name: 'groupBy', required: true, schema: expect.objectContaining({ enum: ['category', 'severity', 'department', 'productModel', 'month'] }) }),
      );
    });

    it('is open to every staff role, auditors and analysts, and to no one without a token', async () => {
      for (const actor of ['agent', 'dispatcher', 'technician', 'supervisor', 'auditor', 'analyst', 'admin'] as const) {
        expect([actor, (await t.http.get(actor, '/v1/complaints/summary?groupBy=month')).status]).toEqual([actor, 200]);
      }
      expect((await t.http.get(null, '/v1/complaints/summary?groupBy=month')).status).toBe(401);
      expect((await t.http.get(null, '/v1/complaints')).status).toBe(401);
    });
  });
});
