import type { NewEvent } from '#casetrail/event-store';
import { toNewEvents } from '../generator/append-generated.js';
import { generateCases } from '../generator/case-generator.js';
import { GENERATOR_START } from './sizes.js';

/** A case history to append one event at a time, as the command handler would. */
export interface PlannedStream {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
}

/**
 * Realistic streams for the append workloads: generated cases with fresh event ids each call
 * (the store refuses a repeated id), long-tail cases capped so one run is not one giant case.
 * Ids are time-ordered, as the service's generator makes them, unless `nextId` says otherwise.
 */
export function planStreams(minEvents: number, seed: number, prefix: string, nextId?: () => string): PlannedStream[] {
  const streams: PlannedStream[] = [];
  let total = 0;
  for (const generated of generateCases(Number.MAX_SAFE_INTEGER, { seed, start: GENERATOR_START, spanDays: 365 })) {
    const events = toNewEvents(generated, nextId).slice(0, 40);
    streams.push({ streamId: `${prefix}-${generated.caseId}`, events });
    total += events.length;
    if (total >= minEvents) break;
  }
  return streams;
}

export function countEvents(streams: readonly PlannedStream[]): number {
  return streams.reduce((n, s) => n + s.events.length, 0);
}

/** Runs `appendOne` for every event, `concurrency` streams at a time, each stream in order. */
export async function appendEventByEvent(
  streams: readonly PlannedStream[],
  concurrency: number,
  appendOne: (stream: PlannedStream, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < streams.length) {
      const stream = streams[next++]!;
      for (let i = 0; i < stream.events.length; i += 1) await appendOne(stream, i);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
