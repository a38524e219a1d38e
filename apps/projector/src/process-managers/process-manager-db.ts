import { join } from 'node:path';
import {
  checkpointMigrations,
  leaseMigrations,
  migrateReadModels,
  openReadModelDb,
  readCheckpoint,
  writeCheckpoint,
  type ReadModelDb,
  type RunningProjections,
} from '#casetrail/read-models';

/** The file beside the read models where the API thread's process managers keep their checkpoints and leases. */
export const PROCESS_MANAGER_FILE = 'process-managers.sqlite';

/**
 * With the projections on a worker thread, the process managers stay on the API thread (they
 * append through its sealing store and group commit). If they kept their checkpoints in the
 * read-model file, every batch would wait for the worker's write lock, and SQLite waits by
 * sleeping the calling thread (1 ms, 2 ms, 5 ms…), stalling every request in flight. So they get
 * a file of their own. A process manager with no checkpoint there yet starts from the one it
 * left in the read-model file (builds before this file existed), not from the first event.
 */
export async function openProcessManagerDb(dataDir: string, readModels: ReadModelDb, names: readonly string[]): Promise<ReadModelDb> {
  const db = openReadModelDb({ kind: 'sqlite', file: join(dataDir, PROCESS_MANAGER_FILE) });
  await migrateReadModels(db, { ...checkpointMigrations, ...leaseMigrations });
  for (const name of names) {
    if (await readCheckpoint(db, name)) continue;
    const earlier = await readCheckpoint(readModels, name);
    if (earlier?.status === 'running') await writeCheckpoint(db, name, earlier.position);
  }
  return db;
}

/** `host` whose `stop` also closes the file it keeps its checkpoints in. */
export function closingOnStop(host: RunningProjections, db: ReadModelDb): RunningProjections {
  return {
    start: () => host.start(),
    statuses: () => host.statuses(),
    waitFor: (position) => host.waitFor(position),
    stop: async () => {
      await host.stop();
      await db.destroy();
    },
  };
}
