// Copies a store's events into a new store in `occurredAt` order, one event per append, as a live
// service writes its log (a case's events among other cases'); the bench's generated store holds
// each case whole. Holds every event in memory: for size S, not M.
// Run (after npm run build): node bench/tools/interleave-store.mjs <dataDir> <newDataDir>
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock } from '#casetrail/domain';
import { SqliteEventStore } from '#casetrail/event-store';

const [from, to] = process.argv.slice(2);
rmSync(to, { recursive: true, force: true });
mkdirSync(to, { recursive: true });
const source = SqliteEventStore.open(join(from, 'events.sqlite'), { clock: systemClock });
const events = [];
for (let after = 0; ; ) {
  const batch = await source.readAll({ after, maxCount: 10_000 });
  if (batch.length === 0) break;
  events.push(...batch);
  after = batch[batch.length - 1].position;
}
await source.close();
const at = (e) => e.metadata.occurredAt;
events.sort((a, b) => (at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : a.position - b.position));

const target = SqliteEventStore.open(join(to, 'events.sqlite'), { clock: systemClock });
// Appends to different streams run concurrently (the group commit); each stream's stay in order.
const tails = new Map();
let inFlight = [];
for (const e of events) {
  const { recordedAt, prevHash, ...metadata } = e.metadata;
  const append = () => target.appendToStream(e.streamId, [{ type: e.type, data: e.data, metadata }], { expectedRevision: e.revision === 0 ? 'no-stream' : e.revision - 1 });
  const tail = (tails.get(e.streamId) ?? Promise.resolve()).then(append);
  tails.set(e.streamId, tail);
  inFlight.push(tail);
  if (inFlight.length >= 2_000) {
    await Promise.all(inFlight);
    inFlight = [];
  }
}
await Promise.all(inFlight);
process.stdout.write(`${await target.headPosition()} events in ${to}\n`);
await target.close();
