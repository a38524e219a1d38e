import type Database from 'better-sqlite3';

/**
 * Page cache of each long-lived SQLite connection of the service, in KiB. better-sqlite3 builds
 * SQLite with a 16 MB default per connection, and a connection's cache fills as far as the pages
 * it touches: on a store of 12.8M events (size M) the server's random look-ups (idempotency keys,
 * customer keys, case streams) filled the API thread's caches, and its RSS after saturation was
 * ~40 MB above the same server's on a small store (241 MB against 200 MB with 4 MB caches, at the
 * same commands/s). A miss costs a read from the OS's page cache, which holds the hot pages anyway.
 */
export const PAGE_CACHE_KIB = 4096;

/** Bounds `db`'s page cache to `PAGE_CACHE_KIB`, so the memory it keeps does not grow with the file. */
export function boundPageCache(db: Database.Database): void {
  db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
}
