import type Database from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { LruMap } from './lru-map.js';

/** Distinct statements kept: the projections' multi-row upserts and reads repeat a few dozen texts. */
const CAPACITY = 128;

/**
 * Kysely's SQLite driver prepares every query it runs; preparing a 100-row upsert (thousands of
 * placeholders) took longer than running it. This hands back the prepared statement of a text seen
 * recently instead (least recently used evicted). Safe on Kysely's single, serialised connection.
 *
 * Its transactions also begin IMMEDIATE: a deferred one that reads (checkpoint, lease) and then
 * writes fails at once with SQLITE_BUSY when another connection — the projection worker beside
 * the API's thread — committed in between; IMMEDIATE waits for the write lock under busy_timeout.
 */
export function withStatementCache(database: Database.Database): SqliteDatabase {
  const cache = new LruMap<string, SqliteStatement>(CAPACITY);
  return {
    close: () => database.close(),
    prepare(text: string): SqliteStatement {
      const sql = text === 'begin' ? 'begin immediate' : text;
      let statement = cache.get(sql);
      if (statement === undefined) {
        statement = database.prepare(sql);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}
