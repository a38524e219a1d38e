import { randomUUID } from 'node:crypto';
import type { EventMetadataInput, EventStore, NewEvent, RecordedEvent } from '../event-store.port.js';

/** Handed to each contract test: the store under test, fresh for the test. */
export type StoreUnderTest = () => EventStore;

/** A stream no other test touches, so the suite also runs against a shared server. */
export const newStreamId = (category = 'ServiceCase'): string => `${category}-${randomUUID()}`;

export function newEvent(type = 'Tested.v1', data: Record<string, unknown> = {}, metadata: Partial<EventMetadataInput> = {}): NewEvent {
  const eventId = randomUUID();
  return {
    type,
    data: { note: `event ${eventId.slice(0, 8)}`, ...data },
    metadata: {
      eventId,
      commandId: randomUUID(),
      correlationId: randomUUID(),
      causationId: null,
      actor: { id: 'agent-7', role: 'agent' },
      occurredAt: '2026-03-02T08:00:00.000Z',
      ...metadata,
    },
  };
}

export const newEvents = (count: number, type = 'Tested.v1'): NewEvent[] =>
  Array.from({ length: count }, (_, i) => newEvent(type, { index: i }));

/** Lets the event loop run a few full turns: long enough for anything already due to happen. */
export async function settledWithinTurns(promise: Promise<unknown>, turns = 10): Promise<boolean> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let i = 0; i < turns && !settled; i += 1) await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

/** Pulls batches until `count` events of the given streams have arrived (others are ignored). */
export async function takeEvents(
  iterator: AsyncIterator<readonly RecordedEvent[]>,
  streams: ReadonlySet<string>,
  count: number,
): Promise<RecordedEvent[]> {
  const taken: RecordedEvent[] = [];
  while (taken.length < count) {
    const next = await iterator.next();
    if (next.done) throw new Error(`The subscription ended after ${taken.length} of ${count} events`);
    taken.push(...next.value.filter((event) => streams.has(event.streamId)));
  }
  return taken;
}

export const eventIds = (events: readonly { readonly metadata: { readonly eventId: string } }[]): string[] =>
  events.map((event) => event.metadata.eventId);
