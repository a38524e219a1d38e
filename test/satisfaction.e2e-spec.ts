import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { repairBody } from './support/fixtures.js';
import { ok, reportCase } from './support/case-steps.js';
import { startTestApp, type TestActor, type TestApp } from './support/test-app.js';

/** Business times in 2025 (Shanghai offset), so months are exact whenever the tests run. */
const sh = (date: string, time: string): string => `2025-${date}T${time}:00+08:00`;

interface Group {
  key: string | null;
  surveys: number;
  satisfied: number;
  satisfiedShare: number | null;
  meetsTarget: boolean | null;
  repaired: number;
  surveyedOfRepaired: number;
  returnVisitRate: number | null;
  meetsReturnVisitTarget: boolean | null;
}
const brief = (g: Group) => [g.key, g.surveys, g.satisfied, g.satisfiedShare, g.meetsTarget, g.repaired, g.surveyedOfRepaired, g.returnVisitRate, g.meetsReturnVisitTarget];

describe('the satisfaction summary over HTTP', () => {
  let t: TestApp;
  const post = async (actor: TestActor, path: string, body: object) => ok(await t.http.post(actor, path, body));

  /** Reports a case and walks it to an accepted repair by tech-1, on the given Shanghai day; surveys it when scored. */
  const repairedCase = async (region: string, day: string, overall: number | null): Promise<void> => {
    const id = await reportCase(t.http, {
      customer: { id: 'C-1', name: '王芳', phone: '+86 138 0013 8000', address: '上海市浦东新区世纪大道100号', region },
      product: { model: 'KFR-35GW', serialNumber: `SN-${Math.random().toString(36).slice(2, 10)}`, invoiceDate: '2025-01-15' },
      occurredAt: sh(day, '00:10'),
    });
    await post('agent', `/v1/cases/${id}/contact`, { channel: 'phone', occurredAt: sh(day, '00:20') });
    await post('dispatcher', `/v1/cases/${id}/dispatch`, { technicianId: 'tech-1', occurredAt: sh(day, '00:30') });
    await post('technician', `/v1/cases/${id}/arrive`, { occurredAt: sh(day, '01:00') });
    await post('technician', `/v1/cases/${id}/repair`, repairBody({ occurredAt: sh(day, '02:00') }));
    await post('agent', `/v1/cases/${id}/accept`, { signedBy: '王芳', occurredAt: sh(day, '03:00') });
    if (overall === null) return;
    const scores = { attitude: 5, quality: 4, responseSpeed: 4, overall };
    await post('agent', `/v1/cases/${id}/survey`, { scores, channel: 'phone', comment: '王芳 138 0013 8000', occurredAt: sh(day, '04:00') });
  };

  beforeAll(async () => {
    t = await startTestApp();
    await repairedCase('urban', '03-03', 4); // satisfied: the boundary
    await repairedCase('suburban', '03-10', 3); // not satisfied
    await repairedCase('urban', '04-01', null); // repaired early on 1 April in Shanghai, no return visit
    await t.settle();
  });
  afterAll(() => t.dispose());

  const summary = async (query: string, actor: TestActor = 'analyst') => ok(await t.http.get(actor, `/v1/satisfaction/summary?${query}`)).body;

  it('groups by technician, with the targets and the totals', async () => {
    const body = await summary('groupBy=technicianId');
    expect(body).toMatchObject({ groupBy: 'technicianId', from: null, to: null, targets: { satisfiedShare: 0.9, excellentSatisfiedShare: 0.98, returnVisitRate: 0.25 } });
    expect(body.groups.map(brief)).toEqual([['tech-1', 2, 1, 0.5, false, 3, 2, 0.6667, true]]);
    expect(body.groups[0].averageScores).toEqual({ attitude: 5, quality: 4, responseSpeed: 4, overall: 3.5 });
    expect(body.totals).toMatchObject({ surveys: 2, satisfied: 1, meetsExcellent: false, repaired: 3, returnVisitRate: 0.6667 });
  });

  it('groups by Shanghai month and by region', async () => {
    expect((await summary('groupBy=month')).groups.map(brief)).toEqual([
      ['2025-03', 2, 1, 0.5, false, 2, 2, 1, true],
      ['2025-04', 0, 0, null, null, 1, 0, 0, false],
    ]);
    expect((await summary('groupBy=region')).groups.map(brief)).toEqual([
      ['suburban', 1, 0, 0, false, 1, 1, 1, true],
      ['urban', 1, 1, 1, true, 2, 1, 0.5, true],
    ]);
  });

  it('bounds surveys and repairs by the window, and answers an empty one with null shares', async () => {
    const march = await summary(`groupBy=region&from=${encodeURIComponent(sh('03-05', '00:00'))}&to=${encodeURIComponent(sh('04-01', '00:00'))}`);
    expect(march.groups.map(brief)).toEqual([['suburban', 1, 0, 0, false, 1, 1, 1, true]]);
    const empty = await summary('groupBy=month&from=2024-01-01T00:00:00Z&to=2024-02-01T00:00:00Z');
    expect(empty.groups).toEqual([]);
    expect(brief({ key: null, ...empty.totals })).toEqual([null, 0, 0, null, null, 0, 0, null, null]);
  });

  it('keeps no survey comment and no personal data', async () => {
    const res = ok(await t.http.get('analyst', '/v1/satisfaction/summary?groupBy=region'));
    expect(res.text).not.toContain('王芳');
    expect(res.text).not.toContain('138');
  });

  it('refuses an unknown or missing groupBy and a malformed instant with field errors', async () => {
    const res = await t.http.get('analyst', '/v1/satisfaction/summary?groupBy=category');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'groupBy' })]);
    expect((await t.http.get('analyst', '/v1/satisfaction/summary')).status).toBe(400);
    expect((await t.http.get('analyst', '/v1/satisfaction/summary?groupBy=month&from=yesterday')).status).toBe(400);
  });

  it('is open to every staff role, auditors and analysts, and to no one without a token', async () => {
    for (const actor of ['agent', 'dispatcher', 'technician', 'supervisor', 'auditor', 'analyst', 'admin'] as const) {
      expect([actor, (await t.http.get(actor, '/v1/satisfaction/summary?groupBy=month')).status]).toEqual([actor, 200]);
    }
    expect((await t.http.get(null, '/v1/satisfaction/summary?groupBy=month')).status).toBe(401);
  });
});
