// W4's measured process: plain JavaScript on the built libraries (dist/), so its peak RSS is the
// rebuild's own, without a TypeScript loader. Run: node bench/workloads/rebuild-child.mjs <dataDir> [batchSize] [threads: 2 (default) | 1]
import { join } from 'node:path';
import { systemClock } from '#casetrail/domain';
import { SqliteEventStore } from '#casetrail/event-store';
import { ALL_PROJECTIONS, rebuildReadModelFile } from '#casetrail/read-models';

const [dataDir, batchSize, threads] = process.argv.slice(2);
const store = SqliteEventStore.open(join(dataDir, 'events.sqlite'), { clock: systemClock });
const file = join(dataDir, 'read-models.sqlite');
let applyMs = {};
const started = process.hrtime.bigint();
// As `cli rebuild [--threads 1|2]` does on the embedded file (two threads unless 1): a new file built beside the old one, then swapped in.
await rebuildReadModelFile(store, file, (p) => (applyMs = p.applyMs), {
  batchSize: batchSize ? Number(batchSize) : undefined,
  ...(threads === '1' ? {} : { eventsFile: join(dataDir, 'events.sqlite') }),
});
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const { user, system } = process.cpuUsage();
const events = await store.headPosition();
await store.close();
const applySeconds = Object.fromEntries(Object.entries(applyMs).map(([name, ms]) => [name, ms / 1000]));
process.stdout.write(JSON.stringify({ events, projections: ALL_PROJECTIONS.length, seconds, maxRssMB: process.resourceUsage().maxRSS / 1024, cpuSeconds: (user + system) / 1e6, applySeconds }));
