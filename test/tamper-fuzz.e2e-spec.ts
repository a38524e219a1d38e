import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  CheckpointStore,
  CheckpointWriter,
  EventRowReader,
  loadCheckpointKeys,
  SqliteEventStore,
  verifyStoreWithCheckpoints,
  type Checkpoint,
  type CheckpointKeys,
} from '#casetrail/event-store';
import { appendGenerated } from '../bench/generator/append-generated.js';
import { generateCases } from '../bench/generator/case-generator.js';
import { Prng } from '../bench/generator/prng.js';

const COLUMNS = ['data', 'metadata', 'hash', 'type'] as const;
const TRIALS = 1_000;

/**
 * 1,000 single-byte edits of stored events, one at a time and undone after, as a hex editor would
 * make them (CHECK constraints ignored): every one must be caught and named by stream and revision.
 */
describe('random single-byte tampering with stored events', () => {
  const dir = mkdtempSync(join(tmpdir(), 'casetrail-fuzz-'));
  const file = join(dir, 'events.sqlite');
  let keys: CheckpointKeys;
  let checkpoints: Checkpoint[];
  let db: Database.Database;

  beforeAll(async () => {
    const store = SqliteEventStore.open(file, { clock: { now: () => Date.parse('2026-10-01T00:00:00Z') } });
    for (const generated of generateCases(30, { seed: 99, start: Date.parse('2026-09-01T00:00:00Z'), spanDays: 20 })) await appendGenerated(store, generated);
    keys = loadCheckpointKeys({ dataDir: dir, generateIfMissing: true });
    const checkpointStore = CheckpointStore.open(join(dir, 'checkpoints.sqlite'));
    const writer = new CheckpointWriter(store, checkpointStore, keys, { everyEvents: 50 });
    writer.start();
    await writer.waitFor(await store.headPosition());
    await writer.stop();
    checkpoints = checkpointStore.all();
    checkpointStore.close();
    await store.close();
    db = new Database(file);
    db.pragma('ignore_check_constraints = ON');
  }, 60_000);
  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const verify = () => verifyStoreWithCheckpoints(new EventRowReader(db), checkpoints, keys.publicKey, { gapFree: true, pageSize: 5000 });

  it('starts from an intact store of a few hundred events', async () => {
    const result = await verify();
    expect(result.valid).toBe(true);
    expect(result.chains.totals.events).toBeGreaterThan(200);
    expect(result.checkpoints.status).toBe('intact');
  });

  it('detects every one of 1,000 random single-byte changes and names the stream and revision', async () => {
    const rng = new Prng(20260901);
    const head = db.prepare<[], { n: number }>('SELECT max(position) AS n FROM events').get()!.n;
    const rowAt = db.prepare<[number], { stream_id: string; revision: number }>('SELECT stream_id, revision FROM events WHERE position = ?');
    const read = Object.fromEntries(COLUMNS.map((c) => [c, db.prepare<[number], { v: Buffer }>(`SELECT CAST(${c} AS BLOB) AS v FROM events WHERE position = ?`)]));
    // CAST(… AS TEXT) keeps the bytes as they are, valid UTF-8 or not, in the STRICT table's TEXT column.
    const write = Object.fromEntries(COLUMNS.map((c) => [c, db.prepare<[Buffer, number]>(`UPDATE events SET ${c} = CAST(? AS TEXT) WHERE position = ?`)]));
    const missed: string[] = [];
    const started = Date.now();
    for (let trial = 0; trial < TRIALS; trial++) {
      const position = rng.int(1, head);
      const column = COLUMNS[rng.int(0, COLUMNS.length - 1)]!;
      const { stream_id: streamId, revision } = rowAt.get(position)!;
      const original = read[column]!.get(position)!.v;
      const changed = Buffer.from(original);
      const offset = rng.int(0, changed.length - 1);
      changed[offset] = (changed[offset]! + rng.int(1, 255)) % 256;
      write[column]!.run(changed, position);
      try {
        const result = await verify();
        const named = result.chains.streams.find((s) => s.streamId === streamId && !s.valid && s.firstInvalidRevision === revision);
        if (result.valid || !named) missed.push(`trial ${trial}: ${column} of ${streamId}@${revision} byte ${offset}`);
      } finally {
        write[column]!.run(original, position);
      }
    }
    expect(missed).toEqual([]);
    expect((await verify()).valid).toBe(true);
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 120_000);
});
