// Verifies every hash chain of a store file with the built code: node bench/tools/verify-store.mjs <events.sqlite>
import { systemClock } from '#casetrail/domain';
import { SqliteEventStore, verifyAllStreams } from '#casetrail/event-store';
const store = SqliteEventStore.open(process.argv[2], { clock: systemClock });
const t = process.hrtime.bigint();
const r = await verifyAllStreams(store);
console.log(r.totals, Math.round(r.totals.events / (Number(process.hrtime.bigint() - t) / 1e9)), 'events/s');
await store.close();
