import { afterAll, describe, expect, it } from '@jest/globals';
import { daysAgo } from './support/fixtures.js';
import { ok, reportCase } from './support/case-steps.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Every GET route an analyst may read (DESIGN §7: analysts get every projection, never personal
 * data). Extend this list as read models land; each route is called as JSON and as CSV. A route
 * that answers 404 ROUTE.NOT_FOUND is reported as skipped ("not yet built"), not passed.
 */
const ANALYST_ROUTES: readonly string[] = [
  '/v1/cases',
  '/v1/cases?status=surveyed',
  '/v1/sla/clocks',
  ...['region', 'priority', 'technicianId', 'productModel', 'month'].map((g) => `/v1/sla/summary?groupBy=${g}`),
  '/v1/complaints',
  ...['category', 'severity', 'department', 'productModel', 'month'].map((g) => `/v1/complaints/summary?groupBy=${g}`),
  ...['month', 'technicianId', 'region'].map((g) => `/v1/satisfaction/summary?groupBy=${g}`),
  '/v1/product-units/SN-PRIV-1',
  '/health',
  '/metrics',
];

/** Distinctive personal data that no analyst answer may contain, in any spelling of the phone. */
const CUSTOMERS = [
  { id: 'C-PRIV-1', name: '欧阳娜娜', phone: '+86 137 2468 1357', address: '成都市锦江区红星路三段99号', region: 'urban' },
  { id: 'C-PRIV-2', name: 'Bartholomew Quince', phone: '021-5550-7788', address: '42 Wisteria Lane, Pudong', region: 'suburban' },
  { id: 'C-PRIV-3', name: '司马相如', phone: '+86 186 9753 0246', address: '拉萨市城关区北京中路7号', region: 'remote' },
] as const;
const FORBIDDEN = CUSTOMERS.flatMap((c) => [c.name, c.phone, c.phone.replace(/\D/g, ''), c.address]);

/** Reports the cases and walks one to a survey, so SLA, complaint and satisfaction figures have data. */
async function seed(t: TestApp): Promise<string[]> {
  const caseIds: string[] = [];
  for (const customer of CUSTOMERS) {
    const id = await reportCase(t.http, { customer, product: { model: 'KFR-35GW', serialNumber: `SN-PRIV-${caseIds.length + 1}`, invoiceDate: daysAgo(60) } });
    caseIds.push(id);
    ok(await t.http.post('agent', `/v1/cases/${id}/contact`, { channel: 'phone', note: `called ${customer.name}` }));
    ok(await t.http.post('agent', `/v1/cases/${id}/complaints`, { category: 'service', severity: 'minor', description: 'late' }), 201);
  }
  const full = caseIds[0]!;
  ok(await t.http.post('dispatcher', `/v1/cases/${full}/dispatch`, { technicianId: 'tech-1' }));
  ok(await t.http.post('technician', `/v1/cases/${full}/arrive`, {}));
  ok(await t.http.post('technician', `/v1/cases/${full}/repair`, { mode: 'on-site', diagnosis: 'fan', actions: 'replaced', coverage: 'warranty' }));
  ok(await t.http.post('technician', `/v1/cases/${full}/accept`, { signedBy: CUSTOMERS[0].name }));
  ok(await t.http.post('agent', `/v1/cases/${full}/survey`, { scores: { attitude: 5, quality: 5, responseSpeed: 5, overall: 5 }, channel: 'phone' }));
  await t.settle();
  return caseIds;
}

// Set up before the tests are declared, so routes not yet built can be declared as skipped.
const t = await startTestApp();
const caseIds = await seed(t).catch(async (error: unknown) => {
  await t.dispose();
  throw error;
});

const probes = await Promise.all(ANALYST_ROUTES.map(async (route) => ({ route, res: await t.http.get('analyst', route) })));
const NOT_BUILT = new Set(probes.filter((p) => p.res.status === 404 && p.res.body?.code === 'ROUTE.NOT_FOUND').map((p) => p.route));
if (NOT_BUILT.size > 0) console.warn(`analyst-privacy: skipped, not yet built (404): ${[...NOT_BUILT].join(', ')}`);

describe('analysts never see personal data', () => {
  afterAll(() => t.dispose());

  it('has cases whose customers carry distinctive names, phones and addresses', () => {
    expect(caseIds).toHaveLength(CUSTOMERS.length);
  });

  for (const route of ANALYST_ROUTES) {
    const test = NOT_BUILT.has(route) ? it.skip : it;
    const note = NOT_BUILT.has(route) ? ' — SKIPPED: not yet built (404)' : '';
    describe(`GET ${route}${note}`, () => {
      test.each(['application/json', 'text/csv'])('as %s: 200, with no name, phone or address', async (accept) => {
        const res = await t.http.get('analyst', route, { headers: { accept } });
        expect(res.status).toBe(200);
        for (const secret of FORBIDDEN) expect(res.text).not.toContain(secret);
      });
    });
  }

  it('lists the cases themselves (so the check above is not vacuous)', async () => {
    const res = ok(await t.http.get('analyst', '/v1/cases'));
    expect(res.body.items.map((i: { caseId: string }) => i.caseId)).toEqual(expect.arrayContaining(caseIds));
    expect(res.body.items.map((i: { customerId: string }) => i.customerId)).toEqual(expect.arrayContaining(CUSTOMERS.map((c) => c.id)));
  });
});
