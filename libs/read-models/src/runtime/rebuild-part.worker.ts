/**
 * The second thread of a whole-file rebuild (`rebuildReadModelFile`): some projections rebuilt
 * into a part file of their own, from the events file read on this thread, with their indexes left
 * deferred since the main thread copies the rows into the new file and indexes them there.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { systemClock } from '#casetrail/domain';
import { SqliteEventStore } from '#casetrail/event-store';
import { ALL_PROJECTIONS } from '../projections.js';
import { ProjectionFailure } from './apply-batch.js';
import { PART_CACHE_KIB, type FromRebuildPart, type RebuildPartData } from './rebuild-part.protocol.js';
import { openNewFile } from './new-file.js';
import { rebuildProjections } from './rebuild.js';

const port = parentPort!;
const { eventsFile, file, projections, upTo, batchSize } = workerData as RebuildPartData;
const send = (message: FromRebuildPart): void => port.postMessage(message);

const store = SqliteEventStore.open(eventsFile, { clock: systemClock });
const db = await openNewFile(file);
try {
  const mine = ALL_PROJECTIONS.filter((p) => projections.includes(p.name));
  await rebuildProjections(store, db, mine, (progress) => send({ type: 'progress', progress }), {
    batchSize,
    bulk: true,
    upTo,
    buildIndexes: false,
    cacheKiB: PART_CACHE_KIB,
  });
  await db.destroy();
  send({ type: 'done' });
} catch (error) {
  await db.destroy().catch(() => undefined);
  const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
  send(
    error instanceof ProjectionFailure
      ? { type: 'failed', message: messageOf(error.cause), projection: error.projection, position: error.position }
      : { type: 'failed', message: messageOf(error) },
  );
} finally {
  await store.close();
}
