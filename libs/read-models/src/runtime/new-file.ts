import { rmSync } from 'node:fs';
import { sql } from '../store/kysely-runtime.js';
import { allReadModelMigrations } from '../projections.js';
import { migrateReadModels } from '../store/migrations.js';
import { openReadModelDb, type ReadModelDb } from '../store/read-model-database.js';

/** Deletes a SQLite file and whatever journal or log it left beside it. */
export const removeWithSideFiles = (file: string): void => {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
};

/**
 * How a rebuild's new file is written, where nothing else opens it and a killed rebuild's file is
 * thrown away: no log, so each page is written once rather than to the WAL and then copied into
 * the file (the rollback journal is kept in memory, for the rollback of a batch that fails and is
 * applied again projection by projection); no syncs, since the file is synced once before it is
 * renamed; and held exclusively, so no other connection can open it.
 */
const NEW_FILE_PRAGMAS = ['journal_mode = MEMORY', 'synchronous = OFF', 'locking_mode = EXCLUSIVE'];

/** A new, empty read-model file with every table, opened for a rebuild to write. */
export async function openNewFile(file: string): Promise<ReadModelDb> {
  removeWithSideFiles(file);
  const db = openReadModelDb({ kind: 'sqlite', file });
  try {
    for (const pragma of NEW_FILE_PRAGMAS) await sql.raw(`pragma ${pragma}`).execute(db);
    await migrateReadModels(db, allReadModelMigrations());
    return db;
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
