// W4's measured process: plain JavaScript on the built libraries (dist/), so its peak RSS is the
// rebuild's own, without a TypeScript loader. Run: node bench/workloads/rebuild-child.mjs <dataDir>
import { join } from 'node:path';
import { systemClock } from '#casetrail/domain';
import { SqliteEventStore } from '#casetrail/event-store';
import { ALL_PROJECTIONS, allReadModelMigrations, migrateReadModels, openReadModelDb, rebuildProjection } from '#casetrail/read-models';

const dataDir = process.argv[2];
const store = SqliteEventStore.open(join(dataDir, 'events.sqlite'), { clock: systemClock });
const db = openReadModelDb({ kind: 'sqlite', file: join(dataDir, 'read-models.sqlite') });
await migrateReadModels(db, allReadModelMigrations());
const head = await store.headPosition();
const perProjection = {};
const started = process.hrtime.bigint();
for (const projection of ALL_PROJECTIONS) {
  const t0 = process.hrtime.bigint();
  await rebuildProjection(store, db, projection);
  perProjection[projection.name] = Math.round(head / (Number(process.hrtime.bigint() - t0) / 1e9));
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
await db.destroy();
await store.close();
process.stdout.write(JSON.stringify({ events: head, projections: ALL_PROJECTIONS.length, seconds, maxRssMB: process.resourceUsage().maxRSS / 1024, perProjection }));
