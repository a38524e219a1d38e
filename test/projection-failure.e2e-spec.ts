import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EVENT_STORE } from '#casetrail/application';
import type { EventStore } from '#casetrail/event-store';
import { ok, reportCase } from './support/case-steps.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * An event no projection can read (a type this build does not know) must stop the projections
 * loudly — recorded with its position and error, /health degraded — and never be skipped.
 */
describe('a projection that meets an event it cannot project', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.dispose());

  it('stops at that event, says so in /health and keeps serving everything before it', async () => {
    const id = await reportCase(t.http);
    await t.settle();
    const store = t.app.get<EventStore>(EVENT_STORE);
    const bad = await store.appendToStream(`ServiceCase-${id}`, [
      {
        type: 'CaseTeleported.v9',
        data: { caseId: id },
        metadata: { eventId: '0b8a7a86-1a53-4d44-9a59-000000000001', commandId: 'c', correlationId: 'c', causationId: null, actor: { id: 'x', role: 'admin' }, occurredAt: new Date().toISOString() },
      },
    ], { expectedRevision: 0 });

    const deadline = Date.now() + 10_000;
    let health = ok(await t.http.get(null, '/health'));
    while (health.body.status !== 'degraded' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
      health = ok(await t.http.get(null, '/health'));
    }
    expect(health.body.status).toBe('degraded');
    const failed = health.body.details.projections.projections.find((p: { name: string }) => p.name === 'case-summary');
    expect(failed).toMatchObject({ state: 'failed', failedPosition: bad.position, position: bad.position - 1 });
    expect(failed.error).toMatch(/CaseTeleported\.v9/);
    const list = ok(await t.http.get('analyst', '/v1/cases'));
    expect(list.body.items.map((c: { caseId: string }) => c.caseId)).toContain(id);
  });
});
