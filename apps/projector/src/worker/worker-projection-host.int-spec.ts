import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningProjections } from '#casetrail/read-models';
import { WorkerProjectionHost } from './worker-projection-host.js';

const nothingLocal: RunningProjections = { start: async () => {}, statuses: () => [], waitFor: async () => {}, stop: async () => {} };
const quiet = { error: () => {}, log: () => {}, debug: () => {} };

describe('WorkerProjectionHost', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'casetrail-worker-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('shows a dead worker as failed, starts another, and answers the waits asked of the dead one', async () => {
    const host = new WorkerProjectionHost(
      ['fake'],
      { eventsFile: join(dir, 'marker'), dataDir: dir, readModelDb: { kind: 'sqlite', file: join(dir, 'unused.sqlite') }, nice: 0 },
      nothingLocal,
      quiet,
      new URL('./testing/crashing-worker.mjs', import.meta.url),
    );
    await host.start();
    expect(host.statuses()).toEqual([{ name: 'fake', state: 'running', position: 1 }]);
    const reached = host.waitFor(5);
    const deadline = Date.now() + 5_000;
    while (host.statuses()[0]!.state !== 'failed' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(host.statuses()[0]).toMatchObject({ state: 'failed', error: expect.stringMatching(/exited with code 3/) });
    await reached;
    expect(host.statuses()).toEqual([{ name: 'fake', state: 'running', position: 5 }]);
    await host.stop();
  }, 10_000);
});
