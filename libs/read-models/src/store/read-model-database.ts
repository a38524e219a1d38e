import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from './kysely-runtime.js';
import type pg from 'pg';
import { boundPageCache } from '#casetrail/event-store';
import { QueryThreadDialect } from './query-thread/query-thread-driver.js';
import { withStatementCache } from './statement-cache.js';

export type ReadModelDbConfig = { readonly kind: 'sqlite'; readonly file: string } | { readonly kind: 'postgres'; readonly url: string };

/** Read models are rebuildable, so tables are loosely typed here; each read model types its own rows. */
export type ReadModelDb = Kysely<any>;

/**
 * One Kysely instance over SQLite (embedded) or PostgreSQL (production): the same queries and
 * migrations run on both. Instants are stored as ISO-8601 UTC text, which sorts correctly in both.
 */
export function openReadModelDb(config: ReadModelDbConfig): ReadModelDb {
  if (config.kind === 'postgres') {
    return new Kysely({ dialect: new PostgresDialect({ pool: new (loadPg().Pool)({ connectionString: config.url, max: 10 }) }) });
  }
  const database = new Database(config.file);
  database.pragma('journal_mode = WAL');
  // Rows and checkpoint commit together; a crash can only lose whole batches, which are re-projected.
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  boundPageCache(database);
  return new Kysely({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
}

/**
 * The PostgreSQL driver, loaded only when PostgreSQL is configured: the embedded profile's threads
 * each spent ~30 ms of their start loading it for nothing (`--cpu-prof`).
 */
export const loadPg = (): typeof pg => createRequire(import.meta.url)('pg') as typeof pg;

/**
 * The read API's database. On SQLite with `threads` > 0 its statements run on up to that many
 * query threads of their own (`QueryThreadDialect`), so no query holds up the API's thread; with 0,
 * or on PostgreSQL (whose driver already waits off the thread), it is `db` itself. Open it once
 * `db` has migrated the file.
 */
export function openReadModelQueryDb(config: ReadModelDbConfig, db: ReadModelDb, threads: number): ReadModelDb {
  if (config.kind === 'postgres' || threads === 0) return db;
  return new Kysely({ dialect: new QueryThreadDialect(config.file, threads) });
}
