import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { repairBody, surveyBody } from '../support/fixtures.js';
import { caseOnSite, ok } from '../support/case-steps.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { esdbTargets } from './esdb-targets.js';

/**
 * The API on `EVENT_STORE=esdb`: the whole write side and the projections through the EventStoreDB
 * adapter (against the target esdb-targets names — the wire-level double here, a live server when
 * EVENTSTORE_CONNECTION_STRING is set).
 */
describe.each(esdbTargets.slice(0, 1))('the service on EventStoreDB: $label', (target) => {
  let t: TestApp;
  let stop: () => Promise<void>;
  const saved = { ...process.env };

  beforeAll(async () => {
    const started = await target.start();
    stop = started.stop;
    process.env['EVENT_STORE'] = 'esdb';
    process.env['EVENTSTORE_CONNECTION_STRING'] = started.connectionString;
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.dispose();
    await stop();
    process.env = saved;
  });

  it('runs a case end to end, keeps the hash chain, and projects it', async () => {
    const id = await caseOnSite(t.http);
    ok(await t.http.post('technician', `/v1/cases/${id}/repair`, repairBody()));
    ok(await t.http.post('agent', `/v1/cases/${id}/accept`, { signedBy: 'Customer' }));
    const surveyed = ok(await t.http.post('agent', `/v1/cases/${id}/survey`, surveyBody));
    expect(surveyed.body).toEqual({ caseId: id, revision: 6, status: 'surveyed' });
    expect(ok(await t.http.get('auditor', `/v1/cases/${id}/verify`)).body).toMatchObject({ valid: true, events: 7 });
    const stale = await t.http.post('agent', `/v1/cases/${id}/progress-updates`, { kind: 'progress', channel: 'sms', message: 'x' }, { headers: { 'if-match': '"3"' } });
    expect(stale.status).toBe(412);
    await t.settle();
    const list = ok(await t.http.get('analyst', '/v1/cases?status=surveyed'));
    expect(list.body.items.map((c: { caseId: string }) => c.caseId)).toContain(id);
  });

  it('replays a retried command instead of storing it twice', async () => {
    const id = await caseOnSite(t.http);
    const headers = { headers: { 'idempotency-key': 'esdb-retry' } };
    const body = { kind: 'progress', channel: 'sms', message: 'once' };
    const first = ok(await t.http.post('agent', `/v1/cases/${id}/progress-updates`, body, headers));
    const again = ok(await t.http.post('agent', `/v1/cases/${id}/progress-updates`, body, headers));
    expect(again.body).toEqual(first.body);
    expect(ok(await t.http.get('auditor', `/v1/cases/${id}/history`)).body.events).toHaveLength(5);
  });
});
