import { randomUUID } from 'node:crypto';
import { systemClock } from '#casetrail/domain';
import { SqliteEventStore } from '#casetrail/event-store';
import { appendEventByEvent, countEvents, planStreams, type PlannedStream } from '../lib/append-plan.js';
import type { SizeProfile } from '../lib/sizes.js';
import { figure, perSecond, repeat, type Figure } from '../lib/stats.js';
import { tempDir } from '../lib/temp-dir.js';

export const CONCURRENT_APPENDERS = 64;

const expectedRevision = (index: number) => (index === 0 ? ('no-stream' as const) : index - 1);

export interface PortWorkload {
  singleAppends(run: number): Promise<number>;
  concurrentAppends(run: number): Promise<number>;
  /** The same with random (v4) event ids: an HTTP command carrying an idempotency key derives its event ids from it, and those are as random. */
  concurrentAppendsRandomIds(run: number): Promise<number>;
  readStreams(): Promise<number[]>;
  close(): Promise<void>;
}

/**
 * W1, casetrail's port on SQLite: one event per append with its expected revision (and the hash
 * chain the store computes), first one appender awaiting each append, then many appenders at
 * once (group commit); then reading whole case streams back.
 */
export function openEventStore(size: SizeProfile): PortWorkload {
  const temp = tempDir('w1');
  const store = SqliteEventStore.open(temp.file('events.sqlite'), { clock: systemClock });
  const append = async (stream: PlannedStream, i: number) => {
    await store.appendToStream(stream.streamId, [stream.events[i]!], { expectedRevision: expectedRevision(i) });
  };
  const concurrently = async (streams: readonly PlannedStream[]): Promise<number> => {
    const start = process.hrtime.bigint();
    await appendEventByEvent(streams, CONCURRENT_APPENDERS, append);
    return perSecond(countEvents(streams), start);
  };
  return {
    singleAppends: async (run) => {
      const streams = planStreams(size.singleAppends, 1000 + run, `w1s${run}`);
      const start = process.hrtime.bigint();
      await appendEventByEvent(streams, 1, append);
      return perSecond(countEvents(streams), start);
    },
    concurrentAppends: (run) => concurrently(planStreams(size.concurrentEvents, 2000 + run, `w1c${run}`)),
    concurrentAppendsRandomIds: (run) => concurrently(planStreams(size.concurrentEvents, 2500 + run, `w1v${run}`, randomUUID)),
    readStreams: async () => {
      const readable = planStreams(2_000, 3000, 'w1r');
      await appendEventByEvent(readable, CONCURRENT_APPENDERS, append);
      meanLength = countEvents(readable) / readable.length;
      return repeat(size.runs, async () => {
        const start = process.hrtime.bigint();
        let events = 0;
        for (let i = 0; i < 20_000; i += 1) events += (await store.readStream(readable[i % readable.length]!.streamId)).length;
        return perSecond(events, start);
      });
    },
    close: async () => {
      await store.close();
      temp.remove();
    },
  };
}

let meanLength = 8;

export const portFigures = (single: number[], concurrent: number[], concurrentRandomIds: number[], reads: number[]): Record<string, Figure> => ({
  singleAppends: figure('single-event appends, one appender awaiting each (expected revision + hash chain)', 'events/s', single),
  concurrentAppends: figure(`single-event appends, ${CONCURRENT_APPENDERS} concurrent appenders (group commit), time-ordered event ids`, 'events/s', concurrent),
  concurrentAppendsRandomIds: figure(`the same with random (v4) event ids, as ids derived from an idempotency key are`, 'events/s', concurrentRandomIds),
  readStream: figure(`case streams read whole (mean ${meanLength.toFixed(1)} events)`, 'events/s', reads),
});
