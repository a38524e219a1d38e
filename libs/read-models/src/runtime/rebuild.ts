import { performance } from 'node:perf_hooks';
import { START, type EventStore, type RecordedEvent } from '#casetrail/event-store';
import type { ReadModelDb } from '../store/read-model-database.js';
import { applyToAll } from './apply-to-all.js';
import { writeCheckpoint } from './checkpoints.js';
import type { Projection } from './projection.js';
import { deferIndexes, onSqlite, restoreIndexes, withRebuildSettings } from './rebuild-sqlite.js';

export interface RebuildProgress {
  readonly position: number;
  readonly head: number;
  readonly events: number;
  /** Milliseconds spent so far in each projection's `apply`, by projection name. */
  readonly applyMs: Readonly<Record<string, number>>;
}

/**
 * Events per read and per transaction. Measured at size S: 5,000 was no faster than 2,000 and
 * raised peak RSS (each batch's events and rows are garbage the heap has to hold until collected).
 */
export const REBUILD_BATCH_SIZE = 2_000;

export interface RebuildOptions {
  readonly batchSize?: number;
  /** Each projection's `bulkRebuild` where it has one (see `rebuildProjections`). */
  readonly bulk?: boolean;
  /** The last position replayed (default: the head when the replay starts), so two threads stop at the same event. */
  readonly upTo?: number;
  /** SQLite: false leaves the deferred indexes unbuilt, for a part file whose rows are copied into another. */
  readonly buildIndexes?: boolean;
  /** SQLite: the connection's page cache while it replays (default 32 MB). */
  readonly cacheKiB?: number;
}

/**
 * Rebuilds projections from position 0 in one pass over the log: clears their tables and
 * checkpoints in one transaction, then reads each batch once and applies it to every projection
 * in one transaction that also moves each one's checkpoint. Killed part-way, running it again
 * starts over and ends in the same rows. `bulk` uses each projection's `bulkRebuild`: only for
 * tables nothing reads before the rebuild ends, and which a killed rebuild leaves unused (a new
 * file), since the checkpoints reach the head before `finish` has written its rows.
 */
export async function rebuildProjections(
  store: EventStore,
  db: ReadModelDb,
  projections: readonly Projection[],
  onProgress: (progress: RebuildProgress) => void = () => {},
  options: RebuildOptions = {},
): Promise<void> {
  const sqlite = onSqlite(db);
  await db.transaction().execute(async (trx) => {
    if (sqlite) await deferIndexes(trx, projections.flatMap((p) => p.tables.map((t) => t.name)));
    for (const projection of projections) {
      for (const table of projection.tables) await trx.deleteFrom(table.name).execute();
      await writeCheckpoint(trx, projection.name, START);
    }
  });
  const replay = (): Promise<void> => replayInto(store, db, projections, onProgress, options);
  if (!sqlite) return replay();
  try {
    await withRebuildSettings(db, replay, options.cacheKiB);
  } catch (error) {
    // Stopped on an event: the live projections must not be left without their indexes.
    if (options.buildIndexes !== false) await restoreIndexes(db).catch(() => undefined);
    throw error;
  }
  if (options.buildIndexes !== false) await restoreIndexes(db);
}

/** The events after `after` up to `upTo`, at most `count` of them. */
async function readUpTo(store: EventStore, after: number, upTo: number, count: number): Promise<readonly RecordedEvent[]> {
  const batch = await store.readAll({ after, maxCount: count });
  const last = batch[batch.length - 1];
  return last === undefined || last.position <= upTo ? batch : batch.filter((e) => e.position <= upTo);
}

async function replayInto(
  store: EventStore,
  db: ReadModelDb,
  projections: readonly Projection[],
  onProgress: (progress: RebuildProgress) => void,
  { batchSize = REBUILD_BATCH_SIZE, bulk = false, upTo }: RebuildOptions,
): Promise<void> {
  const head = upTo ?? (await store.headPosition());
  const applyMs = Object.fromEntries(projections.map((p) => [p.name, 0]));
  let position = START;
  let events = 0;
  for (;;) {
    const batch = await readUpTo(store, position, head, batchSize);
    if (batch.length === 0) break;
    position = await applyToAll(db, projections, batch, applyMs, bulk);
    events += batch.length;
    onProgress({ position, head, events, applyMs });
  }
  if (!bulk) return;
  for (const projection of projections) {
    const started = performance.now();
    await projection.bulkRebuild?.finish(db);
    applyMs[projection.name]! += performance.now() - started;
  }
  onProgress({ position, head, events, applyMs });
}

/** One projection alone: the same single pass. */
export const rebuildProjection = (
  store: EventStore,
  db: ReadModelDb,
  projection: Projection,
  onProgress?: (progress: RebuildProgress) => void,
  batchSize?: number,
): Promise<void> => rebuildProjections(store, db, [projection], onProgress, { batchSize });
