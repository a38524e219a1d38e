import Database from 'better-sqlite3';
import { generateKeyPairSync } from 'node:crypto';
import { computeEventHash } from '../hash-chain/event-hash.js';
import { EventRowReader } from './event-row-reader.js';
import { CheckpointedStore } from './testing/checkpointed-store.js';
import { verifyStoreWithCheckpoints } from './verify-store.js';

/** 6 streams × 10 events = positions 1–60; checkpoints every 15 events at 15, 30, 45, 60. */
describe('verifying the store against its signed checkpoints', () => {
  let t: CheckpointedStore;
  beforeEach(async () => {
    t = new CheckpointedStore();
    await t.append(6, 10);
    await t.runWriter({ everyEvents: 15 });
    await t.store.close();
  });
  afterEach(() => t.dispose());

  async function verifyWith(edit?: (db: Database.Database) => void, publicKey = t.keys.publicKey) {
    const db = new Database(t.eventsFile);
    try {
      edit?.(db);
      return await verifyStoreWithCheckpoints(new EventRowReader(db), t.checkpoints.all(), publicKey, { gapFree: true });
    } finally {
      db.close();
    }
  }

  it('reports an untouched store intact up to its last checkpoint', async () => {
    const result = await verifyWith();
    expect(result.valid).toBe(true);
    expect(result.checkpoints).toMatchObject({ status: 'intact', checkpoints: 4, intactUpTo: { seq: 4, position: 60 }, uncoveredEvents: 0 });
    expect(result.checkpoints.summary).toMatch(/^intact up to checkpoint 4 \(position 60\)/);
  });

  it('names a deleted tail that every remaining hash chain would hide', async () => {
    const result = await verifyWith((db) => db.prepare('DELETE FROM events WHERE position > 52').run());
    expect(result.chains.valid).toBe(true);
    expect(result.valid).toBe(false);
    expect(result.checkpoints.problems[0]).toMatchObject({ kind: 'deleted-tail', seq: 4 });
    expect(result.checkpoints.summary).toMatch(/store ends at position 52, but checkpoint 4 covers position 60.*intact up to checkpoint 3 \(position 45\)/);
  });

  it('names a deleted stream by the positions it leaves empty and the checkpoint that no longer matches', async () => {
    const result = await verifyWith((db) => db.prepare("DELETE FROM events WHERE stream_id = 'ServiceCase-s2'").run());
    expect(result.chains.valid).toBe(true);
    expect(result.checkpoints.problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'missing-events', position: 3 }),
      expect.objectContaining({ kind: 'digest-mismatch', seq: 1 }),
    ]));
    expect(result.checkpoints.intactUpTo).toBeNull();
  });

  it('names the checkpoint after an event rewritten together with its hash, which no chain notices', async () => {
    const result = await verifyWith((db) => {
      const row = db.prepare<[], { type: string; data: string; metadata: string }>('SELECT type, data, metadata FROM events WHERE position = 57').get()!;
      const data = { ...JSON.parse(row.data), s: 99 };
      const hash = computeEventHash({ type: row.type, data, metadata: JSON.parse(row.metadata) });
      db.prepare('UPDATE events SET data = ?, hash = ? WHERE position = 57').run(JSON.stringify(data), hash);
    });
    expect(result.chains.valid).toBe(true);
    expect(result.checkpoints.problems).toEqual([expect.objectContaining({ kind: 'digest-mismatch', seq: 4, position: 60 })]);
    expect(result.checkpoints.intactUpTo).toEqual({ seq: 3, position: 45 });
  });

  it('notices a forged checkpoint and a checkpoint deleted from its file', async () => {
    const forged = t.checkpoints.all().map((cp) => (cp.seq === 2 ? { ...cp, digest: 'f'.repeat(64) } : cp)).filter((cp) => cp.seq !== 3);
    const db = new Database(t.eventsFile);
    const result = await verifyStoreWithCheckpoints(new EventRowReader(db), forged, t.keys.publicKey, { gapFree: true });
    db.close();
    expect(result.checkpoints.problems.map((p) => p.kind)).toEqual(expect.arrayContaining(['missing-checkpoint', 'bad-signature']));
    expect(result.checkpoints.intactUpTo).toEqual({ seq: 1, position: 15 });
  });

  it('refuses checkpoints signed by a key other than the one the auditor trusts', async () => {
    const result = await verifyWith(undefined, generateKeyPairSync('ed25519').publicKey);
    expect(result.valid).toBe(false);
    expect(result.checkpoints.problems[0]).toMatchObject({ kind: 'unknown-key', seq: 1 });
  });

  it('names the revision whose JSON no longer parses instead of crashing', async () => {
    const reader = { current: null as EventRowReader | null };
    const db = new Database(t.eventsFile);
    db.pragma('ignore_check_constraints = ON');
    db.prepare("UPDATE events SET metadata = '{broken' WHERE position = 8").run();
    reader.current = new EventRowReader(db);
    const result = await verifyStoreWithCheckpoints(reader.current, t.checkpoints.all(), t.keys.publicKey, { gapFree: true });
    db.close();
    expect(reader.current.unreadable).toEqual([{ streamId: 'ServiceCase-s1', revision: 1, position: 8, column: 'metadata' }]);
    expect(result.chains.streams.find((s) => !s.valid)).toMatchObject({ streamId: 'ServiceCase-s1', firstInvalidRevision: 1 });
  });
});
