import { performance } from 'node:perf_hooks';
import type { RecordedEvent } from '#casetrail/event-store';
import type { ReadModelDb } from '../store/read-model-database.js';
import { applyOrLocate } from './apply-batch.js';
import { writeCheckpoint } from './checkpoints.js';
import type { Projection } from './projection.js';
import { toProjected } from './to-projected.js';

/**
 * Applies a batch to every projection in one transaction, each projection's checkpoint moved in
 * it, events upcast once for all. The projections must all stand just before the batch (a
 * rebuild from zero). When it fails, each projection retries on its own with `applyOrLocate`, which
 * commits what it can and names the projection and position that cannot be projected.
 * `applyMs` accumulates the time spent in each projection's `apply`. `bulk`: each projection's
 * `bulkRebuild.apply` where it has one (the retries use `apply`, whose rows `finish` rewrites).
 */
export async function applyToAll(
  db: ReadModelDb,
  projections: readonly Projection[],
  batch: readonly RecordedEvent[],
  applyMs: Record<string, number>,
  bulk = false,
): Promise<number> {
  const last = batch[batch.length - 1]!.position;
  try {
    const projected = batch.map(toProjected);
    await db.transaction().execute(async (trx) => {
      for (const projection of projections) {
        const started = performance.now();
        await (bulk && projection.bulkRebuild ? projection.bulkRebuild.apply(trx, projected) : projection.apply(trx, projected));
        applyMs[projection.name] = (applyMs[projection.name] ?? 0) + performance.now() - started;
        await writeCheckpoint(trx, projection.name, last);
      }
    });
    return last;
  } catch {
    for (const projection of projections) await applyOrLocate(db, projection, batch);
    return last;
  }
}
