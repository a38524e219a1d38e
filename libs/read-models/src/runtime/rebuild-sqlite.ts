import { sql, SqliteAdapter } from 'kysely';
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
 * WAL pages between automatic checkpoints while rebuilding (the default is 1,000): each checkpoint
 * copies pages back and syncs, so with large transactions most of a commit's time went there.
 * Durability is unchanged (a checkpoint only moves committed pages); the WAL file grows to about 40 MB.
 */
const REBUILD_AUTOCHECKPOINT_PAGES = 10_000;

/** Runs `work` with the rebuild's connection settings, and puts the previous ones back after. */
export async function withRebuildSettings<T>(db: ReadModelDb, work: () => Promise<T>): Promise<T> {
  const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db);
  await sql.raw(`pragma wal_autocheckpoint = ${REBUILD_AUTOCHECKPOINT_PAGES}`).execute(db);
  try {
    return await work();
  } finally {
    await sql.raw(`pragma wal_autocheckpoint = ${Number(rows[0]?.wal_autocheckpoint ?? 1000)}`).execute(db);
  }
}
