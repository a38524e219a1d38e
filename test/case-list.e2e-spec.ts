import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ok, reportCase } from './support/case-steps.js';
import { startTestApp, type TestApp, type TestActor } from './support/test-app.js';

const hoursAgo = (h: number): string => new Date(Date.now() - h * 3_600_000).toISOString();

describe('the case list, GET /v1/cases', () => {
  let t: TestApp;
  const id: Record<'mine' | 'theirs' | 'urgent' | 'cancelled', string> = {} as never;
  const list = async (actor: TestActor, query = '') => ok(await t.http.get(actor, `/v1/cases${query}`)).body;
  const ids = (body: { items: Array<{ caseId: string }> }) => body.items.map((i) => i.caseId);

  beforeAll(async () => {
    t = await startTestApp();
    id.mine = await reportCase(t.http, { occurredAt: hoursAgo(40) });
    ok(await t.http.post('agent', `/v1/cases/${id.mine}/contact`, { channel: 'phone' }));
    ok(await t.http.post('dispatcher', `/v1/cases/${id.mine}/dispatch`, { technicianId: 'tech-1' }));
    ok(await t.http.post('technician', `/v1/cases/${id.mine}/hold`, { reason: 'awaiting-parts' }));
    id.theirs = await reportCase(t.http, { occurredAt: hoursAgo(30) });
    ok(await t.http.post('agent', `/v1/cases/${id.theirs}/contact`, { channel: 'sms' }));
    ok(await t.http.post('dispatcher', `/v1/cases/${id.theirs}/dispatch`, { technicianId: 'tech-2' }));
    id.urgent = await reportCase(t.http, {
      occurredAt: hoursAgo(20),
      priority: 'urgent',
      customer: { id: 'C-2', name: '李雷', phone: '+86 139 0000 0001', address: '苏州市', region: 'suburban' },
      product: { model: 'XQG-80', serialNumber: 'SN-XQG-1', invoiceDate: null, purchaseDate: null, manufactureDate: '2025-12-01' },
    });
    id.cancelled = await reportCase(t.http, { occurredAt: hoursAgo(10) });
    ok(await t.http.post('supervisor', `/v1/cases/${id.cancelled}/cancel`, { reason: 'duplicate' }));
    await t.settle();
  });
  afterAll(() => t.dispose());

  it('lists every case newest first, as camelCase items without personal data', async () => {
    const body = await list('agent');
    expect(ids(body)).toEqual([id.cancelled, id.urgent, id.theirs, id.mine]);
    expect(body.nextCursor).toBeNull();
    expect(body.items[3]).toMatchObject({
      caseId: id.mine, status: 'dispatched', priority: 'general', region: 'urban', customerId: 'C-10086', productModel: 'KFR-35GW',
      technicianId: 'tech-1', onHold: true, holdReason: 'awaiting-parts', loanerOut: false, reworkCount: 0, revision: 3,
      reportedAt: expect.any(String), contactedAt: expect.any(String), dispatchedAt: expect.any(String), arrivedAt: null,
    });
    expect(JSON.stringify(body)).not.toMatch(/王芳|0013 8000|世纪大道/);
  });

  it.each([
    ['status', '?status=cancelled', ['cancelled']],
    ['priority', '?priority=urgent', ['urgent']],
    ['region', '?region=suburban', ['urgent']],
    ['technician', '?technicianId=tech-2', ['theirs']],
    ['product model', '?productModel=XQG-80', ['urgent']],
    ['several at once', '?productModel=KFR-35GW&status=dispatched', ['theirs', 'mine']],
  ] as const)('filters by %s', async (_name, query, expected) => {
    expect(ids(await list('supervisor', query))).toEqual(expected.map((k) => id[k]));
  });

  it('bounds the reporting time with from (inclusive) and to (exclusive)', async () => {
    const from = encodeURIComponent(hoursAgo(35));
    const to = encodeURIComponent(hoursAgo(15));
    expect(ids(await list('agent', `?from=${from}&to=${to}`))).toEqual([id.urgent, id.theirs]);
  });

  it('shows a technician only the cases assigned to them', async () => {
    expect(ids(await list('technician'))).toEqual([id.mine]);
    expect(ids(await list('technician-2'))).toEqual([id.theirs]);
    expect(ids(await list('technician', '?technicianId=tech-2'))).toEqual([]);
  });

  it.each<TestActor>(['dispatcher', 'auditor', 'analyst', 'admin'])('answers %s', async (actor) => {
    expect(ids(await list(actor))).toHaveLength(4);
  });

  it('refuses a request without a token', async () => {
    expect((await t.http.get(null, '/v1/cases')).status).toBe(401);
  });

  it('pages with an opaque cursor, without duplicates or gaps', async () => {
    const seen: string[] = [];
    let query = '?limit=3';
    for (;;) {
      const body = await list('agent', query);
      seen.push(...ids(body));
      if (!body.nextCursor) break;
      query = `?limit=3&cursor=${encodeURIComponent(body.nextCursor)}`;
    }
    expect(seen).toEqual([id.cancelled, id.urgent, id.theirs, id.mine]);
  });

  it.each(['limit=0', 'limit=501', 'limit=abc', 'status=lost', 'from=yesterday', 'cursor=bogus', 'colour=red'])('answers 400 to ?%s', async (query) => {
    const res = await t.http.get('agent', `/v1/cases?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe(query.split('=')[0]);
  });

  it('answers CSV with a header row when asked, and the next cursor in a header', async () => {
    const res = ok(await t.http.get('analyst', '/v1/cases?limit=2', { headers: { accept: 'text/csv' } }));
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = res.text.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^caseId,status,priority,region,customerId,productModel,/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(new RegExp(`^${id.cancelled},cancelled,general,urban,C-10086,KFR-35GW,`));
    const next = ok(await t.http.get('analyst', `/v1/cases?limit=2&cursor=${res.headers.get('x-next-cursor')}`, { headers: { accept: 'text/csv' } }));
    expect(next.text.trimEnd().split('\r\n').slice(1).map((l) => l.split(',')[0])).toEqual([id.theirs, id.mine]);
    expect(next.headers.get('x-next-cursor')).toBeNull();
  });
});
