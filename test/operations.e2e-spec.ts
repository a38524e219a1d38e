import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ok, reportCase } from './support/case-steps.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('health and metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.dispose());

  it('reports readiness with the event store, the read-model database and every projection', async () => {
    await reportCase(t.http);
    await t.settle();
    const res = ok(await t.http.get(null, '/health'));
    expect(res.body).toMatchObject({ status: 'ok', details: { eventStore: { status: 'up' }, readModels: { status: 'up' }, projections: { status: 'up' } } });
    for (const p of res.body.details.projections.projections) expect(p).toMatchObject({ state: 'running', lag: 0 });
    ok(await t.http.get(null, '/health/live'));
    ok(await t.http.get(null, '/health/ready'));
  });

  it('exposes Prometheus metrics: commands by outcome, latencies, projection positions and lag', async () => {
    await reportCase(t.http);
    await t.http.post('agent', '/v1/cases/no-such/contact', { channel: 'phone' });
    await t.settle();
    const res = ok(await t.http.get(null, '/metrics'));
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.text).toMatch(/^casetrail_commands_total\{command="ReportCase",outcome="ok"\} [1-9]/m);
    expect(res.text).toMatch(/^casetrail_commands_total\{command="ContactCustomer",outcome="CASE\.NOT_FOUND"\} 1$/m);
    expect(res.text).toMatch(/^casetrail_command_duration_seconds_count\{command="ReportCase"\} [1-9]/m);
    expect(res.text).toMatch(/^casetrail_http_requests_total\{method="POST",route="\/v1\/cases",status="201"\} [1-9]/m);
    expect(res.text).toMatch(/^casetrail_projection_lag_events\{projection="case-summary"\} 0$/m);
    expect(res.text).toMatch(/^casetrail_event_store_head_position [1-9]/m);
  });
});
