import { closeSync, existsSync, fsyncSync, openSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from '../store/kysely-runtime.js';
import type { EventStore } from '#casetrail/event-store';
import { ALL_PROJECTIONS } from '../projections.js';
import { openNewFile, removeWithSideFiles } from './new-file.js';
import { RebuildPart } from './rebuild-part.js';
import { PART_CACHE_KIB } from './rebuild-part.protocol.js';
import { rebuildProjections, type RebuildProgress } from './rebuild.js';

/** The embedded read-model file is open elsewhere: a running service or projector. */
export class ReadModelFileInUseError extends Error {
  constructor(readonly file: string) {
    super(`${file} is open in another process (stop the service and projector before rebuilding)`);
  }
}

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
 * The projections a whole-file rebuild runs on its second thread: SLA's `apply` took 123 of the
 * six projections' 232 s at size M, and the main thread also builds every index and copies the
 * part's rows in at the end (with case summaries, complaints and satisfaction on the second thread
 * as well, the main thread waited for it: 414 s against 343 s).
 */
export const PART_PROJECTIONS: readonly string[] = ['sla'];

export interface RebuildFileOptions {
  readonly batchSize?: number;
  /**
   * The embedded event store's file: when given, the `part` projections are rebuilt on a second
   * thread that reads it too, into a file of their own copied into the new one at the end.
   */
  readonly eventsFile?: string;
  /** The projections rebuilt on the second thread (default `PART_PROJECTIONS`). */
  readonly part?: readonly string[];
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
  options: RebuildFileOptions = {},
): Promise<void> {
  assertNotInUse(file);
  const next = `${file}.rebuilding`;
  try {
    await buildInto(next, store, onProgress, options);
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

async function buildInto(file: string, store: EventStore, onProgress: (progress: RebuildProgress) => void = () => {}, options: RebuildFileOptions): Promise<void> {
  const { batchSize, eventsFile } = options;
  // Both threads stop at the same event, whatever is appended meanwhile.
  const upTo = await store.headPosition();
  const onPart = eventsFile === undefined ? [] : (options.part ?? PART_PROJECTIONS);
  const here = ALL_PROJECTIONS.filter((p) => !onPart.includes(p.name));
  const there = ALL_PROJECTIONS.filter((p) => onPart.includes(p.name));
  const db = await openNewFile(file);
  let part: RebuildPart | null = null;
  let last: RebuildProgress | undefined;
  try {
    const running = (part = there.length > 0 ? new RebuildPart(there, `${file}.part`, eventsFile!, upTo, batchSize) : null);
    const report = running ? (p: RebuildProgress) => onProgress(running.merge((last = p))) : onProgress;
    // In bulk: nothing reads this file before the rename, and a killed rebuild's file is discarded.
    // The main thread's projections are indexed while the second thread may still be replaying.
    await rebuildProjections(store, db, here, report, { batchSize, bulk: true, upTo, ...(running ? { cacheKiB: PART_CACHE_KIB } : {}) });
    if (running) {
      await running.copyInto(db);
      if (last) report(last);
    }
    // The file goes into service in WAL mode, as `openReadModelDb` would set it.
    await sql`pragma journal_mode = WAL`.execute(db);
  } finally {
    await part?.close();
    await db.destroy();
  }
}
