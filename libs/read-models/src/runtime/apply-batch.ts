import type { RecordedEvent } from '#casetrail/event-store';
import type { ReadModelDb } from '../store/read-model-database.js';
import { readCheckpoint, startOf, writeCheckpoint } from './checkpoints.js';
import type { Projection } from './projection.js';
import { LeaseLostError } from './projection-lease.js';
import { toProjected } from './to-projected.js';

/**
 * Applies a batch and moves the checkpoint in one transaction. Events at or before the stored
 * checkpoint are dropped first, so a re-delivered batch changes nothing. Returns the new checkpoint.
 */
export type Fence = (trx: ReadModelDb) => Promise<void>;

export async function applyBatch(db: ReadModelDb, projection: Projection, batch: readonly RecordedEvent[], fence?: Fence): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await fence?.(trx);
    const checkpoint = startOf(await readCheckpoint(trx, projection.name));
    const fresh = batch.filter((e) => e.position > checkpoint);
    if (fresh.length === 0) return checkpoint;
    await projection.apply(trx, fresh.map(toProjected));
    const last = fresh[fresh.length - 1]!.position;
    await writeCheckpoint(trx, projection.name, last);
    return last;
  });
}

export class ProjectionFailure extends Error {
  constructor(
    readonly projection: string,
    readonly position: number,
    override readonly cause: unknown,
  ) {
    super(`Projection ${projection} failed at position ${position}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/**
 * Applies a batch; when it fails, replays it one event per transaction to commit everything before
 * the culprit and name the exact position that cannot be projected.
 */
export async function applyOrLocate(db: ReadModelDb, projection: Projection, batch: readonly RecordedEvent[], fence?: Fence): Promise<number> {
  try {
    return await applyBatch(db, projection, batch, fence);
  } catch (error) {
    if (error instanceof LeaseLostError) throw error;
    let checkpoint = 0;
    for (const event of batch) {
      try {
        checkpoint = await applyBatch(db, projection, [event], fence);
      } catch (cause) {
        throw new ProjectionFailure(projection.name, event.position, cause);
      }
    }
    return checkpoint;
  }
}
