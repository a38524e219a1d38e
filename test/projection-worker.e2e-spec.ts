import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { systemClock } from '#casetrail/domain';
import { CheckpointStore, checkpointsFileIn, SqliteEventStore } from '#casetrail/event-store';
import { ok, reportCase } from './support/case-steps.js';
import { HttpClient } from './support/http-client.js';
import { kill, startServerProcess } from './support/server-process.js';
import { makeDataDir } from './support/test-app.js';

interface Status {
  readonly name: string;
  readonly state: string;
  readonly position: number;
  readonly failedPosition?: number;
  readonly error?: string;
}

/**
 * The built server (`npm start`) runs the projections on a worker thread: the read models must follow
 * the API's appends at once, /health must show every projection, a projection failing inside the
 * worker must still turn /health degraded, and SIGTERM must stop the worker cleanly.
 */
describe('projections on a worker thread of the built server', () => {
  const dataDir = makeDataDir();
  const env = { CASETRAIL_DATA_DIR: dataDir, CASETRAIL_AUTH_FILE: join(dataDir, 'auth.json') };
  let child: ChildProcess;
  let http: HttpClient;
  const projections = async (): Promise<{ status: string; list: Status[] }> => {
    const health = await http.get(null, '/health');
    return { status: health.body.status, list: health.body.details.projections.projections };
  };
  const until = async <T>(probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> => {
    const deadline = Date.now() + 10_000;
    let value = await probe();
    while (!done(value) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
      value = await probe();
    }
    return value;
  };

  beforeAll(async () => {
    const started = await startServerProcess(env);
    child = started.child;
    http = new HttpClient(started.url);
  });
  afterAll(async () => {
    await kill(child, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows a reported case in the read models and every projection in /health', async () => {
    const id = await reportCase(http);
    const list = await until(
      () => http.get('analyst', '/v1/cases'),
      (res) => res.status === 200 && res.body.items.some((c: { caseId: string }) => c.caseId === id),
    );
    expect(list.body.items.map((c: { caseId: string }) => c.caseId)).toContain(id);
    const health = await until(projections, (h) => h.list.every((p) => p.position >= 1));
    expect(health).toMatchObject({ status: 'ok' });
    expect(health.list.map((p) => [p.name, p.state])).toEqual([
      ['case-summary', 'running'],
      ['audit', 'running'],
      ['complaints', 'running'],
      ['satisfaction', 'running'],
      ['sla', 'running'],
      ['product-units', 'running'],
      ['warranty-process-manager', 'running'],
    ]);
  });

  (process.platform === 'linux' ? it : it.skip)('runs the worker thread 10 nice levels below the API thread, and no other thread', () => {
    // Field 19 of /proc/<pid>/task/<tid>/stat is the thread's nice value.
    const niceOf = (tid: string): number => {
      const stat = readFileSync(`/proc/${child.pid}/task/${tid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    };
    const api = niceOf(String(child.pid));
    const others = readdirSync(`/proc/${child.pid}/task`).filter((tid) => tid !== String(child.pid)).map(niceOf);
    expect(others.filter((nice) => nice !== api)).toEqual([Math.min(19, api + 10)]);
  });

  it('turns /health degraded when a projection in the worker meets an event it cannot read', async () => {
    const id = await reportCase(http);
    // Another connection on the file (as a second process would) writes an event of an unknown type.
    const store = SqliteEventStore.open(join(dataDir, 'events.sqlite'), { clock: systemClock });
    let bad: { position: number };
    try {
      bad = await store.appendToStream(`ServiceCase-${id}`, [
        {
          type: 'CaseTeleported.v9',
          data: { caseId: id },
          metadata: { eventId: '0b8a7a86-1a53-4d44-9a59-000000000002', commandId: 'c', correlationId: 'c', causationId: null, actor: { id: 'x', role: 'admin' }, occurredAt: new Date().toISOString() },
        },
      ], { expectedRevision: 0 });
    } finally {
      await store.close();
    }
    await reportCase(http); // the API's next append wakes the worker, which then reads both
    const caseSummary = (h: { list: Status[] }) => h.list.find((p) => p.name === 'case-summary');
    const health = await until(projections, (h) => caseSummary(h)?.state === 'failed');
    expect(health.status).toBe('degraded');
    expect(caseSummary(health)).toMatchObject({ state: 'failed', failedPosition: bad.position, error: expect.stringMatching(/CaseTeleported/) });
  });

  it('stops the worker on SIGTERM, whose checkpoint writer signs the head on its way out', async () => {
    const head = ok(await http.get(null, '/health')).body.details.eventStore.headPosition as number;
    const started = Date.now();
    await kill(child, 'SIGTERM');
    // Nest closes the app (the worker included), then re-raises the signal.
    expect(child.signalCode === 'SIGTERM' || child.exitCode === 0).toBe(true);
    expect(Date.now() - started).toBeLessThan(5_000);
    const checkpoints = CheckpointStore.open(checkpointsFileIn(dataDir));
    try {
      expect(checkpoints.last()?.position).toBe(head);
    } finally {
      checkpoints.close();
    }
  });
});
