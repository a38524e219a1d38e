import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_STORE } from '#casetrail/application';
import type { EventStore } from '#casetrail/event-store';
import { CheckpointWriterHost } from '../apps/projector/src/checkpoints/checkpoint-writer.host.js';
import { ok, reportCase } from './support/case-steps.js';
import { runCli } from './support/cli-process.js';
import { daysAgo, repairBody, surveyBody } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

process.env['CASETRAIL_CHECKPOINT_EVERY_EVENTS'] = '5';

/** The customer who asks to be forgotten, with two cases: Chinese and ASCII personal data. */
const ERASED = { id: 'C-ERASE-1', region: 'urban' } as const;
const ERASED_CN = { name: '慕容复', phone: '+86 135 7913 5791', address: '苏州市姑苏区燕子坞8号' };
const ERASED_EN = { name: 'Zebediah Frostwhistle', phone: '0571-8765-4321', address: '17 Larkspur Close, Hangzhou' };
/** Another customer, whose data must stay readable. */
const KEPT = { id: 'C-KEEP-1', region: 'suburban', name: '东方不败', phone: '+86 139 2468 0864', address: '杭州市西湖区孤山路1号' } as const;

const secretsOf = (p: { name: string; phone: string; address: string }) => [p.name, p.phone, p.phone.replace(/\D/g, ''), p.address];
const ERASED_SECRETS = [...secretsOf(ERASED_CN), ...secretsOf(ERASED_EN)];
const KEPT_SECRETS = secretsOf(KEPT);
const ALL_SECRETS = [...ERASED_SECRETS, ...KEPT_SECRETS];
const REASON = 'Customer request, ticket PRIV-2026-0311';

/** Lists the CSV exports read: every list and summary an entitled reader can download. */
const CSV_ROUTES = [
  '/v1/cases',
  '/v1/sla/clocks',
  '/v1/sla/summary?groupBy=region',
  '/v1/complaints',
  '/v1/complaints/summary?groupBy=category',
  '/v1/satisfaction/summary?groupBy=month',
  '/v1/audit/events',
];

/** Every plaintext found in the bytes, as UTF-8. */
const found = (bytes: Buffer, secrets: readonly string[]): string[] => secrets.filter((s) => bytes.includes(Buffer.from(s, 'utf8')));
const filesIn = (dir: string): string[] => readdirSync(dir).map((f) => join(dir, f)).filter((f) => statSync(f).isFile());

async function walkToSurveyed(t: TestApp, customer: Record<string, string>, signedBy: string): Promise<string> {
  const id = await reportCase(t.http, { customer, product: { model: 'KFR-35GW', serialNumber: `SN-ERASE-${Math.random().toString(36).slice(2, 8)}`, invoiceDate: daysAgo(30) } });
  ok(await t.http.post('agent', `/v1/cases/${id}/contact`, { channel: 'phone' }));
  ok(await t.http.post('dispatcher', `/v1/cases/${id}/dispatch`, { technicianId: 'tech-1' }));
  ok(await t.http.post('technician', `/v1/cases/${id}/arrive`, {}));
  ok(await t.http.post('technician', `/v1/cases/${id}/repair`, repairBody()));
  ok(await t.http.post('technician', `/v1/cases/${id}/accept`, { signedBy }));
  ok(await t.http.post('agent', `/v1/cases/${id}/survey`, surveyBody));
  ok(await t.http.post('agent', `/v1/cases/${id}/complaints`, { category: 'service', severity: 'minor', description: 'late visit' }), 201);
  return id;
}

describe('erasing a customer (crypto-shredding)', () => {
  let t: TestApp;
  let erasedCases: string[];
  let keptCase: string;
  let firstAnswer: Record<string, unknown>;
  const csvTexts: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    erasedCases = [
      await walkToSurveyed(t, { ...ERASED, ...ERASED_CN }, ERASED_CN.name),
      await walkToSurveyed(t, { ...ERASED, ...ERASED_EN }, ERASED_EN.name),
    ];
    keptCase = await walkToSurveyed(t, { ...KEPT }, KEPT.name);
    await t.settle();
  }, 60_000);
  afterAll(() => t.dispose());

  describe('before erasure', () => {
    it('keeps personal data encrypted at rest: the event store files hold no plaintext', () => {
      const store = Buffer.concat(['events.sqlite', 'events.sqlite-wal'].map((f) => join(t.dataDir, f)).filter(existsSync).map((f) => readFileSync(f)));
      expect(found(store, [...ERASED_SECRETS, ...KEPT_SECRETS])).toEqual([]);
    });

    it('shows the customer to the desk, decrypted', async () => {
      const res = ok(await t.http.get('agent', `/v1/cases/${erasedCases[0]}`));
      expect(res.body.customer).toEqual({ ...ERASED, personal: ERASED_CN, personalErased: false });
      expect(res.body.acceptedBy).toBe(ERASED_CN.name);
    });

    it('shows an auditor [redacted]', async () => {
      const res = ok(await t.http.get('auditor', `/v1/cases/${erasedCases[0]}`));
      expect(res.body.customer.personal).toEqual({ name: '[redacted]', phone: '[redacted]', address: '[redacted]' });
      expect(found(Buffer.from(res.text), ERASED_SECRETS)).toEqual([]);
    });
  });

  describe('the erasure', () => {
    it('is for admins only', async () => {
      for (const actor of ['supervisor', 'agent', 'auditor', 'analyst'] as const) {
        expect((await t.http.post(actor, `/v1/customers/${ERASED.id}/erase`, { reason: REASON })).status).toBe(403);
      }
      expect((await t.http.post('admin', `/v1/customers/${ERASED.id}/erase`, {})).status).toBe(400);
    });

    it('records who erased the data and why', async () => {
      const res = ok(await t.http.post('admin', `/v1/customers/${ERASED.id}/erase`, { reason: REASON }));
      firstAnswer = res.body;
      expect(res.body).toEqual({ customerId: ERASED.id, erased: true, revision: 0, erasedAt: expect.any(String), erasedBy: { id: 'admin-1', role: 'admin' }, reason: REASON });
    });

    it('answers the same when asked again, and keeps one record', async () => {
      const again = ok(await t.http.post('admin', `/v1/customers/${ERASED.id}/erase`, { reason: 'asked twice' }));
      expect(again.body).toEqual(firstAnswer);
      const stream = await t.app.get<EventStore>(EVENT_STORE).readStream(`Customer-${ERASED.id}`);
      expect(stream.map((e) => [e.type, e.metadata.actor])).toEqual([['CustomerErased.v1', { id: 'admin-1', role: 'admin' }]]);
      await t.settle();
      const audit = ok(await t.http.get('auditor', '/v1/audit/events?type=CustomerErased'));
      expect(audit.body.items).toHaveLength(1);
    });
  });

  describe('after erasure', () => {
    beforeAll(async () => {
      for (const route of CSV_ROUTES) csvTexts.push(ok(await t.http.get('supervisor', route, { headers: { accept: 'text/csv' } })).text);
    });

    it.each(['agent', 'supervisor', 'admin', 'technician', 'auditor'] as const)('shows %s [erased] on every case of the customer', async (actor) => {
      for (const id of erasedCases) {
        const res = ok(await t.http.get(actor, `/v1/cases/${id}`));
        expect(res.body.customer).toEqual({ ...ERASED, personal: { name: '[erased]', phone: '[erased]', address: '[erased]' }, personalErased: true });
        expect(res.body.acceptedBy).toBe('[erased]');
        expect(found(Buffer.from(res.text), ERASED_SECRETS)).toEqual([]);
      }
    });

    it('replays the history with erased values, state and clocks intact', async () => {
      const res = ok(await t.http.get('agent', `/v1/cases/${erasedCases[0]}/history`));
      const [reported] = res.body.events;
      expect(reported.data.customer).toMatchObject({ personal: { name: '[erased]' }, personalErased: true });
      expect(res.body.events.find((e: { type: string }) => e.type === 'RepairAccepted').data.signedBy).toBe('[erased]');
      expect(res.body.events.at(-1).state).toMatchObject({ status: 'surveyed', acceptedBy: '[erased]' });
      expect(res.body.events.at(-1).slaClocks.length).toBeGreaterThan(0);
      expect(found(Buffer.from(res.text), ERASED_SECRETS)).toEqual([]);
    });

    it('still verifies every chain: it covers the ciphertext', async () => {
      for (const id of erasedCases) expect(ok(await t.http.get('auditor', `/v1/cases/${id}/verify`)).body).toMatchObject({ valid: true });
    });

    it('leaves another customer untouched and readable', async () => {
      const res = ok(await t.http.get('agent', `/v1/cases/${keptCase}`));
      expect(res.body.customer).toEqual({ id: KEPT.id, region: KEPT.region, personal: { name: KEPT.name, phone: KEPT.phone, address: KEPT.address }, personalErased: false });
      expect(res.body.acceptedBy).toBe(KEPT.name);
    });

    it('finds no plaintext in the live store files and their WALs', () => {
      const live = filesIn(t.dataDir).filter((f) => /\.sqlite(-wal)?$/.test(f));
      for (const name of ['events.sqlite-wal', 'read-models.sqlite-wal', 'keys.sqlite']) expect(live).toContain(join(t.dataDir, name));
      for (const file of live) expect({ file, found: found(readFileSync(file), ALL_SECRETS) }).toEqual({ file, found: [] });
    });

    it('keeps no plaintext in any CSV export (read models never held any)', () => {
      expect(csvTexts).toHaveLength(CSV_ROUTES.length);
      for (const text of csvTexts) expect(found(Buffer.from(text, 'utf8'), [...ERASED_SECRETS, ...KEPT_SECRETS])).toEqual([]);
    });

    describe('with the service stopped', () => {
      const exportFile = () => join(t.dataDir, 'erased-case.jsonl');

      beforeAll(async () => {
        const head = await t.app.get<EventStore>(EVENT_STORE).headPosition();
        await t.app.get(CheckpointWriterHost, { strict: false }).running!.waitFor(head);
        await t.close();
      }, 60_000);

      it('exports the case for auditors and verifies everything with the CLI', async () => {
        expect((await runCli(['export', '--case', erasedCases[0]!, '--out', exportFile()], t.dataDir)).code).toBe(0);
        expect((await runCli(['verify-export', exportFile()], t.dataDir)).code).toBe(0);
        const all = await runCli(['verify', '--all'], t.dataDir);
        expect(all.code).toBe(0);
        expect(JSON.parse(all.stdout)).toMatchObject({ valid: true });
        const replay = await runCli(['replay', erasedCases[0]!], t.dataDir);
        expect(replay.code).toBe(0);
        expect(replay.stdout).toMatch(/RepairAccepted .* → accepted/);
        expect(found(Buffer.from(replay.stdout), ERASED_SECRETS)).toEqual([]);
      }, 60_000);

      /*
       * The read models' claim, checked here rather than assumed: they keep no plaintext copy that
       * could outlive the key, because they never get any — projections see the sealed envelopes
       * (`toProjected` does not decrypt) and no table has a column for a name, phone or address.
       * So read-models.sqlite and its WAL are scanned with everything else.
       */
      it('finds no plaintext of any customer in any file of the data folder, the export included', () => {
        const files = filesIn(t.dataDir);
        for (const name of ['events.sqlite', 'read-models.sqlite', 'keys.sqlite', 'erased-case.jsonl']) expect(files).toContain(join(t.dataDir, name));
        for (const file of files) expect({ file, found: found(readFileSync(file), ALL_SECRETS) }).toEqual({ file, found: [] });
      });
    });
  });
});
