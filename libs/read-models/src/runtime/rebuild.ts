import { START, type EventStore } from '#casetrail/event-store';
import type { ReadModelDb } from '../store/read-model-database.js';
import { applyOrLocate } from './apply-batch.js';
import { writeCheckpoint } from './checkpoints.js';
import type { Projection } from './projection.js';

export interface RebuildProgress {
  readonly projection: string;
  readonly position: number;
  readonly head: number;
  readonly events: number;
}

/**
 * Rebuilds a projection from position 0: clears its tables and checkpoint in one transaction,
 * then replays the whole log through the same batch code the live runner uses. Killed part-way,
 * running it again starts over and ends in the same rows.
 */
export async function rebuildProjection(
  store: EventStore,
  db: ReadModelDb,
  projection: Projection,
  onProgress: (progress: RebuildProgress) => void = () => {},
  batchSize = 2_000,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const table of projection.tables) await trx.deleteFrom(table.name).execute();
    await writeCheckpoint(trx, projection.name, START);
  });
  const head = await store.headPosition();
  let position = START;
  let events = 0;
  for (;;) {
    const batch = await store.readAll({ after: position, maxCount: batchSize });
    if (batch.length === 0) break;
    position = await applyOrLocate(db, projection, batch);
    events += batch.length;
    onProgress({ projection: projection.name, position, head, events });
  }
}
