import Database from 'better-sqlite3';
import { newEvent, newEvents } from '../../contract/contract-fixtures.js';
import { StoreUnavailableError } from '../../event-store.errors.js';
import { SqliteEventStore } from '../sqlite-event-store.js';
import type { EventRow } from '../sqlite-statements.js';
import { steppingClock, tempStoreFile } from '../testing/temp-store-file.js';
import { WriterThread } from './writer-thread.js';

const append = (streamId: string) => ({ streamId, events: [newEvent()], options: { expectedRevision: 'no-stream' as const }, recordedAt: '2026-03-01T08:00:00.000Z' });

describe('WriterThread', () => {
  let temp: Awaited<ReturnType<typeof tempStoreFile>>;
  beforeEach(async () => {
    temp = await tempStoreFile('casetrail-writer-');
    // The store migrates the file; the writer thread expects it ready.
    await SqliteEventStore.open(temp.file, { clock: steppingClock() }).close();
  });
  afterEach(async () => {
    await temp.remove();
  });

  it('fails the appends a dying writer held as unavailable, and starts another for the next ones', async () => {
    const written: EventRow[][] = [];
    const crashing = new WriterThread({ file: temp.file, busyTimeoutMs: 1000 }, (rows) => written.push([...rows]), new URL('./testing/crashing-writer.mjs', import.meta.url));
    const held = await Promise.allSettled([crashing.enqueue(append('ServiceCase-a')), crashing.enqueue(append('ServiceCase-b'))]);
    expect(held.map((h) => (h as PromiseRejectedResult).reason)).toEqual([expect.any(StoreUnavailableError), expect.any(StoreUnavailableError)]);
    expect((held[0] as PromiseRejectedResult).reason.message).toMatch(/writer thread stopped \(it exited with code 7\)/);
    expect(written).toEqual([]);

    const writer = new WriterThread({ file: temp.file, busyTimeoutMs: 1000 }, (rows) => written.push([...rows]));
    await expect(writer.enqueue(append('ServiceCase-a'))).resolves.toMatchObject({ result: { revision: 0, position: 1 } });
    expect(written.map((rows) => rows.map((r) => r.stream_id))).toEqual([['ServiceCase-a']]);
    await writer.close();
  });

  it('commits on its own connection: another reader sees the rows once the append has resolved', async () => {
    const store = SqliteEventStore.open(temp.file, { clock: steppingClock(), writer: 'thread' });
    const peek = new Database(temp.file, { readonly: true });
    try {
      const result = await store.appendToStream('ServiceCase-a', newEvents(3), { expectedRevision: 'no-stream' });
      expect(result).toEqual({ revision: 2, position: 3 });
      expect((peek.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n).toBe(3);
      expect((await store.readAll()).map((e) => e.position)).toEqual([1, 2, 3]);
    } finally {
      peek.close();
      await store.close();
    }
  });

  it('answers every append accepted before close, then lets the process exit', async () => {
    const store = SqliteEventStore.open(temp.file, { clock: steppingClock(), writer: 'thread' });
    const accepted = Array.from({ length: 20 }, (_, i) => store.appendToStream(`ServiceCase-${i}`, newEvents(1), { expectedRevision: 'no-stream' }));
    await store.close();
    expect((await Promise.all(accepted)).map((r) => r.position).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    await expect(store.appendToStream('ServiceCase-x', newEvents(1), { expectedRevision: 'no-stream' })).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
