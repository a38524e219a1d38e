import { sql, SqliteAdapter } from '../store/kysely-runtime.js';
import type { ReadModelDb } from '../store/read-model-database.js';

/**
 * What a rebuild does differently on SQLite, for speed only: the rows it writes are the same.
 * PostgreSQL keeps its indexes and settings.
 */
export const onSqlite = (db: ReadModelDb): boolean => db.getExecutor().adapter instanceof SqliteAdapter;

const DEFERRED = 'rebuild_deferred_indexes';

/**
 * Drops the non-unique indexes of `tables` inside the rebuild's clearing transaction, keeping their
 * definitions in a table, so a rebuild killed part-way creates them when it is run again. Building
 * an index once over the finished rows is several times faster than updating it row by row. Unique
 * indexes stay: upserts name them as their conflict target.
 */
export async function deferIndexes(trx: ReadModelDb, tables: readonly string[]): Promise<void> {
  if (tables.length === 0) return;
  await sql`create table if not exists ${sql.table(DEFERRED)} (name text primary key, definition text not null)`.execute(trx);
  const { rows } = await sql<{ name: string; sql: string }>`
    select name, sql from sqlite_master
    where type = 'index' and sql is not null and sql not like 'CREATE UNIQUE%' and tbl_name in (${sql.join(tables)})`.execute(trx);
  for (const index of rows) {
    await trx.insertInto(DEFERRED).values({ name: index.name, definition: index.sql }).onConflict((oc) => oc.column('name').doNothing()).execute();
    await sql`drop index ${sql.id(index.name)}`.execute(trx);
  }
}

/**
 * Creates every deferred index again, each in its own transaction with forgetting it (one
 * transaction for all would hold every index's pages in the WAL at once: gigabytes at size M),
 * then drops the list.
 */
export async function restoreIndexes(db: ReadModelDb): Promise<void> {
  const { rows: kept } = await sql`select 1 from sqlite_master where type = 'table' and name = ${DEFERRED}`.execute(db);
  if (kept.length === 0) return;
  const deferred = (await db.selectFrom(DEFERRED).select(['name', 'definition']).execute()) as { name: string; definition: string }[];
  for (const index of deferred) {
    await db.transaction().execute(async (trx) => {
      await sql.raw(index.definition).execute(trx);
      await trx.deleteFrom(DEFERRED).where('name', '=', index.name).execute();
    });
  }
  await sql`drop table ${sql.table(DEFERRED)}`.execute(db);
}

/**
 * Connection settings while rebuilding, all per connection (the API's and the projector's own
 * connections keep theirs):
 * - `synchronous = OFF`: no sync at commits and checkpoints. A rebuild killed part-way is run
 *   again anyway; the previous setting and a checkpoint at the end make the finished rows durable.
 * - `wal_autocheckpoint`: WAL pages between automatic checkpoints (default 1,000); each copies
 *   pages back, so with large transactions most of a commit's time went there. The WAL grows to about 40 MB.
 * - `cache_size` (KiB when negative; default 2 MB): the tables' and indexes' hot pages stay cached
 *   across batches instead of being read back and spilled mid-transaction.
 * The deferred indexes are built after these are put back: with `temp_store = MEMORY` an index build
 * sorts in memory, which took the process to 712 MB of RSS on the 11M-row audit table at size M.
 */
const REBUILD_PRAGMAS = {
  synchronous: 0,
  wal_autocheckpoint: 10_000,
  cache_size: -32_768,
} as const;

type RebuildPragma = keyof typeof REBUILD_PRAGMAS;

const readPragma = async (db: ReadModelDb, name: RebuildPragma): Promise<number> => {
  const { rows } = await sql<Record<string, number>>`${sql.raw(`pragma ${name}`)}`.execute(db);
  return Number(rows[0]![name]);
};

const setPragma = (db: ReadModelDb, name: RebuildPragma, value: number) => sql.raw(`pragma ${name} = ${Math.trunc(value)}`).execute(db);

/**
 * Runs `work` with the rebuild's connection settings, and puts the previous ones back after, also
 * when it fails. The checkpoint then syncs the WAL and the database file under the restored setting.
 * `cacheKiB`: the page cache, smaller when two threads rebuild at once.
 */
export async function withRebuildSettings<T>(db: ReadModelDb, work: () => Promise<T>, cacheKiB = -REBUILD_PRAGMAS.cache_size): Promise<T> {
  const settings: Record<RebuildPragma, number> = { ...REBUILD_PRAGMAS, cache_size: -cacheKiB };
  const names = Object.keys(settings) as RebuildPragma[];
  const previous: [RebuildPragma, number][] = [];
  try {
    for (const name of names) {
      previous.push([name, await readPragma(db, name)]);
      await setPragma(db, name, settings[name]);
    }
    return await work();
  } finally {
    for (const [name, value] of previous) await setPragma(db, name, value);
    await sql`pragma wal_checkpoint(PASSIVE)`.execute(db);
  }
}
