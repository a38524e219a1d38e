import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import type { EventStore } from '#casetrail/event-store';
import { ALL_PROJECTIONS, allReadModelMigrations } from '../projections.js';
import { migrateReadModels } from '../store/migrations.js';
import { openReadModelDb } from '../store/read-model-database.js';
import { rebuildProjections, type RebuildProgress } from './rebuild.js';

/** The embedded read-model file is open elsewhere: a running service or projector. */
export class ReadModelFileInUseError extends Error {
  constructor(readonly file: string) {
    super(`${file} is open in another process (stop the service and projector before rebuilding)`);
  }
}

const removeWithSideFiles = (file: string): void => {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
};

const syncPath = (path: string): void => {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

/**
 * Closing the last connection to a file in WAL mode checkpoints the log and deletes it; a log left
 * after this process's connection closed belongs to another connection. The new file must never
 * meet it: SQLite would replay the old file's log onto the new one. The read opens the log, so a
 * log a crashed process left behind is taken in and deleted too.
 */
function assertNotInUse(file: string): void {
  if (!existsSync(file)) return;
  const db = new Database(file);
  try {
    db.prepare('select 1 from sqlite_master limit 1').get();
  } finally {
    db.close();
  }
  if (existsSync(`${file}-wal`)) throw new ReadModelFileInUseError(file);
}

/**
 * Rebuilds the whole embedded read-model file: every projection from position 0 into a new file
 * beside it (`<file>.rebuilding`), which takes the old file's place only once it is complete and
 * on disk. Until then the old file is left as it was, so a rebuild that fails or is killed
 * part-way leaves the read models as they stood (the next rebuild starts the new file over). A new
 * file also spares deleting the old rows first, which took 35 s of a 418 s rebuild at size M.
 * The caller must have closed its own connections to `file`.
 */
export async function rebuildReadModelFile(
  store: EventStore,
  file: string,
  onProgress?: (progress: RebuildProgress) => void,
  batchSize?: number,
): Promise<void> {
  assertNotInUse(file);
  const next = `${file}.rebuilding`;
  removeWithSideFiles(next);
  try {
    await buildInto(next, store, onProgress, batchSize);
    syncPath(next);
    // Again: a service started while the rebuild ran would be writing the file about to be replaced.
    assertNotInUse(file);
  } catch (error) {
    removeWithSideFiles(next);
    throw error;
  }
  renameSync(next, file);
  syncPath(dirname(file));
}

/**
 * How the new file is written, where nothing else opens it and a killed rebuild's file is thrown
 * away: no log, so each page is written once rather than to the WAL and then copied into the file
 * (the rollback journal is kept in memory, for the rollback of a batch that fails and is applied
 * again projection by projection); no syncs, since the file is synced once before it is renamed;
 * and held exclusively, so no other connection can open it.
 */
const NEW_FILE_PRAGMAS = ['journal_mode = MEMORY', 'synchronous = OFF', 'locking_mode = EXCLUSIVE'];

async function buildInto(file: string, store: EventStore, onProgress?: (progress: RebuildProgress) => void, batchSize?: number): Promise<void> {
  const db = openReadModelDb({ kind: 'sqlite', file });
  try {
    for (const pragma of NEW_FILE_PRAGMAS) await sql.raw(`pragma ${pragma}`).execute(db);
    await migrateReadModels(db, allReadModelMigrations());
    // In bulk: nothing reads this file before the rename, and a killed rebuild's file is discarded.
    await rebuildProjections(store, db, ALL_PROJECTIONS, onProgress, batchSize, true);
    // The file goes into service in WAL mode, as `openReadModelDb` would set it.
    await sql`pragma journal_mode = WAL`.execute(db);
  } finally {
    await db.destroy();
  }
}
