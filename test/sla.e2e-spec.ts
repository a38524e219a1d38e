import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadSlaPolicyRegistry } from '#casetrail/application';
import { computeSlaClocks, type CaseEvent } from '#casetrail/domain';
import { repairBody } from './support/fixtures.js';
import { ok, reportCase } from './support/case-steps.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const HOUR = 3_600_000;
/** Ten days ago on the hour: every step below is well in the past, and hour-counted targets need no calendar. */
const base = Math.floor((Date.now() - 10 * 24 * HOUR) / HOUR) * HOUR;
const at = (hours: number): string => new Date(base + hours * HOUR).toISOString();
const shanghaiMonth = (instant: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date(instant)).slice(0, 7);

interface ClockItem {
  caseId: string;
  clock: string;
  complaintId?: string;
  state: string;
  startedAt: string;
  stoppedAt: string | null;
  dueAt: string | null;
  target: { value: number; unit: string };
  pausedSeconds: number;
  elapsedSeconds: number;
}

describe('SLA clocks and compliance over HTTP', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const clocksOf = async (query: string): Promise<ClockItem[]> => ok(await t.http.get('analyst', `/v1/sla/clocks?${query}`)).body.items;
  const byClock = (items: ClockItem[]): Record<string, ClockItem> => Object.fromEntries(items.map((c) => [c.clock, c]));

  beforeAll(async () => {
    t = await startTestApp();
    const step = (actor: 'agent' | 'dispatcher' | 'supervisor', id: string, path: string, hours: number, body: Record<string, unknown> = {}) =>
      t.http.post(actor, `/v1/cases/${id}/${path}`, { ...body, occurredAt: at(hours) }).then((res) => ok(res, path === 'complaints' ? 201 : 200));
    ids['met'] = await reportCase(t.http, { occurredAt: at(0), product: { model: 'SLA-MET', serialNumber: 'SN-SLA-1', invoiceDate: at(-500).slice(0, 10) } });
    await step('agent', ids['met'], 'contact', 3, { channel: 'phone' });
    await step('dispatcher', ids['met'], 'dispatch', 4, { technicianId: 'tech-1' });
    ids['late'] = await reportCase(t.http, { occurredAt: at(1), priority: 'urgent' });
    await step('agent', ids['late'], 'contact', 4, { channel: 'phone' });
    await step('agent', ids['late'], 'complaints', 5, { category: 'service', severity: 'minor', description: 'Nobody called for hours' });
    ids['silent'] = await reportCase(t.http, { occurredAt: at(2), customer: { id: 'C-2', name: '李雷', phone: '+86 139 0000 0000', address: '苏州', region: 'suburban' } });
    ids['remote'] = await reportCase(t.http, { occurredAt: at(0) });
    await step('agent', ids['remote'], 'contact', 1, { channel: 'phone' });
    await step('supervisor', ids['remote'], 'repair', 2, repairBody({ mode: 'remote' }));
    await t.settle();
  });
  afterAll(() => t.dispose());

  it('reads back a first response met in 3 hours, with its due and elapsed time', async () => {
    const clocks = byClock(await clocksOf(`caseId=${ids['met']}`));
    expect(clocks['firstResponse']).toEqual({
      caseId: ids['met'],
      clock: 'firstResponse',
      state: 'met',
      startedAt: at(0),
      stoppedAt: at(3),
      dueAt: at(24),
      atRiskAt: null,
      target: { value: 24, unit: 'hours' },
      bestEffort: false,
      pausedSeconds: 0,
      elapsedSeconds: 3 * 3600,
      evaluatedAt: at(4),
      priority: 'general',
      region: 'urban',
      technicianId: 'tech-1',
      productModel: 'SLA-MET',
    });
    // Ten days on, the visit promised within 24 h is overdue although nothing happened since.
    expect(clocks['onSite']).toMatchObject({ state: 'overdue', dueAt: at(24), stoppedAt: null });
  });

  it('reads back a breached urgent first response and a complaint with its own clocks', async () => {
    const clocks = await clocksOf(`caseId=${ids['late']}`);
    expect(byClock(clocks)['firstResponse']).toMatchObject({ state: 'breached', dueAt: at(3), target: { value: 2, unit: 'hours' } });
    const ack = clocks.find((c) => c.clock === 'complaintAck')!;
    expect(ack).toMatchObject({ complaintId: expect.any(String), state: 'overdue', startedAt: at(5), dueAt: at(29) });
  });

  it('makes the visit not applicable after a remote repair', async () => {
    const clocks = byClock(await clocksOf(`caseId=${ids['remote']}`));
    expect(clocks['onSite']).toMatchObject({ state: 'not-applicable', dueAt: null, stoppedAt: at(2) });
    expect(clocks['repair']).toMatchObject({ state: 'met', stoppedAt: at(2) });
  });

  it('agrees with the SLA engine on every clock, working-day targets included', async () => {
    const policy = loadSlaPolicyRegistry().get('standard-v1');
    const now = new Date().toISOString();
    for (const id of Object.values(ids)) {
      const history = ok(await t.http.get('auditor', `/v1/cases/${id}/history`)).body.events as Array<{ type: string; data: unknown; occurredAt: string }>;
      const events = history.map(({ type, data, occurredAt }) => ({ type, data, occurredAt }) as CaseEvent);
      const expected = computeSlaClocks(events, now, policy).map((c) => ({ clock: c.clock, state: c.state, dueAt: c.dueAt, startedAt: c.startedAt }));
      const served = (await clocksOf(`caseId=${id}`)).map(({ clock, state, dueAt, startedAt }) => ({ clock, state, dueAt, startedAt }));
      expect(served.sort((a, b) => a.clock.localeCompare(b.clock))).toEqual(expected.sort((a, b) => a.clock.localeCompare(b.clock)));
    }
  });

  it('filters by state now, clock, priority, region, technician and start, and pages with a cursor', async () => {
    const overdue = await clocksOf('state=overdue&clock=firstResponse');
    expect(overdue.map((c) => c.caseId)).toEqual([ids['silent']]);
    expect((await clocksOf('priority=urgent&clock=firstResponse')).map((c) => c.state)).toEqual(['breached']);
    expect((await clocksOf('region=suburban')).every((c) => c.caseId === ids['silent'])).toBe(true);
    expect(new Set((await clocksOf('technicianId=tech-1')).map((c) => c.caseId))).toEqual(new Set([ids['met']]));
    expect((await clocksOf(`from=${encodeURIComponent(at(5))}`)).map((c) => c.clock).sort()).toEqual(['complaintAck', 'complaintResolution']);
    const first = ok(await t.http.get('agent', '/v1/sla/clocks?limit=5'));
    expect(first.body.items).toHaveLength(5);
    const second = ok(await t.http.get('agent', `/v1/sla/clocks?limit=5&cursor=${first.body.nextCursor}`));
    expect(second.body.items[0].startedAt <= first.body.items[4].startedAt).toBe(true);
  });

  it('exports the list as CSV', async () => {
    const res = ok(await t.http.get('supervisor', `/v1/sla/clocks?caseId=${ids['met']}&clock=firstResponse`, { headers: { accept: 'text/csv' } }));
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, row] = res.text.trim().split('\r\n');
    expect(header).toMatch(/^caseId,clock,complaintId,state,startedAt,stoppedAt,dueAt,atRiskAt,target\.value,target\.unit,/);
    expect(row).toContain(`${ids['met']},firstResponse,,met,${at(0)},${at(3)},${at(24)},,24,hours`);
  });

  it('summarises first-response compliance per priority and per report month', async () => {
    const byPriority = ok(await t.http.get('analyst', '/v1/sla/summary?clock=firstResponse&groupBy=priority')).body;
    expect(byPriority.groups).toEqual([
      { key: 'general', total: 3, met: 2, breached: 0, running: 0, atRisk: 0, overdue: 1, paused: 0, cancelled: 0, notApplicable: 0, compliance: 1 },
      { key: 'urgent', total: 1, met: 0, breached: 1, running: 0, atRisk: 0, overdue: 0, paused: 0, cancelled: 0, notApplicable: 0, compliance: 0 },
    ]);
    const byRegion = ok(await t.http.get('dispatcher', '/v1/sla/summary?clock=onSite&groupBy=region')).body;
    expect(byRegion.groups.map((g: { key: string }) => g.key)).toEqual(['suburban', 'urban']);
    expect(byRegion.groups[1]).toMatchObject({ notApplicable: 1, overdue: 2, compliance: null });
    const months = new Set([at(0), at(2)].map(shanghaiMonth));
    const byMonth = ok(await t.http.get('auditor', `/v1/sla/summary?groupBy=month&from=${encodeURIComponent(at(0))}`)).body;
    expect(byMonth.groups.map((g: { key: string }) => g.key)).toEqual([...months].sort());
    const all = ok(await t.http.get('analyst', '/v1/sla/summary')).body;
    expect(all.groups).toHaveLength(1);
    expect(all.groups[0]).toMatchObject({ key: 'all', total: (await clocksOf('limit=500')).length });
  });

  it('lets SLA readers in and keeps technicians out', async () => {
    expect((await t.http.get('technician', '/v1/sla/clocks')).status).toBe(403);
    expect((await t.http.get('technician', '/v1/sla/summary')).status).toBe(403);
    for (const role of ['agent', 'dispatcher', 'supervisor', 'auditor', 'analyst', 'admin'] as const) {
      expect((await t.http.get(role, '/v1/sla/summary?groupBy=technicianId')).status).toBe(200);
    }
    expect((await t.http.get(null, '/v1/sla/clocks')).status).toBe(401);
  });

  it('refuses unknown parameters and values with field errors', async () => {
    const res = await t.http.get('analyst', '/v1/sla/clocks?state=late&colour=red');
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['colour', 'state']);
    expect((await t.http.get('analyst', '/v1/sla/summary?groupBy=weather')).status).toBe(400);
    expect((await t.http.get('analyst', '/v1/sla/clocks?limit=501')).status).toBe(400);
  });
});
