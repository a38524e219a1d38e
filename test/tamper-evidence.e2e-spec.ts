import { afterAll, describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ok, reportCase } from './support/case-steps.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('a byte changed in the event store file', () => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const a of apps) await a.close();
    await apps[0]?.dispose();
  });

  it('is detected by verify, which names the first revision that no longer matches', async () => {
    const first = await startTestApp();
    apps.push(first);
    const marker = 'TAMPER-ME-PLEASE';
    const id = await reportCase(first.http);
    ok(await first.http.post('agent', `/v1/cases/${id}/contact`, { channel: 'phone', note: marker }));
    ok(await first.http.post('agent', `/v1/cases/${id}/progress-updates`, { kind: 'progress', channel: 'sms', message: 'later' }));
    expect(ok(await first.http.get('auditor', `/v1/cases/${id}/verify`)).body.valid).toBe(true);
    await first.close();

    const file = join(first.dataDir, 'events.sqlite');
    const bytes = readFileSync(file);
    const at = bytes.indexOf(Buffer.from(marker));
    expect(at).toBeGreaterThan(0);
    bytes[at] = 'X'.charCodeAt(0);
    writeFileSync(file, bytes);

    const second = await startTestApp(first.dataDir);
    apps.push(second);
    const res = ok(await second.http.get('auditor', `/v1/cases/${id}/verify`));
    expect(res.body).toMatchObject({ caseId: id, valid: false, firstInvalidRevision: 1 });
  });
});
