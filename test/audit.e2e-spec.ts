import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ok, reportCase } from './support/case-steps.js';
import { startTestApp, type TestApp, type TestActor } from './support/test-app.js';

interface AuditItem {
  position: number;
  caseId: string | null;
  revision: number;
  type: string;
  storedType: string;
  recordedAt: string;
  actorId: string;
  actorRole: string;
  hash: string;
}

describe('the audit trail, GET /v1/audit/events', () => {
  let t: TestApp;
  let caseId: string;
  let other: string;
  const events = async (actor: TestActor, query = ''): Promise<{ items: AuditItem[]; nextCursor: string | null }> =>
    ok(await t.http.get(actor, `/v1/audit/events${query}`)).body;

  beforeAll(async () => {
    t = await startTestApp();
    caseId = await reportCase(t.http);
    ok(await t.http.post('agent', `/v1/cases/${caseId}/contact`, { channel: 'phone' }));
    other = await reportCase(t.http);
    ok(await t.http.post('dispatcher', `/v1/cases/${caseId}/dispatch`, { technicianId: 'tech-1' }));
    ok(await t.http.post('technician', `/v1/cases/${caseId}/arrive`, {}));
    ok(await t.http.post('agent', `/v1/cases/${other}/complaints`, { category: 'service', severity: 'minor', description: 'no call back' }), 201);
    await t.settle();
  });
  afterAll(() => t.dispose());

  it("lists a case's events with who, when and the hash the history shows", async () => {
    const { items, nextCursor } = await events('auditor', `?caseId=${caseId}`);
    const history = ok(await t.http.get('auditor', `/v1/cases/${caseId}/history`)).body;
    expect(nextCursor).toBeNull();
    expect(items.map((i) => [i.revision, i.type, i.actorId, i.actorRole])).toEqual([
      [0, 'CaseReported', 'agent-1', 'agent'],
      [1, 'CustomerContacted', 'agent-1', 'agent'],
      [2, 'TechnicianDispatched', 'dispatcher-1', 'dispatcher'],
      [3, 'TechnicianArrived', 'tech-1', 'technician'],
    ]);
    expect(items.map((i) => [i.position, i.hash])).toEqual(history.events.map((e: AuditItem) => [e.position, e.hash]));
    expect(items[0]).toMatchObject({ caseId, storedType: 'CaseReported.v2', commandId: expect.any(String), correlationId: expect.any(String) });
  });

  it('lists every event of every stream in store order, and filters by actor and event name', async () => {
    const all = (await events('supervisor')).items;
    expect(all.map((i) => i.position)).toEqual(all.map((_, n) => n + 1));
    expect(all.filter((i) => i.caseId !== null)).toHaveLength(6);
    // Reporting a case registers its product unit: that stream is audited too, with no case.
    expect(all.filter((i) => i.caseId === null).map((i) => i.type)).toEqual(['UnitRegistered', 'UnitRegistered']);
    expect((await events('auditor', '?actorId=dispatcher-1')).items.map((i) => i.type)).toEqual(['TechnicianDispatched']);
    expect((await events('auditor', '?type=CaseReported')).items.map((i) => i.caseId)).toEqual([caseId, other]);
    expect((await events('auditor', `?type=ComplaintFiled&caseId=${other}`)).items).toHaveLength(1);
  });

  it('bounds the time an event was recorded with from (inclusive) and to (exclusive)', async () => {
    const all = (await events('auditor')).items;
    const from = all[2]!.recordedAt;
    const to = all[4]!.recordedAt;
    const expected = all.filter((i) => i.recordedAt >= from && i.recordedAt < to).map((i) => i.position);
    const got = await events('auditor', `?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(got.items.map((i) => i.position)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });

  it('pages forwards with an opaque cursor, without duplicates or gaps', async () => {
    const all = (await events('auditor')).items.map((i) => i.position);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page = await events('auditor', `?limit=4${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...page.items.map((i) => i.position));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it.each<TestActor>(['agent', 'dispatcher', 'technician', 'analyst'])('refuses %s with 403', async (actor) => {
    expect((await t.http.get(actor, '/v1/audit/events')).status).toBe(403);
  });

  it('answers admin, and refuses a request without a token', async () => {
    expect((await events('admin')).items).toEqual((await events('auditor')).items);
    expect((await t.http.get(null, '/v1/audit/events')).status).toBe(401);
  });

  it.each(['limit=0', 'limit=501', 'limit=abc', 'from=2026-03-02', 'cursor=bogus', 'stream=x'])('answers 400 to ?%s', async (query) => {
    const res = await t.http.get('auditor', `/v1/audit/events?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe(query.split('=')[0]);
  });

  it('answers CSV with a header row when asked', async () => {
    const positions = (await events('auditor', `?caseId=${caseId}`)).items.map((i) => i.position);
    const res = ok(await t.http.get('auditor', `/v1/audit/events?caseId=${caseId}`, { headers: { accept: 'text/csv' } }));
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = res.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('position,streamId,caseId,revision,type,storedType,occurredAt,recordedAt,actorId,actorRole,correlationId,causationId,commandId,eventId,hash');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 5).join(','))).toEqual(
      ['CaseReported', 'CustomerContacted', 'TechnicianDispatched', 'TechnicianArrived'].map(
        (type, revision) => `${positions[revision]},ServiceCase-${caseId},${caseId},${revision},${type}`,
      ),
    );
  });

  it('documents that from/to bound recordedAt in the OpenAPI description', async () => {
    const doc = ok(await t.http.get(null, '/docs-json')).body;
    expect(doc.paths['/v1/audit/events'].get.description).toMatch(/`from`\/`to` bound `recordedAt`/);
  });
});
