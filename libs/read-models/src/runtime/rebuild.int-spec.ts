import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from '../store/kysely-runtime.js';
import { caseStreamId } from '#casetrail/domain';
import { SqliteEventStore, type NewEvent } from '#casetrail/event-store';
import { toNewEvents } from '../../../../bench/generator/append-generated.js';
import { generateCases } from '../../../../bench/generator/case-generator.js';
import { ALL_PROJECTIONS } from '../projections.js';
import { testReadModelDb, type TestReadModelDb } from '../testing/test-read-model-db.js';
import { applyBatch, ProjectionFailure } from './apply-batch.js';
import { readCheckpoint } from './checkpoints.js';
import type { Projection } from './projection.js';
import { rebuildProjections } from './rebuild.js';
import { deferIndexes } from './rebuild-sqlite.js';
import { digestProjection, type TableDigest } from './table-digest.js';

/** Generated cases appended one event at a time, round robin, so most cases span several batches. */
async function appendInterleaved(store: SqliteEventStore, cases: number): Promise<void> {
  const queues = [...generateCases(cases, { seed: 11, start: Date.parse('2026-05-01T00:00:00Z'), spanDays: 20 })].map((c) => ({
    stream: caseStreamId(c.caseId),
    events: toNewEvents(c),
    next: 0,
  }));
  while (queues.some((q) => q.next < q.events.length)) {
    for (const q of queues.filter((q) => q.next < q.events.length)) {
      const event: NewEvent = q.events[q.next]!;
      await store.appendToStream(q.stream, [event], { expectedRevision: q.next === 0 ? 'no-stream' : q.next - 1 });
      q.next += 1;
    }
  }
}

const digestAll = async (rm: TestReadModelDb): Promise<TableDigest[]> => (await Promise.all(ALL_PROJECTIONS.map((p) => digestProjection(rm.db, p)))).flat();

const SETTINGS = ['synchronous', 'cache_size', 'wal_autocheckpoint'];
const settingsOf = async (rm: TestReadModelDb): Promise<unknown[]> =>
  Promise.all(SETTINGS.map(async (name) => (await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(rm.db)).rows[0]![name]));

const indexesOf = async (rm: TestReadModelDb): Promise<string[]> =>
  (await sql<{ name: string }>`select name from sqlite_master where type = 'index' order by name`.execute(rm.db)).rows.map((r) => r.name);

describe('rebuilding every projection in one pass', () => {
  let dir: string;
  let store: SqliteEventStore;
  let rm: TestReadModelDb;
  let live: TableDigest[];
  let indexes: string[];

  /** A rebuild that stops after its first batch, as a killed one would. */
  const rebuildStoppedPartWay = async (): Promise<void> => {
    const stop = new Error('stopped');
    await expect(
      rebuildProjections(store, rm.db, ALL_PROJECTIONS, () => {
        throw stop;
      }, { batchSize: 30 }),
    ).rejects.toBe(stop);
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'casetrail-rebuild-'));
    store = SqliteEventStore.open(join(dir, 'events.sqlite'), { clock: { now: () => Date.now() } });
    await appendInterleaved(store, 40);
    rm = await testReadModelDb();
    const events = await store.readAll();
    for (const projection of ALL_PROJECTIONS) {
      for (let i = 0; i < events.length; i += 7) await applyBatch(rm.db, projection, events.slice(i, i + 7));
    }
    live = await digestAll(rm);
    indexes = rm.kind === 'sqlite' ? await indexesOf(rm) : [];
  }, 60_000);
  afterAll(async () => {
    await store.close();
    await rm.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ends with the rows the live projections wrote, and every checkpoint at the head', async () => {
    const progress: number[] = [];
    await rebuildProjections(store, rm.db, ALL_PROJECTIONS, (p) => progress.push(p.events), { batchSize: 50 });
    expect(await digestAll(rm)).toEqual(live);
    expect(live.find((d) => d.table === 'sla_clocks')!.rows).toBeGreaterThan(0);
    const head = await store.headPosition();
    expect(progress.at(-1)).toBe(head);
    for (const projection of ALL_PROJECTIONS) expect((await readCheckpoint(rm.db, projection.name))?.position).toBe(head);
  }, 60_000);

  it('ends with the same rows and indexes when a rebuild stopped part-way is run again', async () => {
    await rebuildStoppedPartWay();
    if (rm.kind === 'sqlite') expect(await indexesOf(rm)).toEqual(indexes);
    await rebuildProjections(store, rm.db, ALL_PROJECTIONS, () => {}, { batchSize: 30 });
    expect(await digestAll(rm)).toEqual(live);
  }, 60_000);

  it('creates again the indexes a killed rebuild left dropped, whichever projection is rebuilt next', async () => {
    if (rm.kind !== 'sqlite') return;
    await rm.db.transaction().execute((trx) => deferIndexes(trx, ['case_summary', 'audit_events']));
    expect(await indexesOf(rm)).not.toEqual(indexes);
    await rebuildProjections(store, rm.db, [ALL_PROJECTIONS.find((p) => p.name === 'complaints')!], () => {}, { batchSize: 30 });
    expect(await indexesOf(rm)).toEqual(indexes);
    expect(await digestAll(rm)).toEqual(live);
  }, 60_000);

  it('puts the connection settings back after a rebuild, also after a failed one', async () => {
    if (rm.kind !== 'sqlite') return;
    // Values no rebuild uses, so the test cannot pass on settings a rebuild left behind.
    const before = [2, -4000, 500];
    for (const [i, name] of SETTINGS.entries()) await sql.raw(`pragma ${name} = ${before[i]}`).execute(rm.db);
    await rebuildProjections(store, rm.db, ALL_PROJECTIONS, () => {}, { batchSize: 30 });
    expect(await settingsOf(rm)).toEqual(before);
    await rebuildStoppedPartWay();
    expect(await settingsOf(rm)).toEqual(before);
    await rebuildProjections(store, rm.db, ALL_PROJECTIONS, () => {}, { batchSize: 30 });
  }, 60_000);

  it('ends with the live rows in bulk, where the SLA clocks are written once after the last batch', async () => {
    await rebuildProjections(store, rm.db, ALL_PROJECTIONS, () => {}, { batchSize: 30, bulk: true });
    expect(await digestAll(rm)).toEqual(live);
  }, 60_000);

  it('stops at `upTo`, whatever the store holds after it', async () => {
    const head = await store.headPosition();
    const upTo = Math.floor(head / 2);
    await rebuildProjections(store, rm.db, ALL_PROJECTIONS, () => {}, { batchSize: 30, bulk: true, upTo });
    for (const projection of ALL_PROJECTIONS) expect((await readCheckpoint(rm.db, projection.name))?.position).toBe(upTo);
    // One audit row per event.
    expect((await digestAll(rm)).find((d) => d.table === 'audit_events')!.rows).toBe(upTo);
    await rebuildProjections(store, rm.db, ALL_PROJECTIONS, () => {}, { batchSize: 30 });
    expect(await digestAll(rm)).toEqual(live);
  }, 60_000);

  it.each([false, true])('ends with the live rows when a batch fails once and is applied again, projection by projection (bulk: %s)', async (bulk) => {
    let failures = 0;
    const flaky: Projection = {
      name: 'flaky',
      tables: [],
      migrations: {},
      apply: async (_trx, events) => {
        if (failures === 0 && events.some((e) => e.recorded.position > 100)) {
          failures += 1;
          throw new Error('once');
        }
      },
    };
    await rebuildProjections(store, rm.db, [...ALL_PROJECTIONS, flaky], () => {}, { batchSize: 30, bulk });
    expect(failures).toBe(1);
    expect(await digestAll(rm)).toEqual(live);
  }, 60_000);

  it('names the projection and the position it cannot project', async () => {
    const refusing: Projection = {
      name: 'refusing',
      tables: [],
      migrations: {},
      apply: async (_trx, events) => {
        if (events.some((e) => e.recorded.position === 45)) throw new Error('no');
      },
    };
    const failure = await rebuildProjections(store, rm.db, [ALL_PROJECTIONS[0]!, refusing], () => {}, { batchSize: 20 }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ProjectionFailure);
    expect(failure).toMatchObject({ projection: 'refusing', position: 45 });
    expect((await readCheckpoint(rm.db, 'refusing'))?.position).toBe(44);
    if (rm.kind === 'sqlite') expect(await indexesOf(rm)).toEqual(indexes);
  }, 60_000);
});
