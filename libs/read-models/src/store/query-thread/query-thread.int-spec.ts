import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { CompiledQuery, sql } from '../kysely-runtime.js';
import { openReadModelDb, openReadModelQueryDb, type ReadModelDb, type ReadModelDbConfig } from '../read-model-database.js';
import { QueryThreadDriver } from './query-thread-driver.js';
import { QueryThreadError, ReadModelsUnavailableError, type QueryThread } from './query-thread.js';

/** A statement that keeps SQLite busy for a few hundred milliseconds. */
const LONG = CompiledQuery.raw('with recursive n(i) as (select 1 union all select i + 1 from n where i < 3000000) select count(*) as c from n');
const SELECT_ONE = CompiledQuery.raw('select 1 as one');

/** Turns of this thread's event loop while `work` runs: none when `work` holds the thread. */
async function turnsDuring(work: Promise<unknown>): Promise<number> {
  let turns = 0;
  let done = false;
  const spin = (): void => {
    if (done) return;
    turns += 1;
    setImmediate(spin);
  };
  const finished = work.finally(() => (done = true));
  setImmediate(spin);
  await finished;
  return turns;
}

describe('the read API on query threads (SQLite)', () => {
  let dir: string;
  let config: ReadModelDbConfig & { kind: 'sqlite' };
  let db: ReadModelDb;
  let queries: ReadModelDb;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'casetrail-query-thread-'));
    config = { kind: 'sqlite', file: join(dir, 'read-models.sqlite') };
    db = openReadModelDb(config);
    await db.schema.createTable('pairs').addColumn('id', 'integer', (c) => c.primaryKey()).addColumn('grp', 'text', (c) => c.notNull()).execute();
    await db.insertInto('pairs').values([...Array(300).keys()].map((id) => ({ id, grp: `g${id % 7}` }))).execute();
    queries = openReadModelQueryDb(config, db, 2);
  });
  afterEach(async () => {
    await queries.destroy();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers as the writing connection does, and sees what it committed', async () => {
    const ask = (on: ReadModelDb) =>
      Promise.all([
        on.selectFrom('pairs').selectAll().where('grp', '=', 'g3').orderBy('id', 'desc').limit(5).execute(),
        on.selectFrom('pairs').select(['grp', (eb) => eb.fn.countAll().as('n')]).groupBy('grp').orderBy('grp').execute(),
        sql<{ total: number }>`select sum(id) as total from pairs where id > ${250}`.execute(on),
      ]);
    expect(await ask(queries)).toEqual(await ask(db));
    await db.insertInto('pairs').values({ id: 1000, grp: 'late' }).execute();
    expect(await queries.selectFrom('pairs').select('id').where('grp', '=', 'late').execute()).toEqual([{ id: 1000 }]);
  });

  it('runs a transaction on one thread', async () => {
    const [first, second] = await queries.transaction().execute(async (trx) => [
      await trx.selectFrom('pairs').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      await trx.selectFrom('pairs').select((eb) => eb.fn.max('id').as('top')).executeTakeFirstOrThrow(),
    ]);
    expect({ ...first, ...second }).toEqual({ n: 300, top: 299 });
  });

  it('refuses to write, and a failed statement leaves the thread serving', async () => {
    const write = queries.insertInto('pairs').values({ id: 5000, grp: 'nope' }).execute();
    await expect(write).rejects.toThrow(QueryThreadError);
    await expect(write).rejects.toMatchObject({ code: 'SQLITE_READONLY' });
    await expect(queries.selectFrom('missing').selectAll().execute()).rejects.toThrow(/no such table: missing/);
    expect(await db.selectFrom('pairs').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).toEqual({ n: 300 });
    expect(await queries.selectFrom('pairs').select('id').where('id', '=', 7).execute()).toEqual([{ id: 7 }]);
  });

  it("leaves the calling thread's event loop turning while a query runs, where the writing connection holds it", async () => {
    await queries.executeQuery(SELECT_ONE); // the thread started
    expect(await turnsDuring(queries.executeQuery(LONG))).toBeGreaterThan(10);
    expect(await turnsDuring(db.executeQuery(LONG))).toBeLessThanOrEqual(1);
  });

  it('runs queries on two threads at once, and a third waits for the first free one', async () => {
    const driver = new QueryThreadDriver(config.file, 2);
    try {
      const one = await driver.acquireConnection();
      const two = await driver.acquireConnection();
      expect(two).not.toBe(one);
      let third: unknown = null;
      const waiting = driver.acquireConnection().then((connection) => (third = connection));
      await Promise.all([one.executeQuery(LONG), two.executeQuery(SELECT_ONE)]);
      expect(third).toBeNull();
      await driver.releaseConnection(two);
      await waiting;
      expect(third).toBe(two);
    } finally {
      await driver.destroy();
    }
  });

  it('fails a query still waiting for a thread when the threads are closed', async () => {
    const driver = new QueryThreadDriver(config.file, 1);
    await driver.acquireConnection();
    const refused = expect(driver.acquireConnection()).rejects.toThrow(ReadModelsUnavailableError);
    await driver.destroy();
    await refused;
  });

  it('fails the queries of a thread that died as unavailable, and starts a new thread for the next', async () => {
    const driver = new QueryThreadDriver(config.file, 1);
    try {
      const thread = (await driver.acquireConnection()) as QueryThread;
      await thread.executeQuery(SELECT_ONE);
      const cut = thread.executeQuery(LONG);
      await thread.close();
      await expect(cut).rejects.toThrow(ReadModelsUnavailableError);
      await expect(thread.executeQuery(SELECT_ONE)).rejects.toThrow(ReadModelsUnavailableError);
      await driver.releaseConnection(thread);
      const next = await driver.acquireConnection();
      expect(next).not.toBe(thread);
      expect((await next.executeQuery(SELECT_ONE)).rows).toEqual([{ one: 1 }]);
    } finally {
      await driver.destroy();
    }
    await expect(driver.acquireConnection()).rejects.toThrow(ReadModelsUnavailableError);
  });

  it('is the writing connection itself with no threads, or on PostgreSQL', () => {
    expect(openReadModelQueryDb(config, db, 0)).toBe(db);
    expect(openReadModelQueryDb({ kind: 'postgres', url: 'postgres://unused' }, db, 2)).toBe(db);
  });
});
