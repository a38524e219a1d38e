import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { EVENT_STORE } from '#casetrail/application';
import { CheckpointStore, SqliteEventStore, type EventStore } from '#casetrail/event-store';
import { CheckpointWriterHost } from '../apps/projector/src/checkpoints/checkpoint-writer.host.js';
import { appendGenerated } from '../bench/generator/append-generated.js';
import { generateCases } from '../bench/generator/case-generator.js';
import { runCli } from './support/cli-process.js';
import { makeDataDir, startTestApp } from './support/test-app.js';

// The embedded service reads this when its checkpoint writer starts: a checkpoint every 100 events.
process.env['CASETRAIL_CHECKPOINT_EVERY_EVENTS'] = '100';

/**
 * Generated cases go into the store, the embedded service's checkpoint writer signs checkpoints,
 * then copies of the data folder are cut short behind the store's back and `verify --all` must say so.
 */
describe('signed checkpoints against deleted events', () => {
  const dataDir = makeDataDir();
  const scratch = mkdtempSync(join(tmpdir(), 'casetrail-checkpoints-e2e-'));
  let head = 0;
  let lastSeq = 0;

  beforeAll(async () => {
    const store = SqliteEventStore.open(join(dataDir, 'events.sqlite'), { clock: { now: () => Date.now() } });
    for (const generated of generateCases(60, { seed: 21, start: Date.parse('2026-09-01T00:00:00Z'), spanDays: 30 })) await appendGenerated(store, generated);
    await store.close();
    const app = await startTestApp(dataDir);
    head = await app.app.get<EventStore>(EVENT_STORE).headPosition();
    await app.app.get(CheckpointWriterHost, { strict: false }).running!.waitFor(head);
    await app.close(); // a clean stop signs what the writer saw since its last checkpoint
    const checkpoints = CheckpointStore.open(join(dataDir, 'checkpoints.sqlite'));
    lastSeq = checkpoints.last()!.seq;
    checkpoints.close();
  }, 120_000);
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  });

  /** A copy of the data folder with the event table edited directly, as someone with the file could. */
  function tamperedCopy(name: string, sql: string): string {
    const copy = join(scratch, name);
    cpSync(dataDir, copy, { recursive: true });
    const db = new Database(join(copy, 'events.sqlite'));
    db.exec(sql);
    db.close();
    return copy;
  }

  it('writes checkpoints every 100 events into their own file and publishes the public key', () => {
    expect(head).toBeGreaterThan(300);
    expect(lastSeq).toBe(Math.ceil(head / 100));
    expect(existsSync(join(dataDir, 'checkpoint-key.pub.pem'))).toBe(true);
  });

  it('reports an untouched store intact up to its last checkpoint', async () => {
    const run = await runCli(['verify', '--all'], dataDir);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.checkpoints).toMatchObject({ status: 'intact', intactUpTo: { seq: lastSeq, position: head } });
    expect(run.stderr).toContain(`intact up to checkpoint ${lastSeq} (position ${head})`);
  }, 60_000);

  it('detects the last 150 events deleted, naming the checkpoint that no longer matches', async () => {
    const copy = tamperedCopy('tail', `DELETE FROM events WHERE position > ${head - 150}`);
    const run = await runCli(['verify', '--all'], copy);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.totals.invalidStreams).toBe(0); // every remaining hash chain is intact: only the checkpoints see it
    const firstGone = Math.floor((head - 150) / 100) + 1;
    expect(report.checkpoints.problems[0]).toMatchObject({ kind: 'deleted-tail', seq: firstGone });
    expect(report.checkpoints.summary).toMatch(new RegExp(`deleted tail: the store ends at position ${head - 150}, but checkpoint ${lastSeq} covers position ${head}`));
    expect(report.checkpoints.intactUpTo).toEqual({ seq: firstGone - 1, position: (firstGone - 1) * 100 });
  }, 60_000);

  it('detects one whole stream deleted from the middle of the store', async () => {
    const probe = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
    const victim = probe.prepare<[], { stream_id: string; first: number }>(
      `SELECT stream_id, min(position) AS first FROM events WHERE position > 250 GROUP BY stream_id ORDER BY first LIMIT 1`,
    ).get()!;
    probe.close();
    const copy = tamperedCopy('stream', `DELETE FROM events WHERE stream_id = '${victim.stream_id}'`);
    const run = await runCli(['verify', '--all'], copy);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.totals.invalidStreams).toBe(0);
    expect(report.checkpoints.problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'missing-events', position: victim.first }),
      expect.objectContaining({ kind: 'digest-mismatch', seq: Math.ceil(victim.first / 100) }),
    ]));
    expect(report.checkpoints.intactUpTo).toEqual({ seq: Math.ceil(victim.first / 100) - 1, position: (Math.ceil(victim.first / 100) - 1) * 100 });
  }, 60_000);
});
