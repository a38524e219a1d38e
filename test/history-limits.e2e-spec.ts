import { afterAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { EVENT_STORE } from '#casetrail/application';
import { caseStreamId } from '#casetrail/domain';
import { CASE_EVENT_TYPES, type EventStore, type NewEvent } from '#casetrail/event-store';
import { ok, reportCase } from './support/case-steps.js';
import { startTestApp } from './support/test-app.js';

const UPDATES = 1_200;
const agent = { id: 'agent-1', role: 'agent' } as const;

const t = await startTestApp();
const caseId = await reportCase(t.http);
// A long-lived case: 1,200 progress updates after the report, appended in a few batches.
const reportedAt = Date.parse(ok(await t.http.get('agent', `/v1/cases/${caseId}`)).body.reportedAt);
const store = t.app.get<EventStore>(EVENT_STORE);
for (let from = 0; from < UPDATES; from += 300) {
  const batch: NewEvent[] = Array.from({ length: 300 }, (_, i) => {
    const id = randomUUID();
    const occurredAt = new Date(reportedAt + (from + i + 1) * 1000).toISOString();
    return {
      type: CASE_EVENT_TYPES.ProgressUpdateSent,
      data: { caseId, kind: 'progress', channel: 'sms', message: `update ${from + i + 1}` },
      metadata: { eventId: id, commandId: id, correlationId: id, causationId: null, actor: agent, occurredAt },
    };
  });
  await store.appendToStream(caseStreamId(caseId), batch, { expectedRevision: from });
}
const history = (query = '') => t.http.get('auditor', `/v1/cases/${caseId}/history${query}`);

describe('a case history longer than one answer', () => {
  afterAll(() => t.dispose());

  it('serves the first 1,000 events and says where to continue', async () => {
    const res = ok(await history());
    expect(res.body.events).toHaveLength(1_000);
    expect(res.body.events[0].revision).toBe(0);
    expect(res.body.events.at(-1).revision).toBe(999);
    expect(res.body.nextRevision).toBe(1_000);
  });

  it('continues from nextRevision with the state and clocks as they stood, to the end', async () => {
    const res = ok(await history('?fromRevision=1000'));
    expect(res.body.events.map((e: { revision: number }) => e.revision)).toEqual(Array.from({ length: UPDATES - 999 }, (_, i) => 1_000 + i));
    expect(res.body.nextRevision).toBeUndefined();
    const last = res.body.events.at(-1);
    expect(last.state).toMatchObject({ status: 'reported', caseId });
    expect(last.data).toMatchObject({ message: `update ${UPDATES}` });
    expect(last.slaClocks.map((c: { clock: string }) => c.clock)).toEqual(expect.arrayContaining(['firstResponse', 'onSite']));
    expect(ok(await history(`?revision=1100&fromRevision=1100`)).body.events[0]).toEqual(res.body.events[100]);
  });

  it('keeps revision and asOf as bounds of the whole list', async () => {
    const bounded = ok(await history('?revision=1500'));
    expect(bounded.body.nextRevision).toBe(1_000);
    const tail = ok(await history('?revision=1050&fromRevision=1000'));
    expect(tail.body.events).toHaveLength(51);
    expect(tail.body.nextRevision).toBeUndefined();
    const asOf = new Date(reportedAt + 1_100_500).toISOString();
    const page = ok(await history(`?asOf=${encodeURIComponent(asOf)}&fromRevision=1000`));
    expect(page.body.events.at(-1).revision).toBe(1_100);
    expect(page.body).toMatchObject({ asOf, slaClocks: expect.any(Array) });
    expect(page.body.nextRevision).toBeUndefined();
  });

  it('answers an empty page past the end', async () => {
    const res = ok(await history('?fromRevision=5000'));
    expect(res.body.events).toEqual([]);
    expect(res.body.nextRevision).toBeUndefined();
  });

  it.each(['-1', 'abc', '1.5'])('refuses fromRevision=%s with a field error', async (value) => {
    const res = await history(`?fromRevision=${value}`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'fromRevision', message: 'must be a whole number' }]);
  });

  it('keeps the other limits: list pages of at most 500, bodies of at most 64 KiB', async () => {
    expect((await t.http.get('supervisor', '/v1/cases?limit=501')).status).toBe(400);
    expect(ok(await t.http.get('supervisor', '/v1/cases?limit=500')).status).toBe(200);
    const huge = await t.http.post('agent', `/v1/cases/${caseId}/progress-updates`, { kind: 'progress', channel: 'sms', message: 'x'.repeat(70 * 1024) });
    expect(huge.status).toBe(413);
  });
});
