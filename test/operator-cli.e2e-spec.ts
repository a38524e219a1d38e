import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { READ_MODEL_DB } from '#casetrail/application';
import { SqliteEventStore } from '#casetrail/event-store';
import { ALL_PROJECTIONS, digestProjection, type ReadModelDb } from '#casetrail/read-models';
import { appendGenerated } from '../bench/generator/append-generated.js';
import { generateCases } from '../bench/generator/case-generator.js';
import { parseDigests, runCli, startCli } from './support/cli-process.js';
import { makeDataDir, startTestApp } from './support/test-app.js';

/** The operator commands of the embedded profile, run as a user runs them, on a store of generated cases. */
describe('npm run cli', () => {
  const dataDir = makeDataDir();
  let live: Record<string, string> = {};
  let someCaseId = '';

  beforeAll(async () => {
    const store = SqliteEventStore.open(join(dataDir, 'events.sqlite'), { clock: { now: () => Date.now() } });
    for (const generated of generateCases(1_200, { seed: 7, start: Date.parse('2026-09-01T00:00:00Z'), spanDays: 60 })) {
      await appendGenerated(store, generated);
      someCaseId ||= generated.caseId;
    }
    await store.close();
    const app = await startTestApp(dataDir);
    await app.settle();
    const db = app.app.get<ReadModelDb>(READ_MODEL_DB);
    for (const projection of ALL_PROJECTIONS) {
      for (const d of await digestProjection(db, projection)) live[d.table] = `${d.rows} ${d.sha256}`;
    }
    await app.close();
  }, 120_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('rebuilds every projection from zero to the same rows as the live projections', async () => {
    expect(Object.keys(live).length).toBeGreaterThan(0);
    const run = await runCli(['rebuild'], dataDir);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/events\/s\s+ETA/);
    expect(parseDigests(run.stdout)).toEqual(live);
  }, 120_000);

  it('rebuilds on one thread when asked, to the same rows, and refuses a second thread where it does not apply', async () => {
    const run = await runCli(['rebuild', '--threads', '1'], dataDir);
    expect(run.code).toBe(0);
    expect(parseDigests(run.stdout)).toEqual(live);
    const sla = await runCli(['rebuild', '--projection', 'sla'], dataDir);
    expect(sla.code).toBe(0);
    expect(parseDigests(sla.stdout)).toEqual(Object.fromEntries(Object.entries(live).filter(([table]) => table.startsWith('sla_'))));
    const one = await runCli(['rebuild', '--threads', '2', '--projection', 'sla'], dataDir);
    expect(one.code).not.toBe(0);
    expect(one.stderr).toMatch(/--threads 2 rebuilds the whole embedded read-model file only/);
    const three = await runCli(['rebuild', '--threads', '3'], dataDir);
    expect(three.code).not.toBe(0);
    expect(three.stderr).toMatch(/--threads is 1 or 2/);
  }, 120_000);

  it('leaves the read models as they were when a rebuild is killed part-way, and ends with the same digest when run again', async () => {
    const child = startCli(['rebuild', '--batch-size', '100'], dataDir);
    let progress = '';
    child.stderr!.on('data', (d) => (progress += d));
    const exited = once(child, 'exit');
    while (!/[1-9]\d*\/\d+ events/.test(progress) && child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    await exited;
    const untouched = await runCli(['digest'], dataDir);
    expect(parseDigests(untouched.stdout)).toEqual(live);
    const run = await runCli(['rebuild'], dataDir);
    expect(run.code).toBe(0);
    expect(parseDigests(run.stdout)).toEqual(live);
  }, 120_000);

  it('refuses to rebuild while the service has the read models open, and leaves them as they were', async () => {
    const app = await startTestApp(dataDir);
    try {
      const run = await runCli(['rebuild'], dataDir);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toMatch(/read-models\.sqlite is open in another process/);
    } finally {
      await app.close();
    }
    const untouched = await runCli(['digest'], dataDir);
    expect(parseDigests(untouched.stdout)).toEqual(live);
  }, 120_000);

  it('verifies every hash chain', async () => {
    const run = await runCli(['verify', '--all'], dataDir);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: true, totals: { streams: 1_200, invalidStreams: 0 } });
  }, 60_000);

  it('replays a case with its state and clocks after each event', async () => {
    const run = await runCli(['replay', someCaseId], dataDir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/#0 .* CaseReported .* → reported/);
    expect(run.stdout).toMatch(/firstResponse\s+(met|breached|running|at-risk|overdue)/);
  }, 60_000);
});
