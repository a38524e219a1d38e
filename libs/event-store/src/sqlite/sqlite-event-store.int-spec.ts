import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { describeEventStoreContract } from '../contract/event-store.contract.js';
import { newEvent, newEvents } from '../contract/contract-fixtures.js';
import { DuplicateEventIdError } from '../duplicate-event-id.error.js';
import { StoreUnavailableError } from '../event-store.errors.js';
import { START, type RecordedEvent } from '../event-store.port.js';
import { STORED_JSON, type StoredJson } from '../hash-chain/event-hash.js';
import { PAGE_CACHE_KIB } from './page-cache.js';
import { SqliteEventStore } from './sqlite-event-store.js';
import { configure } from './sqlite-schema.js';
import { steppingClock, tempStoreFile } from './testing/temp-store-file.js';

describeEventStoreContract('SqliteEventStore', async () => {
  const temp = await tempStoreFile();
  const store = SqliteEventStore.open(temp.file, { clock: steppingClock() });
  return {
    store,
    dispose: async () => {
      await store.close();
      await temp.remove();
    },
  };
});

describeEventStoreContract('SqliteEventStore with a writer thread', async () => {
  const temp = await tempStoreFile();
  const store = SqliteEventStore.open(temp.file, { clock: steppingClock(), writer: 'thread' });
  return {
    store,
    dispose: async () => {
      await store.close();
      await temp.remove();
    },
  };
});

describe('SqliteEventStore on its own file', () => {
  let temp: Awaited<ReturnType<typeof tempStoreFile>>;
  let store: SqliteEventStore;
  beforeEach(async () => {
    temp = await tempStoreFile();
    store = SqliteEventStore.open(temp.file, { clock: steppingClock() });
  });
  afterEach(async () => {
    await store.close();
    await temp.remove();
  });

  it("opens the file with a bounded page cache (the store's and the writer thread's connections), not better-sqlite3's 16 MB", () => {
    const db = new Database(temp.file);
    try {
      expect(db.pragma('cache_size', { simple: true })).toBe(-16_000);
      configure(db, 100);
      expect(db.pragma('cache_size', { simple: true })).toBe(-PAGE_CACHE_KIB);
    } finally {
      db.close();
    }
  });

  it("skips the JSON CHECKs on the store's own connections only: any other connection to the file is still refused invalid JSON", async () => {
    const db = new Database(temp.file);
    try {
      configure(db, 100);
      expect(db.pragma('ignore_check_constraints', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
    await store.appendToStream('ServiceCase-a', newEvents(1), { expectedRevision: 'no-stream' });
    const other = new Database(temp.file);
    try {
      const insert = other.prepare(
        "INSERT INTO events (position, stream_id, revision, event_id, type, data, metadata, hash) VALUES (2, 'ServiceCase-b', 0, 'e-2', 'Tested.v1', ?, '{}', 'h')",
      );
      expect(() => insert.run('{not json')).toThrow(/CHECK constraint failed/);
    } finally {
      other.close();
    }
    expect(await store.headPosition()).toBe(1);
  });

  it('starts empty, at START', async () => {
    expect(await store.headPosition()).toBe(START);
    expect(await store.readAll()).toEqual([]);
  });

  it('numbers positions 1, 2, 3… without gaps, even around refused appends', async () => {
    await store.appendToStream('ServiceCase-a', newEvents(2), { expectedRevision: 'no-stream' });
    await expect(store.appendToStream('ServiceCase-a', newEvents(3), { expectedRevision: 0 })).rejects.toThrow();
    await store.appendToStream('ServiceCase-b', newEvents(1), { expectedRevision: 'no-stream' });
    await store.appendToStream('ServiceCase-a', newEvents(2), { expectedRevision: 1 });
    expect((await store.readAll()).map((e) => e.position)).toEqual([1, 2, 3, 4, 5]);
  });

  it('stamps recordedAt from its clock, once per append', async () => {
    await store.appendToStream('ServiceCase-a', newEvents(2), { expectedRevision: 'no-stream' });
    const recordedAt = (await store.readAll()).map((e) => e.metadata.recordedAt);
    expect(recordedAt).toEqual(['2026-03-02T08:00:01.000Z', '2026-03-02T08:00:01.000Z']);
  });

  it('refuses an event id already stored elsewhere, writing nothing', async () => {
    const event = newEvent();
    await store.appendToStream('ServiceCase-a', [event], { expectedRevision: 'no-stream' });
    const attempt = store.appendToStream('ServiceCase-b', [newEvent(), event], { expectedRevision: 'no-stream' });
    await expect(attempt).rejects.toBeInstanceOf(DuplicateEventIdError);
    expect(await store.headPosition()).toBe(1);
  });

  it('keeps positions gap-free when two connections append to one file in turn', async () => {
    const second = SqliteEventStore.open(temp.file, { clock: steppingClock() });
    try {
      for (let i = 0; i < 10; i += 1) {
        const writer = i % 2 === 0 ? store : second;
        await writer.appendToStream(`ServiceCase-${i}`, newEvents(2), { expectedRevision: 'no-stream' });
      }
    } finally {
      await second.close();
    }
    expect((await store.readAll()).map((e) => e.position)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('hands subscribers the events it just appended exactly as the file holds them', async () => {
    for (let i = 0; i < 5; i += 1) await store.appendToStream(`ServiceCase-${i}`, newEvents(3), { expectedRevision: 'no-stream' });
    const reader = SqliteEventStore.open(temp.file, { clock: steppingClock() });
    try {
      for (const after of [START, 4, 14, 15]) {
        expect(await store.readAll({ after, maxCount: 7 })).toEqual(await reader.readAll({ after, maxCount: 7 }));
      }
    } finally {
      await reader.close();
    }
  });

  it('still reads what another connection appended after its own appends', async () => {
    const second = SqliteEventStore.open(temp.file, { clock: steppingClock() });
    try {
      await store.appendToStream('ServiceCase-a', newEvents(2), { expectedRevision: 'no-stream' });
      await second.appendToStream('ServiceCase-b', newEvents(1), { expectedRevision: 'no-stream' });
      expect((await store.readAll({ after: 2 })).map((e) => e.streamId)).toEqual(['ServiceCase-b']);
      await store.appendToStream('ServiceCase-c', newEvents(1), { expectedRevision: 'no-stream' });
      expect((await store.readAll({ after: 1 })).map((e) => e.position)).toEqual([2, 3, 4]);
    } finally {
      await second.close();
    }
  });

  it('reads another connection\'s new events from the file once for all its readers, as the file holds them', async () => {
    // As the projection worker: its store only reads; six projections read each new event in turn.
    const reader = SqliteEventStore.open(temp.file, { clock: steppingClock() });
    const fresh = () => SqliteEventStore.open(temp.file, { clock: steppingClock() });
    try {
      await store.appendToStream('ServiceCase-a', newEvents(3), { expectedRevision: 'no-stream' });
      const first = await reader.readAll({ after: START });
      await store.appendToStream('ServiceCase-b', newEvents(2), { expectedRevision: 'no-stream' });
      const lagging = await reader.readAll({ after: 1 });
      const ahead = await reader.readAll({ after: 3, maxCount: 1 });
      expect(lagging.map((e) => e.position)).toEqual([2, 3, 4, 5]);
      expect(lagging[0]).toBe(first[1]);
      expect(ahead[0]).toBe(lagging[2]);
      const plain = fresh();
      try {
        for (const after of [START, 1, 3, 5]) expect(await reader.readAll({ after, maxCount: 3 })).toEqual(await plain.readAll({ after, maxCount: 3 }));
      } finally {
        await plain.close();
      }
      // Past what it holds, or before it, the file is read.
      await store.appendToStream('ServiceCase-c', newEvents(1), { expectedRevision: 'no-stream' });
      expect((await reader.readAll({ after: 5 })).map((e) => e.streamId)).toEqual(['ServiceCase-c']);
      expect((await reader.readAll({ after: START, maxCount: 2 })).map((e) => e.position)).toEqual([1, 2]);
    } finally {
      await reader.close();
    }
  });

  it('keeps only the newest of a read longer than it holds, and still returns the whole read', async () => {
    for (let i = 0; i < 12; i += 1) await store.appendToStream(`ServiceCase-${i}`, newEvents(100), { expectedRevision: 'no-stream' });
    const reader = SqliteEventStore.open(temp.file, { clock: steppingClock() });
    try {
      const all = await reader.readAll();
      expect(all.map((e) => e.position)).toEqual(Array.from({ length: 1_200 }, (_, i) => i + 1));
      const tail = await reader.readAll({ after: 1_100 });
      expect(tail).toEqual(all.slice(1_100));
      expect((await reader.readAll({ after: 1_150 }))[0]).toBe(tail[50]);
      expect((await reader.readAll({ after: 10, maxCount: 2 })).map((e) => e.position)).toEqual([11, 12]);
    } finally {
      await reader.close();
    }
  });

  it('keeps the stored JSON text beside the events it reads from the file only when asked (for hash verification)', async () => {
    await store.appendToStream('ServiceCase-a', newEvents(3), { expectedRevision: 'no-stream' });
    const reader = SqliteEventStore.open(temp.file, { clock: steppingClock() });
    const textOf = (event: RecordedEvent | undefined) => (event as { [STORED_JSON]?: StoredJson } | undefined)?.[STORED_JSON];
    try {
      // Short of the head: read from the file, not from the newest events it holds.
      const [parsed] = await reader.readAll({ after: START, maxCount: 1 });
      const [kept] = await reader.readAll({ after: START, maxCount: 1, storedJson: true });
      const [streamParsed] = await reader.readStream('ServiceCase-a', { maxCount: 1 });
      const [streamKept] = await reader.readStream('ServiceCase-a', { maxCount: 1, storedJson: true });
      expect([parsed, streamParsed, streamKept]).toEqual([kept, kept, kept]);
      expect([textOf(parsed), textOf(streamParsed)]).toEqual([undefined, undefined]);
      const db = new Database(temp.file, { readonly: true });
      try {
        const stored = db.prepare('SELECT data, metadata FROM events WHERE position = 1').get();
        expect([textOf(kept), textOf(streamKept)]).toEqual([stored, stored]);
      } finally {
        db.close();
      }
    } finally {
      await reader.close();
    }
  });

  it('keeps its data across close and reopen, and runs in WAL with synchronous FULL', async () => {
    await store.appendToStream('ServiceCase-a', newEvents(3), { expectedRevision: 'no-stream' });
    await store.close();
    store = SqliteEventStore.open(temp.file, { clock: steppingClock() });
    expect(await store.readStream('ServiceCase-a')).toHaveLength(3);
    const peek = new Database(temp.file, { readonly: true });
    expect(peek.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(peek.pragma('user_version', { simple: true })).toBe(1);
    peek.close();
  });

  it('refuses work once closed with StoreUnavailableError', async () => {
    await store.close();
    await expect(store.appendToStream('ServiceCase-a', [newEvent()], { expectedRevision: 'no-stream' })).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
    await expect(store.readAll()).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('reports a write lock held past the busy timeout as StoreUnavailableError, writing nothing', async () => {
    await store.close();
    store = SqliteEventStore.open(temp.file, { clock: steppingClock(), busyTimeoutMs: 50 });
    const other = new Database(temp.file);
    other.exec('BEGIN IMMEDIATE');
    try {
      const attempt = store.appendToStream('ServiceCase-a', [newEvent()], { expectedRevision: 'no-stream' });
      await expect(attempt).rejects.toMatchObject({ code: 'STORE.UNAVAILABLE' });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(await store.headPosition()).toBe(START);
  });

  it('reports a file it cannot open as StoreUnavailableError', () => {
    const aDirectory = dirname(temp.file);
    expect(() => SqliteEventStore.open(aDirectory, { clock: steppingClock() })).toThrow(StoreUnavailableError);
  });
});
