import type Database from 'better-sqlite3';

/**
 * Page cache of each long-lived SQLite connection of the service, in KiB. better-sqlite3 builds
 * SQLite with a 16 MB default per connection, and a connection's cache fills as far as the pages
 * it touches: on the size-M store (~13M events) the server's random look-ups (idempotency keys,
 * customer keys, case streams) filled the API thread's caches, and its RSS after saturation was
 * ~40 MB higher than with 4 MB caches (241 MB against 200 MB, at the same commands/s); a rebuild's
 * sequential read filled its cache too. A miss costs a read from the OS's page cache.
 */
export const PAGE_CACHE_KIB = 4096;

/** Bounds `db`'s page cache to `PAGE_CACHE_KIB`, so the memory it keeps does not grow with the file. */
export function boundPageCache(db: Database.Database): void {
  db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
}
