import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EVENT_STORE } from '#casetrail/application';
import type { EventStore } from '#casetrail/event-store';
import { AppModule } from '../apps/api/src/app.module.js';
import { createHttpApp, loadConfig } from '../apps/api/src/platform/index.js';
import { reportCase } from './support/case-steps.js';
import { HttpClient } from './support/http-client.js';
import { makeDataDir } from './support/test-app.js';

/** Per-token limits, set low (2/s, burst 5; reads 10/s, burst 25) so a burst is easy to provoke. */
describe('rate limiting per token', () => {
  const dataDir = makeDataDir();
  let app: NestFastifyApplication;
  let http: HttpClient;
  let store: EventStore;
  let burstCaseId = '';

  beforeAll(async () => {
    const config = loadConfig({
      CASETRAIL_DATA_DIR: dataDir,
      CASETRAIL_AUTH_FILE: join(dataDir, 'auth.json'),
      LOG_LEVEL: 'error',
      CASETRAIL_RATE_LIMIT_PER_SECOND: '2',
      CASETRAIL_RATE_LIMIT_BURST: '5',
    });
    app = await createHttpApp(AppModule.forRoot(config), config, { logger: false });
    await app.listen(0, '127.0.0.1');
    http = new HttpClient((await app.getUrl()).replace('[::1]', '127.0.0.1'));
    store = app.get<EventStore>(EVENT_STORE);
  });
  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers a burst over the limit with 429 RATE_LIMITED and Retry-After, and writes nothing for it', async () => {
    const caseId = (burstCaseId = await reportCase(http));
    const before = await store.headPosition();
    const update = { kind: 'progress', channel: 'sms', message: 'still waiting for parts' };
    const answers = await Promise.all(Array.from({ length: 12 }, () => http.post('agent', `/v1/cases/${caseId}/progress-updates`, update)));
    const accepted = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status === 429);
    expect(accepted.length + refused.length).toBe(12);
    expect(accepted.length).toBeGreaterThanOrEqual(4);
    expect(refused.length).toBeGreaterThanOrEqual(6);
    for (const answer of refused) {
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(answer.body).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    expect((await store.headPosition()) - before).toBe(accepted.length);
    const history = await http.get('auditor', `/v1/cases/${caseId}/history`);
    expect(history.body.events).toHaveLength(1 + accepted.length);
  });

  it('leaves another token unaffected', async () => {
    const update = { kind: 'progress', channel: 'sms', message: 'on it' };
    const drained = await Promise.all(Array.from({ length: 8 }, () => http.post('agent', `/v1/cases/${burstCaseId}/progress-updates`, update)));
    expect(drained.some((a) => a.status === 429)).toBe(true);
    expect((await http.post('supervisor', `/v1/cases/${burstCaseId}/progress-updates`, update)).status).toBe(200);
  });

  it('limits reads separately and more loosely than writes', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => http.get('analyst', '/v1/cases?limit=1')));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const more = await Promise.all(Array.from({ length: 15 }, () => http.get('analyst', '/v1/cases?limit=1')));
    expect(more.some((a) => a.status === 429)).toBe(true);
  });

  it('does not limit public routes or answer 429 before authentication', async () => {
    const unauthenticated = await Promise.all(Array.from({ length: 10 }, () => http.post(null, '/v1/cases', {})));
    expect(unauthenticated.every((a) => a.status === 401)).toBe(true);
    expect((await http.get(null, '/health')).status).toBe(200);
  });
});
