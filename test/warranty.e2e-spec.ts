import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EVENT_STORE } from '#casetrail/application';
import { addDays, caseStreamId, localDate, warrantyExpiry, type FaultCategory } from '#casetrail/domain';
import type { EventStore } from '#casetrail/event-store';
import { ok, reportCase } from './support/case-steps.js';
import { repairBody } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const DAY = 86_400_000;
/** An instant `days` ago (an hour earlier still, so "now" never lies ahead of it). */
const ago = (days: number): string => new Date(Date.now() - days * DAY - 3_600_000).toISOString();
/** The Shanghai calendar day of an instant, and the day `n` days before it: product dates relative to the report. */
const dayOf = (instant: string): string => localDate(instant, 'Asia/Shanghai');
const before = (instant: string, n: number): string => addDays(dayOf(instant), -n);
const serial = (tag: string): string => `SN-W-${tag}-${Math.random().toString(36).slice(2, 8)}`;

describe('warranty over HTTP: product units, extensions and entitlements', () => {
  let t: TestApp;
  let store: EventStore;

  /** The process manager appends after the events it reacts to: settle until the store stops growing. */
  const settleAll = async (): Promise<void> => {
    for (;;) {
      const head = await store.headPosition();
      await t.settle();
      if ((await store.headPosition()) === head) return;
    }
  };
  const report = (serialNumber: string, invoiceDate: string, occurredAt: string, category: FaultCategory = 'hardware') =>
    reportCase(t.http, { product: { model: 'KFR-35GW', serialNumber, invoiceDate }, fault: { category, description: '不制冷' }, occurredAt });
  const repair = async (id: string, body: Record<string, unknown> = {}): Promise<void> => {
    ok(await t.http.post('agent', `/v1/cases/${id}/contact`, { channel: 'phone' }));
    ok(await t.http.post('dispatcher', `/v1/cases/${id}/dispatch`, { technicianId: 'tech-1' }));
    ok(await t.http.post('technician', `/v1/cases/${id}/arrive`, {}));
    ok(await t.http.post('technician', `/v1/cases/${id}/repair`, repairBody(body)));
  };
  const caseView = async (id: string) => ok(await t.http.get('agent', `/v1/cases/${id}`)).body;
  const unitView = async (serialNumber: string, actor: 'agent' | 'analyst' = 'agent') => {
    await settleAll();
    return ok(await t.http.get(actor, `/v1/product-units/${serialNumber}`)).body;
  };
  const reportEventId = async (caseId: string): Promise<string> => (await store.readStream(caseStreamId(caseId)))[0]!.metadata.eventId;

  beforeAll(async () => {
    t = await startTestApp();
    store = t.app.get<EventStore>(EVENT_STORE);
  });
  afterAll(() => t.dispose());

  describe('registering a unit', () => {
    it('answers 201 with Location and ETag, then 409 for the same serial', async () => {
      const sn = serial('card');
      const body = { serialNumber: sn, model: 'KFR-35GW', invoiceDate: before(ago(0), 30), customerId: 'C-1' };
      const res = ok(await t.http.post('agent', '/v1/product-units', body), 201);
      expect(res.body).toEqual({ serialNumber: sn, revision: 0 });
      expect(res.headers.get('location')).toBe(`/v1/product-units/${sn}`);
      expect(res.headers.get('etag')).toBe('"0"');
      const again = await t.http.post('agent', '/v1/product-units', body);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('UNIT.ALREADY_REGISTERED');
    });

    it('registers an unknown serial with its first case, so a later card is refused', async () => {
      const sn = serial('report');
      const at = ago(3);
      const caseId = await report(sn, before(at, 100), at);
      const unit = await unitView(sn);
      expect(unit).toMatchObject({ serialNumber: sn, registeredBy: { source: 'case-report', caseId }, customerId: 'C-10086', repairs: [] });
      expect((await t.http.post('agent', '/v1/product-units', { serialNumber: sn, model: 'KFR-35GW', invoiceDate: before(at, 100) })).status).toBe(409);
    });

    it('refuses a card without a date (400) and a role other than agent (403)', async () => {
      const res = await t.http.post('agent', '/v1/product-units', { serialNumber: serial('nodate'), model: 'KFR-35GW' });
      expect([res.status, res.body.code]).toEqual([400, 'UNIT.WARRANTY_DATE_REQUIRED']);
      expect((await t.http.post('technician', '/v1/product-units', { serialNumber: serial('x'), model: 'M', invoiceDate: '2026-01-01' })).status).toBe(403);
    });
  });

  describe('+60 days per in-warranty repair, and a replacement at the N-th same-fault repair (N = 2)', () => {
    const sn = serial('same');
    const reports = [ago(30), ago(20), ago(10)];
    const invoiceDate = before(reports[0]!, 200);
    const ids: string[] = [];

    beforeAll(async () => {
      ok(await t.http.post('agent', '/v1/product-units', { serialNumber: sn, model: 'KFR-35GW', invoiceDate }), 201);
      ids.push(await report(sn, invoiceDate, reports[0]!));
      await repair(ids[0]!);
      await settleAll();
      ids.push(await report(sn, invoiceDate, reports[1]!));
      await repair(ids[1]!);
      await settleAll();
      ids.push(await report(sn, invoiceDate, reports[2]!));
    });

    it('records each repair on the unit and extends its warranty by 60 days each', async () => {
      const unit = await unitView(sn);
      expect(unit.repairs.map((r: { caseId: string }) => r.caseId)).toEqual([ids[0], ids[1]]);
      expect(unit.repairs[0]).toMatchObject({ faultCategory: 'hardware', coverage: 'warranty', reportedOn: dayOf(reports[0]!) });
      expect(unit.warranty).toMatchObject({ status: 'in', basis: 'invoice', startsOn: invoiceDate, extensionDays: 120 });
      expect(unit.warranty.expiresOn).toBe(warrantyExpiry(invoiceDate, 12, 120));
    });

    it('shows the extensions earned so far on each later case', async () => {
      expect((await caseView(ids[1]!)).warranty).toMatchObject({ status: 'in', extensionDays: 60 });
      expect((await caseView(ids[2]!)).warranty).toMatchObject({ status: 'in', extensionDays: 120 });
    });

    it('grants nothing after N-1 repairs, and a replacement when the fault comes back after N', async () => {
      expect((await caseView(ids[1]!)).entitlements).toEqual([]);
      expect((await caseView(ids[2]!)).entitlements).toEqual(['replacement']);
      const unit = await unitView(sn);
      expect(unit.entitlements).toEqual([
        expect.objectContaining({ kind: 'replacement', caseId: ids[2], rule: 'same-fault-repeated', policyVersion: 'warranty-v1' }),
      ]);
      const evidence: string[] = unit.entitlements[0].evidence;
      expect(evidence[0]).toBe(await reportEventId(ids[2]!));
      expect(evidence).toEqual(expect.arrayContaining([await reportEventId(ids[0]!), await reportEventId(ids[1]!)]));
      expect(evidence).toHaveLength(5);
    });
  });

  describe('a second quality failure within 45 days of purchase', () => {
    const scenario = async (boughtDaysBeforeSecond: number): Promise<string> => {
      const sn = serial(`d${boughtDaysBeforeSecond}`);
      const second = ago(0);
      const invoiceDate = before(second, boughtDaysBeforeSecond);
      const first = await report(sn, invoiceDate, ago(boughtDaysBeforeSecond - 20));
      await repair(first);
      await settleAll();
      return report(sn, invoiceDate, second, 'software');
    };

    it('entitles a replacement when the second is reported on day 45', async () => {
      const id = await scenario(45);
      expect((await caseView(id)).entitlements).toEqual(['replacement']);
      const [reported] = await store.readStream(caseStreamId(id));
      expect(reported!.data['entitlementGrounds']).toEqual([expect.objectContaining({ entitlement: 'replacement', rule: 'early-quality-failures' })]);
    });

    it('does not on day 46', async () => {
      expect((await caseView(await scenario(46))).entitlements).toEqual([]);
    });
  });

  describe('the 7-day return and 15-day exchange windows for quality faults', () => {
    it.each([
      [7, 'hardware', ['return', 'exchange']],
      [8, 'hardware', ['exchange']],
      [15, 'software', ['exchange']],
      [16, 'software', []],
      [3, 'installation', []],
    ] as const)('a fault on day %i (%s) is entitled to %j', async (day, category, expected) => {
      const at = ago(0);
      const id = await report(serial(`w${day}`), before(at, day), at, category);
      expect((await caseView(id)).entitlements).toEqual(expected);
    });

    it('puts the window entitlements on the unit with their rules', async () => {
      const at = ago(0);
      const sn = serial('w-unit');
      const id = await report(sn, before(at, 2), at);
      const unit = await unitView(sn);
      expect(unit.entitlements.map((e: { kind: string; rule: string; caseId: string }) => [e.kind, e.rule, e.caseId])).toEqual([
        ['return', 'return-window', id],
        ['exchange', 'exchange-window', id],
      ]);
    });
  });

  describe('coverage at repair', () => {
    it('refuses "out-of-warranty" while in warranty; a chargeable repair is recorded but extends nothing', async () => {
      const at = ago(5);
      const sn = serial('charge');
      const id = await report(sn, before(at, 100), at);
      ok(await t.http.post('agent', `/v1/cases/${id}/contact`, { channel: 'phone' }));
      ok(await t.http.post('dispatcher', `/v1/cases/${id}/dispatch`, { technicianId: 'tech-1' }));
      ok(await t.http.post('technician', `/v1/cases/${id}/arrive`, {}));
      const money = (amount: string) => ({ amount, currency: 'CNY' });
      const charges = { parts: money('80.00'), labor: money('50.00'), travel: money('20.00') };
      const refused = await t.http.post('technician', `/v1/cases/${id}/repair`, repairBody({ coverage: 'chargeable', exclusion: 'out-of-warranty', charges }));
      expect([refused.status, refused.body.code]).toEqual([400, 'REPAIR.EXCLUSION_CONTRADICTS_WARRANTY']);
      ok(await t.http.post('technician', `/v1/cases/${id}/repair`, repairBody({ coverage: 'chargeable', exclusion: 'misuse', charges })));
      const unit = await unitView(sn);
      expect(unit.repairs).toEqual([expect.objectContaining({ caseId: id, coverage: 'chargeable', exclusion: 'misuse' })]);
      expect(unit.warranty.extensionDays).toBe(0);
    });
  });

  describe('reading a unit', () => {
    it('serves analysts without personal data, 404 for an unknown serial, 401 without a token', async () => {
      const at = ago(1);
      const sn = serial('read');
      await report(sn, before(at, 100), at);
      const res = ok(await t.http.get('analyst', `/v1/product-units/${sn}`));
      expect(res.text).not.toMatch(/王芳|138 0013 8000|世纪大道/);
      expect((await t.http.get('agent', '/v1/product-units/NO-SUCH-UNIT')).status).toBe(404);
      expect((await t.http.get(null, `/v1/product-units/${sn}`)).status).toBe(401);
    });
  });
});
