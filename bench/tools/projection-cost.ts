/**
 * CPU per event of each projection's live `apply`, by batch size: `node --conditions=source --import tsx
 * bench/tools/projection-cost.ts [batchSize…]` (default 9 36). W3's command mix runs for 10 s against a
 * copy of the size-S data set with the projections off (run the bench once first), then the events it
 * appended are applied batch by batch to a fresh copy of the read models, as the live runner does
 * (one transaction per projection and batch, lease fence and checkpoint included): to each projection
 * alone, then to all six. Events are read before timing; CPU is the process's, GC included.
 */
import { copyFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock } from '#casetrail/domain';
import { SqliteEventStore, type RecordedEvent } from '#casetrail/event-store';
import { ALL_PROJECTIONS, applyBatch, openReadModelDb, ProjectionLease, readCheckpoint, type Projection } from '#casetrail/read-models';
import { datasetDir } from '../lib/dataset.js';
import { startServer } from '../lib/server.js';
import { SIZES } from '../lib/sizes.js';
import { tempDir } from '../lib/temp-dir.js';
import { load, openCases } from '../workloads/w3-http.js';

const batchSizes = process.argv.slice(2).map(Number);
const WARM_UP = 1_000;

const copy = tempDir('projection-cost');
try {
  cpSync(datasetDir(SIZES.S), copy.dir, { recursive: true });
  const server = await startServer(copy.dir, [], undefined, { CASETRAIL_PROJECTIONS: 'off' });
  try {
    await load(server, await openCases(server), 10, 1_000);
  } finally {
    await server.stop();
  }
  const readModels = join(copy.dir, 'read-models.sqlite');
  const probe = openReadModelDb({ kind: 'sqlite', file: readModels });
  const from = (await readCheckpoint(probe, 'audit'))!.position;
  await probe.destroy();
  const store = SqliteEventStore.open(join(copy.dir, 'events.sqlite'), { clock: systemClock });
  const events = await store.readAll({ after: from, maxCount: 1_000_000 });
  await store.close();
  console.log(`${events.length} events appended by W3 (a report for every four progress updates), the first ${WARM_UP} as a warm-up`);

  const run = async (projections: readonly Projection[], batchSize: number): Promise<number> => {
    const file = join(copy.dir, `cost-${batchSize}.sqlite`);
    copyFileSync(readModels, file);
    const db = openReadModelDb({ kind: 'sqlite', file });
    try {
      const leases = projections.map((p) => new ProjectionLease(db, p.name));
      for (const lease of leases) await lease.tryAcquire();
      const apply = async (batch: readonly RecordedEvent[]) => {
        for (const [i, projection] of projections.entries()) await applyBatch(db, projection, batch, (trx) => leases[i]!.fence(trx));
      };
      for (let i = 0; i < WARM_UP; i += batchSize) await apply(events.slice(i, Math.min(i + batchSize, WARM_UP)));
      const before = process.cpuUsage();
      for (let i = WARM_UP; i < events.length; i += batchSize) await apply(events.slice(i, i + batchSize));
      const used = process.cpuUsage(before);
      return (used.user + used.system) / (events.length - WARM_UP);
    } finally {
      await db.destroy();
    }
  };
  for (const batchSize of batchSizes.length > 0 ? batchSizes : [9, 36]) {
    const each = [];
    for (const projection of ALL_PROJECTIONS) each.push(`${projection.name} ${(await run([projection], batchSize)).toFixed(0)}`);
    console.log(`batches of ${batchSize}: all six ${(await run(ALL_PROJECTIONS, batchSize)).toFixed(0)} µs/event (${each.join(', ')})`);
  }
} finally {
  copy.remove();
}
