/**
 * W1's appends in one process, for profiling: `node --conditions=source --import tsx --cpu-prof
 * bench/tools/profile-appends.ts <appenders> <events>`.
 */
import { systemClock } from '#casetrail/domain';
import { SqliteEventStore } from '#casetrail/event-store';
import { appendEventByEvent, countEvents, planStreams } from '../lib/append-plan.js';
import { perSecond } from '../lib/stats.js';
import { tempDir } from '../lib/temp-dir.js';
const temp = tempDir('prof');
const store = SqliteEventStore.open(temp.file('events.sqlite'), { clock: systemClock });
const conc = Number(process.argv[2] ?? 1);
const streams = planStreams(Number(process.argv[3] ?? 5000), 77, 'p');
const start = process.hrtime.bigint();
await appendEventByEvent(streams, conc, async (s, i) => { await store.appendToStream(s.streamId, [s.events[i]!], { expectedRevision: i === 0 ? 'no-stream' : i - 1 }); });
console.log('events/s', perSecond(countEvents(streams), start), process.cpuUsage());
await store.close(); temp.remove();
