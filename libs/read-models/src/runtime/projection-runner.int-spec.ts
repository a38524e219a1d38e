import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Migration } from 'kysely';
import { SqliteEventStore, type NewEvent } from '#casetrail/event-store';
import { testReadModelDb, type TestReadModelDb } from '../testing/test-read-model-db.js';
import { checkpointMigrations, readCheckpoint } from './checkpoints.js';
import { leaseMigrations } from './projection-lease.js';
import { applyBatch } from './apply-batch.js';
import type { Projection } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';
import { rebuildProjection } from './rebuild.js';
import { digestProjection } from './table-digest.js';

/** A projection that counts events per stream and refuses any event whose data says `poison`. */
const counting = (): Projection => ({
  name: 'counting',
  tables: [{ name: 'counts', key: ['stream_id'] }],
  migrations: {
    'counting/0001': {
      up: async (db) => {
        await db.schema.createTable('counts').addColumn('stream_id', 'text', (c) => c.primaryKey()).addColumn('n', 'integer', (c) => c.notNull()).execute();
      },
    } satisfies Migration,
  },
  apply: async (trx, events) => {
    for (const { recorded } of events) {
      if (recorded.data['poison']) throw new Error(`poisoned event ${recorded.revision}`);
      const row = await trx.selectFrom('counts').select('n').where('stream_id', '=', recorded.streamId).executeTakeFirst();
      await trx
        .insertInto('counts')
        .values({ stream_id: recorded.streamId, n: (row ? Number(row.n) : 0) + 1 })
        .onConflict((oc) => oc.column('stream_id').doUpdateSet({ n: (row ? Number(row.n) : 0) + 1 }))
        .execute();
    }
  },
});

const event = (i: number, data: Record<string, unknown> = {}): NewEvent => ({
  type: 'Tested.v1',
  data: { i, ...data },
  metadata: { eventId: `e-${i}-${Math.random()}`, commandId: 'c', correlationId: 'c', causationId: null, actor: { id: 'a', role: 'agent' }, occurredAt: '2026-01-01T00:00:00.000Z' },
});

describe('the projection runtime', () => {
  let dir: string;
  let store: SqliteEventStore;
  let rm: TestReadModelDb;
  const projection = counting();
  const logged: string[] = [];
  const logger = { error: (m: string) => void logged.push(m) };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'casetrail-runtime-'));
    store = SqliteEventStore.open(join(dir, 'events.sqlite'), { clock: { now: () => Date.now() } });
    rm = await testReadModelDb({ ...checkpointMigrations, ...leaseMigrations, ...projection.migrations });
    logged.length = 0;
  });
  afterEach(async () => {
    await store.close();
    await rm.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const count = async (stream: string): Promise<number> =>
    Number((await rm.db.selectFrom('counts').select('n').where('stream_id', '=', stream).executeTakeFirst())?.n ?? 0);

  it('catches up, then follows live appends, moving its checkpoint with its rows', async () => {
    await store.appendToStream('S-1', [event(1), event(2)], { expectedRevision: 'no-stream' });
    const runner = new ProjectionRunner(projection, store, rm.db, logger);
    await runner.start();
    await runner.waitFor(2);
    const live = await store.appendToStream('S-1', [event(3)], { expectedRevision: 1 });
    await runner.waitFor(live.position);
    expect(await count('S-1')).toBe(3);
    expect((await readCheckpoint(rm.db, 'counting'))?.position).toBe(3);
    await runner.stop();
  });

  it('after a batch, waits its pace and takes what arrived meanwhile as one batch', async () => {
    const batches: number[] = [];
    const recording: Projection = {
      ...projection,
      apply: async (trx, events) => {
        batches.push(events.length);
        await projection.apply(trx, events);
      },
    };
    await store.appendToStream('S-1', [event(1)], { expectedRevision: 'no-stream' });
    const runner = new ProjectionRunner(recording, store, rm.db, logger, { pace: { minMs: 300, maxMs: 300, msPerEvent: 0 } });
    await runner.start();
    await runner.waitFor(1);
    let last = 0;
    for (const i of [2, 3, 4]) last = (await store.appendToStream('S-1', [event(i)], { expectedRevision: i - 2 })).position;
    await runner.waitFor(last);
    expect(batches).toEqual([1, 3]);
    expect(await count('S-1')).toBe(4);
    await runner.stop();
  });

  it('changes nothing when a batch is delivered again', async () => {
    await store.appendToStream('S-1', [event(1), event(2)], { expectedRevision: 'no-stream' });
    const batch = await store.readAll();
    await applyBatch(rm.db, projection, batch);
    await applyBatch(rm.db, projection, batch);
    expect(await count('S-1')).toBe(2);
  });

  it('stops loudly at the event it cannot project, keeping what came before', async () => {
    await store.appendToStream('S-1', [event(1), event(2), event(3, { poison: true }), event(4)], { expectedRevision: 'no-stream' });
    const runner = new ProjectionRunner(projection, store, rm.db, logger);
    await runner.start();
    const deadline = Date.now() + 10_000;
    while (runner.status().state !== 'failed' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    expect(runner.status()).toMatchObject({ state: 'failed', position: 2, failedPosition: 3, error: 'poisoned event 2' });
    expect(await count('S-1')).toBe(2);
    expect(await readCheckpoint(rm.db, 'counting')).toMatchObject({ position: 2, status: 'failed', failed_position: 3 });
    expect(logged.join()).toMatch(/counting stopped at position 3/);
    await runner.stop();
  });

  it('lets only one of two projectors advance a projection; the second stands by and takes over', async () => {
    await store.appendToStream('S-1', [event(1)], { expectedRevision: 'no-stream' });
    const first = new ProjectionRunner(projection, store, rm.db, logger, { leaseTtlMs: 300 });
    const second = new ProjectionRunner(projection, store, rm.db, logger, { leaseTtlMs: 300 });
    await first.start();
    await second.start();
    expect([first.status().state, second.status().state]).toEqual(['running', 'standby']);
    await first.waitFor(1);
    await first.stop();
    await second.waitFor(1);
    const next = await store.appendToStream('S-1', [event(2)], { expectedRevision: 0 });
    await second.waitFor(next.position);
    expect(second.status().state).toBe('running');
    expect(await count('S-1')).toBe(2);
    await second.stop();
  });

  it('rebuilds from zero to the same digest as the live projection', async () => {
    for (let s = 0; s < 5; s++) await store.appendToStream(`S-${s}`, [event(1), event(2)], { expectedRevision: 'no-stream' });
    const runner = new ProjectionRunner(projection, store, rm.db, logger);
    await runner.start();
    await runner.waitFor(10);
    await runner.stop();
    const live = await digestProjection(rm.db, projection);
    await rebuildProjection(store, rm.db, projection, () => {}, 3);
    expect(await digestProjection(rm.db, projection)).toEqual(live);
    expect(live[0]!.rows).toBe(5);
  });
});
