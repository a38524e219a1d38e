import { afterAll, describe, expect, it } from '@jest/globals';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { reportBody } from './support/fixtures.js';
import { HttpClient } from './support/http-client.js';
import { kill, startServerProcess } from './support/server-process.js';
import { makeDataDir } from './support/test-app.js';

/**
 * The built service (`npm start`'s entry point) is killed with SIGKILL while clients are appending.
 * Every command it acknowledged must be there after a restart, and no chain may be broken.
 */
describe.each(['inline', 'thread'])('a server killed mid-append (event writer %s)', (writer) => {
  const dataDir = makeDataDir();
  const env = { CASETRAIL_DATA_DIR: dataDir, CASETRAIL_AUTH_FILE: join(dataDir, 'auth.json'), CASETRAIL_EVENT_WRITER: writer };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('loses no acknowledged command and leaves no partial event', async () => {
    const first = await startServerProcess(env);
    const http = new HttpClient(first.url);
    const acknowledged: Array<{ caseId: string; revision: number }> = [];
    let stop = false;
    const worker = async (): Promise<void> => {
      while (!stop) {
        try {
          const created = await http.post('agent', '/v1/cases', reportBody());
          if (created.status !== 201) continue;
          acknowledged.push({ caseId: created.body.caseId, revision: 0 });
          for (let i = 0; i < 5 && !stop; i++) {
            const res = await http.post('agent', `/v1/cases/${created.body.caseId}/progress-updates`, { kind: 'progress', channel: 'sms', message: `m${i}` });
            if (res.status === 200) acknowledged.push({ caseId: created.body.caseId, revision: res.body.revision });
          }
        } catch {
          return; // the server is gone
        }
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    while (acknowledged.length < 300) await new Promise((r) => setTimeout(r, 5));
    await kill(first.child, 'SIGKILL');
    stop = true;
    await Promise.all(workers);

    const second = await startServerProcess(env);
    try {
      const after = new HttpClient(second.url);
      const byCase = new Map<string, number>();
      for (const { caseId, revision } of acknowledged) byCase.set(caseId, Math.max(byCase.get(caseId) ?? 0, revision));
      for (const [caseId, lastAcknowledged] of byCase) {
        const history = await after.get('auditor', `/v1/cases/${caseId}/history`);
        const revisions: number[] = history.body.events.map((e: { revision: number }) => e.revision);
        expect(revisions.length).toBeGreaterThanOrEqual(lastAcknowledged + 1);
        expect(revisions).toEqual(revisions.map((_, i) => i));
        expect((await after.get('auditor', `/v1/cases/${caseId}/verify`)).body.valid).toBe(true);
      }
    } finally {
      await kill(second.child, 'SIGTERM');
    }
  }, 60_000);
});
