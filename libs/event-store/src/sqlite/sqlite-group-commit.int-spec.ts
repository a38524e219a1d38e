import Database from 'better-sqlite3';
import { newEvent, newEvents } from '../contract/contract-fixtures.js';
import { DuplicateEventIdError } from '../duplicate-event-id.error.js';
import { WrongExpectedRevisionError } from '../event-store.errors.js';
import { verifyAllStreams } from '../hash-chain/verify-all-streams.js';
import { SqliteEventStore } from './sqlite-event-store.js';
import { steppingClock, tempStoreFile } from './testing/temp-store-file.js';

/** Counts the transactions committed on the store's file through SQLite's data_version from another connection. */
function commitsSeenBy(file: string): () => number {
  const peek = new Database(file, { readonly: true });
  const first = peek.pragma('data_version', { simple: true }) as number;
  return () => {
    const now = peek.pragma('data_version', { simple: true }) as number;
    return now - first;
  };
}

describe.each(['inline', 'thread'] as const)('appends arriving together (group commit, writer %s)', (writer) => {
  let temp: Awaited<ReturnType<typeof tempStoreFile>>;
  let store: SqliteEventStore;
  beforeEach(async () => {
    temp = await tempStoreFile('casetrail-group-');
    store = SqliteEventStore.open(temp.file, { clock: steppingClock(), writer });
  });
  afterEach(async () => {
    await store.close();
    await temp.remove();
  });

  it('commits appends to many streams in one transaction, each with its own result', async () => {
    const commits = commitsSeenBy(temp.file);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => store.appendToStream(`ServiceCase-${i}`, newEvents(2), { expectedRevision: 'no-stream' })),
    );
    expect(commits()).toBe(1);
    expect(results.map((r) => r.revision)).toEqual(results.map(() => 1));
    expect(results.map((r) => r.position)).toEqual(results.map((_, i) => 2 * i + 2));
    expect((await verifyAllStreams(store)).totals).toEqual({ streams: 50, events: 100, invalidStreams: 0 });
  });

  it('fails a conflicting append alone and keeps the others of its batch, gap-free', async () => {
    await store.appendToStream('ServiceCase-a', newEvents(1), { expectedRevision: 'no-stream' });
    const attempts = await Promise.allSettled([
      store.appendToStream('ServiceCase-a', newEvents(2), { expectedRevision: 0 }),
      store.appendToStream('ServiceCase-a', newEvents(2), { expectedRevision: 0 }),
      store.appendToStream('ServiceCase-b', newEvents(1), { expectedRevision: 'no-stream' }),
    ]);
    expect(attempts.map((a) => a.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((attempts[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect((await store.readAll()).map((e) => [e.streamId, e.revision, e.position])).toEqual([
      ['ServiceCase-a', 0, 1],
      ['ServiceCase-a', 1, 2],
      ['ServiceCase-a', 2, 3],
      ['ServiceCase-b', 0, 4],
    ]);
  });

  it('rolls back a half-written append to its savepoint when its second event is a duplicate', async () => {
    const taken = newEvent();
    await store.appendToStream('ServiceCase-a', [taken], { expectedRevision: 'no-stream' });
    const attempts = await Promise.allSettled([
      store.appendToStream('ServiceCase-b', [newEvent(), taken], { expectedRevision: 'no-stream' }),
      store.appendToStream('ServiceCase-c', [newEvent()], { expectedRevision: 'no-stream' }),
    ]);
    expect((attempts[0] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateEventIdError);
    expect(attempts[1]!.status).toBe('fulfilled');
    expect(await store.readStream('ServiceCase-b')).toEqual([]);
    expect((await store.readAll()).map((e) => e.position)).toEqual([1, 2]);
  });

  it('refuses a taken idempotency key and a stale revision inside one committed batch, the others written gap-free', async () => {
    const claimed = { key: 'k-1', fingerprint: 'f', response: { ok: true } };
    await store.appendToStream('ServiceCase-a', newEvents(1), { expectedRevision: 'no-stream', idempotency: claimed });
    const commits = commitsSeenBy(temp.file);
    const attempts = await Promise.allSettled([
      store.appendToStream('ServiceCase-b', newEvents(1), { expectedRevision: 'no-stream', idempotency: claimed }),
      store.appendToStream('ServiceCase-c', newEvents(2), { expectedRevision: 'no-stream' }),
      store.appendToStream('ServiceCase-a', newEvents(1), { expectedRevision: 5 }),
      store.appendToStream('ServiceCase-d', newEvents(1), { expectedRevision: 'no-stream' }),
    ]);
    expect(attempts.map((a) => a.status)).toEqual(['rejected', 'fulfilled', 'rejected', 'fulfilled']);
    expect(commits()).toBe(1);
    expect((await store.readAll()).map((e) => [e.streamId, e.position])).toEqual([
      ['ServiceCase-a', 1],
      ['ServiceCase-c', 2],
      ['ServiceCase-c', 3],
      ['ServiceCase-d', 4],
    ]);
  });

  it('answers a retried append from the file within a batch, without moving the positions after it', async () => {
    const first = newEvents(2);
    await store.appendToStream('ServiceCase-a', first, { expectedRevision: 'no-stream' });
    await store.appendToStream('ServiceCase-b', newEvents(1), { expectedRevision: 'no-stream' });
    const [retried, fresh] = await Promise.all([
      store.appendToStream('ServiceCase-a', first, { expectedRevision: 'no-stream' }),
      store.appendToStream('ServiceCase-c', newEvents(1), { expectedRevision: 'no-stream' }),
    ]);
    expect(retried).toEqual({ revision: 1, position: 2 });
    expect(fresh).toEqual({ revision: 0, position: 4 });
    expect((await verifyAllStreams(store)).totals).toEqual({ streams: 3, events: 4, invalidStreams: 0 });
  });

  it('does not answer before the batch has committed, and commits what was queued when closed', async () => {
    const pending = store.appendToStream('ServiceCase-a', newEvents(1), { expectedRevision: 'no-stream' });
    const peek = new Database(temp.file, { readonly: true });
    try {
      expect((peek.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n).toBe(0);
      await store.close();
      await expect(pending).resolves.toEqual({ revision: 0, position: 1 });
      expect((peek.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n).toBe(1);
    } finally {
      peek.close();
    }
  });
});
