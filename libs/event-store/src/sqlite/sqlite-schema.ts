import type Database from 'better-sqlite3';
import { boundPageCache } from './page-cache.js';

/**
 * Schema migrations, applied in order; `PRAGMA user_version` records how many have run.
 * Append a new entry to change the schema, never edit a shipped one.
 *
 * `position` is an `INTEGER PRIMARY KEY` (the rowid) without AUTOINCREMENT: the append assigns
 * it inside its write transaction as head + 1, so positions are gap-free and a rolled-back
 * append leaves no hole for a catch-up reader to wonder about.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE events (
     position  INTEGER PRIMARY KEY,
     stream_id TEXT    NOT NULL,
     revision  INTEGER NOT NULL CHECK (revision >= 0),
     event_id  TEXT    NOT NULL UNIQUE,
     type      TEXT    NOT NULL,
     data      TEXT    NOT NULL CHECK (json_valid(data)),
     metadata  TEXT    NOT NULL CHECK (json_valid(metadata)),
     hash      TEXT    NOT NULL,
     UNIQUE (stream_id, revision)
   ) STRICT;
   CREATE TABLE idempotency (
     key         TEXT PRIMARY KEY,
     fingerprint TEXT NOT NULL,
     response    TEXT NOT NULL CHECK (json_valid(response)),
     recorded_at TEXT NOT NULL
   ) STRICT;`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export function migrate(db: Database.Database): void {
  const apply = db.transaction(() => {
    // Read inside the write transaction so two processes opening a new file do not both migrate.
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > SCHEMA_VERSION) {
      throw new Error(`The event store file has schema version ${current}; this build knows up to ${SCHEMA_VERSION}`);
    }
    for (let version = current; version < SCHEMA_VERSION; version += 1) db.exec(MIGRATIONS[version]!);
    if (current !== SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
  });
  apply.immediate();
}

/**
 * How the store's own connections (its thread's and the writer thread's) use the file. WAL lets
 * readers (projections, audit) run beside the writer; `synchronous = FULL` makes
 * every commit wait for the WAL fsync, so an acknowledged append survives power loss, not only a
 * process crash (NORMAL would only survive the latter).
 */
export function configure(db: Database.Database, busyTimeoutMs: number): void {
  db.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal' && db.name !== ':memory:') throw new Error(`The event store file could not switch to WAL (got ${String(mode)})`);
  db.pragma('synchronous = FULL');
  // The store's connections write only JSON that canonicalJson has just produced (property-tested
  // to parse back), so they skip parsing it again in the CHECKs: ~1 µs of a group-committed
  // append's ~30 (W1, alternating builds). The CHECKs stay in the schema and hold for every other
  // connection to the file: tools, scripts, an operator's sqlite3 shell.
  db.pragma('ignore_check_constraints = ON');
  boundPageCache(db);
}
