import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { caseStreamId } from '#casetrail/domain';
import { SqliteEventStore } from '#casetrail/event-store';
import { join } from 'node:path';
import { reportBody } from './support/fixtures.js';
import { ok, reportCase } from './support/case-steps.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Both ways the SQLite store can write: on the API's thread, and on a writer thread (what `npm start` runs).
describe.each(['inline', 'thread'] as const)('concurrent and repeated commands (event writer %s)', (eventWriter) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(undefined, { eventWriter });
  });
  afterAll(() => t.dispose());

  const revisionsOf = async (caseId: string): Promise<number[]> => {
    const history = ok(await t.http.get('auditor', `/v1/cases/${caseId}/history`));
    return history.body.events.map((e: { revision: number }) => e.revision);
  };

  it('lets exactly one of 20 commands with the same If-Match through; the stream has no gaps', async () => {
    const id = await reportCase(t.http);
    const attempts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.http.post('agent', `/v1/cases/${id}/progress-updates`, { kind: 'progress', channel: 'sms', message: `update ${i}` }, { headers: { 'if-match': '"0"' } }),
      ),
    );
    const statuses = attempts.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(19);
    expect(await revisionsOf(id)).toEqual([0, 1]);
  });

  it('applies 20 concurrent commands without If-Match one after another, gap-free', async () => {
    const id = await reportCase(t.http);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => t.http.post('agent', `/v1/cases/${id}/progress-updates`, { kind: 'progress', channel: 'sms', message: `u${i}` })),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.map((r) => r.body.revision).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await revisionsOf(id)).toEqual(Array.from({ length: 21 }, (_, i) => i));
  });

  it('stores a retried command once and answers it again with the same status, body and ETag', async () => {
    const headers = { headers: { 'idempotency-key': 'report-once' } };
    const body = reportBody();
    const first = ok(await t.http.post('agent', '/v1/cases', body, headers), 201);
    const again = ok(await t.http.post('agent', '/v1/cases', body, headers), 201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    const id = first.body.caseId as string;
    const step = { headers: { 'idempotency-key': 'contact-once' } };
    const c1 = ok(await t.http.post('agent', `/v1/cases/${id}/contact`, { channel: 'phone' }, step));
    const c2 = ok(await t.http.post('agent', `/v1/cases/${id}/contact`, { channel: 'phone' }, step));
    expect(c2.body).toEqual(c1.body);
    expect(await revisionsOf(id)).toEqual([0, 1]);
  });

  it('scopes idempotency keys per actor', async () => {
    const headers = { headers: { 'idempotency-key': 'shared-key' } };
    const a = ok(await t.http.post('agent', '/v1/cases', reportBody(), headers), 201);
    const b = ok(await t.http.post('supervisor', '/v1/cases', reportBody(), headers), 201);
    expect(a.body.caseId).not.toBe(b.body.caseId);
  });

  it('never stores a command twice when the same key races with itself', async () => {
    const id = await reportCase(t.http);
    const headers = { headers: { 'idempotency-key': 'racing' } };
    const body = { kind: 'progress', channel: 'sms', message: 'once' };
    const results = await Promise.all(Array.from({ length: 10 }, () => t.http.post('agent', `/v1/cases/${id}/progress-updates`, body, headers)));
    for (const r of results) expect([200, 409]).toContain(r.status);
    for (const r of results.filter((r) => r.status === 409)) expect(r.body.code).toBe('IDEMPOTENCY.IN_FLIGHT');
    expect(results.filter((r) => r.status === 200).every((r) => r.body.revision === 1)).toBe(true);
    expect(await revisionsOf(id)).toEqual([0, 1]);
  });

  it('derives event ids from the idempotency key, so the store itself refuses a second copy', async () => {
    const headers = { headers: { 'idempotency-key': 'derived-ids' } };
    const first = ok(await t.http.post('agent', '/v1/cases', reportBody(), headers), 201);
    const store = SqliteEventStore.open(join(t.dataDir, 'events.sqlite'), { clock: { now: () => Date.now() } });
    try {
      const [event] = await store.readStream(caseStreamId(first.body.caseId));
      expect(event!.metadata.commandId).toBe('derived-ids');
      expect(event!.metadata.eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      await store.close();
    }
  });

  it('decides on the stored case when another process moved it on, whatever this one remembers', async () => {
    const other = await startTestApp(t.dataDir);
    try {
      const progress = (message: string) => ({ kind: 'progress', channel: 'sms', message });
      const id = await reportCase(t.http);
      ok(await t.http.post('agent', `/v1/cases/${id}/progress-updates`, progress('seen here')));
      // The second server (another process on the same files) contacts the customer.
      ok(await other.http.post('agent', `/v1/cases/${id}/contact`, { channel: 'phone' }));
      // Dispatching a case still "reported" is refused: here it must be decided on the contacted case.
      expect(ok(await t.http.post('dispatcher', `/v1/cases/${id}/dispatch`, { technicianId: 'tech-1' })).body).toMatchObject({ revision: 3, status: 'dispatched' });
      // If-Match names the revision the other process wrote.
      ok(await other.http.post('agent', `/v1/cases/${id}/progress-updates`, progress('seen there')));
      expect(ok(await t.http.post('agent', `/v1/cases/${id}/progress-updates`, progress('if-match'), { headers: { 'if-match': '"4"' } })).body.revision).toBe(5);
      // A command the remembered state allows meets a stream that moved on: appended after it, not lost.
      ok(await other.http.post('agent', `/v1/cases/${id}/progress-updates`, progress('there again')));
      expect(ok(await t.http.post('technician', `/v1/cases/${id}/arrive`, {})).body).toMatchObject({ revision: 7, status: 'on-site' });
      expect(await revisionsOf(id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    } finally {
      await other.close();
    }
  });
});
