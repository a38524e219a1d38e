import { readFile, writeFile } from 'node:fs/promises';
import Database from 'better-sqlite3';
import { newEvent } from '../contract/contract-fixtures.js';
import { verifyStream } from '../hash-chain/chain-verifier.js';
import { verifyAllStreams } from '../hash-chain/verify-all-streams.js';
import { SqliteEventStore } from './sqlite-event-store.js';
import { steppingClock, tempStoreFile } from './testing/temp-store-file.js';

const STREAM = 'ServiceCase-tampered';
const MARKER = 'diagnosis-marker-3f9a';

describe('a store file altered behind the store’s back', () => {
  let temp: Awaited<ReturnType<typeof tempStoreFile>>;

  beforeEach(async () => {
    temp = await tempStoreFile('casetrail-tamper-');
    const store = SqliteEventStore.open(temp.file, { clock: steppingClock() });
    for (let revision = 0; revision < 5; revision += 1) {
      const note = revision === 2 ? MARKER : `ordinary note ${revision}`;
      await store.appendToStream(STREAM, [newEvent('Tested.v1', { note })], { expectedRevision: revision - 1 < 0 ? 'no-stream' : revision - 1 });
    }
    await store.appendToStream('ServiceCase-untouched', [newEvent()], { expectedRevision: 'no-stream' });
    // Closing the last connection checkpoints the WAL into the main file, where the bytes are edited.
    await store.close();
  });
  afterEach(() => temp.remove());

  async function verifyAfterReopening() {
    const store = SqliteEventStore.open(temp.file, { clock: steppingClock() });
    try {
      return { stream: verifyStream(await store.readStream(STREAM)), all: await verifyAllStreams(store) };
    } finally {
      await store.close();
    }
  }

  it('verifies while untouched', async () => {
    const { stream, all } = await verifyAfterReopening();
    expect(stream).toMatchObject({ valid: true, events: 5 });
    expect(all.totals).toEqual({ streams: 2, events: 6, invalidStreams: 0 });
  });

  it('names the revision whose data had one byte flipped in the file', async () => {
    const bytes = await readFile(temp.file);
    const at = bytes.indexOf(MARKER);
    expect(at).toBeGreaterThan(0);
    expect(bytes.lastIndexOf(MARKER)).toBe(at);
    bytes[at] = 'D'.charCodeAt(0);
    await writeFile(temp.file, bytes);

    const { stream, all } = await verifyAfterReopening();
    expect(stream).toMatchObject({ valid: false, firstInvalidRevision: 2, problem: 'hash-mismatch' });
    expect(all.streams.find((s) => s.streamId === STREAM)).toMatchObject({ valid: false, firstInvalidRevision: 2 });
    expect(all.totals.invalidStreams).toBe(1);
  });

  it('detects a rewritten hash column', async () => {
    const db = new Database(temp.file);
    db.prepare("UPDATE events SET hash = ? WHERE stream_id = ? AND revision = 3").run('0'.repeat(64), STREAM);
    db.close();
    const { stream } = await verifyAfterReopening();
    expect(stream).toMatchObject({ valid: false, firstInvalidRevision: 3, problem: 'hash-mismatch' });
  });

  it('detects a deleted event in the middle of the stream', async () => {
    const db = new Database(temp.file);
    db.prepare('DELETE FROM events WHERE stream_id = ? AND revision = 1').run(STREAM);
    db.close();
    const { stream, all } = await verifyAfterReopening();
    expect(stream).toMatchObject({ valid: false, firstInvalidRevision: 1, problem: 'revision-gap' });
    expect(all.valid).toBe(false);
  });

  it('detects an event whose revision and hashes were renumbered to close the gap', async () => {
    const db = new Database(temp.file);
    db.prepare('DELETE FROM events WHERE stream_id = ? AND revision = 1').run(STREAM);
    db.prepare('UPDATE events SET revision = revision - 1 WHERE stream_id = ? AND revision > 1').run(STREAM);
    db.close();
    const { stream } = await verifyAfterReopening();
    expect(stream).toMatchObject({ valid: false, firstInvalidRevision: 1, problem: 'broken-link' });
  });
});
